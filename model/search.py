"""查找 (Ctrl+F): where a phrase occurs in the report's prose and in its format's table labels, in page order."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from model.report import Report


@dataclass(frozen=True)
class Hit:
    """One place a phrase was found: in a prose section (``start``, ``length``) or a table label (``row``, ``col``)."""

    page: str
    start: int = 0
    length: int = 0
    row: int = -1
    col: int = -1
    text: str = ""  # the label found, or the phrase as it stands in the prose

    @property
    def in_label(self) -> bool:
        return self.row >= 0


def fold(text: str) -> str:
    """Text as the search compares it: full-width forms as half-width, no case, no white space."""
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", text)).casefold()


def _prose_hits(key: str, text: str, needle: str) -> list[Hit]:
    """Every occurrence of ``needle`` in ``text``, ignoring case where that keeps the offsets."""
    lowered, wanted = text.lower(), needle.lower()
    haystack, needle = (lowered, wanted) if len(lowered) == len(text) else (text, needle)
    hits, start = [], haystack.find(needle)
    while needle and start >= 0:
        hits.append(Hit(key, start, len(needle), text=text[start : start + len(needle)]))
        start = haystack.find(needle, start + len(needle))
    return hits


def _label_hits(report: Report, key: str, needle: str) -> list[Hit]:
    wanted = fold(needle)
    table = report.fmt.table(key)
    return [
        Hit(key, row=cell.row, col=cell.col, text=cell.text)
        for row in table.rows
        for cell in row.cells
        if not cell.is_value and cell.text and wanted in fold(cell.text)
    ]


def find_all(report: Report, needle: str) -> list[Hit]:
    """Every hit of ``needle`` in the sections' order: a prose section's text, a table's labels (row by row)."""
    if not fold(needle):  # nothing but white space
        return []
    hits: list[Hit] = []
    for section in report.fmt.sections:
        if section.kind == "table":
            hits.extend(_label_hits(report, section.key, needle))
        else:
            hits.extend(_prose_hits(section.key, report.prose.get(section.key, ""), needle))
    return hits


def next_hit(hits: list[Hit], pages: list[str], current: int, step: int, page: str) -> int:
    """The index of the hit to show: the one after (``step`` 1) or before (-1) ``current``, wrapping round; with
    no current hit, the first hit on ``page`` or after it in ``pages`` order (the last before it going back)."""
    if not hits:
        return -1
    if 0 <= current < len(hits):
        return (current + step) % len(hits)
    here = pages.index(page) if page in pages else 0
    order = [pages.index(h.page) if h.page in pages else 0 for h in hits]
    if step > 0:
        return next((i for i, o in enumerate(order) if o >= here), 0)
    return next((i for i in range(len(hits) - 1, -1, -1) if order[i] < here), len(hits) - 1)
