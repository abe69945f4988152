"""审核结果.xlsx: 汇总 (a row per report, as the window), 问题清单, 数据 (long form), 未提交, and two bar charts.

Every sheet has its header row frozen, a filter and a print setup (landscape, one page wide, the header on every
page). User text goes in as text only (``put_text``, and the string cells of ``long_sheet``: never a formula);
the 合计 row under 汇总 is SUMIF formulas over the units counted (计入 = 是), so it stays right when the reviewer
filters or edits. The rows of 汇总, 问题清单 and 数据 (a line per file, per finding, per value) are written by
``long_sheet``: a million cells for a folder of 1,000 reports in half a second, where a cell object each took a
minute; openpyxl writes the rest (headers, 未提交, the charts, the page setup).
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from exporters.review_xlsx.data_sheet import data_rows
from exporters.review_xlsx.long_sheet import LongSheet, SharedStrings, splice
from exporters.review_xlsx.summary_sheet import summary_rows
from exporters.xlsx.styles import BODY, BOLD, CENTER, HEAD_FILL, PLAIN, put_text
from model import atomic
from model.review.desk import Desk
from model.review.figures import key_figures
from model.review.marks import MarkStore
from model.vocabulary import SEVERITY_NAMES

SUMMARY, FINDINGS, DATA, MISSING, CHARTS = "汇总", "问题清单", "数据", "未提交", "图表"


def sheet_header(ws: Worksheet, names: Sequence[str], widths: Sequence[int]) -> None:
    for col, (name, width) in enumerate(zip(names, widths, strict=True), 1):
        put_text(ws, 1, col, name, BOLD, CENTER, fill=HEAD_FILL)
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "B2" if ws.title == SUMMARY else "A2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def add_filter(ws: Worksheet, columns: int, rows: int) -> None:
    ws.auto_filter.ref = f"A1:{get_column_letter(columns)}{max(rows, 1) + 1}"


def figure_columns(desk: Desk) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(key figures as (cell id, name), ratios as (key, name)) over the reports of the desk, in first-seen order."""
    figures: dict[str, str] = {}
    ratios: dict[str, str] = {}
    for row in desk.rows:
        entry = row.entry
        if entry is None or entry.error is not None:
            continue
        for figure in key_figures(entry.format_id):
            figures.setdefault(figure.key, figure.name)
        for key, (name, _) in entry.ratios.items():
            ratios.setdefault(key, name)
    return list(figures.items()), list(ratios.items())


def summary_head(desk: Desk) -> list[str]:
    figures, ratios = figure_columns(desk)
    return [
        "单位",
        "名单中的名称",
        "年度",
        "格式",
        "文件类型",
        "发布日期",
        "错误",
        "警告",
        *(name for _, name in figures),
        *(name for _, name in ratios),
        "与上年雷同",
        "状态",
        "计入",
        "文件",
    ]


def _summary(wb: Workbook, desk: Desk, strings: SharedStrings) -> LongSheet:
    """A row per file read, as the window (``summary_sheet``): the header here, the rows put in at saving."""
    ws = wb.create_sheet(SUMMARY)
    figures, ratios = figure_columns(desk)
    head = summary_head(desk)
    sheet_header(ws, head, [28, 22, 6, 12, 8, 11, 6, 6, *([10] * (len(figures) + len(ratios))), 9, 22, 6, 40])
    rows = summary_rows(ws, desk, figures, ratios, strings)
    add_filter(ws, len(head), rows.last_row - 2)  # not the 合计 row
    return rows


