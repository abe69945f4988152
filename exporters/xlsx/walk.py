"""Bounded walks over a workbook's sheets, read once with lxml: each cell's formula and cached result together.

A sheet's part is parsed whole by libxml2 (its size and element count were limited before, ``safe_zip``; a stream
parser costs three times as much here), then walked in Python only within the bounds the format can have
(``MAX_SHEET_ROWS`` × ``MAX_SHEET_COLUMNS``), or within less where the caller knows (the anchor's row counts,
``exporters/xlsx/anchor.py``): the walk stops at the first row past its bound, so a sheet whose ``<dimension>`` (or
one far cell such as ``F1048576``) claims a million rows costs no more than the rows asked for. The dimension is
never trusted: a grid is as large as the text it holds.

One pass gives both what a cell holds (``Cell.written``: ``=`` and its formula, or its value) and what it showed
when last calculated (``Cell.value``), so a workbook is opened once and no sheet is parsed twice. Values are typed
as openpyxl types them (numbers, text, booleans, error codes); number formats are not read, so a date stays the
number Excel stores.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from lxml import etree

from exporters.xlsx.book import MAIN, Book, parser, rich_text

# the official tables have at most 30 rows and 15 columns; nothing beyond these bounds is kept
MAX_SHEET_ROWS, MAX_SHEET_COLUMNS = 1000, 64
MAX_MERGED = 5000  # merged ranges read from one sheet
_PLACE = re.compile(r"\$?([A-Z]{1,3})\$?([1-9][0-9]{0,6})")
Merged = tuple[int, int, int, int]  # min_row, min_col, max_row, max_col


class Cell(NamedTuple):
    """One cell: its formula (without ``=``; None for a plain value) and its value or the formula's cached result
    (None when a formula was never calculated)."""

    formula: str | None
    value: Any

    @property
    def written(self) -> Any:
        """What the cell holds, as openpyxl gives it without ``data_only``: ``=`` and the formula, or the value."""
        return self.value if self.formula is None else f"={self.formula}"


@dataclass
class Sheet:
    """The cells of one sheet within a walk's bounds, by (row, column) from 1, and its merged ranges."""

    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    merged: list[Merged] = field(default_factory=list)


@lru_cache(maxsize=8192)  # the same few hundred coordinates in every workbook of a folder
def _where(coordinate: str) -> tuple[int, int] | None:
    """(row, column) of ``B7`` or ``$B$7``, unbounded; None for anything else."""
    found = _PLACE.fullmatch(coordinate)
    if found is None:
        return None
    column = 0
    for letter in found.group(1):
        column = column * 26 + ord(letter) - 64
    return int(found.group(2)), column


def spot(coordinate: str) -> tuple[int, int] | None:
    """(row, column) of a coordinate like ``B7`` within the bounds; None for anything else."""
    where = _where(coordinate.strip().upper())
    if where is None or where[0] > MAX_SHEET_ROWS or where[1] > MAX_SHEET_COLUMNS:
        return None
    return where


def _number(text: str) -> int | float:
    return float(text) if "." in text or "e" in text or "E" in text else int(text)


def _value(kind: str | None, text: str | None, inline: etree._Element | None, ns: str, book: Book) -> Any:
    """A cell's value or cached result (``<v>`` text, or ``<is>``), typed by its ``t`` as openpyxl types it."""
    if kind == "inlineStr":
        return None if inline is None else rich_text(inline, ns)
    if text is None:
        return None
    if kind is None or kind == "n":
        return _number(text) if text.strip() else None
    if kind == "s":
        return book.strings[int(text)]
    if kind == "b":
        return bool(int(text))
    return text  # str (a formula's text), e (an error code such as #DIV/0!), d (an ISO date)


class _Bounds(NamedTuple):
    """How far a walk goes, and the only places it keeps (None: every place within the bounds)."""

    rows: int
    columns: int
    only: frozenset[tuple[int, int]] | None


