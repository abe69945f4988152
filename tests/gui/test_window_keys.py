"""Window shortcuts from real key events (offscreen): Ctrl+S saves, F8 shows the next problem, Ctrl+1 a page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from model import draft
from tests.support.gui_window import FakeDialogs, isolate, make_window


def test_ctrl_s_f8_and_ctrl_number_from_the_keyboard(qtbot, tmp_path, monkeypatch, example):
    isolate(tmp_path, monkeypatch)
    path = tmp_path / "k.nianbao"
    draft.save(example, path)
    window = make_window(qtbot, draft.load(path), str(path), FakeDialogs())
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.document.set_cells({"t3.new.natural": "40"})
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert draft.load(path).values["t3.new.natural"] == 40 and not window.isWindowModified()
    qtbot.keyClick(window.nav, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # 一、总体情况
    assert window.current_page() == "s1"
    qtbot.keyClick(window.page("s1").editor, Qt.Key.Key_F8)
    assert window.current_page() == "t3"


def test_ctrl_z_undoes_in_the_focused_editor_and_else_in_the_report(qtbot, tmp_path, monkeypatch, example):
    isolate(tmp_path, monkeypatch)
    window = make_window(qtbot, example, dialogs=FakeDialogs())
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    editor = window.show_page("s5").editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    before = editor.toPlainText()
    qtbot.keyClicks(editor, "abc")
    assert window.document.report.prose["s5"] == before + "abc"
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == window.document.report.prose["s5"] != before + "abc"
    window.document.set_cells({"t3.new.natural": "40"})
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.report.values["t3.new.natural"] == 28


def test_a_click_on_a_table_in_the_navigation_puts_the_keys_in_its_grid(
    qtbot, tmp_path, monkeypatch, example
):
    isolate(tmp_path, monkeypatch)
    window = make_window(qtbot, example, dialogs=FakeDialogs())
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    row = window.keys.index("t2")
    window.nav.setFocus()
    qtbot.mouseClick(
        window.nav.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.nav.visualItemRect(window.nav.item(row)).center(),
    )
    view = window.page("t2").view
    assert window.current_page() == "t2" and QApplication.focusWidget() is view
    first = view.currentIndex().data(Qt.ItemDataRole.UserRole + 1)
    qtbot.keyClicks(QApplication.focusWidget(), "7")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert window.document.report.value(first) == 7  # the figure went to the cell shown as current
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)  # arrows in the navigation keep the keys there
    assert window.current_page() != "t2" and QApplication.focusWidget() is window.nav


def test_a_refusal_note_goes_with_the_next_commit_even_of_an_unchanged_value(
    qtbot, tmp_path, monkeypatch, example
):
    isolate(tmp_path, monkeypatch)
    window = make_window(qtbot, example, dialogs=FakeDialogs())
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.show_page("t3")
    view = window.page("t3").view
    view.setFocus()
    for ch in "-1":
        qtbot.keyClicks(QApplication.focusWidget(), ch)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.document.refused and view.balloon.isVisible()
    assert "不小于0" in window.statusBar().currentMessage()
    carry = view.currentIndex().data()  # the cell below, committed with the value it holds
    for ch in carry:
        qtbot.keyClicks(QApplication.focusWidget(), ch)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.document.refused == {} and not view.balloon.isVisible()
    assert window.statusBar().currentMessage() == ""
