"""Moving the current cell of a grid like a spreadsheet: Enter down a column, Tab along a row, arrows."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QTableView

if TYPE_CHECKING:
    from gui.table.model import ReportTableModel

_ARROW_STEPS = {"up": (-1, 0), "down": (1, 0), "left": (0, -1), "right": (0, 1)}


class GridMoves(QTableView):
    """The base of the grid view (a QTableView over a ReportTableModel ``grid``): where Enter, Tab and the arrows go.

    ``_orders`` holds the input cells in row order ("right") and column order ("down"); ``_tab_run`` the column a
    run of Tabs began in and the cell it reached, so that Enter then goes to the next row as in Excel."""

    grid: ReportTableModel
    _orders: dict[str, list[tuple[int, int]]]
    _tab_run: tuple[int, tuple[int, int]] | None = None

    def _input_orders(self) -> dict[str, list[tuple[int, int]]]:
        cells = [
            (cell.row, cell.col)
            for row in self.grid.table.rows
            for cell in row.cells
            if cell.cell_id and self.grid.kind(cell) == "input"
        ]
        return {"right": sorted(cells), "down": sorted(cells, key=lambda p: (p[1], p[0]))}

    def step(self, move: str) -> None:
        """Move the current cell: "down"/"up" and "right"/"left" to the next input cell, "arrow-…" one cell."""
        current = self.currentIndex()
        if not current.isValid():
            return
        cell = self.grid.cell_at(current.row(), current.column())
        here = (cell.row, cell.col) if cell else (current.row(), current.column())
        run, self._tab_run = self._tab_run, None
        in_run = run is not None and run[1] == here
        if move == "down" and run is not None and in_run:
            target = self._next_row_from(here[0] + (cell.rowspan if cell else 1), run[0])
        elif move.startswith("arrow-"):
            target = self._arrow(here, move[6:])
        else:
            order_name = "down" if move in ("down", "up") else "right"
            order = self._orders[order_name]
            key = (lambda p: (p[1], p[0])) if order_name == "down" else (lambda p: p)
            keys = [key(p) for p in order]
            if move in ("down", "right"):
                i = bisect_right(keys, key(here))
                target = order[i] if i < len(order) else None
            else:
                i = bisect_left(keys, key(here)) - 1
                target = order[i] if i >= 0 else None
        if target is not None:
            if move == "right":  # a run of Tabs: Enter then goes to the next row, in the column the run began
                self._tab_run = (run[0] if run is not None and in_run else here[1], target)
            self.move_to(self.grid.index(*target))

    def _next_row_from(self, row: int, col: int) -> tuple[int, int] | None:
        """The first input cell from this row down, at or right of this column (Excel's Enter after Tabs)."""
        later = [p for p in self._orders["right"] if p[0] >= row and p[1] >= col]
        return min(later) if later else None

    def move_to(self, index: QModelIndex) -> None:
        """Make the cell current and the only one selected (a held Shift does not extend the selection)."""
        if index.isValid():
            self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.scrollTo(index)

    def _arrow(self, here: tuple[int, int], direction: str) -> tuple[int, int] | None:
        cell = self.grid.cell_at(*here)
        dr, dc = _ARROW_STEPS[direction]
        r = here[0] + (cell.rowspan if cell and dr > 0 else 1 if dr > 0 else -1 if dr < 0 else 0)
        c = here[1] + (cell.colspan if cell and dc > 0 else 1 if dc > 0 else -1 if dc < 0 else 0)
        target = self.grid.cell_at(r, c)
        return (target.row, target.col) if target else None
