"""The find bar (Ctrl+F) over the pages: searches the prose and the tables' labels, never a modal box.

Enter or F3 finds the next place, Shift+Enter or Shift+F3 the one before, Esc closes the bar and leaves the keys
at the place found. A phrase in the prose is selected in its editor, a label becomes the grid's current cell. The
searching itself is ``model.search`` (Qt-free)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QStyle, QToolButton, QWidget

from model.search import Hit, find_all, next_hit

if TYPE_CHECKING:
    from gui.main_window import MainWindow

NOT_FOUND_COLOUR = "#a4262c"


class FindBar(QWidget):
    """A row above the pages: the phrase, 上一个 / 下一个, where the hit is (第2处，共5处) or 未找到, and ×."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.host = window
        self.setObjectName("find_bar")
        self.edit = QLineEdit()
        self.edit.setObjectName("find_text")
        self.edit.setPlaceholderText("查找正文和表格栏目中的文字")
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumWidth(260)
        self.edit.textEdited.connect(self._typed)
        self.edit.installEventFilter(self)
        self.previous_button = self._button("上一个", "查找上一个（Shift+F3）", lambda: self.search(-1))
        self.next_button = self._button("下一个", "查找下一个（Enter 或 F3）", lambda: self.search(1))
        self.status = QLabel()
        close = QToolButton()
        close.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        close.setToolTip("关闭查找（Esc）")
        close.setAutoRaise(True)
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 2)
        layout.addWidget(QLabel("查找："))
        layout.addWidget(self.edit)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.status, 1)
        layout.addWidget(close)
        self.hits: list[Hit] = []
        self.current: Hit | None = None
        self.hide()

    def _button(self, text: str, tip: str, slot: Callable[[], object]) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    # ---- opening and closing --------------------------------------------------------------------
    def open_bar(self) -> None:
        """Show the bar with the keys in its field, the last phrase selected (typing replaces it)."""
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def close_bar(self) -> None:
        """Hide the bar; the keys go to the page, where the last hit is selected."""
        self.hide()
        self.host.focus_page(self.host.current_page())

    def step(self, step: int) -> None:
        """F3 / Shift+F3: the next or previous place; the bar opens first if it was closed."""
        if not self.isVisible():
            self.show()
        if self.edit.text():
            self.search(step)
        else:
            self.open_bar()

    # ---- finding ------------------------------------------------------------------------------
    def _typed(self, _text: str) -> None:
        self.current = None  # a new phrase: from the page shown on
        self.search(1)

    def search(self, step: int) -> Hit | None:
        """Show the next (1) or previous (-1) place of the phrase in the report as it is now."""
        text = self.edit.text()
        window = self.host
        self.hits = find_all(window.document.report, text)
        at = self.hits.index(self.current) if self.current in self.hits else -1
        index = next_hit(self.hits, window.keys, at, step, window.current_page())
        if index < 0:
            self.current = None
            self._say(f"未找到“{text}”" if text.strip() else "", found=False)
            return None
        self.current = self.hits[index]
        self._show(self.current)
        self._say(f"第{index + 1}处，共{len(self.hits)}处", found=True)
        return self.current

    def _say(self, text: str, found: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("" if found else f"color: {NOT_FOUND_COLOUR};")

    def _show(self, hit: Hit) -> None:
        from gui.prose_page import ProsePage
        from gui.table.page import TablePage

        page = self.host.show_page(hit.page)
        if isinstance(page, TablePage) and hit.in_label:
            view = page.view
            index = view.model().index(hit.row, hit.col)
            view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            view.scrollTo(index)
        elif isinstance(page, ProsePage):
            editor = page.editor
            cursor = QTextCursor(editor.document())
            cursor.setPosition(hit.start)
            cursor.setPosition(hit.start + hit.length, QTextCursor.MoveMode.KeepAnchor)
            editor.setTextCursor(cursor)
            editor.ensureCursorVisible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """In the field: Enter the next place, Shift+Enter the one before, Esc closes."""
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.search(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)
