"""Read an Excel workbook back into a report: the app's own via its hidden anchor, any other by its labels."""

from __future__ import annotations

import os
import zipfile
import zlib
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from lxml import etree

from exporters.reading.document_text import level_from_agency, parse_title, title_from_name
from exporters.reading.grid_report import fill_values, read_grids
from exporters.reading.safe_zip import DocumentError, UnsafeFileError, check_package
from exporters.xlsx.anchor import read_anchor
from exporters.xlsx.book import Book
from exporters.xlsx.walk import MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, Cell, read_sheet, values_at
from model.formats import load_format
from model.limits import MAX_YEAR, MIN_YEAR
from model.report import Contact, Report
from model.rules import Finding
from model.values import InputError, Value, parse_value
from model.vocabulary import LEVELS

REQUIRED_PARTS = ("[Content_Types].xml", "xl/workbook.xml")
MAX_XML = 15 * 1024 * 1024  # XML parsed, a row or a string at a time (exporters/xlsx/walk.py, book.py)
MAX_ELEMENTS = 300_000  # an app's workbook has ≈ 12,000
MAX_STYLE_ELEMENTS = {
    "xl/styles.xml": 200_000
}  # never parsed here, but Excel allows only 64,000 cell formats
MAX_SHEETS = 30  # looked at when matching labels
UNCOMPUTED = "\x00uncomputed"  # a formula cell without a cached result: neither blank nor a stated total


class XlsxError(DocumentError):
    """The workbook is no readable report; the message is one Chinese sentence without the file name."""


def read_xlsx(path: str | os.PathLike[str]) -> tuple[Report, list[Finding]]:
    """The report in a workbook, and findings about the document."""
    try:
        check_package(path, REQUIRED_PARTS, MAX_XML, MAX_ELEMENTS, MAX_STYLE_ELEMENTS)
        # One pass over each sheet needed, bounded by the cells the format has (exporters/xlsx/walk.py).
        with zipfile.ZipFile(path) as archive:
            book = Book(archive)
            anchor = read_anchor(book)
            if anchor is not None:
                return _read_anchored(book, anchor)
            return _read_by_labels(book, Path(path).name)
    except UnsafeFileError as exc:
        raise XlsxError(str(exc)) from exc
    except (
        zipfile.BadZipFile,
        zlib.error,  # a damaged deflate stream
        KeyError,  # a part the workbook names is missing
        ValueError,  # a number or a string index that is none
        TypeError,
        OSError,
        EOFError,
        AttributeError,
        IndexError,  # a shared string that does not exist
        etree.XMLSyntaxError,
    ) as exc:
        raise XlsxError("工作簿内容已损坏，无法读取") from exc


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
    book: Book, anchor: tuple[dict[str, Any], list[tuple[str, ...]]]
) -> tuple[Report, list[Finding]]:
    meta, rows = anchor
    try:
        fmt = load_format(str(meta.get("format")))
    except KeyError as exc:
        raise XlsxError(f"工作簿使用了本版本不认识的报告格式（{meta.get('format')}）") from exc
    where = {r[0]: r for r in rows}
    cells = values_at(book, [(r[1], r[2]) for r in rows])
    nothing = Cell(None, None)

    def live(key: str, default: Any = "") -> Any:
        row = where.get(key)
        value = cells.get((row[1], row[2]), nothing).value if row else None
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
        cell = cells.get((sheet, coordinate), nothing)
        if role == "input" and cell_id in fmt.cells:
            _put_input(report, cell_id, cell.written, cell.value, unit)
        elif role == "total" and cell_id in fmt.cells:
            totals.append((cell_id, cell.written, cell.value))
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
        if MIN_YEAR <= year <= MAX_YEAR:
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


def _sheet_grid(book: Book, name: str) -> list[list[str]]:
    """A worksheet's values as text, merged ranges filled with their top-left value.

    A formula whose result was never calculated reads as UNCOMPUTED, not as blank. The grid reaches as far as the
    sheet's cells do (within the bounds), whatever its dimension says; empty rows and columns after the last text
    are left out."""
    sheet = read_sheet(book, name, MAX_SHEET_ROWS, MAX_SHEET_COLUMNS, merged=True)
    texts = {
        place: UNCOMPUTED if cell.value is None and cell.formula is not None else _text(cell.value)
        for place, cell in sheet.cells.items()
    }
    filled = [(r, c) for (r, c), t in texts.items() if t]
    filled += [
        (min(m[2], MAX_SHEET_ROWS), min(m[3], MAX_SHEET_COLUMNS)) for m in sheet.merged if texts.get(m[:2])
    ]
    height, width = max((r for r, _ in filled), default=0), max((c for _, c in filled), default=0)
    grid = [[texts.get((r, c), "") for c in range(1, width + 1)] for r in range(1, height + 1)]
    budget = height * width  # merged ranges that do not overlap fill at most the grid once
    for min_row, min_col, last_row, last_col in sheet.merged:
        top, left = min_row - 1, min_col - 1
        if top >= height or left >= width or budget <= 0:
            continue
        text = grid[top][left]
        for r in range(top, min(last_row, height)):
            for c in range(left, min(last_col, width)):
                grid[r][c] = text
        budget -= (min(last_row, height) - top) * (min(last_col, width) - left)
    return _trimmed(grid)


def _trimmed(grid: list[list[str]]) -> list[list[str]]:
    while grid and not any(grid[-1]):
        grid.pop()
    width = max((max((c + 1 for c, t in enumerate(row) if t), default=0) for row in grid), default=0)
    return [row[:width] for row in grid]


def _read_by_labels(book: Book, name: str) -> tuple[Report, list[Finding]]:
    """A workbook made by someone else: tables found by their labels, title from a cell or the file name."""
    sheets = [entry.name for entry in book.sheets if entry.state == "visible"][:MAX_SHEETS]
    grids = [_sheet_grid(book, sheet) for sheet in sheets]
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
