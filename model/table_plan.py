"""How a table is printed: the text of its value cells, its column widths (points), its size, its page's turn.

One plan for the Word, PDF and web exports. Widths come from what each grid column must show: number columns all
alike, as in the official tables; a wrapping label column gives way when the table is too wide. A table with many
columns (table 四) is set portrait at 小五 when its columns fit the text width, landscape only when they cannot.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from model import typeset as ts
from model.format_spec import GridCell, TableSpec
from model.report import Report
from model.report_text import display_width
from model.values import format_value

MIN_CHARS = 2.0  # no column narrower than two characters
LABEL_CHARS = 16.0  # a one-row label wider than this wraps
SLACK_CHARS = 0.3  # room so that a column sized for n characters really holds n
MIN_FLEXIBLE_CHARS = 6.0  # a wrapping label column gives way down to this
TIGHT_HEADER_LINES = 4  # to fit a portrait page, a header over a number column may wrap onto four lines


@dataclass(frozen=True)
class TablePlan:
    """Column widths in points (summing to the text width of the table's page), the text size, the page's turn."""

    widths: tuple[float, ...]
    point_size: float
    small: bool
    landscape: bool


def value_text(report: Report, cell_id: str) -> str:
    """What a value cell prints: the stated or computed value (0 as 0, blank as blank), or the clerk's invalid text."""
    value = report.effective(cell_id)
    if value is None:
        return report.invalid.get(cell_id, "")
    return format_value(value, report.units.get(cell_id))


def table_texts(table: TableSpec, report: Report) -> dict[str, str]:
    """The printed text of every value cell of a table."""
    return {cell.cell_id: value_text(report, cell.cell_id) for cell in table.cells}


def balanced_wrap(chars: float, low: int = 3, high: int = 5) -> int:
    """Characters per line for a label merged down over rows: the narrowest that leaves no short last line."""
    for per_line in range(low, high + 1):
        rest = chars % per_line
        if rest == 0 or rest >= per_line - 1:
            return per_line
    return high


def _cell_demand(cell: GridCell, role: str, text: str, number_column: bool, tight: bool) -> float:
    width = display_width(text)
    if cell.is_value:
        return width if tight else width + 1
    if role != "data":  # headers wrap: over a number column onto up to three lines (社会/公益/组织), else two
        lines = TIGHT_HEADER_LINES if tight and number_column else 3 if number_column else 2
        return math.ceil(width / lines)
    if cell.rowspan > 1:
        return min(width, balanced_wrap(width))
    return min(width, LABEL_CHARS)


def _demands(table: TableSpec, texts: dict[str, str], tight: bool = False) -> tuple[list[float], set[int]]:
    """Characters each grid column wants, and the label columns that may give way (their labels can wrap)."""
    demand = [MIN_CHARS] * table.grid_columns
    flexible: set[int] = set()
    for row in table.rows:
        for cell in row.cells:
            if cell.colspan != 1:
                continue
            text = texts.get(cell.cell_id, "") if cell.cell_id else cell.text
            number = cell.col >= table.label_columns
            demand[cell.col] = max(demand[cell.col], _cell_demand(cell, row.role, text, number, tight))
            if row.role == "data" and not cell.is_value and cell.rowspan == 1:
                flexible.add(cell.col)
    numbers = range(table.label_columns, table.grid_columns)
    widest = max((demand[c] for c in numbers), default=MIN_CHARS)
    for col in numbers:  # number columns all alike, as in the official tables
        demand[col] = widest
    return demand, flexible - set(numbers)


def _wanted(demand: list[float], point_size: float) -> list[float]:
    margin = 2 * ts.mm_to_pt(ts.TABLE_CELL_MARGIN_MM)
    return [(chars + SLACK_CHARS) * point_size + margin for chars in demand]


def _give_way(wanted: list[float], flexible: set[int], available: float, point_size: float) -> list[float]:
    """Too wide: the label columns whose labels can wrap give way first (down to MIN_FLEXIBLE_CHARS)."""
    floor = MIN_FLEXIBLE_CHARS * point_size
    excess = sum(wanted) - available
    give = sum(wanted[c] - floor for c in flexible)
    if 0 < excess <= give:
        return [w - excess * (w - floor) / give if c in flexible else w for c, w in enumerate(wanted)]
    return wanted


def fits_portrait(table: TableSpec, texts: dict[str, str]) -> bool:
    """Whether the table's columns fit a portrait page at 小五, headers wrapped as far as they may."""
    demand, flexible = _demands(table, texts, tight=True)
    available = ts.text_width_pt(False)
    wanted = _give_way(_wanted(demand, ts.TABLE_SMALL_PT), flexible, available, ts.TABLE_SMALL_PT)
    return sum(wanted) <= available


def plan_table(
    table: TableSpec,
    texts: dict[str, str],
    landscape_columns: int = ts.LANDSCAPE_COLUMNS,
    portrait_when_fits: bool = True,
) -> TablePlan:
    """Column widths from what each column must show, fitted to the width of the page.

    A table with ``landscape_columns`` grid columns or more goes landscape, unless ``portrait_when_fits`` and its
    columns fit a portrait page at 小五. Narrower than the page: all columns grow alike.
    """
    landscape = table.grid_columns >= landscape_columns and not (
        portrait_when_fits and fits_portrait(table, texts)
    )
    small = table.grid_columns > ts.DENSE_COLUMNS
    point_size = ts.TABLE_SMALL_PT if small else ts.TABLE_PT
    demand, flexible = _demands(table, texts)
    available = ts.text_width_pt(landscape)
    wanted = _give_way(_wanted(demand, point_size), flexible, available, point_size)
    scale = available / sum(wanted)
    return TablePlan(tuple(w * scale for w in wanted), point_size, small, landscape)
