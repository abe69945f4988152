"""The navigation list: each page's mark and heading, and its key (「Ctrl+3」) right-aligned in grey."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from gui.findings_panel import ok_icon, severity_icon
from gui.page_keys import page_shortcuts, page_title
from model.formats import Format

KEY_ROLE = Qt.ItemDataRole.UserRole + 20  # the item's key sequence text, e.g. "Ctrl+3"
MIN_HEIGHT = 44
GAP = 6
KEY_COLOUR = QColor("#8a8f98")
Index = QModelIndex | QPersistentModelIndex
WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignVCenter) | int(Qt.AlignmentFlag.AlignLeft)


def key_font(font: QFont) -> QFont:
    smaller = QFont(font)
    smaller.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
    return smaller


class NavDelegate(QStyledItemDelegate):
    """Paints the style's item (background, selection, icon) without text, then the heading word-wrapped in what
    is left beside the key, and the key itself; the height follows the wrapped heading."""

    def _parts(self, option: Any, index: Index) -> tuple[QRect, QRect, str]:
        """(heading rectangle, key rectangle, key text) inside the item's rectangle."""
        key = str(index.data(KEY_ROLE) or "")
        style = option.widget.style() if option.widget is not None else QApplication.style()
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, option.widget)
        width = QFontMetrics(key_font(option.font)).horizontalAdvance(key) if key else 0
        key_rect = QRect(text_rect.right() - width, text_rect.top(), width, text_rect.height())
        heading = QRect(text_rect)
        heading.setRight(text_rect.right() - (width + GAP if key else 0))
        return heading, key_rect, key

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt: Any = QStyleOptionViewItem(option)  # PySide6's stubs lack the option's fields
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        opt.text = text
        heading, key_rect, key = self._parts(opt, index)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(role))
        painter.drawText(heading, WRAP, text)
        if key:
            painter.setFont(key_font(opt.font))
            painter.setPen(opt.palette.color(role) if selected else KEY_COLOUR)
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(key_rect, int(align), key)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802 - Qt's name
        opt: Any = QStyleOptionViewItem(option)  # PySide6's stubs lack the option's fields
        self.initStyleOption(opt, index)
        widget: QWidget | None = opt.widget
        width = widget.width() if widget is not None else 180
        opt.rect = QRect(0, 0, max(60, width - 8), MIN_HEIGHT)
        heading, _, _ = self._parts(opt, index)
        needed = QFontMetrics(opt.font).boundingRect(
            QRect(0, 0, max(20, heading.width()), 1000), WRAP, opt.text
        )
        return QSize(width - 8, max(MIN_HEIGHT, needed.height() + 12))


class NavList(QListWidget):
    """基本信息 and the sections, one item each (the page key in UserRole); marks and keys set from outside."""

    def __init__(self, keys: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keys = keys
        self.setObjectName("navigation")
        self.setIconSize(QSize(14, 14))
        self.setSpacing(2)
        self.setMinimumWidth(150)
        self.setWordWrap(True)
        self.setItemDelegate(NavDelegate(self))  # the heading and its key, 「Ctrl+3」, in grey
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        for key in keys:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.addItem(item)

    def label(self, fmt: Format, info: str) -> None:
        """The headings of the format, 「基本信息」 for ``info``, and each page's key (also in its tooltip)."""
        shortcuts = page_shortcuts(fmt, info)
        for row, key in enumerate(self.keys):
            item, text = self.item(row), page_title(fmt, key, info)
            item.setText(text)
            item.setData(KEY_ROLE, shortcuts.get(key, ""))
            item.setToolTip(f"{text}（{shortcuts[key]}）" if key in shortcuts else text)

    def mark(self, worst: dict[str, str]) -> None:
        """Each page's worst severity as its icon; a green tick for a page without problems."""
        for row, key in enumerate(self.keys):
            self.item(row).setIcon(severity_icon(worst[key], 14) if key in worst else ok_icon(14))
