"""The 汇总 sheet of a roll-up's own Excel export: each summed cell, its total and each unit's contribution."""

from __future__ import annotations

from openpyxl.workbook.workbook import Workbook

from exporters.review_xlsx.writer import SUMMARY, add_filter, sheet_header
from exporters.xlsx.styles import BODY, BOLD, PLAIN, put_text, put_value
from model.report import Report


def write_provenance_sheet(wb: Workbook, report: Report) -> None:
    """One line per contribution, under a line per cell with the cell's value in the report."""
    if not report.provenance:
        return
    fmt = report.fmt
    ws = wb.create_sheet(SUMMARY)
    sheet_header(ws, ("表", "名称", "汇总数", "单位", "文件", "数值"), (6, 44, 10, 28, 36, 10))
    line = 1
    for cell_id in fmt.cells:
        parts = report.provenance.get(cell_id)
        if not parts:
            continue
        spec = fmt.cells[cell_id]
        line += 1
        put_text(ws, line, 1, fmt.table(spec.table).short, BOLD, PLAIN)
        put_text(ws, line, 2, spec.name, BOLD, PLAIN)
        value = report.value(cell_id)
        put_value(ws, line, 3, value, "0" if isinstance(value, int) else "0.0000", font=BOLD)
        put_text(ws, line, 4, f"汇总自{len(parts)}个单位", BODY, PLAIN)
        for unit, file, text in parts:
            line += 1
            put_text(ws, line, 1, fmt.table(spec.table).short, BODY, PLAIN)
            put_text(ws, line, 2, spec.name, BODY, PLAIN)
            put_text(ws, line, 4, unit, BODY, PLAIN)
            put_text(ws, line, 5, file, BODY, PLAIN)
            put_text(ws, line, 6, text, BODY, PLAIN)
    add_filter(ws, 6, line - 1)
