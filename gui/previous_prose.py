"""Last year's text of a prose section beside the editor (read-only), and the buttons that offer it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QToolButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from gui.document import ReportDocument
    from model.report import Report

NOTE_COPY = "可以作为修改的起点，但不要原样照抄：与上年大量相同的文字会被提示“内容雷同”。"


class PreviousProse(QWidget):
    """The side panel with last year's text; ``insert_button`` and ``compare_button`` go into the page's bar."""

    insertRequested = Signal(str)  # noqa: N815 - last year's text, to be inserted into the editor

    def __init__(self, document: ReportDocument, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document, self.key = document, key
        self.insert_button = QToolButton()
        self.insert_button.setText("插入上年内容(&P)")
        self.insert_button.clicked.connect(lambda: self.insertRequested.emit(self.previous_text()))
        self.compare_button = QToolButton()
        self.compare_button.setText("对照上年(&C)")
        self.compare_button.setCheckable(True)
        self.compare_button.toggled.connect(self.setVisible)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self.text.setStyleSheet("QPlainTextEdit { background: #f3f3f3; }")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addWidget(self.text, 1)
        self._shown_for: tuple[int, str] | None = (-1, "")  # which previous report is shown: none yet
        self.setVisible(False)
        document.reportReplaced.connect(self.refresh)
        document.metaChanged.connect(self.refresh)
        document.formatChanged.connect(self.refresh)
        self.refresh()

    @property
    def previous(self) -> Report | None:
        return self.document.report.previous

    def previous_text(self) -> str:
        previous = self.previous
        return previous.prose.get(self.key, "").strip("\n") if previous is not None else ""

    def refresh(self) -> None:
        """Show the current previous report's text; a newly imported one opens the panel by itself for a section
        whose format gives it a ``previous_note`` (五: last year's problems, to be followed up)."""
        previous, text = self.previous, self.previous_text()
        identity = (id(previous), self.document.report.previous_source) if previous is not None else None
        if identity == self._shown_for:
            return
        self._shown_for = identity
        self.text.setPlainText(text)
        has_text = bool(text.strip())
        for button in (self.insert_button, self.compare_button):
            button.setEnabled(has_text)
        self.insert_button.setToolTip(self._tooltip(previous, has_text))
        self.compare_button.setToolTip(
            "在右侧对照显示上年报告这一节的文字（只读），再点一次收起" if has_text else self._absent(previous)
        )
        section = self.document.report.fmt.section(self.key)
        if previous is not None:
            self.title.setText(f"{previous.agency}{previous.year}年度报告 · {section.heading}（只读）")
        self.note.setText(section.previous_note or NOTE_COPY)
        self.compare_button.setChecked(has_text and bool(section.previous_note))  # 五: last year's problems
        self.setVisible(self.compare_button.isChecked())

    def _tooltip(self, previous: Report | None, has_text: bool) -> str:
        if not has_text:
            return self._absent(previous)
        return f"把{previous.year if previous else ''}年报告这一节的文字插入到光标处（本节为空时填入），作为修改的起点"

    @staticmethod
    def _absent(previous: Report | None) -> str:
        return "导入上年报告后可用（文件 → 导入上年报告）" if previous is None else "上年报告没有这一节的文字"
