"""Ctrl+F: the find bar over the pages (never a modal box) finds phrases in the prose and the tables' labels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui.table.model import KIND_ROLE
from tests.support.gui_window import FakeDialogs, isolate, make_window, type_text


def active_window(qtbot, report):  # type: ignore[no-untyped-def]
    window = make_window(qtbot, report, dialogs=FakeDialogs())
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    return window


def open_bar(qtbot, window):  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible() and QApplication.focusWidget() is bar.edit
    return bar


def test_a_phrase_in_the_prose_is_selected_in_its_editor(qtbot, tmp_path, monkeypatch, example):
    isolate(tmp_path, monkeypatch)
    example.prose["s5"] = "存在的问题：信息公开指南更新不及时。"
    window = active_window(qtbot, example)
    window.show_page("t4")
    bar = open_bar(qtbot, window)
    type_text(bar.edit, "指南更新")
    assert window.current_page() == "s5"  # the first place after 表四
    editor = window.page("s5").editor
    assert editor.textCursor().selectedText() == "指南更新"
    assert bar.status.text() == "第1处，共1处" and QApplication.focusWidget() is bar.edit
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible() and QApplication.focusWidget() is editor
    assert editor.textCursor().selectedText() == "指南更新"  # typing goes on at the phrase found


def test_a_label_hit_selects_its_cell_in_the_grid_and_f3_steps_on(qtbot, tmp_path, monkeypatch, example):
    isolate(tmp_path, monkeypatch)
    window = active_window(qtbot, example)
    window.show_page("s1")
    bar = open_bar(qtbot, window)
    type_text(bar.edit, "三安全一稳定")
    assert window.current_page() == "t3"
    view = window.page("t3").view
    current = view.currentIndex()
    assert "三安全一稳定" in current.data() and current.data(KIND_ROLE) == "label"
    assert [i for i in view.selectionModel().selectedIndexes()] == [current]
    bar.edit.selectAll()
    type_text(bar.edit, "申请")
    hits = bar.hits
    assert len(hits) > 1 and bar.current is not None
    first = hits.index(bar.current)
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3)
    assert hits.index(bar.current) == (first + 1) % len(hits)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert hits.index(bar.current) == (first + 2) % len(hits)
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert hits.index(bar.current) == first
    assert window.current_page() == bar.current.page


def test_nothing_found_is_said_in_the_bar(qtbot, tmp_path, monkeypatch, example):
    isolate(tmp_path, monkeypatch)
    window = active_window(qtbot, example)
    bar = open_bar(qtbot, window)
    type_text(bar.edit, "没有这句话")
    assert bar.status.text() == "未找到“没有这句话”" and window.dialogs.asked == []
    assert bar.current is None


def test_f3_with_the_bar_closed_opens_it_and_finds_the_last_phrase_again(
    qtbot, tmp_path, monkeypatch, example
):
    isolate(tmp_path, monkeypatch)
    window = active_window(qtbot, example)
    bar = open_bar(qtbot, window)
    type_text(bar.edit, "总计")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    before = bar.current
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F3)
    assert bar.isVisible() and bar.current is not None and bar.current != before
