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

from hypothesis import settings  # noqa: E402

from tests.support.libreoffice import soffice_path  # noqa: E402

# The same examples on every run, so that CI gates on a fixed set; NIANBAO_FUZZ=explore draws new ones (and keeps
# what fails in .hypothesis/ to replay it).
settings.register_profile("fixed", derandomize=True, database=None)
settings.register_profile("explore")
settings.load_profile("explore" if os.environ.get("NIANBAO_FUZZ") == "explore" else "fixed")


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