def read_sheet(
    book: Book,
    name: str,
    max_row: int,
    max_col: int,
    merged: bool = False,
    only: frozenset[tuple[int, int]] | None = None,
) -> Sheet:
    """The sheet's cells up to ``max_row`` × ``max_col`` (never past the bounds; only the places in ``only`` when
    given), and its merged ranges if asked. A sheet the workbook does not have is empty."""
    max_row, max_col = min(max_row, MAX_SHEET_ROWS), min(max_col, MAX_SHEET_COLUMNS)
    sheet, entry = Sheet(), book.entry(name)
    if entry is None or max_row < 1 or max_col < 1:
        return sheet
    root = etree.fromstring(book.sheet_xml(name), parser())
    ns = etree.QName(root).namespace or MAIN[0]
    data = root.find(f"{{{ns}}}sheetData")
    bounds = _Bounds(max_row, max_col, only)
    row_number = 0
    for row in () if data is None else data.iterchildren(f"{{{ns}}}row"):
        ref = row.get("r")
        row_number = int(ref) if ref and ref.isdigit() else row_number + 1
        if row_number > max_row:  # rows come in order: nothing further is looked at
            break
        _row(sheet.cells, row, ns, row_number, bounds, book)
    if merged:
        for merge in root.iterfind(f"{{{ns}}}mergeCells/{{{ns}}}mergeCell"):
            _merge(sheet.merged, merge.get("ref", ""))
    return sheet


def _row(
    cells: dict[tuple[int, int], Cell],
    row: etree._Element,
    ns: str,
    row_number: int,
    bounds: _Bounds,
    book: Book,
) -> None:
    """The cells of one ``<row>`` within the bounds (a cell without ``r`` follows the one before it)."""
    column = 0
    formula_tag, value_tag, inline_tag = f"{{{ns}}}f", f"{{{ns}}}v", f"{{{ns}}}is"
    max_row, max_col, only = bounds
    for cell in row.iterchildren(f"{{{ns}}}c"):
        ref = cell.get("r")
        where = _where(ref) if ref else None
        number, column = (row_number, column + 1) if where is None else where
        if number > max_row or column > max_col or (only is not None and (number, column) not in only):
            continue
        size = len(cell)
        if size == 0:  # a formatted empty cell: as if absent
            continue
        if size == 1:  # the usual cells: a number, or a string (shared or inline) without a formula
            only_child = cell[0]
            kind = cell.get("t")
            text = only_child.text if only_child.tag == value_tag else None
            if kind is None and text is not None and text.isdigit():
                cells[(number, column)] = Cell(None, int(text))
            else:
                inline = only_child if only_child.tag == inline_tag else None
                cells[(number, column)] = Cell(
                    _formula(only_child, formula_tag), _value(kind, text, inline, ns, book)
                )
            continue
        formula = text = inline = None
        for child in cell:
            tag = child.tag
            if tag == value_tag:
                text = child.text
            elif tag == formula_tag:
                formula = child.text or ""
            elif tag == inline_tag:
                inline = child
        cells[(number, column)] = Cell(formula, _value(cell.get("t"), text, inline, ns, book))


def _formula(child: etree._Element, formula_tag: str) -> str | None:
    return (child.text or "") if child.tag == formula_tag else None


def _merge(found: list[Merged], ref: str) -> None:
    if len(found) >= MAX_MERGED:
        return
    first, _, last = ref.upper().partition(":")
    top, bottom = _where(first), _where(last or first)
    if top is not None and bottom is not None:
        found.append((top[0], top[1], bottom[0], bottom[1]))


def rows(book: Book, name: str, max_row: int, max_col: int) -> list[tuple[Any, ...]]:
    """A sheet's values (cached results for formulas) row by row, ``max_row`` × ``max_col`` at most."""
    cells = read_sheet(book, name, max_row, max_col).cells
    height = max((r for r, _ in cells), default=0)
    width = min(max_col, MAX_SHEET_COLUMNS)
    return [tuple(_at(cells, r, c) for c in range(1, width + 1)) for r in range(1, height + 1)]


def _at(cells: dict[tuple[int, int], Cell], row: int, column: int) -> Any:
    cell = cells.get((row, column))
    return None if cell is None else cell.value


def values_at(book: Book, places: Iterable[tuple[str, str]]) -> dict[tuple[str, str], Cell]:
    """The cells at (sheet, coordinate) places, each sheet walked once up to the farthest place asked for.

    A place on a missing sheet, outside the bounds, or empty, is left out (a tampered anchor)."""
    wanted: dict[str, dict[tuple[int, int], list[str]]] = {}
    for sheet, coordinate in places:
        where = spot(coordinate)
        if where is not None and book.entry(sheet) is not None:
            wanted.setdefault(sheet, {}).setdefault(where, []).append(coordinate)
    found: dict[tuple[str, str], Cell] = {}
    for sheet, spots in wanted.items():
        cells = read_sheet(
            book, sheet, max(r for r, _ in spots), max(c for _, c in spots), only=frozenset(spots)
        ).cells
        for where, named in spots.items():
            if where in cells:
                for coordinate in named:
                    found[(sheet, coordinate)] = cells[where]
    return found
