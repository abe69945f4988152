"""The contract of the workbook's hidden sheets ``_meta`` and ``_cells`` (schema 1), defined once for both sides.

The writer (``exporters/xlsx/writer.py``) fills them; the reader (``exporters/xlsx/reader.py``) finds every cell
by them, exactly, whatever the user did to the visible sheets' layout.

Hidden sheet ``_meta`` (``META_SHEET``): column A a key, column B its value, from row 1:
``schema`` (1), ``app`` ("nianbao"), ``format`` (the format id: its file name in resources/formats, e.g. "2021"), ``year``, ``agency``, ``level`` —
as exported. The user may have edited agency / level / year since: read their live cells (``info.*`` below).

Hidden sheet ``_cells`` (``CELLS_SHEET``): row 1 holds the headers ``CELLS_HEADERS`` =
(id, sheet, cell, kind, role, unit); then one row per addressable cell:

- role ``input``: a value cell of the format; id is the cell id (e.g. "t3.new.natural"), kind its CellSpec kind.
  The sheet cell holds a number (int for counts, a decimal for amounts), is empty (blank, never 0), or holds
  text the clerk typed that is not a valid value. ``unit`` is the unit exported with a money value (e.g. "元"),
  else empty.
- role ``total``: a computed cell (``fmt.totals``). It holds the formula
  ``=IF(COUNT(parts)=0,"",SUM(parts))`` — or a plain number when a stated total disagreed with its parts, or
  when a user unprotected the sheet and overwrote it. A reader may take a number found there as the stated
  total; a formula's cached value is missing in a file written by this module and may be missing after an edit
  in WPS, so recompute totals from the inputs rather than trusting the cache.
- role ``info``: ``info.agency``, ``info.level`` (text), ``info.year`` (int), ``info.contact.<field>``
  for each of ``Contact.FIELDS`` (text) on 基本信息.
- role ``prose``: ``prose.<section key>`` (e.g. "prose.s1") on 报告正文, the section's text.
- role ``check``: ``check.<CODE>.<key>`` → the 结果 cell on 校验 (通过 / 不通过, a formula).

Every text (labels, agency, contact, prose) is a string cell, never a formula, even when it starts with = + - @.
Sheet titles and cell labels are those of the format (``model.formats``); nothing here is specific to a year.

Bounds: a reader reads no more than ``META_ROWS`` rows of ``_meta`` and ``cells_rows(fmt)`` rows of ``_cells`` (the
header, each cell of the format once, at most one check per cell, ``INFO_ROWS`` info fields, one row per section):
whatever a tampered sheet holds beyond them is never parsed.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from exporters.xlsx.book import Book
from exporters.xlsx.walk import rows as walk
from model.formats import Format, load_format

SCHEMA = 1
APP = "nianbao"
META_SHEET, CELLS_SHEET = "_meta", "_cells"
CELLS_HEADERS = ("id", "sheet", "cell", "kind", "role", "unit")
META_ROWS = 20  # the writer writes 6
INFO_ROWS = 20  # info.agency, info.level, info.year and the contact fields
# The writer's _cells part is the same for every workbook of a format: its rows, by a digest of its bytes, for the
# workbooks of a folder (``nianbao check``). Only a part without shared strings: its bytes then say everything.
_SEEN: dict[bytes, tuple[tuple[str, ...], ...]] = {}
SEEN_MAX = 8
_SHARED = re.compile(rb"""\st\s*=\s*["']s["']""")


def cells_rows(fmt: Format) -> int:
    """The most rows ``_cells`` has for a format (the header row included)."""
    return 1 + 2 * len(fmt.cells) + len(fmt.sections) + INFO_ROWS


def read_anchor(book: Book) -> tuple[dict[str, Any], list[tuple[str, ...]]] | None:
    """The writer's hidden sheets: metadata and the list of addressable cells; None if absent or unknown.

    The list is empty when the format is unknown (the reader says so)."""
    if book.entry(META_SHEET) is None or book.entry(CELLS_SHEET) is None:
        return None
    meta = {str(k): v for k, v, *_ in walk(book, META_SHEET, META_ROWS, 2) if k is not None}
    if meta.get("app") != APP or str(meta.get("schema")) != str(SCHEMA):
        return None
    try:
        fmt = load_format(str(meta.get("format")))
    except KeyError:
        return meta, []
    return meta, [r for r in _cell_rows(book, cells_rows(fmt)) if len(r) == 6 and r[0]]


def forget() -> None:
    """Forget the _cells parts remembered (the next workbook is read as if it were the first)."""
    _SEEN.clear()


def remembered() -> int:
    """How many _cells parts are remembered."""
    return len(_SEEN)


def _cell_rows(book: Book, bound: int) -> tuple[tuple[str, ...], ...]:
    """The rows of ``_cells`` after its header, as text, read or remembered from an identical part."""
    data = book.sheet_xml(CELLS_SHEET)
    key = None
    if _SHARED.search(data) is None:
        key = hashlib.blake2b(data + bound.to_bytes(4, "big"), digest_size=20).digest()
        if key in _SEEN:
            return _SEEN[key]
    rows = tuple(
        tuple("" if v is None else str(v) for v in row[:6]) for row in walk(book, CELLS_SHEET, bound, 6)
    )
    if key is not None:
        while len(_SEEN) >= SEEN_MAX:
            del _SEEN[next(iter(_SEEN))]
        _SEEN[key] = rows[1:]
    return rows[1:]
