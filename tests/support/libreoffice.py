"""Convert documents with LibreOffice headless, each run with a private profile."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(source: Path, target_format: str, out_dir: Path, timeout: int = 180) -> Path:
    """Convert ``source`` (e.g. to "pdf" or "xlsx"); returns the converted file's path."""
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
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=timeout,
        )
    extension = target_format.split(":", 1)[0]
    result = out_dir / f"{source.stem}.{extension}"
    if not result.exists():
        raise RuntimeError(f"LibreOffice did not write {result.name}")
    return result
