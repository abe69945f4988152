"""A small note shown next to a cell for a few seconds (a refused value, what a paste skipped); never modal."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

STYLE = (
    "QLabel { background: #fffbe6; color: #222; border: 1px solid #c0392b; border-radius: 4px;"
    " padding: 4px 6px; }"
)


class Balloon(QLabel):
    """A note inside the grid's viewport: it does not take focus, so typing goes on; a click hides it."""

    def __init__(self, parent: QWidget, timeout_ms: int = 7000) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMaximumWidth(420)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_at(self, rect: QRect, text: str) -> None:
        """Show ``text`` under the cell at ``rect`` (above it when there is no room below)."""
        self.setText(text)
        self.setFixedWidth(min(420, max(220, self.fontMetrics().horizontalAdvance(text) + 20)))
        self.adjustSize()
        parent = self.parentWidget()
        area = parent.rect() if parent is not None else rect
        x = max(0, min(rect.left(), area.width() - self.width()))
        y = rect.bottom() + 3
        if y + self.height() > area.height() and rect.top() - self.height() - 3 >= 0:
            y = rect.top() - self.height() - 3
        self.move(x, y)
        self.raise_()
        self.show()
        self._timer.start()

    def mousePressEvent(self, event: object) -> None:  # noqa: N802
        self.hide()
