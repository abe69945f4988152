"""The workbook's plain sheets: 基本信息, 报告正文 and the long-form 数据 list."""

from __future__ import annotations

import math

from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from exporters.xlsx.layout import Place, text_width
from exporters.xlsx.styles import (
    BODY,
    BOLD,
    CENTER,
    GRID,
    HEAD_FILL,
    HEADING,
    INPUT_FILL,
    LEFT,
    LOCKED,
    NOTE,
    PLAIN,
    TOP_LEFT,
    UNLOCKED,
    Look,
    number_format,
    put_text,
    put_value,
)
from model.formats import CellSpec
from model.limits import MAX_YEAR, MIN_YEAR
from model.report import Contact, Report
from model.values import format_value
from model.vocabulary import LEVELS

INFO_SHEET, PROSE_SHEET, DATA_SHEET = "基本信息", "报告正文", "数据"
DATA_HEADERS = ("表", "行", "列", "数值", "单位", "类型", "位置", "编号")  # 编号: the cell id, hidden
DATA_WIDTHS = (6, 40, 26, 14, 6, 6, 10, 26)
NOTES = (
    "说明：",
    "1. 浅黄色单元格可填写；灰色单元格为合计，由公式自动计算；其他单元格已锁定。",
    "2. 工作表保护没有密码，如需改动锁定的单元格，可在“审阅”中撤销工作表保护。",
    "3. “校验”页用公式实时核对勾稽关系和合计，修改数字后自动更新；不通过的项目标为红色。",
    "4. 空白不等于0：没有的请填0。",
)


def _field(ws: Worksheet, row: int, label: str, value: str | int, editable: bool) -> Place:
    put_text(ws, row, 1, label, BOLD, LEFT, border=GRID)
    ws.row_dimensions[row].height = 18
    look: Look = {
        "border": GRID,
        "protection": UNLOCKED if editable else LOCKED,
        "fill": INPUT_FILL if editable else None,
    }
    if isinstance(value, int):
        put_value(ws, row, 2, value, "0", LEFT, **look)
    else:
        put_text(ws, row, 2, value, BODY, LEFT, **look)
    return Place(ws.title, row, 2)


def write_info_sheet(wb: Workbook, report: Report) -> dict[str, Place]:
    """基本信息: agency, level, year, format and contact; returns the places of the editable fields."""
    fmt = report.fmt
    ws: Worksheet = wb.create_sheet(INFO_SHEET)
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 14, 64
    put_text(ws, 1, 1, report.title, HEADING, PLAIN)
    places = {
        "info.agency": _field(ws, 3, "机关名称", report.agency, True),
        "info.level": _field(ws, 4, "机关层级", report.level, True),
        "info.year": _field(ws, 5, "报告年度", report.year, True),
    }
    _field(ws, 6, "报告格式", fmt.name, False)
    _field(ws, 7, "格式依据", f"{fmt.document}（{fmt.notice}）", False)
    title = _field(ws, 8, "报告标题", "", False)
    agency, year = places["info.agency"].coordinate, places["info.year"].coordinate
    ws[title.coordinate].value = f'={agency}&{year}&"年政府信息公开工作年度报告"'
    put_text(ws, 10, 1, "联系方式", BOLD, PLAIN)
    for index, (name, label) in enumerate(zip(Contact.FIELDS, Contact.LABELS, strict=True)):
        places[f"info.contact.{name}"] = _field(ws, 11 + index, label, getattr(report.contact, name), True)
    levels = DataValidation(
        type="list",
        formula1='"' + ",".join(LEVELS) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="输入有误",
        error="请从列表中选择机关层级",
    )
    levels.add(places["info.level"].coordinate)
    years = DataValidation(
        type="whole",
        operator="between",
        formula1=str(MIN_YEAR),
        formula2=str(MAX_YEAR),
        showErrorMessage=True,
        errorTitle="输入有误",
        error="请输入四位数的报告年度，如 2025",
    )
    years.add(places["info.year"].coordinate)
    ws.add_data_validation(levels)
    ws.add_data_validation(years)
    for offset, note in enumerate(NOTES):
        put_text(ws, 12 + len(Contact.FIELDS) + offset, 1, note, NOTE, PLAIN)
    _portrait(ws)
    return places


