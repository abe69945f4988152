"""Shared test set-up: Qt offscreen, the example report, and LibreOffice when it is installed."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.support.libreoffice import soffice_path  # noqa: E402


@pytest.fixture
def example():
    from model.example import load_example

    return load_example()


@pytest.fixture(scope="session")
def soffice():
    """Path of LibreOffice's soffice; skips the test with the reason where it is missing (the only skip)."""
    path = soffice_path()
    if path is None:
        pytest.skip(
            "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer libreoffice-calc"
        )
    return path
