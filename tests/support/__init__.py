"""Helpers the tests share: factories of reports, Office documents made by hand, LibreOffice, the window."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
