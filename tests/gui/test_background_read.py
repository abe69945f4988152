"""Files are read off the GUI thread: while a slow read runs the window keeps processing events, 「正在读取…」 with
取消 appears, and 取消 leaves the window as it was. The slow read is a real draft behind a test-registered kind."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton

from gui import app
from model import draft
from model.report import Report
from tests.support.gui_window import drop_event, make_window
from tests.support.slow_kind import SUFFIX, SlowReads, register


@pytest.fixture
def slow(monkeypatch) -> SlowReads:  # type: ignore[no-untyped-def]
    reads = register(monkeypatch)
    yield reads
    reads.release.set()  # never leave a reader waiting
    assert reads.ended.wait(10) or not reads.started.is_set()


@pytest.fixture
def slow_file(tmp_path, example):  # type: ignore[no-untyped-def]
    path = tmp_path / f"上年报告{SUFFIX}"
    changed = example.copy()
    changed.set_value("t3.new.natural", 99)
    draft.save(changed, path)
    return path


def while_reading(seam, reads: SlowReads, act: Callable[[], None]) -> list[str]:  # type: ignore[no-untyped-def]
    """Once the progress dialog is up (the event loop turning meanwhile), note what is seen and ``act``."""
    seen: list[str] = []
    before = len(seam.progress)
    timer = QTimer()
    timer.setInterval(10)

    def look() -> None:
        seen.append("tick")  # a timer fired: the event loop runs while the reader is blocked
        if len(seam.progress) > before and seam.progress[-1].isVisible() and reads.started.is_set():
            timer.stop()
            dialog = seam.progress[-1]
            seen.append(dialog.labelText())
            seen.append("modal" if dialog.windowModality() == Qt.WindowModality.WindowModal else "")
            act()

    timer.timeout.connect(look)
    timer.start()
    return seen


def cancel(seam) -> Callable[[], None]:  # type: ignore[no-untyped-def]
    return lambda: seam.progress[-1].findChild(QPushButton).click()


def test_cancelling_a_slow_open_leaves_the_window_as_it_was(qtbot, seam, slow, slow_file, example):
    window = make_window(qtbot, example, dialogs=seam)
    window.document.set_cells({"t3.new.natural": "31"})
    title, steps = window.windowTitle(), window.document.undo_stack.count()
    seen = while_reading(seam, slow, cancel(seam))
    assert not window.files.open_path(str(slow_file), confirm=False)
    assert "tick" in seen and f"正在读取 {slow_file.name}…" in seen and "modal" in seen
    assert (
        window.document.report.values["t3.new.natural"] == 31 and window.document.undo_stack.count() == steps
    )
    assert window.windowTitle() == title and seam.kinds() == [] and window.files.read_back is None
    assert "已取消打开" in window.statusBar().currentMessage()
    slow.release.set()
    assert slow.ended.wait(10)
    qtbot.wait(50)  # the abandoned read's result arrives and is dropped
    assert window.document.report.values["t3.new.natural"] == 31


def test_a_slow_open_that_finishes_shows_the_report(qtbot, seam, slow, slow_file):
    window = make_window(qtbot, Report.new(2025, "某某局"), dialogs=seam)
    seen = while_reading(seam, slow, slow.release.set)
    assert window.files.open_path(str(slow_file), confirm=False)
    assert "tick" in seen and window.document.report.values["t3.new.natural"] == 99
    assert window.files.read_back == str(slow_file)


def test_a_slow_read_that_fails_gives_the_readers_sentence(qtbot, seam, slow, slow_file, example):
    slow.fail = "文件已损坏"
    window = make_window(qtbot, example, dialogs=seam)
    while_reading(seam, slow, slow.release.set)
    assert not window.files.open_path(str(slow_file), confirm=False)
    assert seam.asked == [("error", f"无法打开“{slow_file.name}”：文件已损坏")]
    assert window.document.report.agency == example.agency


def test_cancelling_a_slow_import_of_last_years_report_changes_nothing(qtbot, seam, slow, slow_file, example):
    window = make_window(qtbot, example, dialogs=seam)
    before = dict(window.document.report.values)
    while_reading(seam, slow, cancel(seam))
    assert not window.files.import_previous_from(str(slow_file))
    assert window.document.report.values == before and window.document.undo_stack.count() == 0
    assert seam.kinds() == [] and "已取消导入上年报告" in window.statusBar().currentMessage()


def test_a_dropped_slow_file_and_a_recent_one_are_read_off_the_gui_thread(qtbot, seam, slow, slow_file):
    window = make_window(qtbot, Report.new(2025, "某某局"), dialogs=seam)
    drop = drop_event(slow_file)
    seen = while_reading(seam, slow, cancel(seam))
    window.dropEvent(drop)
    assert "tick" in seen and f"正在读取 {slow_file.name}…" in seen
    assert window.document.report.agency == "某某局"

    window.files.persist = True
    window.files.remember(str(slow_file))
    seen = while_reading(seam, slow, slow.release.set)
    window.recent_actions()[0].trigger()
    assert "tick" in seen and len(seam.progress) == 2
    assert window.document.report.values["t3.new.natural"] == 99


def test_a_slow_file_at_start_up_can_be_cancelled_to_a_blank_report(qtbot, seam, slow, slow_file):
    seen = while_reading(seam, slow, cancel(seam))
    first = app.first_report(str(slow_file), False, seam)
    assert "tick" in seen and first.report is None and not first.problem
