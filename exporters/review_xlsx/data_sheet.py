"""The 数据 sheet's rows: every value of every report read, one per line (unit, file, table, name, value, unit of
measure, cell id), made as sheet XML (``long_sheet``) — 172 lines a report, a million cells for a large folder."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from openpyxl.worksheet.worksheet import Worksheet

from exporters.review_xlsx.long_sheet import LongSheet, SharedStrings
from exporters.xlsx.styles import BODY, PLAIN, RIGHT
from model.formats import load_format
from model.review.desk import Desk

COLUMNS = 7


def data_rows(ws: Worksheet, desk: Desk, strings: SharedStrings) -> LongSheet:
    """The rows under the header row of ``ws`` (the header, widths and print setup are the writer's)."""
    sheet = LongSheet(ws, COLUMNS, strings)
    text, quoted = sheet.style(BODY, PLAIN), sheet.style(BODY, PLAIN, quote=True)
    whole, amount = sheet.style(BODY, RIGHT, "0"), sheet.style(BODY, RIGHT, "0.0000")
    parts: dict[tuple[str, str], tuple[str, str]] = {}  # (format, cell) → (表 and 名称, 编号): made once
    for row in desk.rows:
        entry = row.entry
        if entry is None or not entry.values:
            continue
        head = sheet.text(1, row.unit, text, quoted) + sheet.text(2, entry.name, text, quoted)
        for cell_id, value in entry.values.items():
            known = parts.get((entry.format_id, cell_id))
            if known is None:
                table, name = _names(entry.format_id).get(cell_id, ("", cell_id))
                known = (
                    sheet.text(3, table, text, quoted) + sheet.text(4, name, text, quoted),
                    sheet.text(7, cell_id, text, quoted),
                )
                parts[(entry.format_id, cell_id)] = known
            number = sheet.number(5, value, amount if isinstance(value, Decimal) else whole)
            measure = sheet.text(6, entry.units.get(cell_id, ""), text, quoted)
            sheet.add(head + known[0] + number + measure + known[1])
    return sheet


@cache
def _names(format_id: str) -> dict[str, tuple[str, str]]:
    """cell id → (the table's short name, the cell's name) of a format."""
    if not format_id:
        return {}
    fmt = load_format(format_id)
    return {c: (fmt.table(spec.table).short, spec.name) for c, spec in fmt.cells.items()}
