"""Bounded walks over the sheets of a workbook opened read-only: values at places, grids, merged ranges.

openpyxl's read-only sheets are parsed as they are walked, so a walk that stops at a row parses nothing beyond it:
a sheet whose ``<dimension>`` (or one far cell such as ``F1048576``) claims a million rows costs no more than the
rows asked for. Every walk here is bounded by the cells the format can have (``MAX_SHEET_ROWS`` ×
``MAX_SHEET_COLUMNS``), or by less where the caller knows (the anchor's row counts, ``exporters/xlsx/anchor.py``).

One workbook gives both the formulas and their cached results (``cached``): a read-only sheet takes its workbook's
``data_only`` when a walk starts (openpyxl 3.1), so a walk sets it and reads its rows whole. Loading the workbook
once halves what its shared strings and styles cost.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable
from typing import Any
from xml.parsers import expat

from openpyxl.utils.cell import column_index_from_string, range_boundaries

# the official tables have at most 30 rows and 15 columns; nothing beyond these bounds is read
MAX_SHEET_ROWS, MAX_SHEET_COLUMNS = 1000, 64
MAX_MERGED = 5000  # merged ranges read from one sheet
_PLACE = re.compile(r"^\$?([A-Z]{1,3})\$?([1-9][0-9]{0,6})$")
_MAIN = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",  # Strict Open XML
)
Merged = tuple[int, int, int, int]  # min_row, min_col, max_row, max_col


def spot(coordinate: str) -> tuple[int, int] | None:
    """(row, column) of a coordinate like ``B7`` within the bounds; None for anything else."""
    found = _PLACE.match(coordinate.strip().upper())
    if found is None:
        return None
    row, column = int(found.group(2)), column_index_from_string(found.group(1))
    return (row, column) if row <= MAX_SHEET_ROWS and column <= MAX_SHEET_COLUMNS else None


def rows(ws: Any, max_row: int, max_col: int, cached: bool = False) -> list[tuple[Any, ...]]:
    """The sheet's values, row by row, never past ``max_row`` × ``max_col`` (whatever its dimension says).

    ``cached``: a formula's cached result (what Excel or WPS last showed) instead of the formula."""
    if max_row < 1 or max_col < 1:
        return []
    book = ws.parent
    before = getattr(book, "_data_only", False)
    book._data_only = cached
    try:
        return list(ws.iter_rows(max_row=max_row, max_col=max_col, values_only=True))
    finally:
        book._data_only = before


def values_at(wb: Any, places: Iterable[tuple[str, str]], cached: bool = False) -> dict[tuple[str, str], Any]:
    """The values at (sheet, coordinate) places, each sheet walked once up to the farthest place asked for.

    A place on a missing sheet, or outside the bounds, is left out (a tampered anchor)."""
    wanted: dict[str, dict[tuple[int, int], list[str]]] = {}
    for sheet, coordinate in places:
        where = spot(coordinate)
        if where is not None and sheet in wb.sheetnames:
            wanted.setdefault(sheet, {}).setdefault(where, []).append(coordinate)
    found: dict[tuple[str, str], Any] = {}
    for sheet, spots in wanted.items():
        max_row = max(r for r, _ in spots)
        max_col = max(c for _, c in spots)
        for r, row in enumerate(rows(wb[sheet], max_row, max_col, cached), 1):
            for c, value in enumerate(row, 1):
                for named in spots.get((r, c), ()):
                    found[(sheet, named)] = value
    return found


def bounds(ws: Any) -> tuple[int, int]:
    """How far to walk a sheet: its dimension where it has one, never past the bounds."""
    max_row = ws.max_row if isinstance(ws.max_row, int) else MAX_SHEET_ROWS
    max_col = ws.max_column if isinstance(ws.max_column, int) else MAX_SHEET_COLUMNS
    return min(max_row, MAX_SHEET_ROWS), min(max_col, MAX_SHEET_COLUMNS)


def merged_ranges(ws: Any) -> list[Merged]:
    """The sheet's merged ranges (``<mergeCell ref>``), read from its part as it streams by: no tree is built.

    A read-only sheet does not load them itself; a sheet whose part cannot be found gives none."""
    archive = getattr(getattr(ws, "parent", None), "_archive", None)
    path = getattr(ws, "_worksheet_path", None)
    if not isinstance(archive, zipfile.ZipFile) or not isinstance(path, str):
        return []
    found: list[Merged] = []

    def start(name: str, attributes: dict[str, str]) -> None:
        namespace, _, local = name.rpartition(" ")
        if local == "mergeCell" and namespace in _MAIN and len(found) < MAX_MERGED:
            try:
                min_col, min_row, max_col, max_row = range_boundaries(attributes.get("ref", ""))
            except (ValueError, TypeError):
                return
            if None not in (min_col, min_row, max_col, max_row):
                found.append((int(min_row or 0), int(min_col or 0), int(max_row or 0), int(max_col or 0)))

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    with archive.open(path) as part:
        parser.ParseFile(part)
    return found
