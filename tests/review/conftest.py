"""One folder of 40 units' reports for the desk's tests (writing it takes a few seconds)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.gui_window import FakeDialogs, isolate
from tests.support.review_folder import Folder, build_folder


@pytest.fixture(scope="session")
def built_folder(tmp_path_factory: pytest.TempPathFactory, qapp: object) -> Folder:
    """Written once; its PDFs by 导出 PDF, which paints with Qt (pytest-qt's application)."""
    return build_folder(tmp_path_factory.mktemp("desk"))


@pytest.fixture
def folder(built_folder: Folder, tmp_path: Path) -> Folder:
    """A copy of the folder of its own (tests write review files into it)."""
    target = tmp_path / "报告"
    shutil.copytree(built_folder.path, target)
    for files in built_folder.files.values():
        for file in files:  # copytree keeps the times: the newer file stays newer
            assert (target / file.name).exists()
    return Folder(
        target,
        built_folder.roster,
        built_folder.reports,
        built_folder.levels,
        {u: [target / f.name for f in fs] for u, fs in built_folder.files.items()},
        built_folder.with_errors,
        built_folder.off_roster,
        built_folder.missing,
    )


@pytest.fixture
def seam(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeDialogs:
    """As in tests/gui: settings and recovery files in the test's folder, dialogs answered by a script."""
    isolate(tmp_path, monkeypatch)
    return FakeDialogs()