def _findings(wb: Workbook, desk: Desk, marks: MarkStore | None, strings: SharedStrings) -> LongSheet:
    """One line per finding with the reviewer's mark: the header here, the rows put in at saving."""
    ws = wb.create_sheet(FINDINGS)
    head = ("单位", "文件", "代码", "严重程度", "问题", "单元格", "审核意见", "审核说明")
    sheet_header(ws, head, (26, 30, 10, 8, 70, 24, 10, 30))
    sheet = LongSheet(ws, len(head), strings)
    text, quoted = sheet.style(BODY, PLAIN), sheet.style(BODY, PLAIN, quote=True)
    for row in desk.rows:
        entry = row.entry
        if entry is None:
            continue
        unit = sheet.text(1, row.unit, text, quoted) + sheet.text(2, entry.name, text, quoted)
        for finding in entry.findings:
            mark = marks.get(row.unit, finding) if marks else None
            texts = (
                finding.code,
                SEVERITY_NAMES[finding.severity],
                finding.message,
                "、".join(finding.cells),
                mark.verdict if mark else "",
                mark.comment if mark else "",
            )
            sheet.add(unit + "".join(sheet.text(col, t, text, quoted) for col, t in enumerate(texts, 3)))
    add_filter(ws, len(head), sheet.last_row - 1)
    return sheet


def _data(wb: Workbook, desk: Desk, strings: SharedStrings) -> LongSheet:
    """Every value of every report read, one per line (``data_sheet``): the header here, the rows at saving."""
    ws = wb.create_sheet(DATA)
    head = ("单位", "文件", "表", "名称", "数值", "单位（计量）", "编号")
    sheet_header(ws, head, (26, 30, 6, 40, 12, 8, 26))
    rows = data_rows(ws, desk, strings)
    add_filter(ws, len(head), rows.last_row - 1)
    return rows


def _missing(wb: Workbook, desk: Desk) -> None:
    ws = wb.create_sheet(MISSING)
    sheet_header(ws, ("名单中的单位", "说明"), (36, 40))
    missing = desk.missing
    for line, row in enumerate(missing, 2):
        put_text(ws, line, 1, row.unit, BODY, PLAIN)
        put_text(ws, line, 2, row.note, BODY, PLAIN)
    add_filter(ws, 2, len(missing))


def _charts(wb: Workbook, desk: Desk, rows: int) -> None:
    """本年新收 per unit and errors per unit, over the 汇总 sheet's columns."""
    if rows == 0:
        return
    summary = wb[SUMMARY]
    ws = wb.create_sheet(CHARTS)
    figures, _ = figure_columns(desk)
    first = 9  # the first key figure: 本年新收
    for place, (col, title) in zip(
        ("A1", "P1"), ((first, figures[0][1] if figures else ""), (7, "错误")), strict=True
    ):
        chart = BarChart()
        chart.type = "bar"
        chart.title = f"各单位{title}"
        chart.legend = None
        chart.height, chart.width = 14 + rows * 0.25, 24
        chart.add_data(Reference(summary, min_col=col, min_row=1, max_row=rows + 1), titles_from_data=True)
        chart.set_categories(Reference(summary, min_col=1, min_row=2, max_row=rows + 1))
        ws.add_chart(chart, place)


def build_review_workbook(desk: Desk, marks: MarkStore | None = None) -> tuple[Workbook, list[LongSheet]]:
    """The workbook, and the rows of 问题清单 and 数据 that ``splice`` puts in once it is saved."""
    wb = Workbook()
    default = wb.active
    assert isinstance(default, Worksheet)
    wb.remove(default)
    wb.properties.creator = "年报助手"
    strings = SharedStrings()
    summary = _summary(wb, desk, strings)
    long = [summary, _findings(wb, desk, marks, strings), _data(wb, desk, strings)]
    _missing(wb, desk)
    _charts(wb, desk, summary.last_row - 2)
    wb.active = 0
    return wb, long


def write_review_workbook(desk: Desk, path: str | os.PathLike[str], marks: MarkStore | None = None) -> None:
    """Write 审核结果.xlsx in one step (the previous file stays when the write fails)."""
    wb, long = build_review_workbook(desk, marks)
    package = io.BytesIO()
    wb.save(package)
    atomic.write(Path(path), splice(package.getvalue(), long))
