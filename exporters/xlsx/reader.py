"""Read an Excel workbook back into a report: the app's own via its hidden anchor, any other by its labels."""

from __future__ import annotations

import os
import warnings
import zipfile
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from lxml import etree

from exporters.reading.document_text import level_from_agency, parse_title, title_from_name
from exporters.reading.grid_report import fill_values, read_grids
from exporters.reading.safe_zip import DocumentError, UnsafeFileError, check_package
from exporters.xlsx.anchor import read_anchor
from model.formats import load_format
from model.report import Contact, Report
from model.rules import Finding
from model.values import InputError, Value, parse_value
from model.vocabulary import LEVELS

REQUIRED_PARTS = ("[Content_Types].xml", "xl/workbook.xml")
MAX_XML = 15 * 1024 * 1024  # openpyxl keeps every cell as an object, twice (formulas and cached values)
MAX_SHEET_ROWS, MAX_SHEET_COLUMNS, MAX_SHEETS = 1000, 64, 30  # looked at when matching labels
UNCOMPUTED = "\x00uncomputed"  # a formula cell without a cached result: neither blank nor a stated total


class XlsxError(DocumentError):
    """The workbook is no readable report; the message is one Chinese sentence without the file name."""


def read_xlsx(path: str | os.PathLike[str]) -> tuple[Report, list[Finding]]:
    """The report in a workbook, and findings about the document."""
    from openpyxl import load_workbook

    try:
        check_package(path, REQUIRED_PARTS, MAX_XML)
        # The file is ours to close: openpyxl leaves it open when a damaged workbook stops it half-way.
        with warnings.catch_warnings(), open(path, "rb") as handle:
            warnings.simplefilter("ignore")
            formulas = load_workbook(handle, data_only=False)
            cached = load_workbook(handle, data_only=True)
    except UnsafeFileError as exc:
        raise XlsxError(str(exc)) from exc
    except (
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        TypeError,
        OSError,
        EOFError,
        AttributeError,
        IndexError,
        ElementTree.ParseError,  # openpyxl parses worksheets with the standard library's parser
        etree.XMLSyntaxError,  # and the other parts with lxml
    ) as exc:
        raise XlsxError("工作簿内容已损坏，无法读取") from exc
    anchor = read_anchor(formulas)
    if anchor is not None:
        return _read_anchored(formulas, cached, anchor)
    return _read_by_labels(cached, formulas, Path(path).name)


def _cell(wb: Any, sheet: str, coordinate: str) -> Any:
    """The value at a place the anchor names; None where the place does not exist (a tampered anchor)."""
    if sheet not in wb.sheetnames:
        return None
    try:
        return wb[sheet][coordinate].value
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        return None


def _text(value: Any) -> str:
    """A cell value as the text a clerk would see (numbers without binary noise)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return (
            format(Decimal(repr(value)), "f") if value == value and abs(value) != float("inf") else str(value)
        )
    if isinstance(value, (int, Decimal)):
        return format(value, "f") if isinstance(value, Decimal) else str(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return str(value)


def _read_anchored(
    formulas: Any, cached: Any, anchor: tuple[dict[str, Any], list[tuple[str, ...]]]
) -> tuple[Report, list[Finding]]:
    meta, rows = anchor
    try:
        fmt = load_format(str(meta.get("format")))
    except KeyError as exc:
        raise XlsxError(f"工作簿使用了本版本不认识的报告格式（{meta.get('format')}）") from exc
    where = {r[0]: r for r in rows}

    def live(key: str, default: Any = "") -> Any:
        row = where.get(key)
        value = _cell(cached, row[1], row[2]) if row else None
        return default if value is None else value

    year = _year(live("info.year", meta.get("year")), meta.get("year"))
    agency = _text(live("info.agency", meta.get("agency", ""))).strip()
    level = _text(live("info.level", meta.get("level", ""))).strip()
    report = Report.new(year, agency, level if level in LEVELS else level_from_agency(agency), fmt.id)
    report.contact = Contact(**{f: _text(live(f"info.contact.{f}")).strip() for f in Contact.FIELDS})
    for section in fmt.sections:
        text = _text(live(f"prose.{section.key}")).strip()
        if text:
            report.prose[section.key] = text
    totals = []
    for cell_id, sheet, coordinate, _kind, role, unit in rows:
        if role == "input" and cell_id in fmt.cells:
            _put_input(
                report, cell_id, _cell(formulas, sheet, coordinate), _cell(cached, sheet, coordinate), unit
            )
        elif role == "total" and cell_id in fmt.cells:
            totals.append((cell_id, _cell(formulas, sheet, coordinate), _cell(cached, sheet, coordinate)))
    report.changed()
    for cell_id, written, value in totals:
        _put_total(report, cell_id, written, value)
    return report, []


def _year(value: Any, fallback: Any) -> int:
    for candidate in (value, fallback):
        try:
            year = int(Decimal(_text(candidate).strip()))
        except (ArithmeticError, ValueError):
            continue
        if 1990 <= year <= 2200:
            return year
    raise XlsxError("工作簿中的报告年度无效")


def _is_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith("=")


def _put_input(report: Report, cell_id: str, written: Any, value: Any, unit: str) -> None:
    """An input cell as typed: a number, blank, or text that may or may not be a valid value."""
    if _is_formula(written):  # someone typed a formula into an input cell: take what it computed
        written = value
    text = _text(written).strip()
    if text and unit and isinstance(written, (int, float, Decimal)):
        text += unit
    parsed = _parse(report, cell_id, text)
    if parsed is not None and parsed[0] is not None:
        report.set_value(cell_id, *parsed)


def _parse(report: Report, cell_id: str, text: str) -> tuple[Value | None, str | None] | None:
    """The value and unit of a cell's text; text that is no value goes to ``report.invalid`` (None)."""
    spec = report.fmt.cells[cell_id]
    try:
        return parse_value(text, spec.kind, spec.name)
    except InputError:
        report.invalid[cell_id] = text
        return None


