"""Where every table cell lands on its sheet, compact range references, and column widths / row heights."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from openpyxl.utils import get_column_letter, quote_sheetname

from model.formats import Format, GridCell, TableSpec

TABLE_TOP = 2  # sheet row of a table's first grid row (row 1 holds the section heading)
LABEL_MIN, LABEL_CAP = 6.0, 40.0  # widths (Excel character units) of label columns
VALUE_MIN, VALUE_CAP = 9.0, 14.0
CJK_WIDTH = 1.8  # a 10 pt CJK glyph in units of the default font's digit width
LINE_HEIGHT = 14.5
ROW_HEIGHT = 18.0  # points; the default (about 14) is cramped for a printed form  # points per text line at the tables' font size


def sheet_row(cell: GridCell | int) -> int:
    """The sheet row (1-based) of a grid cell or grid row index."""
    return TABLE_TOP + (cell if isinstance(cell, int) else cell.row)


def sheet_col(cell: GridCell | int) -> int:
    return 1 + (cell if isinstance(cell, int) else cell.col)


@dataclass(frozen=True)
class Place:
    """Where a value cell is: sheet title, row and column (1-based)."""

    sheet: str
    row: int
    col: int

    @property
    def coordinate(self) -> str:
        return f"{get_column_letter(self.col)}{self.row}"

    @property
    def absolute(self) -> str:
        return f"${get_column_letter(self.col)}${self.row}"

    def ref(self, from_sheet: str | None = None) -> str:
        """A reference usable in a formula on ``from_sheet`` (qualified when on another sheet)."""
        if from_sheet == self.sheet:
            return self.coordinate
        return f"{quote_sheetname(self.sheet)}!{self.absolute}"


def place_cells(fmt: Format) -> dict[str, Place]:
    """Every value cell of the format (inputs and totals) and where it is written."""
    places: dict[str, Place] = {}
    for table in fmt.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.cell_id is not None:
                    places[cell.cell_id] = Place(table.short, sheet_row(cell), sheet_col(cell))
    return places


def rectangles(points: Iterable[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """Cover a set of (row, col) points with few rectangles (r1, c1, r2, c2): column runs merged side by side."""
    by_col: dict[int, list[int]] = {}
    for row, col in set(points):
        by_col.setdefault(col, []).append(row)
    runs: list[tuple[int, int, int]] = []  # (first row, last row, col)
    for col, rows in by_col.items():
        rows.sort()
        start = prev = rows[0]
        for row in rows[1:]:
            if row != prev + 1:
                runs.append((start, prev, col))
                start = row
            prev = row
        runs.append((start, prev, col))
    runs.sort(key=lambda r: (r[0], r[1], r[2]))
    rects: list[list[int]] = []
    for first, last, col in runs:
        if rects and rects[-1][0] == first and rects[-1][2] == last and rects[-1][3] == col - 1:
            rects[-1][3] = col
        else:
            rects.append([first, col, last, col])
    return [(r[0], r[1], r[2], r[3]) for r in sorted(rects, key=lambda r: (r[0], r[1]))]


def range_text(rect: tuple[int, int, int, int]) -> str:
    r1, c1, r2, c2 = rect
    start = f"{get_column_letter(c1)}{r1}"
    return start if (r1, c1) == (r2, c2) else f"{start}:{get_column_letter(c2)}{r2}"


def range_refs(places: Iterable[Place], from_sheet: str | None = None, absolute: bool = False) -> list[str]:
    """Compact references to a set of cells on one sheet, e.g. ['D4:I25', 'D27:I27']."""
    places = list(places)
    if not places:
        return []
    sheet = places[0].sheet
    if any(p.sheet != sheet for p in places):
        raise ValueError("cells on more than one sheet")
    refs = []
    for rect in rectangles((p.row, p.col) for p in places):
        text = range_text(rect)
        if absolute or from_sheet != sheet:
            text = ":".join(_absolute(part) for part in text.split(":"))
        refs.append(text if from_sheet == sheet else f"{quote_sheetname(sheet)}!{text}")
    return refs


def _absolute(coordinate: str) -> str:
    letters = coordinate.rstrip("0123456789")
    return f"${letters}${coordinate[len(letters) :]}"


def text_width(text: str) -> float:
    """Approximate display width in Excel character units: CJK and full-width characters count almost double."""
    return sum(CJK_WIDTH if ord(ch) > 0x2E7F else 1.0 for ch in text)


def column_widths(table: TableSpec) -> list[float]:
    """A width per grid column: label columns fit their longest single-column label (wrapped beyond a cap)."""
    widths = [LABEL_MIN if col < table.label_columns else VALUE_MIN for col in range(table.grid_columns)]
    for row in table.rows:
        for cell in row.cells:
            if cell.colspan != 1 or not cell.text:
                continue
            label = cell.col < table.label_columns
            cap = LABEL_CAP if label else VALUE_CAP
            need = text_width(cell.text) + 2
            if cell.rowspan > 2:  # a tall cell wraps its text down the rows
                need = LABEL_MIN
            widths[cell.col] = max(widths[cell.col], min(need, cap))
    return widths


def row_heights(table: TableSpec, widths: list[float]) -> dict[int, float]:
    """Sheet row heights: a little air in every row, more where labels wrap onto several lines."""
    heights: dict[int, float] = {}
    for index, row in enumerate(table.rows):
        lines = 1
        for cell in row.cells:
            if not cell.text or cell.rowspan > 1:
                continue
            room = sum(widths[cell.col : cell.col + cell.colspan]) - 1
            lines = max(lines, math.ceil(text_width(cell.text) / max(room, 1.0)))
        heights[sheet_row(index)] = max(ROW_HEIGHT, LINE_HEIGHT * lines + 3)
    return heights
