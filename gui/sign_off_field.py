"""基本信息's 「落款日期」: 「导出当天」 or a date picked from a calendar, for the 落款 of Word, PDF and print."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from model.limits import MAX_YEAR, MIN_YEAR

TODAY, CHOSEN = "导出当天", "指定日期"
DATE_FORMAT = "yyyy年M月d日"
HINT = "在“文件 → 落款”中选择加落款或备案稿时，Word、PDF 和打印件末尾的日期。"
NOTE = "（加落款或备案稿时使用，见“文件 → 落款”）"


class SignOffDateField(QWidget):
    """A choice of 「导出当天」 or 「指定日期」 and the date; ``chosen`` carries "2025-01-20", or "" for 导出当天."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = QComboBox()
        self.choice.addItems([TODAY, CHOSEN])
        self.choice.setToolTip(HINT)
        self.choice.activated.connect(self._choice_made)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(DATE_FORMAT)
        self.date.setDateRange(QDate(MIN_YEAR, 1, 1), QDate(MAX_YEAR, 12, 31))
        self.date.setKeyboardTracking(False)  # a typed date is one change, not one per digit
        self.date.setToolTip(HINT)
        self.date.dateChanged.connect(self._date_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.choice)
        layout.addWidget(self.date)
        self.note = QLabel(NOTE)
        palette = self.note.palette()  # a palette, not a style sheet: style sheets slow the start
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#666"))
        self.note.setPalette(palette)
        self.note.setWordWrap(
            True
        )  # on a narrow window it wraps rather than widening the form past the screen
        layout.addWidget(self.note, 1)  # the rest of the row: one line where there is room
        self.show_date(None)

    def show_date(self, day: datetime.date | None) -> None:
        """Show the report's 落款日期 without emitting ``chosen``."""
        for widget in (self.choice, self.date):
            widget.blockSignals(True)
        self.choice.setCurrentIndex(0 if day is None else 1)
        # 导出当天: today is where the calendar opens when the clerk then picks 指定日期
        self.date.setDate(QDate.currentDate() if day is None else QDate(day.year, day.month, day.day))
        self.date.setVisible(day is not None)
        for widget in (self.choice, self.date):
            widget.blockSignals(False)

    def _choice_made(self, index: int) -> None:
        self.chosen.emit(_iso(self.date.date()) if index == 1 else "")

    def _date_changed(self, date: QDate) -> None:
        if self.choice.currentIndex() == 1:
            self.chosen.emit(_iso(date))


def _iso(date: QDate) -> str:
    return datetime.date(date.year(), date.month(), date.day()).isoformat()
