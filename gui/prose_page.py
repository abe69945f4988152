"""The prose sections 一、五、六: a plain-text editor with the heading, sub-headings （一）…, a character count."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.previous_prose import PreviousProse
from gui.repeated_text import RepeatedHighlighter, earlier_text
from model.formats import SectionSpec
from model.values import InputError

if TYPE_CHECKING:
    from gui.document import ReportDocument

DIGITS = "一二三四五六七八九"
SUBHEADING = re.compile(r"^\s*[（(]([一二三四五六七八九十]+)[）)]", re.MULTILINE)


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (for n up to 99)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else "十" if tens == 1 else DIGITS[tens - 1] + "十"
    return head + (DIGITS[ones - 1] if ones else "")


def next_subheading(text: str) -> str:
    """The marker of the next sub-heading: （一） when there is none yet, else one more than the count so far."""
    return f"（{chinese_number(len(SUBHEADING.findall(text)) + 1)}）"


def count_characters(text: str) -> int:
    """Characters as Chinese offices count them: everything but white space."""
    return len(re.sub(r"\s", "", text))


class ProsePage(QWidget):
    """One prose section of the report, edited through the document (undo merges per section)."""

    def __init__(self, document: ReportDocument, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.key = key
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.reminder = QLabel()
        self.reminder.setWordWrap(True)
        self.reminder.setStyleSheet(
            "background: #fff4ce; border: 1px solid #e0b800; padding: 6px; color: #5c4300;"
        )
        self.notes = QLabel()  # this section's findings (SECTION, FEE-TEXT, …), right above the text
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #8a4b00; padding: 2px 0;")
        self.refusal = QLabel()  # a paste over the limit, refused (until the next edit that is taken)
        self.refusal.setObjectName("refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #a4262c; font-weight: bold; padding: 2px 0;")
        self.refusal.hide()
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)
        editor_font = QFont(self.editor.font())
        editor_font.setPointSizeF(editor_font.pointSizeF() * 1.2)
        self.editor.setFont(editor_font)
        self.count = QLabel()
        self.insert_button = QToolButton()
        self.insert_button.setText("插入小标题")
        self.insert_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.insert_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.insert_button.clicked.connect(lambda: self.insert_subheading(""))
        self.insert_button.setMenu(QMenu(self.insert_button))
        self.previous = PreviousProse(document, key)  # last year's text, offered and shown beside the editor
        self.previous.insertRequested.connect(self.insert_previous)
        self.repeated = RepeatedHighlighter(self.editor.document())  # sentences as in last year's report
        self._step: str | None = None  # an edit that is an undo step of its own (not merged with typing)
        beside = QSplitter(Qt.Orientation.Horizontal)
        beside.addWidget(self.editor)
        beside.addWidget(self.previous)
        beside.setChildrenCollapsible(False)

        bar = QHBoxLayout()
        bar.addWidget(self.insert_button)
        bar.addWidget(self.previous.insert_button)
        bar.addWidget(self.previous.compare_button)
        bar.addStretch(1)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.reminder)
        layout.addWidget(self.notes)
        layout.addWidget(self.refusal)
        layout.addLayout(bar)
        layout.addWidget(beside, 1)

        self.editor.textChanged.connect(self._edited)
        document.proseChanged.connect(self._prose_changed)
        document.reportReplaced.connect(self.refresh)
        document.formatChanged.connect(self.refresh)
        document.findingsChanged.connect(self._show_notes)
        document.metaChanged.connect(lambda: self.repeated.set_earlier(earlier_text(document.report, key)))
        self.refresh()

    @property
    def section(self) -> SectionSpec:
        return self.document.report.fmt.section(self.key)

    def refresh(self) -> None:
        """Show the section of the current report (after open, new or a change of format)."""
        section = self.section
        self.heading.setText(section.heading)
        self.editor.setPlaceholderText(section.placeholder or "（文字描述）")
        hint = "可用“插入小标题”按格式分（一）（二）……小节书写。"
        if section.subheadings:
            hint = f"按格式要求，本节应写明：{'、'.join(section.subheadings)}。" + hint
        self.hint.setText(hint)
        reminder = self._fee_reminder()
        self.reminder.setText(reminder)
        self.reminder.setVisible(bool(reminder))
        self._fill_menu(section)
        self._show_text()
        self.repeated.set_earlier(earlier_text(self.document.report, self.key))
        self.refusal.hide()
        self._show_notes()

    def _show_notes(self) -> None:
        heading = self.section.heading
        notes = [f"⚠ {f.message}" for f in self.document.findings if heading in f.message]
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))

    def _fee_reminder(self) -> str:
        for rule in self.document.report.fmt.rules:
            if rule.kind == "fee_text" and rule.params.get("section") == self.key:
                fmt = self.document.report.fmt
                return (
                    f"{fmt.name}要求在本节报告收取信息处理费的情况（《政府信息公开信息处理费管理办法》），"
                    "没有收费也要写明，如“本年度收取信息处理费0元”。"
                )
        return ""

    def _fill_menu(self, section: SectionSpec) -> None:
        menu = self.insert_button.menu()
        menu.clear()
        menu.addAction("下一个小标题（编号）", lambda: self.insert_subheading(""))
        if section.subheadings:
            menu.addSeparator()
            for title in section.subheadings:
                menu.addAction(title, lambda t=title: self.insert_subheading(t))
            menu.addSeparator()
            menu.addAction("插入全部建议小标题", self.insert_all_subheadings)

    def _show_text(self) -> None:
        text = self.document.report.prose.get(self.key, "")
        if self.editor.toPlainText() != text:
            self.editor.blockSignals(True)
            self.editor.setPlainText(text)
            self.editor.blockSignals(False)
        self._count(text)

    def _count(self, text: str) -> None:
        self.count.setText(f"共 {count_characters(text)} 字")

    def _edited(self) -> None:
        text = self.editor.toPlainText()
        try:
            if self._step:
                self.document.set_prose(self.key, text, self._step, merge=False)
            else:
                self.document.set_prose(self.key, text)
        except InputError as exc:  # over the limit: the section keeps its text, the clerk is told why
            self._refuse(str(exc), len(text))
            return
        self.refusal.hide()
        self._count(text)

    def _refuse(self, message: str, length: int) -> None:
        kept = self.document.report.prose.get(self.key, "")
        at = max(0, min(len(kept), self.editor.textCursor().position() - (length - len(kept))))
        self.editor.blockSignals(True)
        self.editor.setPlainText(kept)
        self.editor.blockSignals(False)
        cursor = self.editor.textCursor()
        cursor.setPosition(at)
        self.editor.setTextCursor(cursor)
        self.refusal.setText(f"⚠ {message}")
        self.refusal.show()

    def _prose_changed(self, key: str) -> None:
        if key == self.key:
            self._show_text()

    def insert_subheading(self, title: str) -> None:
        """Insert the next （n） heading on a line of its own at the cursor."""
        cursor = self.editor.textCursor()
        marker = next_subheading(self.editor.toPlainText()[: cursor.position()])
        self._insert_line(cursor, marker + title)

    def insert_all_subheadings(self) -> None:
        cursor = self.editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        start = len(SUBHEADING.findall(self.editor.toPlainText()))
        lines = [f"（{chinese_number(start + i)}）{t}\n" for i, t in enumerate(self.section.subheadings, 1)]
        self._insert_line(cursor, "\n".join(lines).rstrip("\n"))

    def _insert_line(self, cursor: QTextCursor, line: str) -> None:
        cursor.beginEditBlock()
        if cursor.positionInBlock() > 0:
            cursor.insertText("\n")
        cursor.insertText(line + "\n")
        cursor.endEditBlock()
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    def insert_previous(self, text: str) -> None:
        """Last year's text as a starting point: it fills an empty page, else goes in at the cursor (one undo
        step; the COPY rule still warns while it stays unchanged)."""
        if not text:
            return
        cursor = self.editor.textCursor()
        self._step = "插入上年内容"
        try:
            if self.editor.toPlainText().strip():
                self._insert_line(cursor, text)
            else:
                cursor.beginEditBlock()
                cursor.select(QTextCursor.SelectionType.Document)
                cursor.insertText(text)
                cursor.endEditBlock()
                self.editor.setTextCursor(cursor)
                self.editor.setFocus()
        finally:
            self._step = None
