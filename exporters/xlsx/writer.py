"""Export a report to an Excel workbook with live totals and checks, laid out like the official tables.

Sheets, in order: 基本信息, one sheet per table (表二, 表三, 表四; sheet title = ``TableSpec.short``), 校验, 数据,
报告正文, then two hidden sheets that make reading the workbook back exact.

The hidden sheets follow the contract in ``exporters/xlsx/anchor.py``.
"""

from __future__ import annotations

import errno
import gc
import io
import os
import sys
from pathlib import Path

from lxml.etree import SerialisationError
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from exporters.kinds import ExportOptions
from exporters.review_xlsx.provenance import write_provenance_sheet
from exporters.xlsx.anchor import APP, CELLS_HEADERS, CELLS_SHEET, META_SHEET, SCHEMA
from exporters.xlsx.checks import CHECK_SHEET, write_check_sheet
from exporters.xlsx.layout import Place, place_cells
from exporters.xlsx.sheets import write_data_sheet, write_info_sheet, write_prose_sheet
from exporters.xlsx.styles import put_text, put_value
from exporters.xlsx.tables import write_table_sheet
from exporters.xml_chars import xml_chars
from model import atomic
from model.report import Report


def build_workbook(report: Report) -> Workbook:
    """The whole workbook in memory."""
    fmt = report.fmt
    wb = Workbook()
    default = wb.active
    assert isinstance(default, Worksheet)  # a new workbook holds one empty worksheet
    wb.remove(default)
    wb.properties.title = xml_chars(report.title)
    wb.properties.creator = "年报助手"
    places = place_cells(fmt)
    info = write_info_sheet(wb, report)
    for table in fmt.tables:
        write_table_sheet(wb, report, table, places)
    checks = write_check_sheet(wb, fmt, places)
    write_data_sheet(wb, report, places)
    prose = write_prose_sheet(wb, report)
    write_provenance_sheet(wb, report)  # a roll-up's sources (none for a unit's own report)
    _write_meta(wb, report)
    _write_cells(wb, report, places, info, prose, checks)
    wb.active = 0
    return wb


def write_xlsx(report: Report, path: str | os.PathLike[str]) -> None:
    """Write the report as an .xlsx workbook (replacing the file only once it is complete: model/atomic.py)."""
    data = io.BytesIO()
    try:
        build_workbook(report).save(data)
    except SerialisationError as exc:  # openpyxl writes each sheet through a temp file first
        if "IO_E" not in str(exc):
            raise
        text = str(exc)
        _let_go_quietly(exc)
    else:
        atomic.write(Path(path), data.getvalue())
        return
    raise OSError(errno.ENOSPC, f"临时文件无法写入（{text}）")  # IO_ENOSPC, IO_EFBIG: a full disk


def _let_go_quietly(exc: BaseException) -> None:
    """Free openpyxl's half-written sheet streams now, without the 「Exception ignored」 their close prints."""
    exc.__traceback__ = None
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _: None
    try:
        gc.collect()
    finally:
        sys.unraisablehook = hook


def _write_meta(wb: Workbook, report: Report) -> None:
    ws: Worksheet = wb.create_sheet(META_SHEET)
    rows: tuple[tuple[str, str | int], ...] = (
        ("schema", SCHEMA),
        ("app", APP),
        ("format", report.format_id),
        ("year", report.year),
        ("agency", report.agency),
        ("level", report.level),
    )
    for row, (key, value) in enumerate(rows, 1):
        put_text(ws, row, 1, key, None, None)
        if isinstance(value, int):
            put_value(ws, row, 2, value, "0", None, font=None)
        else:
            put_text(ws, row, 2, value, None, None)
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


def _write_cells(
    wb: Workbook,
    report: Report,
    places: dict[str, Place],
    info: dict[str, Place],
    prose: dict[str, Place],
    checks: dict[str, str],
) -> None:
    fmt = report.fmt
    ws: Worksheet = wb.create_sheet(CELLS_SHEET)
    rows: list[tuple[str, str, str, str, str, str]] = []
    for cell_id, place in places.items():
        role = "total" if fmt.is_computed(cell_id) else "input"
        rows.append(
            (
                cell_id,
                place.sheet,
                place.coordinate,
                fmt.cells[cell_id].kind,
                role,
                report.units.get(cell_id, ""),
            )
        )
    rows += [
        (key, p.sheet, p.coordinate, "number" if key == "info.year" else "text", "info", "")
        for key, p in info.items()
    ]
    rows += [(key, p.sheet, p.coordinate, "text", "prose", "") for key, p in prose.items()]
    rows += [(key, CHECK_SHEET, coordinate, "text", "check", "") for key, coordinate in checks.items()]
    for row, values in enumerate([CELLS_HEADERS, *rows], 1):
        for col, text in enumerate(values, 1):
            put_text(ws, row, col, text, None, None)
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


def export(report: Report, path: str | os.PathLike[str], options: ExportOptions) -> None:
    """The registry's writer (exporters/kinds.py): the workbook (no options concern it)."""
    write_xlsx(report, path)
