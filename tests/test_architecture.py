"""The architecture holds: model/ imports no Qt (import-linter), mypy strict is clean, ruff check and format pass."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def tool(name: str) -> list[str]:
    path = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert path is not None, f"{name} is not installed (pip install -e '.[test]')"
    return [path]


def test_import_contracts_hold():
    result = subprocess.run([*tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "model knows no Qt" in result.stdout


def test_model_imports_no_qt_even_lazily():
    """import-linter sees module-level and function-level imports; this also catches importlib strings."""
    for path in (ROOT / "model").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "PySide6" not in source and "shiboken" not in source, path.name
        ast.parse(source)


def test_mypy_strict_is_clean_on_every_package():
    result = subprocess.run([*tool("mypy")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_ruff_is_clean():
    result = subprocess.run([*tool("ruff"), "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_ruff_format_is_applied():
    result = subprocess.run(
        [*tool("ruff"), "format", "--check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout
