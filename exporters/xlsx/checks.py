"""The 校验 sheet: one live-formula row per rule instance, derived from the format's rules and totals."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from openpyxl.formatting.rule import FormulaRule
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from exporters.xlsx.layout import LINE_HEIGHT, Place, range_refs, text_width
from exporters.xlsx.styles import (
    BODY,
    BOLD,
    CENTER,
    FAIL_FILL,
    FAIL_FONT,
    GRID,
    HEAD_FILL,
    HEADING,
    LEFT,
    NOTE,
    PLAIN,
    put_text,
    stamp,
)
from model.formats import Format
from model.vocabulary import SEVERITY_NAMES

CHECK_SHEET = "校验"
PASS, FAIL = "通过", "不通过"
HEADERS = ("规则", "级别", "检查内容", "填报值/左边", "应为/右边", "差额", "结果")
WIDTHS = (9, 6, 70, 12, 12, 9, 9)
FIRST_ROW = 4  # first check row; rows 1–3 hold the title, the summary and the column headers
RESULT_COL = 7
PRECISION = 6  # differences are rounded so that decimal amounts compare exactly


@dataclass(frozen=True)
class Check:
    """One rule instance: ``left`` must equal ``right`` (sums of cells), or, for blanks, ``left`` cells are filled."""

    key: str  # e.g. "check.T3-BAL.natural", "check.T3-ROW.t3.new.total", "check.BLANK.t3"
    code: str
    severity: str
    what: str
    left: tuple[str, ...]
    right: tuple[str, ...]
    blank: bool = False  # count the blank cells of ``left`` instead of comparing sums

    @property
    def cells(self) -> tuple[str, ...]:
        return self.left + self.right


def check_list(fmt: Format) -> list[Check]:
    """Every rule instance the workbook can check by itself, in the order of the format's rules."""
    out: list[Check] = []
    for spec in fmt.rules:
        if spec.kind == "balance":
            out.extend(_balance(fmt, spec.code, spec.severity, spec.params))
        elif spec.kind == "stated_total":
            for total in fmt.checks:
                if total.rule == spec.code:
                    out.append(
                        Check(
                            f"check.{spec.code}.{total.cell_id}",
                            spec.code,
                            spec.severity,
                            f"{fmt.cells[total.cell_id].name} = 各项之和（{len(total.parts)}项）",
                            (total.cell_id,),
                            total.parts,
                        )
                    )
        elif spec.kind == "blank":
            for table in fmt.tables:
                inputs = tuple(c.cell_id for c in table.cells if not fmt.is_computed(c.cell_id))
                out.append(
                    Check(
                        f"check.{spec.code}.{table.key}",
                        spec.code,
                        spec.severity,
                        f"{table.short}空白单元格数（空白不等于0，没有的请填0）",
                        inputs,
                        (),
                        True,
                    )
                )
    return out


def _balance(fmt: Format, code: str, severity: str, params: dict[str, Any]) -> list[Check]:
    table = fmt.table(str(params["table"]))
    names = {row.key: row.name for row in table.rows if row.key}
    left_rows, right_rows = list(params["left"]), list(params["right"])
    out = []
    for col, column in table.columns.items():
        left = tuple(c for c in (f"{table.key}.{r}.{col}" for r in left_rows) if c in fmt.cells)
        right = tuple(c for c in (f"{table.key}.{r}.{col}" for r in right_rows) if c in fmt.cells)
        what = (
            f"{table.short}“{column['label']}”列：{' + '.join(names[r] for r in left_rows)}"
            f" = {' + '.join(names[r] for r in right_rows)}"
        )
        out.append(Check(f"check.{code}.{col}", code, severity, what, left, right))
    return out


def _sum(ids: tuple[str, ...], places: dict[str, Place], sheet: str | None) -> str:
    if not ids:
        return "0"
    by_sheet: dict[str, list[Place]] = {}
    for cell_id in ids:
        by_sheet.setdefault(places[cell_id].sheet, []).append(places[cell_id])
    refs = [ref for group in by_sheet.values() for ref in range_refs(group, sheet, absolute=True)]
    return f"SUM({','.join(refs)})"


def _count_blank(ids: tuple[str, ...], places: dict[str, Place], sheet: str | None) -> str:
    refs = range_refs([places[c] for c in ids], sheet, absolute=True)
    return "+".join(f"COUNTBLANK({ref})" for ref in refs) or "0"


def failing_formula(check: Check, places: dict[str, Place], sheet: str | None) -> str:
    """A formula (no leading =) that is TRUE while the check fails, with references as seen from ``sheet``."""
    if check.blank:
        return f"{_count_blank(check.left, places, sheet)}>0"
    return f"ROUND({_sum(check.left, places, sheet)}-{_sum(check.right, places, sheet)},{PRECISION})<>0"


