"""The grid of a table page: the official table, editable like a spreadsheet (Excel, WPS)."""

from __future__ import annotations

from typing import overload

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QKeyEvent, QKeySequence, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QWidget,
)

from gui.clipboard import parse_clipboard
from gui.table.balloon import Balloon
from gui.table.delegate import GridDelegate
from gui.table.frozen_header import FrozenHeader
from gui.table.layout import column_widths, row_heights
from gui.table.model import KIND_ROLE, ReportTableModel
from gui.table.moves import GridMoves
from gui.table.paste import copy_region
from gui.table.paste_block import paste_block

_OWN_KEYS = (
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.Delete,
)
BORDERS = {"error": QColor("#c0392b"), "warning": QColor("#c77c02")}


def _is_ctrl_y(event: QKeyEvent) -> bool:
    """Ctrl+Y redoes on every platform, as in Office and WPS."""
    return event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier


class GridView(GridMoves):
    """The grid: spans from the format, Excel-like keys, copy and paste, messages shown at the cell."""

    message = Signal(str)  # a note for the status bar (what a paste skipped, a refused value)
    withdrawn = Signal(str)  # a note about a refused value that no longer applies (the status bar drops it)
    frozen: FrozenHeader | None = None  # made once the model is set

    def __init__(self, model: ReportTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = model
        self.document = model.document
        self.delegate = GridDelegate(self)
        self.last_message = ""
        self._tab_run: tuple[int, tuple[int, int]] | None = (
            None  # (column a run of Tabs began in, cell it reached)
        )
        self.balloon = Balloon(self.viewport())
        self.setItemDelegate(self.delegate)
        self.setModel(model)
        self.setWordWrap(True)
        self.setTabKeyNavigation(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setStyleSheet(
            "QTableView { gridline-color: #8a9099; selection-color: black;"
            " selection-background-color: rgba(40, 110, 210, 90); }"
        )
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen = FrozenHeader(self)  # the header rows stay in view while the rows scroll
        model.modelReset.connect(self.apply_format)
        model.refused.connect(self.show_message)
        self._refusal_note = ""  # the note shown for a refused value, withdrawn when the refusal is forgotten
        self.document.cellsChanged.connect(self._withdraw_refusal_note)
        self.apply_format()

    def go_home(self) -> None:
        """Make the first input cell current, so typing fills it."""
        order = self._orders["right"]
        if order:
            self.move_to(self.grid.index(*order[0]))

    # ---- layout ------------------------------------------------------------------------------
    def apply_format(self) -> None:
        """Spans, column widths and row heights from the table's definition."""
        self.clearSpans()
        for row, col, rowspan, colspan in self.grid.spans():
            self.setSpan(row, col, rowspan, colspan)
        font = QFont(self.font())
        widths = column_widths(self.grid.table, font)
        for col, width in enumerate(widths):
            self.setColumnWidth(col, width)
        bold = {r for r in range(self.grid.rowCount()) if self.grid.row_role(r) == "title"}
        for row, height in enumerate(row_heights(self.grid.table, widths, font, bold)):
            self.setRowHeight(row, height)
        if self.frozen is not None:
            self.frozen.sync(self.grid.table.header_rows)
        self._orders = self._input_orders()
        self.go_home()

    def full_size(self) -> tuple[int, int]:
        """Pixels needed to show the whole grid without scroll bars."""
        width = sum(self.columnWidth(c) for c in range(self.grid.columnCount())) + 2 * self.frameWidth()
        height = sum(self.rowHeight(r) for r in range(self.grid.rowCount())) + 2 * self.frameWidth()
        return width, height

    def updateGeometries(self) -> None:  # noqa: N802
        super().updateGeometries()
        if self.frozen is not None:
            self.frozen.place()

    def scrollTo(  # noqa: N802 - Qt's name
        self,
        index: QModelIndex | QPersistentModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        """Scroll so the cell shows: header rows are always in view; other rows not under the frozen header."""
        bar, frozen = self.verticalScrollBar(), self.frozen
        cover = frozen.cover() if frozen is not None else 0
        if index.isValid() and frozen is not None and index.row() < frozen.rows and cover:
            top = bar.value()
            super().scrollTo(index, hint)
            bar.setValue(top)
            return
        super().scrollTo(index, hint)
        hidden = cover - self.visualRect(index).top()
        if index.isValid() and hidden > 0:
            bar.setValue(bar.value() - hidden)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            current = self.currentIndex()
            place = (current.row(), current.column()) if current.isValid() else None
            self.apply_format()  # widths and heights follow a larger or smaller font (a zoom)
            if place is not None:  # the clerk's place stays, not the first cell
                index = self.grid.index(*place)
                self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.scrollTo(index)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """The grid, then a frame around each cell with an error (red) or warning (amber)."""
        super().paintEvent(event)
        marked = self.grid.marked_cells()
        if not marked:
            return
        painter = QPainter(self.viewport())
        area = event.rect()
        for cell_id, severity in marked:
            rect = self.visualRect(self.grid.index_of(cell_id))
            if rect.intersects(area):
                painter.setPen(QPen(BORDERS[severity], 2))
                painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.end()

    @overload
    def edit(self, index: QModelIndex | QPersistentModelIndex) -> None: ...
    @overload
    def edit(
        self,
        index: QModelIndex | QPersistentModelIndex,
        trigger: QAbstractItemView.EditTrigger,
        event: QEvent | None,
    ) -> bool: ...
    def edit(
        self,
        index: QModelIndex | QPersistentModelIndex,
        trigger: QAbstractItemView.EditTrigger = QAbstractItemView.EditTrigger.AllEditTriggers,
        event: QEvent | None = None,
    ) -> bool | None:
        """Qt's virtual edit(index, trigger, event); Qt passes no event (None) for some triggers, and the
        one-argument slot edit(index) comes here too."""
        typed = trigger == QAbstractItemView.EditTrigger.AnyKeyPressed
        if typed and index.flags() & Qt.ItemFlag.ItemIsEditable and self.state() != self.State.EditingState:
            self.delegate.overwrite = True
            self.delegate.typed = True
        elif trigger in (
            QAbstractItemView.EditTrigger.EditKeyPressed,
            QAbstractItemView.EditTrigger.DoubleClicked,
        ):
            self.delegate.typed = False
        ok = super().edit(index, trigger, event)  # type: ignore[arg-type]  # PySide6's stub: QEvent, but Qt takes None
        if not ok:
            self.delegate.overwrite = False
        elif not self.delegate.typed and self.delegate.last_editor is not None:
            self.delegate.last_editor.deselect()  # F2 or a double click: the caret goes to the end
            self.delegate.last_editor.end(False)
        return ok

    # ---- keys --------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                any(event.matches(key) for key in _OWN_KEYS)
                or event.key() == Qt.Key.Key_Backspace
                or _is_ctrl_y(event)
            )
        ):
            event.accept()  # the grid handles these itself, before any window shortcut
            return True
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            self.keyPressEvent(event)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.step("up" if shift else "down")
        elif key == Qt.Key.Key_Tab:
            self.step("left" if shift else "right")
        elif key == Qt.Key.Key_Backtab:
            self.step("left")
        elif event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
        elif event.matches(QKeySequence.StandardKey.Cut):
            self.cut()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif event.matches(QKeySequence.StandardKey.Undo):
            self.document.undo_stack.undo()
        elif event.matches(QKeySequence.StandardKey.Redo) or _is_ctrl_y(event):
            self.document.undo_stack.redo()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear_selection()
        elif event.text().strip() and not self.currentIndex().flags() & Qt.ItemFlag.ItemIsEditable:
            self._explain_read_only(self.currentIndex())
        else:
            super().keyPressEvent(event)

    def _explain_read_only(self, index: QModelIndex) -> None:
        kind = index.data(KIND_ROLE)
        if kind == "computed":
            self.show_message(index, "总计由各项自动相加，不能直接填写；请修改参与相加的各项。")
        elif kind == "label":
            self.show_message(index, "表头和栏目不能修改；请在白色格中填写数字。")

    # ---- selection ---------------------------------------------------------------------------
    def selected_rect(self) -> tuple[int, int, int, int] | None:
        """(top, left, bottom, right) around the selection, merged cells included; else the current cell."""
        indexes = self.selectedIndexes() or ([self.currentIndex()] if self.currentIndex().isValid() else [])
        if not indexes:
            return None
        cells = [self.grid.cell_at(i.row(), i.column()) for i in indexes]
        top = min(c.row for c in cells if c)
        left = min(c.col for c in cells if c)
        bottom = max(c.row + c.rowspan - 1 for c in cells if c)
        right = max(c.col + c.colspan - 1 for c in cells if c)
        return top, left, bottom, right

    def selected_ids(self) -> list[str]:
        indexes = self.selectedIndexes() or [self.currentIndex()]
        ids = [self.grid.cell_at(i.row(), i.column()) for i in indexes if i.isValid()]
        return list(dict.fromkeys(c.cell_id for c in ids if c and c.cell_id))

    def select_cells(self, cell_ids: list[str]) -> None:
        """Select these cells (those of this table) and scroll to show them (the first ones if not all fit)."""
        indexes = [self.grid.index_of(c) for c in cell_ids]
        indexes = [i for i in indexes if i.isValid()]
        if not indexes:
            return
        selection = QItemSelection()
        for index in indexes:
            selection.select(index, index)
        flags = QItemSelectionModel.SelectionFlag
        self.selectionModel().setCurrentIndex(indexes[0], flags.NoUpdate)
        self.selectionModel().select(selection, flags.ClearAndSelect)
        by_row = sorted(indexes, key=lambda i: (i.row(), i.column()))
        self.scrollTo(by_row[-1])  # then the first: all of them in view when they fit, else the first ones
        self.scrollTo(by_row[0])

    # ---- clipboard and clearing --------------------------------------------------------------
    def copy(self) -> None:
        rect = self.selected_rect()
        if rect is None:
            return
        text, html = copy_region(self.grid, *rect)
        mime = QMimeData()
        mime.setText(text)
        mime.setHtml(html)
        QGuiApplication.clipboard().setMimeData(mime)

    def cut(self) -> None:
        self.copy()
        self.clear_selection("剪切")

    def clear_selection(self, description: str = "清除") -> None:
        self.document.clear_cells(self.selected_ids(), description)

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None:
            return
        rows = parse_clipboard(mime.text() if mime.hasText() else "", mime.html() if mime.hasHtml() else "")
        self.paste_rows(rows)

    def paste_rows(self, rows: list[list[str]]) -> None:
        """Paste a block of texts (lined up by its labels, else at the selection) as one undo step."""
        paste_block(self, rows)

    def _withdraw_refusal_note(self, _ids: list[str]) -> None:
        note = self._refusal_note
        if note and note not in self.document.refused.values():
            self._refusal_note = ""
            if self.balloon.isVisible() and self.balloon.text() == note:
                self.balloon.hide()
            self.withdrawn.emit(note)

    def show_message(self, index: QModelIndex, text: str) -> None:
        """Show a note in a balloon at the cell (never a modal box), and pass it on for the status bar."""
        self._refusal_note = text if text in self.document.refused.values() else ""
        self.last_message = text
        self.message.emit(text)
        self.balloon.show_at(self.visualRect(index), text)
