"""One sheet per table in the official layout, built from the format's grid: labels, inputs, SUM totals, checks."""

from __future__ import annotations

from typing import Literal

from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from exporters.xlsx.checks import mark_failures
from exporters.xlsx.layout import (
    TABLE_TOP,
    Place,
    column_widths,
    range_refs,
    row_heights,
    sheet_col,
    sheet_row,
)
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
    TOTAL_FILL,
    UNLOCKED,
    Look,
    number_format,
    put_text,
    put_value,
    stamp,
)
from model.formats import GridCell, GridRow, TableSpec
from model.report import Report
from model.values import ACCEPTS, MAX_VALUE

ERROR_TITLE = "输入有误"
VALIDATIONS: dict[  # kind → (openpyxl type, operator, formula1)
    str, tuple[Literal["whole", "decimal"], Literal["greaterThanOrEqual", "between"], str]
] = {
    "count": ("whole", "greaterThanOrEqual", "0"),
    "signed": ("whole", "between", str(1 - MAX_VALUE)),
    "amount": ("decimal", "greaterThanOrEqual", "0"),
    "money": ("decimal", "greaterThanOrEqual", "0"),
}
MONEY_MESSAGE = "请输入不小于0的金额（最多4位小数）"


def write_table_sheet(wb: Workbook, report: Report, table: TableSpec, places: dict[str, Place]) -> Worksheet:
    """Add the sheet of one table and return it."""
    ws: Worksheet = wb.create_sheet(table.short)
    widths = column_widths(table)
    for col, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    for row, height in row_heights(table, widths).items():
        ws.row_dimensions[row].height = height
    last_col = get_column_letter(table.grid_columns)
    put_text(ws, 1, 1, f"{table.number}、{table.title}", HEADING, LEFT)
    ws.merge_cells(f"A1:{last_col}1")
    ws.row_dimensions[1].height = 24
    for grid_row in table.rows:
        for cell in grid_row.cells:
            _grid_cell(ws, report, table, grid_row, cell, places)
    _validations(ws, report, table, places)
    mark_failures(ws, report.fmt, places)
    last_row = sheet_row(len(table.rows) - 1)
    _print_setup(ws, table, f"A1:{last_col}{last_row}")
    ws.protection.sheet = True
    ws.protection.formatColumns = ws.protection.formatRows = False
    return ws


def _grid_cell(
    ws: Worksheet,
    report: Report,
    table: TableSpec,
    grid_row: GridRow,
    cell: GridCell,
    places: dict[str, Place],
) -> None:
    row, col = sheet_row(cell), sheet_col(cell)
    if cell.rowspan > 1 or cell.colspan > 1:
        ws.merge_cells(
            start_row=row, start_column=col, end_row=row + cell.rowspan - 1, end_column=col + cell.colspan - 1
        )
    for r in range(row, row + cell.rowspan):  # borders on every covered cell draw the merged outline
        for c in range(col, col + cell.colspan):
            if (r, c) != (row, col):
                stamp(ws.cell(row=r, column=c), border=GRID)
    if cell.cell_id is None:
        header = grid_row.role in ("header", "title")
        put_text(
            ws,
            row,
            col,
            cell.text,
            BOLD if header else BODY,
            CENTER if table.align(cell) == "center" else LEFT,
            border=GRID,
            fill=HEAD_FILL if header else None,
            protection=LOCKED,
        )
        return
    _value_cell(ws, report, cell.cell_id, places)


def _value_cell(ws: Worksheet, report: Report, cell_id: str, places: dict[str, Place]) -> None:
    fmt = report.fmt
    spec, place = fmt.cells[cell_id], places[cell_id]
    unit = report.units.get(cell_id)
    if fmt.is_computed(cell_id):
        target = put_value(
            ws,
            place.row,
            place.col,
            None,
            number_format(spec.kind, unit),
            border=GRID,
            fill=TOTAL_FILL,
            protection=LOCKED,
        )
        stated, computed = report.stated.get(cell_id), report.value(cell_id)
        if stated is not None and stated != computed:  # keep a printed total that disagrees, so 校验 shows it
            target.value = stated
        else:
            refs = ",".join(range_refs([places[p] for p in fmt.totals[cell_id].parts], ws.title))
            target.value = f'=IF(COUNT({refs})=0,"",SUM({refs}))'
        return
    look: Look = {"border": GRID, "fill": INPUT_FILL, "protection": UNLOCKED}
    if cell_id in report.invalid:  # text that is not a valid value stays visible as text
        put_text(ws, place.row, place.col, report.invalid[cell_id], BODY, CENTER, **look)
    else:
        value = report.values.get(cell_id)
        put_value(ws, place.row, place.col, value, number_format(spec.kind, unit, value), **look)


def _validations(ws: Worksheet, report: Report, table: TableSpec, places: dict[str, Place]) -> None:
    fmt = report.fmt
    by_kind: dict[str, list[Place]] = {}
    for spec in table.cells:
        if not fmt.is_computed(spec.cell_id):
            by_kind.setdefault(spec.kind, []).append(places[spec.cell_id])
    for kind, cells in by_kind.items():
        type_, operator, formula1 = VALIDATIONS[kind]
        message = MONEY_MESSAGE if kind == "money" else ACCEPTS[kind]
        validation = DataValidation(
            type=type_,
            operator=operator,
            formula1=formula1,
            formula2=str(MAX_VALUE - 1) if operator == "between" else None,
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="stop",
            errorTitle=ERROR_TITLE,
            error=message,
        )
        for ref in range_refs(cells, ws.title):
            validation.add(ref)
        ws.add_data_validation(validation)


def _print_setup(ws: Worksheet, table: TableSpec, area: str) -> None:
    ws.print_area = area
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if table.grid_columns > 4 else "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    assert ws.sheet_properties.pageSetUpPr is not None  # openpyxl gives every sheet one; the stub allows None
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    if table.header_rows:
        ws.print_title_rows = f"{TABLE_TOP}:{TABLE_TOP + table.header_rows - 1}"
        ws.freeze_panes = ws.cell(
            row=TABLE_TOP + table.header_rows, column=table.label_columns + 1
        ).coordinate
