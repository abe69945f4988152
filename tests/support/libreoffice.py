"""Convert documents with LibreOffice headless, each run with a private profile."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(source: Path, target_format: str, out_dir: Path, timeout: int = 180) -> Path:
    """Convert ``source`` (e.g. to "pdf" or "xlsx"); returns the converted file's path."""
    return convert_many([source], target_format, out_dir, timeout)[source.stem]


def convert_many(
    sources: Iterable[Path], target_format: str, out_dir: Path, timeout: int = 600
) -> dict[str, Path]:
    """Convert every source in one LibreOffice run (its start-up is most of the time); {stem: converted file}."""
    sources = list(sources)
    soffice = soffice_path()
    if soffice is None:
        raise RuntimeError("LibreOffice is not installed")
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                target_format,
                "--outdir",
                str(out_dir),
                *map(str, sources),
            ],
            check=True,
            capture_output=True,
            timeout=timeout,
        )
    extension = target_format.split(":", 1)[0]
    out = {source.stem: out_dir / f"{source.stem}.{extension}" for source in sources}
    missing = [path.name for path in out.values() if not path.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice did not write {missing}")
    return out
