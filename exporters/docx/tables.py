"""Tables 二、三、四 as Word tables, built from the format's grid: spans as gridSpan/vMerge, exact labels, values."""

from __future__ import annotations

import math
from dataclasses import dataclass

from docx.oxml.ns import nsdecls

from exporters.docx import style as st
from exporters.docx.prose import display_width, xml_text
from model.formats import GridCell, TableSpec
from model.report import Report
from model.values import format_value

PT_TO_MM = 25.4 / 72
MIN_CHARS = 2.0  # no column narrower than two characters
LABEL_CHARS = 16.0  # a one-row label wider than this wraps
SLACK_CHARS = 0.3  # room so that a column sized for n characters really holds n
MIN_FLEXIBLE_CHARS = 6.0  # a wrapping label column gives way down to this
ROW_HEIGHT = st.mm(5.5)  # at least, as in published tables
DENSE_COLUMNS = 6  # tables with more grid columns use the smaller size (小五)


@dataclass(frozen=True)
class TableLayout:
    """How one table is printed: column widths in twips, the text style, whether it needs a landscape page."""

    widths: tuple[int, ...]
    text_style: str
    point_size: float
    landscape: bool


def value_text(report: Report, cell_id: str) -> str:
    """What a value cell prints: the stated or computed value (0 as 0, blank as blank), or the clerk's invalid text."""
    value = report.effective(cell_id)
    if value is None:
        return report.invalid.get(cell_id, "")
    return format_value(value, report.units.get(cell_id))


def balanced_wrap(chars: float, low: int = 3, high: int = 5) -> int:
    """Characters per line for a label merged down over rows: the narrowest that leaves no short last line."""
    for per_line in range(low, high + 1):
        rest = chars % per_line
        if rest == 0 or rest >= per_line - 1:
            return per_line
    return high


def _cell_demand(cell: GridCell, role: str, text: str, number_column: bool) -> float:
    width = display_width(text)
    if cell.is_value:
        return width + 1
    if role != "data":  # headers wrap: over a number column onto up to three lines (社会/公益/组织), else two
        return math.ceil(width / (3 if number_column else 2))
    if cell.rowspan > 1:
        return min(width, balanced_wrap(width))
    return min(width, LABEL_CHARS)


def _demands(table: TableSpec, texts: dict[str, str]) -> tuple[list[float], set[int]]:
    """Characters each grid column wants, and the label columns that may give way (their labels can wrap)."""
    demand = [MIN_CHARS] * table.grid_columns
    flexible: set[int] = set()
    for row in table.rows:
        for cell in row.cells:
            if cell.colspan != 1:
                continue
            text = texts.get(cell.cell_id, "") if cell.cell_id else cell.text
            number = cell.col >= table.label_columns
            demand[cell.col] = max(demand[cell.col], _cell_demand(cell, row.role, text, number))
            if row.role == "data" and not cell.is_value and cell.rowspan == 1:
                flexible.add(cell.col)
    numbers = range(table.label_columns, table.grid_columns)
    widest = max((demand[c] for c in numbers), default=MIN_CHARS)
    for col in numbers:  # number columns all alike, as in the official tables
        demand[col] = widest
    return demand, flexible - set(numbers)


