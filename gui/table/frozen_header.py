"""The frozen header of a grid: its header rows drawn over the top of the grid, so they stay while the rows scroll."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QTableView

if TYPE_CHECKING:
    from gui.table.view import GridView


class FrozenHeader(QTableView):
    """A second view of the grid's model and selection that shows only the header rows (Excel's 冻结窗格).

    It lies over the top of the grid's viewport and follows its horizontal scrolling; the grid keeps the focus,
    the current cell and the keys, and scrolls the rows it moves to out from under the header."""

    def __init__(self, grid: GridView) -> None:
        super().__init__(grid)
        self.grid = grid
        self.rows = 0
        self.setModel(grid.model())
        self.setSelectionModel(grid.selectionModel())
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAutoScroll(False)  # the current cell moving below must not scroll this copy
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(grid.selectionMode())
        self.setWordWrap(grid.wordWrap())
        self.setStyleSheet(grid.styleSheet())
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        grid.horizontalScrollBar().valueChanged.connect(self.horizontalScrollBar().setValue)
        self.hide()

    def sync(self, rows: int) -> None:
        """Show the first ``rows`` rows with the grid's spans, widths and heights (none: hidden)."""
        self.rows = rows
        model = self.grid.grid
        self.clearSpans()
        for row, col, rowspan, colspan in model.spans():
            if row < rows:
                self.setSpan(row, col, rowspan, colspan)
        for col in range(model.columnCount()):
            self.setColumnWidth(col, self.grid.columnWidth(col))
        for row in range(model.rowCount()):
            self.setRowHidden(row, row >= rows)
            if row < rows:
                self.setRowHeight(row, self.grid.rowHeight(row))
        self.place()

    def cover(self) -> int:
        """Pixels of the grid's viewport hidden under the header (0 when there is none)."""
        return self.height() if self.isVisibleTo(self.grid) else 0

    def place(self) -> None:
        """Over the top of the grid's viewport, as wide as it; hidden when the grid shows nothing below it."""
        viewport = self.grid.viewport().geometry()
        height = sum(self.grid.rowHeight(r) for r in range(self.rows))
        if self.rows == 0 or height >= viewport.height():
            self.hide()
            return
        self.setGeometry(viewport.x(), viewport.y(), viewport.width(), height)
        self.horizontalScrollBar().setValue(self.grid.horizontalScrollBar().value())
        self.show()
        self.raise_()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mousePressEvent(event)
        self.grid.setFocus(Qt.FocusReason.MouseFocusReason)  # keys keep going to the grid

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        self.grid.wheelEvent(event)  # the wheel over the header scrolls the rows

    def scrollTo(  # noqa: N802 - Qt's name
        self,
        index: QModelIndex | QPersistentModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        """Only the grid scrolls this copy (by its horizontal scroll bar)."""
