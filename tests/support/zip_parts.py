"""Office packages taken apart and put together again, for tests that tamper with a part."""

from __future__ import annotations

import zipfile
from pathlib import Path


def parts_of(path: Path) -> dict[str, bytes]:
    """Every entry of the package, by name."""
    with zipfile.ZipFile(path) as source:
        return {name: source.read(name) for name in source.namelist()}


def package(path: Path, parts: dict[str, bytes]) -> Path:
    """A package of these entries, written to ``path``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path
