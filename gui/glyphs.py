"""Whether the fonts the window draws with have a glyph for every character it shows (no text drawn as boxes).

A character is looked up as Qt draws it: laid out in the widget's font with Qt's font fallback (``QTextLayout``),
each glyph run names the real font used and its glyph indexes; index 0 is the font's "missing glyph" (a box).
Where the platform cannot find the CJK fonts (DirectWrite under wine without the fonts registered, a Linux
without Noto CJK), every Chinese character comes out as index 0.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

MAX_ITEMS = 2000  # items of one view looked at (a grid of the official tables has a few hundred)
MAX_TEXT = 400  # characters of one editor looked at


def missing(text: str, font: QFont) -> str:
    """The characters of ``text`` (blanks aside) that ``font``, with Qt's fallback, draws as boxes; in order, once."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    while layout.createLine().isValid():
        pass
    layout.endLayout()
    boxes: list[str] = []
    flags = (
        QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes
        | QTextLayout.GlyphRunRetrievalFlag.RetrieveStringIndexes
    )
    for run in layout.glyphRuns(-1, -1, flags):
        for index, glyph in zip(run.stringIndexes(), run.glyphIndexes(), strict=False):
            char = text[index] if 0 <= index < len(text) else ""
            if glyph == 0 and char and not char.isspace() and char not in boxes:
                boxes.append(char)
    return "".join(boxes)


def shown_texts(root: QWidget) -> Iterator[tuple[QWidget, str]]:
    """Every visible text under ``root``, with the widget whose font draws it."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        yield from _texts(widget)


def _texts(widget: QWidget) -> Iterator[tuple[QWidget, str]]:
    if widget.isWindow() and widget.windowTitle():
        yield widget, widget.windowTitle()
    if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
        yield widget, widget.text()
    elif isinstance(widget, QGroupBox):
        yield widget, widget.title()
    elif isinstance(widget, QTabBar):
        yield from ((widget, widget.tabText(i)) for i in range(widget.count()))
    elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
        yield widget, widget.toPlainText()[:MAX_TEXT]
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from ((widget, text) for text in _items(widget))


def _items(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
    seen = 0
    for row in range(model.rowCount(QModelIndex())):
        for column in range(columns):
            value = model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str) and value:
                yield value
            seen += 1
            if seen >= MAX_ITEMS:
                return


def boxes_in(root: QWidget) -> tuple[int, str]:
    """How many characters ``root`` shows, and those drawn as boxes (each once)."""
    count, boxes = 0, ""
    for widget, text in shown_texts(root):
        text = text.replace("&", "")  # access-key markers are not drawn
        count += len(text)
        for char in missing(text, widget.font()):
            if char not in boxes:
                boxes += char
    return count, boxes
