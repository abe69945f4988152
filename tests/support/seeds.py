"""The seed report (the real 2020 report of 杭州市城市管理局, text copied from its web page) in the shared seeds
folder beside the repository; tests that read it are skipped, with the reason, where that folder is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
SEED_NAME = "000_666ea03b608989f8.txt"


def seed_path() -> Path:
    """The seed's path; skips the calling test when the seeds folder is not beside the repository."""
    if not SEEDS.is_dir():
        pytest.skip(f"the shared seeds folder {SEEDS} is not beside the repository: the seed test needs it")
    path = SEEDS / SEED_NAME
    assert path.is_file(), f"{SEED_NAME} is missing from {SEEDS}"
    return path
