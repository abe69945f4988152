"""The frozen header rows of a table page: they stay in view while the rows scroll, like Excel's 冻结窗格."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from gui.document import ReportDocument
from gui.table.page import TablePage


@pytest.fixture
def short_page(qtbot, example):
    """Table 三 in a page as short as on a 1366×768 laptop: the grid must scroll."""
    page = TablePage(ReportDocument(example), "t3")
    qtbot.addWidget(page)
    page.resize(900, 420)
    page.show()
    qtbot.waitExposed(page)
    page.view.setFocus()
    return page


def header_height(view) -> int:
    return sum(view.rowHeight(r) for r in range(view.grid.table.header_rows))


def test_header_rows_stay_over_the_grid_with_their_spans(short_page):
    view, frozen = short_page.view, short_page.view.frozen
    rows = view.grid.table.header_rows
    assert rows == 3 and frozen.isVisible()
    assert frozen.geometry().topLeft() == view.viewport().geometry().topLeft()
    assert frozen.height() == header_height(view) and frozen.width() == view.viewport().width()
    assert all(frozen.isRowHidden(r) == (r >= rows) for r in range(view.grid.rowCount()))
    for row in range(rows):
        for col in range(view.grid.columnCount()):
            assert (frozen.rowSpan(row, col), frozen.columnSpan(row, col)) == (
                view.rowSpan(row, col),
                view.columnSpan(row, col),
            )
            assert frozen.columnWidth(col) == view.columnWidth(col)
    labels = {frozen.model().index(r, c).data() for r in range(rows) for c in range(view.grid.columnCount())}
    assert {"自然人", "总计"} <= labels


def test_moving_down_scrolls_rows_out_from_under_the_header(short_page, qtbot):
    view, frozen = short_page.view, short_page.view.frozen
    natural = [c.cell_id for c in view.grid.table.cells if c.cell_id.endswith(".natural")]
    view.move_to(view.grid.index_of(natural[-1]))
    assert view.verticalScrollBar().value() > 0
    assert frozen.isVisible() and frozen.verticalScrollBar().value() == 0
    # going back up row by row with Shift+Enter: every current cell is below the header, never under it
    for _ in range(len(natural) - 1):
        qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
        rect = view.visualRect(view.currentIndex())
        assert rect.top() >= frozen.height() and rect.bottom() <= view.viewport().height()
    assert view.currentIndex().row() == view.grid.table.header_rows  # the first data row, in view
    assert view.verticalScrollBar().value() == 0


def test_header_follows_horizontal_scrolling_and_a_click_on_it_keeps_the_keys_in_the_grid(short_page, qtbot):
    view, frozen = short_page.view, short_page.view.frozen
    view.move_to(view.grid.index_of(view.grid.table.cells[-1].cell_id))
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    assert view.horizontalScrollBar().value() > 0
    assert frozen.horizontalScrollBar().value() == view.horizontalScrollBar().value()
    top = view.verticalScrollBar().value()
    column = next(
        c
        for c in range(view.grid.columnCount())
        for r in range(3)
        if view.grid.index(r, c).data() == "自然人"
    )
    row = next(r for r in range(3) if view.grid.index(r, column).data() == "自然人")
    view.horizontalScrollBar().setValue(0)
    centre = frozen.visualRect(frozen.model().index(row, column)).center()
    qtbot.mouseClick(frozen.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert view.currentIndex().row() == row and view.currentIndex().column() == column
    assert view.verticalScrollBar().value() == top  # clicking the header does not jump to the top
    assert view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)  # arrow keys go on in the grid, below the header
    assert view.currentIndex().row() > row
    assert frozen.viewport().mapTo(view, QPoint(0, 0)).y() == view.viewport().geometry().top()


def test_a_grid_without_header_rows_has_no_frozen_header(qtbot, example):
    page = TablePage(ReportDocument(example), "t2")
    qtbot.addWidget(page)
    page.resize(900, 420)
    page.show()
    qtbot.waitExposed(page)
    assert page.view.grid.table.header_rows == 0 and not page.view.frozen.isVisible()


def test_selecting_cells_shows_them_all_when_they_fit(short_page):
    view = short_page.view
    cells = ["t3.total.natural", "t3.next.natural"]  # (七)总计 and 四, at the foot of the table
    view.select_cells(cells)
    for cell_id in cells:
        rect = view.visualRect(view.grid.index_of(cell_id))
        assert rect.top() >= view.frozen.cover() and rect.bottom() <= view.viewport().height(), cell_id


def test_the_wheel_over_the_header_scrolls_the_rows(short_page):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    view, frozen = short_page.view, short_page.view.frozen
    at = QPointF(50, 20)
    wheel = QWheelEvent(
        at,
        QPointF(frozen.viewport().mapToGlobal(at.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(frozen.viewport(), wheel)
    assert view.verticalScrollBar().value() > 0 and frozen.verticalScrollBar().value() == 0
