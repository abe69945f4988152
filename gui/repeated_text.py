"""The prose page's highlight of sentences repeated from last year's report (rule COPY measures their share)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from model.prose_rules import repeated_spans
from model.report import Report

COPY_KIND = "copied_prose"
REPEATED = QColor("#fde2e1")  # a pale red under the sentence, the text stays readable


def earlier_text(report: Report, key: str) -> str:
    """Last year's text of the section, when one is attached and the format's COPY rule measures the section."""
    if report.previous is None:
        return ""
    measured = any(
        spec.kind == COPY_KIND and key in spec.params.get("sections", ()) for spec in report.fmt.rules
    )
    return report.previous.prose.get(key, "") if measured else ""


class RepeatedHighlighter(QSyntaxHighlighter):
    """Marks, line by line, the sentences whose text stands in last year's report of the section."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.earlier = ""
        self.marked = QTextCharFormat()
        self.marked.setBackground(REPEATED)
        self.marked.setToolTip("与上年报告相同的句子")

    def set_earlier(self, text: str) -> None:
        if text != self.earlier:
            self.earlier = text
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        if not self.earlier or not text.strip():
            return
        for start, end in repeated_spans(text, self.earlier):
            self.setFormat(start, end - start, self.marked)