def write_check_sheet(wb: Workbook, fmt: Format, places: dict[str, Place]) -> dict[str, str]:
    """Add the 校验 sheet; returns each check's key → its 结果 cell coordinate."""
    ws: Worksheet = wb.create_sheet(CHECK_SHEET)
    checks = check_list(fmt)
    last = FIRST_ROW + len(checks) - 1
    put_text(ws, 1, 1, "校验（公式随表格实时计算：修改表格中的数字后，本页结果自动更新）", HEADING, PLAIN)
    put_text(ws, 2, 1, "校验结果", BOLD, PLAIN)
    result = f"$G${FIRST_ROW}:$G${last}"
    ws.cell(row=2, column=3).value = (
        f'=IF(COUNTIF({result},"{FAIL}")=0,"全部{PASS}（共"&ROWS({result})&"项）",'
        f'"有"&COUNTIF({result},"{FAIL}")&"项{FAIL}，见下方红色行")'
    )
    stamp(ws.cell(row=2, column=3), BOLD)
    for col, (title, width) in enumerate(zip(HEADERS, WIDTHS, strict=True), 1):
        cell = put_text(ws, 3, col, title, BOLD, CENTER, fill=HEAD_FILL, border=GRID)
        ws.column_dimensions[cell.column_letter].width = width
    where: dict[str, str] = {}
    for row, check in enumerate(checks, FIRST_ROW):
        _write_row(ws, row, check, places)
        where[check.key] = f"G{row}"
    ws.conditional_formatting.add(
        f"A{FIRST_ROW}:G{last}",
        FormulaRule(  # type: ignore[no-untyped-call]  # the stub leaves FormulaRule unannotated
            formula=[f'$G{FIRST_ROW}="{FAIL}"'], fill=FAIL_FILL, font=FAIL_FONT
        ),
    )
    put_text(
        ws,
        last + 2,
        1,
        "说明：“填报值/左边”与“应为/右边”不相等时显示“不通过”；合计单元格被改写或勾稽关系不平时，"
        "表格中相关单元格也标为红色。空白不等于0，没有的请填0。",
        NOTE,
    )
    ws.merge_cells(start_row=last + 2, start_column=1, end_row=last + 2, end_column=len(HEADERS))
    ws.row_dimensions[last + 2].height = 28
    ws.freeze_panes = f"A{FIRST_ROW}"
    ws.print_title_rows = f"{FIRST_ROW - 1}:{FIRST_ROW - 1}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    assert ws.sheet_properties.pageSetUpPr is not None  # openpyxl gives every sheet one; the stub allows None
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.protection.sheet = True
    ws.protection.formatColumns = ws.protection.formatRows = False
    return where


def _write_row(ws: Worksheet, row: int, check: Check, places: dict[str, Place]) -> None:
    put_text(ws, row, 1, check.code, BODY, CENTER, border=GRID)
    put_text(ws, row, 2, SEVERITY_NAMES.get(check.severity, check.severity), BODY, CENTER, border=GRID)
    put_text(ws, row, 3, check.what, BODY, LEFT, border=GRID)
    lines = math.ceil(text_width(check.what) / (WIDTHS[2] - 2))
    if lines > 1:
        ws.row_dimensions[row].height = LINE_HEIGHT * lines + 2
    if check.blank:
        ws.cell(row=row, column=4).value = f"={_count_blank(check.left, places, None)}"
        ws.cell(row=row, column=5).value = 0
    else:
        ws.cell(row=row, column=4).value = f"={_sum(check.left, places, None)}"
        ws.cell(row=row, column=5).value = f"={_sum(check.right, places, None)}"
    ws.cell(row=row, column=6).value = f"=ROUND(D{row}-E{row},{PRECISION})"
    ws.cell(row=row, column=7).value = f'=IF(F{row}=0,"{PASS}","{FAIL}")'
    for col in range(4, len(HEADERS) + 1):
        stamp(
            ws.cell(row=row, column=col), BODY, CENTER, GRID, number_format="0" if check.blank else "General"
        )


def mark_failures(ws: Worksheet, fmt: Format, places: dict[str, Place]) -> None:
    """Red fill on a table sheet: the cells of an unbalanced T3-BAL column, and totals that differ from their parts."""
    balance_codes = {spec.code for spec in fmt.rules if spec.kind == "balance"}
    for check in check_list(fmt):
        if check.blank:
            continue
        if check.code in balance_codes:
            marked = [places[c] for c in check.cells if places[c].sheet == ws.title]
        else:
            marked = [places[c] for c in check.left if places[c].sheet == ws.title]
        if not marked:
            continue
        sqref = " ".join(range_refs(marked, ws.title))
        ws.conditional_formatting.add(
            sqref,
            FormulaRule(  # type: ignore[no-untyped-call]  # the stub leaves FormulaRule unannotated
                formula=[failing_formula(check, places, ws.title)], fill=FAIL_FILL, font=FAIL_FONT
            ),
        )
