"""Zoom: Ctrl+plus / Ctrl+minus / Ctrl+0 and Ctrl+wheel change the font of the grids and the prose (80 %–200 %),
kept in the settings and shown in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytest import approx

from gui.zoom import STEPS, nearest_step, stepped
from tests.support.gui_window import FakeDialogs, isolate, make_window

CTRL = Qt.KeyboardModifier.ControlModifier


def active_window(qtbot, report):  # type: ignore[no-untyped-def]
    window = make_window(qtbot, report, dialogs=FakeDialogs())
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    return window


def wheel(widget, notches: int, modifiers=CTRL) -> None:  # type: ignore[no-untyped-def]
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_steps_stay_within_80_and_200_percent():
    assert STEPS[0] == 80 and STEPS[-1] == 200 and 100 in STEPS
    assert stepped(200, 1) == 200 and stepped(80, -1) == 80 and stepped(100, 1) == 110
    assert nearest_step("124") == 125 and nearest_step("x") == 100 and nearest_step(None) == 100


def test_ctrl_plus_minus_and_0_zoom_the_grid_and_the_prose(qtbot, tmp_path, monkeypatch, example):
    isolate(tmp_path, monkeypatch)
    window = active_window(qtbot, example)
    view = window.show_page("t3").view
    editor = window.page("s1").editor
    grid_size, text_size = view.font().pointSizeF(), editor.font().pointSizeF()
    height = view.rowHeight(10)
    view.setFocus()
    view.setCurrentIndex(view.model().index(12, 7))
    qtbot.keyClick(view, Qt.Key.Key_Equal, CTRL)  # Ctrl+= is the key of Ctrl++
    qtbot.keyClick(view, Qt.Key.Key_Plus, CTRL)
    assert window.zoom.percent == 125
    assert view.font().pointSizeF() == approx(grid_size * 1.25)
    assert editor.font().pointSizeF() == approx(text_size * 1.25)
    assert view.rowHeight(10) > height  # the rows follow the font
    assert (view.currentIndex().row(), view.currentIndex().column()) == (12, 7)  # the place stays
    assert window.statusBar().currentMessage() == "缩放 125%"
    qtbot.keyClick(view, Qt.Key.Key_Minus, CTRL)
    assert window.zoom.percent == 110
    qtbot.keyClick(view, Qt.Key.Key_0, CTRL)
    assert window.zoom.percent == 100 and view.font().pointSizeF() == approx(grid_size)
    assert window.current_page() == "t3"  # Ctrl+0 is the zoom's, not a page's


def test_ctrl_wheel_zooms_over_the_grid_and_the_text_and_plain_wheel_scrolls(
    qtbot, tmp_path, monkeypatch, example
):
    isolate(tmp_path, monkeypatch)
    window = active_window(qtbot, example)
    view = window.show_page("t3").view
    wheel(view.viewport(), 2)
    assert window.zoom.percent == 125
    wheel(view.frozen.viewport(), -1)  # over the header rows that stay in view
    assert window.zoom.percent == 110
    editor = window.show_page("s1").editor
    size = editor.font().pointSizeF()
    wheel(editor.viewport(), -1)
    assert window.zoom.percent == 100 and editor.font().pointSizeF() < size
    wheel(editor.viewport(), -1, Qt.KeyboardModifier.NoModifier)
    assert window.zoom.percent == 100


def test_the_zoom_is_kept_for_the_next_window(qtbot, tmp_path, monkeypatch, example):
    isolate(tmp_path, monkeypatch)
    window = make_window(qtbot, example)
    window.named_actions["放大"].trigger()
    window.named_actions["放大"].trigger()
    size = window.show_page("t3").view.font().pointSizeF()
    again = make_window(qtbot, example)
    assert again.zoom.percent == 125
    assert again.show_page("t3").view.font().pointSizeF() == size
    assert again.page("s5").editor.font().pointSizeF() == window.page("s5").editor.font().pointSizeF()
