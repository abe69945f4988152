"""After 撤销 / 重做 the grid shows the cells it changed: that table's page, those cells selected and in view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

if TYPE_CHECKING:
    from gui.main_window import MainWindow


def follow_undo(window: MainWindow) -> None:
    """Select the cells every undo and redo of the window's report sets back (the document names them)."""
    window.document.cellsRestored.connect(lambda ids: show_cells(window, ids))


def show_cells(window: MainWindow, ids: list[str]) -> None:
    """Show these cells in their table: the page shown if it has some of them, else the first one's table."""
    fmt = window.document.report.fmt
    tables = [fmt.cells[c].table for c in ids if c in fmt.cells]
    if not tables:
        return
    key = window.current_page() if window.current_page() in tables else tables[0]
    if key not in window.keys:
        return
    from gui.table.page import TablePage

    built = isinstance(window.stack.widget(window.keys.index(key)), TablePage)
    page = window.show_page(key)
    if not isinstance(page, TablePage):
        return
    cells = [c for c in ids if c in fmt.cells and fmt.cells[c].table == key]
    page.select_cells(cells)
    if not built:  # a page built just now scrolls to its top once laid out: select again after that
        QTimer.singleShot(0, page, lambda: page.select_cells(cells))