def _put_total(report: Report, cell_id: str, written: Any, value: Any) -> None:
    """A total is computed from the inputs; a number found in its cell that disagrees is kept as stated."""
    shown = value if _is_formula(written) else written
    text = _text(shown).strip()
    if not text:
        return
    parsed = _parse(report, cell_id, text)
    number = parsed[0] if parsed is not None else None
    if number is not None and (number != report.value(cell_id) or not _is_formula(written)):
        report.stated[cell_id] = number


def _sheet_grid(ws: Any, written: Any) -> list[list[str]]:
    """A worksheet's values as text, merged ranges filled with their top-left value.

    A formula whose result was never calculated (openpyxl gives None) reads as UNCOMPUTED, not as blank."""
    limits = {
        "max_row": min(ws.max_row, MAX_SHEET_ROWS),
        "max_col": min(ws.max_column, MAX_SHEET_COLUMNS),
        "values_only": True,
    }
    rows = [
        [UNCOMPUTED if v is None and _is_formula(w) else _text(v) for v, w in zip(row, wrow)]
        for row, wrow in zip(ws.iter_rows(**limits), written.iter_rows(**limits))
    ]
    for merged in ws.merged_cells.ranges:
        top = merged.min_row - 1
        left = merged.min_col - 1
        if top >= len(rows) or left >= len(rows[top]):
            continue
        text = rows[top][left]
        for r in range(top, min(merged.max_row, len(rows))):
            for c in range(left, min(merged.max_col, len(rows[r]))):
                rows[r][c] = text
    return rows


def _read_by_labels(wb: Any, formulas: Any, name: str) -> tuple[Report, list[Finding]]:
    """A workbook made by someone else: tables found by their labels, title from a cell or the file name."""
    sheets = [ws for ws in wb.worksheets if ws.sheet_state == "visible"][:MAX_SHEETS]
    grids = [_sheet_grid(ws, formulas[ws.title]) for ws in sheets]
    texts = [t for grid in grids for row in grid[:6] for t in row if t.strip()]
    title = parse_title(texts) or title_from_name(name)
    agency, year = title if title else ("", None)
    reading = read_grids(grids, year)
    if not reading.tables:
        raise XlsxError("工作簿中没有找到年度报告的统计表（主动公开、依申请公开、复议诉讼情况）")
    fmt = load_format(reading.format_id)
    report = Report.new(year or fmt.years[0], agency, level_from_agency(agency), fmt.id)
    fill_values(report, {k: v for k, v in reading.texts.items() if v != UNCOMPUTED})
    findings = list(reading.findings)
    if title is None:
        findings.insert(
            0, Finding("DOC-TITLE", "warning", "工作簿中没有找到报告标题，机关名称和年度可能不准确")
        )
    return report, findings
