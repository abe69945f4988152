"""The rows of the 审核 window and workbook: one per file read, the duplicates and the units of the roster missing.

A unit is its roster name where the report matched one, else its name (``names.unit_key``). Of two files of one
unit and year the newer wins (发布日期, else the file's time); the other is listed as 重复. The folder's year is the
one most reports have; a unit's report of the year before, when it is there too, gives the overlap of the prose
(the share of text that stands in last year's report, as rule COPY measures it). While a folder is read, the
window shows ``read_rows`` (what each file tells alone, matched against the roster); ``build_desk`` makes the
whole desk once every file is in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from model.prose_rules import copied_share
from model.review.entry import Entry, overlap_sections
from model.review.names import Match, Roster, match_units, unit_key

NOT_SUBMITTED, DUPLICATE, OFF_ROSTER, UNREADABLE, LAST_YEAR = (
    "未提交",
    "重复",
    "不在名单",
    "无法读取",
    "上年报告",
)


@dataclass
class Row:
    """One line of the desk: a file read (``entry``) or a unit of the roster not submitted (``entry`` None)."""

    unit: str
    entry: Entry | None = None
    match: Match | None = None
    status: list[str] = field(default_factory=list)
    superseded_by: str = ""  # the file of the same unit that is counted instead
    overlap: float | None = None  # share of the prose as in the unit's own report of last year

    @property
    def counted(self) -> bool:
        """A report of the folder's year that the roll-up and the totals take (read, not a duplicate)."""
        ok = self.entry is not None and self.entry.error is None and not self.superseded_by
        return ok and all(s == OFF_ROSTER for s in self.status)

    @property
    def note(self) -> str:
        if self.superseded_by:
            return f"{DUPLICATE}：以“{self.superseded_by}”为准"
        return "、".join(self.status)


@dataclass
class Desk:
    rows: list[Row]
    year: int  # the folder's year (0 when nothing could be read)
    roster: list[str] | None

    @property
    def missing(self) -> list[Row]:
        return [r for r in self.rows if r.entry is None]

    @property
    def counted(self) -> list[Row]:
        return [r for r in self.rows if r.counted]


def build_desk(entries: Iterable[Entry], roster: list[str] | Roster | None = None) -> Desk:
    """The rows for ``entries`` in the given order, then the roster's units not submitted."""
    names = Roster(roster) if roster is not None and not isinstance(roster, Roster) else roster
    rows = read_rows(entries, names)
    years = Counter(r.entry.year for r in rows if r.entry is not None and r.entry.error is None)
    year = years.most_common(1)[0][0] if years else 0
    _mark_last_year(rows, year)
    _mark_duplicates(rows)
    _overlaps(rows, year)
    if names is not None and names.given:
        present = {r.match.roster_name for r in rows if r.match is not None and r.counted}
        rows += [
            Row(name, status=[NOT_SUBMITTED]) for name in dict.fromkeys(names.given) if name not in present
        ]
    return Desk(rows, year, names.given if names is not None else None)


def read_rows(entries: Iterable[Entry], roster: Roster | None) -> list[Row]:
    """A row per entry as far as the entry alone tells (无法读取, its roster name or 不在名单): what the window shows
    while a folder is read; ``build_desk`` adds what needs them all (year, duplicates, overlap, 未提交)."""
    entries = list(entries)
    agencies = [e.agency for e in entries if e.error is None]
    matches = match_units(roster, agencies) if roster is not None and roster.names else {}
    rows = []
    for entry in entries:
        if entry.error is not None:
            rows.append(Row(entry.name, entry, status=[UNREADABLE]))
            continue
        match = matches.get(entry.agency)
        row = Row(entry.agency or entry.name, entry, match)
        if roster is not None and match is None:
            row.status.append(OFF_ROSTER)
        rows.append(row)
    return rows


def group_of(row: Row) -> str:
    """The unit a row counts for: its roster name, else its name compared loosely."""
    return row.match.roster_name if row.match is not None else unit_key(row.unit)


def _mark_last_year(rows: list[Row], year: int) -> None:
    for row in rows:
        if row.entry is not None and row.entry.error is None and row.entry.year != year:
            row.status.append(LAST_YEAR if row.entry.year == year - 1 else f"{row.entry.year}年度")


def _mark_duplicates(rows: list[Row]) -> None:
    groups: dict[tuple[str, int], list[Row]] = {}
    for row in rows:
        if row.entry is not None and row.entry.error is None:
            groups.setdefault((group_of(row), row.entry.year), []).append(row)
    for same in groups.values():
        if len(same) < 2:
            continue
        newest = max(same, key=lambda r: r.entry.newer_key if r.entry else ())
        for row in same:
            if row is not newest and newest.entry is not None:
                row.superseded_by = newest.entry.name
                row.status.append(DUPLICATE)


def _overlaps(rows: list[Row], year: int) -> None:
    before = {
        group_of(r): r.entry
        for r in rows
        if r.entry is not None and r.entry.year == year - 1 and not r.superseded_by
    }
    for row in rows:
        earlier = before.get(group_of(row)) if row.counted else None
        if row.entry is None or earlier is None:
            continue
        sections = overlap_sections(row.entry.format_id)
        shares = [
            copied_share(row.entry.prose.get(key, ""), earlier.prose.get(key, ""))
            for key in sections
            if row.entry.prose.get(key) and earlier.prose.get(key)
        ]
        row.overlap = max(shares) if shares else 0.0
