"""The three ways a ledger is kept: .xlsx (openpyxl, read-only, after the package checks), .xls (xlrd), .csv."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from exporters.reading.errors import DocumentError, UnsafeFileError
from exporters.reading.safe_zip import OLE_MAGIC, check_package
from exporters.text.decode import TextError, decode

MAX_FILE = 50 * 1024 * 1024
MAX_ROWS, MAX_COLUMNS = 100_000, 64  # a year's requests, one a row; a ledger has 10–30 columns
MAX_SHEETS = 50
Rows = list[tuple[Any, ...]]


def _size(path: Path) -> None:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DocumentError(f"文件无法读取（{exc.strerror or exc}）") from exc
    if size > MAX_FILE:
        raise UnsafeFileError(f"文件过大（{size // (1024 * 1024)} MB，上限 {MAX_FILE // (1024 * 1024)} MB）")


def _too_many() -> UnsafeFileError:
    return UnsafeFileError(f"台账超过 {MAX_ROWS} 行，已拒绝读取")


def xlsx_sheets(path: Path) -> list[tuple[str, Rows]]:
    """Every sheet's rows (values, cached formula results), bounded: openpyxl read-only, the package checked."""
    check_package(path, ("[Content_Types].xml", "xl/workbook.xml"))
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise DocumentError("文件已损坏，不是有效的 Excel 工作簿") from exc
    try:
        out: list[tuple[str, Rows]] = []
        for sheet in book.worksheets[:MAX_SHEETS]:
            rows: Rows = []
            for row in sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True):
                if len(rows) >= MAX_ROWS:
                    raise _too_many()
                rows.append(row)
            out.append((sheet.title, _trim(rows)))
        return out
    except DocumentError:
        raise
    except Exception as exc:
        raise DocumentError("文件已损坏，不是有效的 Excel 工作簿") from exc
    finally:
        book.close()


def xls_sheets(path: Path) -> list[tuple[str, Rows]]:
    """An old .xls workbook through xlrd (dates as dates); other OLE files (.doc, encrypted) are refused."""
    _size(path)
    with path.open("rb") as handle:
        if handle.read(8) != OLE_MAGIC:
            raise DocumentError("文件不是有效的 .xls 工作簿（内容已损坏或不是此类型）")
    try:
        import xlrd
    except ImportError as exc:  # pragma: no cover - installed with the app
        raise DocumentError("读取 .xls 需要 xlrd，请在 Excel/WPS 中另存为 .xlsx 后再导入") from exc
    try:
        book = xlrd.open_workbook(str(path), on_demand=True)
    except Exception as exc:
        raise DocumentError(
            "无法读取这个 .xls 文件（已损坏或已加密），请在 Excel/WPS 中另存为 .xlsx 后再导入"
        ) from exc
    try:
        out: list[tuple[str, Rows]] = []
        for index in range(min(book.nsheets, MAX_SHEETS)):
            sheet = book.sheet_by_index(index)
            if sheet.nrows > MAX_ROWS:
                raise _too_many()
            rows = [_xls_row(book, sheet, r) for r in range(sheet.nrows)]
            out.append((sheet.name, _trim(rows)))
            book.unload_sheet(index)
        return out
    finally:
        book.release_resources()


def _xls_row(book: Any, sheet: Any, index: int) -> tuple[Any, ...]:
    import xlrd

    values: list[Any] = []
    for cell in sheet.row(index)[:MAX_COLUMNS]:
        if cell.ctype == xlrd.XL_CELL_DATE:
            try:
                values.append(xlrd.xldate_as_datetime(cell.value, book.datemode))
            except (ValueError, OverflowError, xlrd.xldate.XLDateError):
                values.append(cell.value)
        elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
            values.append(None)
        else:
            values.append(cell.value)
    return tuple(values)


def csv_rows(path: Path) -> Rows:
    """A CSV (or tab-separated text) in UTF-8, GBK/GB18030 or UTF-16 with BOM; the separator sniffed."""
    _size(path)
    try:
        text = decode(path.read_bytes())
    except TextError as exc:
        raise DocumentError(str(exc)) from exc
    except OSError as exc:
        raise DocumentError(f"文件无法读取（{exc.strerror or exc}）") from exc
    sample = text[:20_000]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",\t;|")
    except csv.Error:
        dialect = csv.excel_tab if sample.count("\t") > sample.count(",") else csv.excel
    rows: Rows = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), dialect):
            if len(rows) >= MAX_ROWS:
                raise _too_many()
            rows.append(tuple(cell if cell.strip() else None for cell in row[:MAX_COLUMNS]))
    except csv.Error as exc:
        raise DocumentError(f"CSV 文件格式有误（{exc}）") from exc
    return _trim(rows)


def _trim(rows: Rows) -> Rows:
    """Without the empty rows at the end (a sheet formatted far down)."""
    end = len(rows)
    while end and not any(v is not None and v != "" for v in rows[end - 1]):
        end -= 1
    return rows[:end]
