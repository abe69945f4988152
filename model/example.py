"""The built-in example report: the figures of a real 2020 report (2019 format) with placeholder prose."""

from __future__ import annotations

from importlib import resources

from model import draft
from model.report import Report

EXAMPLE_NAME = "example.nianbao"


def example_bytes() -> bytes:
    return resources.files("resources").joinpath(EXAMPLE_NAME).read_bytes()


def load_example() -> Report:
    """A fresh copy of the example report (杭州市城市管理局, 2020)."""
    return draft.loads(example_bytes(), EXAMPLE_NAME)
