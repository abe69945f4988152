"""One import of a ledger: the guessed layout and words, the clerk's corrections, the count, the report after it.

The memory of earlier imports is plain data (the GUI keeps it in its settings, the CLI in a JSON file)::

    {"layouts": {"序号|申请编号|…": {"received": "收到日期", …}},   # by header texts: the same layout
     "applicant": {"公民个人": "natural"}, "outcome": {"同意": "open"}}   # the clerk's word choices
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from model.format_spec import Format
from model.ledger.count import Counted, count
from model.ledger.layout import Layout, fit, guess
from model.ledger.source import LedgerSource
from model.ledger.targets import Targets, targets
from model.ledger.vocab import Vocabulary, norm, vocabulary
from model.ledger.words import APPLICANT, OUTCOME, Words
from model.report import Report

MAX_LAYOUTS, MAX_WORDS = 50, 2000


@dataclass(frozen=True)
class LedgerSheet:
    """A ledger as read: its file name and date, the sheet used, and the rows (``rows[0]`` is row 1)."""

    file: str
    modified: datetime.date | None
    sheet: str
    rows: list[tuple[Any, ...]]


@dataclass
class LedgerSession:
    sheet: LedgerSheet
    fmt: Format
    year: int
    memory: dict[str, Any] = field(default_factory=dict)
    vocab: Vocabulary = field(default_factory=vocabulary)

    def __post_init__(self) -> None:
        self.targets: Targets = targets(self.fmt)
        corrections = {k: dict(_words(self.memory.get(k))) for k in (APPLICANT, OUTCOME)}
        self.words = Words(self.vocab, self.targets, corrections)
        layouts = self.memory.get("layouts")
        self.layout: Layout = guess(
            self.vocab, self.sheet.rows, layouts if isinstance(layouts, dict) else None
        )
        self._counted: Counted | None = None

    # ---- what the clerk corrects -----------------------------------------------------------
    def set_column(self, role: str, column: int | None) -> None:
        self.layout = self.layout.with_column(role, column)
        self._counted = None

    def set_header_row(self, index: int) -> None:
        """Another row is the header (0-based); its columns are guessed afresh."""
        self.layout = fit(self.vocab, self.sheet.rows, index)
        self._counted = None

    def correct(self, kind: str, word: str, key: str | None) -> None:
        self.words.correct(kind, word, key)
        self._counted = None

    # ---- what it gives -----------------------------------------------------------------------
    def counted(self) -> Counted:
        if self._counted is None:
            if self.layout.header_row < 0:
                self._counted = count([], self.layout, self.words, self.year)
            else:
                self._counted = count(self.sheet.rows, self.layout, self.words, self.year)
        return self._counted

    def ready(self) -> str:
        """Empty when the ledger can be counted, else what is missing, in Chinese."""
        if self.layout.header_row < 0:
            return "在台账的前几行中没有找到表头（如“收到日期”“处理结果”），请指定表头所在的行"
        if self.layout.column("received") is None:
            return "请指定“收到日期”所在的列"
        if self.layout.column("type") is None and self.layout.column("name") is None:
            return "请指定“申请人类型”或“申请人名称”所在的列"
        if self.layout.column("outcome") is None:
            return "请指定“处理结果”所在的列"
        return ""

    def samples(self) -> list[tuple[int, tuple[Any, ...]]]:
        """The first data rows under the header, with their row numbers."""
        start = self.layout.first_data
        found: list[tuple[int, tuple[Any, ...]]] = []
        for index in range(start, len(self.sheet.rows)):
            if any(v is not None and str(v).strip() for v in self.sheet.rows[index]):
                found.append((index + 1, self.sheet.rows[index]))
            if len(found) >= self.vocab.sample_rows:
                break
        return found

    def remembered(self) -> dict[str, Any]:
        """The memory with this import's layout and the clerk's words, for the next ledger."""
        layouts = dict(self.memory.get("layouts") or {})
        layouts.pop(self.layout.signature, None)
        layouts[self.layout.signature] = self.layout.named()
        out: dict[str, Any] = {"layouts": dict(list(layouts.items())[-MAX_LAYOUTS:])}
        for kind in (APPLICANT, OUTCOME):
            words = self.words.corrections.get(kind, {})
            out[kind] = dict(list(words.items())[-MAX_WORDS:])
        return out

    def apply(self, report: Report, today: datetime.date | None = None) -> Report:
        """The report with table 三's counted cells replaced by the ledger's counts and the ledger noted."""
        counted = self.counted()
        after = report.copy()
        for cell_id, number in counted.counts.items():
            if cell_id in after.fmt.cells and not after.fmt.is_computed(cell_id):
                after.set_value(cell_id, number)
                after.stated.pop(cell_id, None)
        for cell_id in after.fmt.cells:  # totals printed in a file read back no longer apply
            if after.fmt.cells[cell_id].table == self.targets.table:
                after.stated.pop(cell_id, None)
        after.ledger = LedgerSource(
            self.sheet.file,
            self.sheet.modified,
            today or datetime.date.today(),
            self.sheet.sheet,
            self.layout.named(),
            {k: dict(v) for k, v in self.words.corrections.items() if v},
            {c: tuple(r) for c, r in counted.rows.items() if r},
            dict(counted.names),
            len(counted.problems),
        )
        after.changed()
        return after


def _words(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {norm(k): str(v) for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}


def guess_year(session: LedgerSession) -> int | None:
    """The year most requests were received in (a ledger is kept for one year, with a few carried over)."""
    from collections import Counter

    from model.ledger.dates import BadDateError, parse_date

    place = session.layout.column("received")
    if place is None or session.layout.header_row < 0:
        return None
    years: Counter[int] = Counter()
    for row in session.sheet.rows[session.layout.first_data :]:
        try:
            day = parse_date(row[place] if place < len(row) else None)
        except BadDateError:
            continue
        if day is not None:
            years[day.year] += 1
    return years.most_common(1)[0][0] if years else None
