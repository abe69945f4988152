"""The window tests' seam: settings and recovery files in the test's folder, and dialogs answered by a script."""

from __future__ import annotations

import pytest

from tests.support.gui_window import FakeDialogs, isolate


@pytest.fixture
def seam(tmp_path, monkeypatch) -> FakeDialogs:  # type: ignore[no-untyped-def]
    isolate(tmp_path, monkeypatch)
    return FakeDialogs()
