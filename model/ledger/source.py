"""What a draft keeps of the ledger its table 三 was counted from: file, dates, mapping, the rows behind each cell.

In the draft (optional; drafts without it load as before)::

    "ledger": {"file": "2025年依申请台账.xlsx", "modified": "2026-01-05", "imported": "2026-01-06",
               "sheet": "台账", "columns": {"received": "收到日期", ...},          # role → header text
               "corrections": {"outcome": {"同意": "open"}, "applicant": {}},     # the clerk's word choices
               "cells": {"t3.open.natural": "3-5,9"},                               # ledger rows, as ranges
               "names": {"3": "张三"}, "uncounted": 2}
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from model import limits

MAX_ROWS = 200_000  # ledger rows a draft keeps names of
MAX_NAME = 60
_RANGES = re.compile(r"^\d{1,7}(-\d{1,7})?(,\d{1,7}(-\d{1,7})?)*$")


@dataclass(frozen=True)
class LedgerSource:
    file: str
    modified: datetime.date | None
    imported: datetime.date
    sheet: str = ""
    columns: dict[str, str] = field(default_factory=dict)
    corrections: dict[str, dict[str, str]] = field(default_factory=dict)
    cells: dict[str, tuple[int, ...]] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)
    uncounted: int = 0

    def rows_for(self, cell_ids: list[str]) -> list[int]:
        """The ledger rows counted in these cells (a total: in its parts), each once, in order."""
        found: set[int] = set()
        for cell_id in cell_ids:
            found.update(self.cells.get(cell_id, ()))
        return sorted(found)


def ranges(rows: tuple[int, ...] | list[int]) -> str:
    """「3-5,9」 for rows 3, 4, 5, 9."""
    parts: list[str] = []
    ordered = sorted(set(rows))
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        parts.append(str(ordered[i]) if i == j else f"{ordered[i]}-{ordered[j]}")
        i = j + 1
    return ",".join(parts)


def from_ranges(text: str) -> tuple[int, ...]:
    if not text:
        return ()
    if not _RANGES.match(text):
        raise ValueError("台账行号无效")
    rows: list[int] = []
    for part in text.split(","):
        first, _, last = part.partition("-")
        low, high = int(first), int(last or first)
        if high < low or len(rows) + high - low >= MAX_ROWS:
            raise ValueError("台账行号无效")
        rows.extend(range(low, high + 1))
    return tuple(rows)


def to_dict(source: LedgerSource) -> dict[str, Any]:
    return {
        "file": source.file,
        "modified": source.modified.isoformat() if source.modified else None,
        "imported": source.imported.isoformat(),
        "sheet": source.sheet,
        "columns": dict(source.columns),
        "corrections": {k: dict(v) for k, v in source.corrections.items()},
        "cells": {c: ranges(r) for c, r in source.cells.items() if r},
        "names": {str(r): n for r, n in source.names.items()},
        "uncounted": source.uncounted,
    }


def _text(value: Any, limit: int) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise TypeError("台账信息中的文字无效")
    return limits.clean(value, limit)


def _day(value: Any) -> datetime.date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError("台账信息中的日期无效")
    return datetime.date.fromisoformat(value)


def _words(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or len(value) > 10_000:
        raise TypeError("台账信息中的取值对应无效")
    return {_text(k, 200): _text(v, 80) for k, v in value.items()}


def from_dict(data: Any, cells: set[str]) -> LedgerSource:
    """A draft's "ledger" object, every field checked; cells the format does not have are dropped."""
    if not isinstance(data, dict):
        raise TypeError("台账信息应为对象")
    rows = data.get("cells", {})
    names = data.get("names", {})
    corrections = data.get("corrections", {})
    if not isinstance(rows, dict) or not isinstance(names, dict) or not isinstance(corrections, dict):
        raise TypeError("台账信息无效")
    if len(names) > MAX_ROWS:
        raise ValueError("台账行过多")
    uncounted = data.get("uncounted", 0)
    if not isinstance(uncounted, int) or isinstance(uncounted, bool) or not 0 <= uncounted <= MAX_ROWS:
        raise TypeError("台账信息中的行数无效")
    return LedgerSource(
        _text(data["file"], limits.MAX_SOURCE),
        _day(data.get("modified")),
        _day(data["imported"]) or datetime.date.today(),
        _text(data.get("sheet", ""), 100),
        _words(data.get("columns", {})),
        {_text(k, 20): _words(v) for k, v in corrections.items()},
        {c: from_ranges(_text(r, 2_000_000)) for c, r in rows.items() if isinstance(c, str) and c in cells},
        {int(_text(r, 7)): _text(n, MAX_NAME) for r, n in names.items() if str(r).isdigit()},
        uncounted,
    )
