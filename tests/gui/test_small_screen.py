"""On a 1366×768 laptop (the window maximised: 1366×697 inside its frame) about 20 rows of 表三 show: the 校验结果
panel below the pages is as tall as its findings (up to a cap), and keeps a height the clerk dragged it to."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from gui.app import cjk_family
from tests.support.gui_window import isolate, make_window

LAPTOP = (1366, 768 - 40 - 31)  # the screen less the taskbar and the title bar


@pytest.fixture
def app_font():  # type: ignore[no-untyped-def]
    """The app's own font (a CJK face at 10 pt, as gui/app.py sets it), for the test only."""
    app = QApplication.instance()
    before = QFont(app.font())
    font = QFont(cjk_family() or before.family())
    font.setPointSizeF(max(before.pointSizeF(), 10.0))
    app.setFont(font)
    yield font
    app.setFont(before)


def laptop_window(qtbot, report):  # type: ignore[no-untyped-def]
    window = make_window(qtbot, report)
    window.resize(*LAPTOP)
    window.place_findings()
    qtbot.waitUntil(lambda: window.size().width() == LAPTOP[0])
    return window


def settle(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Let the dock layout take the height it was given, then read it."""
    qtbot.wait(1)
    QApplication.processEvents()


def visible_rows(view) -> int:  # type: ignore[no-untyped-def]
    """Rows of the grid wholly inside its viewport."""
    height = view.viewport().height()
    first, last = view.rowAt(0), view.rowAt(height - 1)
    last = view.model().rowCount() - 1 if last < 0 else last
    if view.visualRect(view.model().index(last, view.model().columnCount() - 1)).bottom() >= height:
        last -= 1
    return last - first + 1


def test_about_twenty_rows_of_table_three_show_with_a_few_findings(
    qtbot, tmp_path, monkeypatch, example, app_font
):
    isolate(tmp_path, monkeypatch)
    window = laptop_window(qtbot, example)
    window.document.set_cells({"t3.new.natural": "40", "t3.carry.natural": ""})
    problems = [f for f in window.findings_panel.findings if f.severity != "info"]  # and 2 提示
    assert 3 <= len(problems) <= 6
    window.show_page("t3")
    settle(qtbot, window)
    panel = window.findings_panel
    assert window.dockWidgetArea(panel) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert panel.height() <= window.height() // 6
    assert visible_rows(window.page("t3").view) >= 19


def test_the_panel_follows_its_findings_up_to_a_cap(qtbot, tmp_path, monkeypatch, example, app_font):
    isolate(tmp_path, monkeypatch)
    window = laptop_window(qtbot, example)
    panel = window.findings_panel
    settle(qtbot, window)
    one = panel.height()  # 「未发现问题」
    window.document.set_cells({"t3.new.natural": "40"})
    settle(qtbot, window)
    two = panel.height()
    assert len(panel.findings) >= 2 and two > one
    window.document.set_cells(
        {f"t3.new.{c}": "9" for c in ("business", "research", "public", "legal", "other")}
    )
    window.document.set_cells({"t4.review.upheld": "5", "t3.carry.natural": "", "t3.open.natural": ""})
    settle(qtbot, window)
    assert len(panel.findings) > 6 and two <= panel.height() <= window.height() // 6  # the cap


def test_a_height_the_clerk_dragged_the_panel_to_stays(qtbot, tmp_path, monkeypatch, example, app_font):
    isolate(tmp_path, monkeypatch)
    window = laptop_window(qtbot, example)
    panel = window.findings_panel
    settle(qtbot, window)
    window.resizeDocks([panel], [260], Qt.Orientation.Vertical)  # what dragging the splitter does
    settle(qtbot, window)
    assert panel.height() == 260
    window.document.set_cells({"t3.new.natural": "40"})
    settle(qtbot, window)
    assert panel.height() == 260
