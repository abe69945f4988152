"""The cell editor of the table grid: overwrite on typing, Enter/Tab and arrows commit and move."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

if TYPE_CHECKING:
    from gui.table.view import GridView

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_ARROWS = {Qt.Key.Key_Up: "up", Qt.Key.Key_Down: "down", Qt.Key.Key_Left: "left", Qt.Key.Key_Right: "right"}

Index = QModelIndex | QPersistentModelIndex


class GridDelegate(QStyledItemDelegate):
    """Edits a value cell in a line edit; the view tells it whether typing started the edit."""

    def __init__(self, view: GridView) -> None:
        super().__init__(view)
        self.view = view
        self.overwrite = False  # the edit was started by typing: the old text goes
        self.typed = False  # arrow keys leave the cell (Excel's enter mode) rather than move the caret
        self.last_editor: QLineEdit | None = None

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        editor.setFrame(False)
        self.last_editor = editor
        editor.destroyed.connect(self._forget)
        return editor

    def _forget(self) -> None:
        self.last_editor = None

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QLineEdit):
            editor.setText("" if self.overwrite else str(index.data(Qt.ItemDataRole.EditRole) or ""))
            self.overwrite = False
        else:  # pragma: no cover - only line edits are created
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and isinstance(editor, QLineEdit)
        ):
            move = self._move_for(event)
            if move:
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                self.view.step(move)
                return True
        return super().eventFilter(editor, event)

    def _move_for(self, event: QKeyEvent) -> str | None:
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in _ENTER:
            return "up" if shift else "down"
        if key == Qt.Key.Key_Tab:
            return "left" if shift else "right"
        if key == Qt.Key.Key_Backtab:
            return "left"
        if self.typed and key in _ARROWS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return "arrow-" + _ARROWS[Qt.Key(key)]
        return None