def plan_table(
    table: TableSpec, texts: dict[str, str], portrait_width: int, landscape_width: int, landscape_columns: int
) -> TableLayout:
    """Column widths from what each column must show, fitted to the width of the page.

    Too wide: the label columns whose labels can wrap give way first. Narrower than the page: all grow alike.
    """
    landscape = table.grid_columns >= landscape_columns
    small = table.grid_columns > DENSE_COLUMNS
    point_size = st.TABLE_SMALL_PT if small else st.TABLE_PT
    demand, flexible = _demands(table, texts)
    margin = 2 * st.TABLE_CELL_MARGIN
    wanted = [(chars + SLACK_CHARS) * point_size * st.TWIPS_PER_PT + margin for chars in demand]
    available = landscape_width if landscape else portrait_width
    excess = sum(wanted) - available
    give = sum(wanted[c] - MIN_FLEXIBLE_CHARS * point_size * st.TWIPS_PER_PT for c in flexible)
    if 0 < excess <= give:
        wanted = [
            w - excess * (w - MIN_FLEXIBLE_CHARS * point_size * st.TWIPS_PER_PT) / give
            if c in flexible
            else w
            for c, w in enumerate(wanted)
        ]
    scale = available / sum(wanted)
    widths = [int(w * scale) for w in wanted]
    widths[-1] += available - sum(widths)
    return TableLayout(tuple(widths), st.TABLE_TEXT_SMALL if small else st.TABLE_TEXT, point_size, landscape)


def _owners(table: TableSpec) -> dict[tuple[int, int], GridCell]:
    owners = {}
    for row in table.rows:
        for cell in row.cells:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    owners[(r, c)] = cell
    return owners


def _borders(tag: str) -> str:
    sides = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return f"<w:{tag}>{sides}</w:{tag}>"


def _paragraph(style: str, text: str, align: str, keep_next: bool) -> str:
    ppr = f'<w:pStyle w:val="{style}"/>' + ("<w:keepNext/>" if keep_next else "")
    ppr += f'<w:jc w:val="{align}"/>' if align != "center" else ""
    run = f'<w:r><w:t xml:space="preserve">{xml_text(text)}</w:t></w:r>' if text else ""
    return f"<w:p><w:pPr>{ppr}</w:pPr>{run}</w:p>"


def _cell(cell: GridCell, starts: bool, widths: tuple[int, ...], paragraph: str) -> str:
    width = sum(widths[cell.col : cell.col + cell.colspan])
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if cell.colspan > 1:
        props += f'<w:gridSpan w:val="{cell.colspan}"/>'
    if cell.rowspan > 1:
        props += '<w:vMerge w:val="restart"/>' if starts else "<w:vMerge/>"
    props += '<w:vAlign w:val="center"/>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{paragraph}</w:tc>"


def table_xml(table: TableSpec, texts: dict[str, str], layout: TableLayout) -> str:
    """The ``w:tbl`` of a table: fixed layout, explicit grid and cell widths, all borders, header rows repeated.

    Every row keeps with the next, so Word, WPS and LibreOffice start a table that fits on one page on a new page
    instead of leaving its last rows alone on the next; a longer table still breaks, with its header rows repeated.
    """
    widths = layout.widths
    margins = (
        f'<w:tblCellMar><w:left w:w="{st.TABLE_CELL_MARGIN}" w:type="dxa"/>'
        f'<w:right w:w="{st.TABLE_CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>'
    )
    parts = [
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{st.TABLE_STYLE}"/>'
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>{_borders("tblBorders")}'
        f'<w:tblLayout w:type="fixed"/>{margins}<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>',
        "".join(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    owners = _owners(table)
    header_rows = table.header_rows
    for index in range(len(table.rows)):
        repeat = "<w:tblHeader/>" if index < header_rows else ""
        parts.append(
            f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{ROW_HEIGHT}" w:hRule="atLeast"/>'
            f"{repeat}</w:trPr>"
        )
        keep = index < len(table.rows) - 1  # a table that fits on a page is moved whole, never split
        col = 0
        while col < table.grid_columns:
            cell = owners[(index, col)]
            starts = cell.row == index
            text = texts.get(cell.cell_id or "", "") if cell.is_value else cell.text if starts else ""
            paragraph = _paragraph(layout.text_style, text, table.align(cell), keep)
            parts.append(_cell(cell, starts, widths, paragraph))
            col += cell.colspan
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)


def table_texts(table: TableSpec, report: Report) -> dict[str, str]:
    """The printed text of every value cell of a table."""
    return {cell.cell_id: value_text(report, cell.cell_id) for cell in table.cells}
