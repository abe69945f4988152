"""The 汇总 sheet's rows: one per file read, as the 审核 window shows it, and the 合计 row of SUMIF formulas over
the units counted (计入 = 是), made as sheet XML (``long_sheet``)."""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from exporters.review_xlsx.long_sheet import LongSheet, SharedStrings
from exporters.xlsx.styles import BODY, BOLD, PLAIN, RIGHT
from model.review.desk import Desk, Row

YES, NO = "是", "否"
TOTAL = "合计（计入的单位）"
FIRST_FIGURE = 9  # the column of the first key figure (本年新收); 7 and 8 are the errors and warnings
Columns = list[tuple[str, str]]


def summary_rows(
    ws: Worksheet, desk: Desk, figures: Columns, ratios: Columns, strings: SharedStrings
) -> LongSheet:
    """The rows under the header row of ``ws``: a row per file read, then 合计."""
    sheet = LongSheet(ws, FIRST_FIGURE + len(figures) + len(ratios) + 3, strings)
    looks = _Looks(sheet)
    rows = [r for r in desk.rows if r.entry is not None]
    for row in rows:
        sheet.add(_cells(sheet, looks, row, figures, ratios))
    last = len(rows) + 1
    counted = get_column_letter(sheet.columns - 1)
    cells = sheet.text(1, TOTAL, looks.bold, looks.bold)
    for col in (7, 8, *range(FIRST_FIGURE, FIRST_FIGURE + len(figures))):
        letter = get_column_letter(col)
        sum_if = f'SUMIF(${counted}$2:${counted}${last},"{YES}",{letter}2:{letter}{last})'
        cells += sheet.formula(col, sum_if, looks.bold_number)
    sheet.add(cells)
    return sheet


class _Looks:
    def __init__(self, sheet: LongSheet) -> None:
        self.text, self.quoted = sheet.style(BODY, PLAIN), sheet.style(BODY, PLAIN, quote=True)
        self.number, self.share = sheet.style(BODY, RIGHT, "0"), sheet.style(BODY, RIGHT, "0%")
        self.bold, self.bold_number = sheet.style(BOLD, PLAIN), sheet.style(BOLD, RIGHT, "0")


def _cells(sheet: LongSheet, looks: _Looks, row: Row, figures: Columns, ratios: Columns) -> str:
    entry = row.entry
    assert entry is not None
    readable = entry.error is None
    texts = (
        row.unit,
        row.match.text if row.match else "",
        entry.year or None,
        entry.format_name,
        entry.kind,
        entry.published.isoformat() if entry.published else "",
        entry.errors if readable else None,
        entry.warnings if readable else None,
        *(entry.figures.get(key) for key, _ in figures),
        *(entry.ratios.get(key, ("", ""))[1] for key, _ in ratios),
    )
    out = []
    for col, value in enumerate(texts, 1):
        if isinstance(value, str):
            out.append(sheet.text(col, value, looks.text, looks.quoted))
        else:
            out.append(sheet.number(col, value, looks.number))
    col = len(texts) + 1
    out.append(sheet.number(col, row.overlap, looks.share))
    for offset, text in enumerate((entry.error or row.note, YES if row.counted else NO, entry.path), 1):
        out.append(sheet.text(col + offset, text, looks.text, looks.quoted))
    return "".join(out)