def write_prose_sheet(wb: Workbook, report: Report) -> dict[str, Place]:
    """报告正文: the prose sections, one editable cell each."""
    ws: Worksheet = wb.create_sheet(PROSE_SHEET)
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 22, 90
    put_text(ws, 1, 1, "报告正文（文字部分）", HEADING, PLAIN)
    places: dict[str, Place] = {}
    row = 3
    for section in report.fmt.sections:
        if section.kind != "prose":
            continue
        put_text(ws, row, 1, section.heading, BOLD, TOP_LEFT, border=GRID)
        text = report.prose.get(section.key, "")
        put_text(ws, row, 2, text, BODY, TOP_LEFT, border=GRID, fill=INPUT_FILL, protection=UNLOCKED)
        lines = sum(max(1, math.ceil(text_width(part) / 88)) for part in text.split("\n"))
        ws.row_dimensions[row].height = min(409.0, max(30.0, 14.5 * lines + 4))
        places[f"prose.{section.key}"] = Place(ws.title, row, 2)
        row += 1
    _portrait(ws)
    return places


def write_data_sheet(wb: Workbook, report: Report, places: dict[str, Place] | None = None) -> None:
    """数据: every value in long form, by the labels a clerk reads (表, 行, 列) and where it is on its table
    sheet; the cell id stays in the last column, hidden (the values as exported: the table sheets are live)."""
    fmt = report.fmt
    ws: Worksheet = wb.create_sheet(DATA_SHEET)
    for col, (title, width) in enumerate(zip(DATA_HEADERS, DATA_WIDTHS, strict=True), 1):
        cell = put_text(ws, 1, col, title, BOLD, CENTER, fill=HEAD_FILL)
        ws.column_dimensions[cell.column_letter].width = width
    row = 2
    for table in fmt.tables:
        names = {r.key: r.name for r in table.rows if r.key}
        for spec in table.cells:
            _data_row(ws, row, report, spec, names.get(spec.row, ""), (places or {}).get(spec.cell_id))
            row += 1
    id_column = get_column_letter(len(DATA_HEADERS))
    ws.column_dimensions[id_column].hidden = True  # for programs; a clerk reads 表, 行 and 列
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{id_column}{row - 1}"
    ws.print_title_rows = "1:1"
    ws.print_area = f"A1:{get_column_letter(len(DATA_HEADERS) - 1)}{row + 1}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    assert ws.sheet_properties.pageSetUpPr is not None  # openpyxl gives every sheet one; the stub allows None
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    put_text(
        ws,
        row + 1,
        1,
        f"以上为导出时的数值（{format_value(len(fmt.cells))}项）；在表格页修改后，本页不会自动更新。",
        NOTE,
        PLAIN,
    )


def _data_row(
    ws: Worksheet, row: int, report: Report, spec: CellSpec, row_name: str, place: Place | None
) -> None:
    """One value of 数据: 表, 行 (``row_name``), 列, 数值, 单位, 类型, 位置, then the hidden id."""
    fmt = report.fmt
    table = fmt.table(spec.table)
    column = table.columns[spec.col]
    labels = (table.short, row_name, column.get("name", column["label"]))
    for col, text in enumerate(labels, 1):
        put_text(ws, row, col, text, None, None)
    if spec.cell_id in report.invalid:
        put_text(ws, row, 4, report.invalid[spec.cell_id], None, None)
    else:
        value = report.effective(spec.cell_id)
        put_value(ws, row, 4, value, number_format(spec.kind, None, value), None, font=None)
    put_text(ws, row, 5, report.units.get(spec.cell_id, ""), None, None)
    put_text(ws, row, 6, "合计" if fmt.is_computed(spec.cell_id) else "填报", None, None)
    put_text(ws, row, 7, f"{place.sheet}!{place.coordinate}" if place else "", None, None)
    put_text(ws, row, 8, spec.cell_id, None, None)


def _portrait(ws: Worksheet) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    assert ws.sheet_properties.pageSetUpPr is not None  # openpyxl gives every sheet one; the stub allows None
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.protection.sheet = True
    ws.protection.formatColumns = ws.protection.formatRows = False
