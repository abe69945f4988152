"""Sheets of many plain rows (数据: every value of every report, a million cells for 1,000 reports; 问题清单) written
as sheet XML directly into the package openpyxl saved.

openpyxl makes a cell object per cell and writes each through lxml: about 30 µs a cell with its look, half a minute
for the 数据 sheet alone. Here openpyxl still writes each sheet — its header row, column widths, frozen pane,
filter, print setup — and registers the looks the rows use (``LongSheet.style``); ``splice`` then puts the rows,
made as text, before the sheet's ``</sheetData>``. Their text is in a shared string table (a unit's name stands on
172 lines, a cell's name on a line per report: said once, the sheet is half the size) that ``splice`` adds to the
package, which openpyxl writes without one (its own cells' text is inline). Text cells are never formulas (type
``s``); a text that starts like one also gets the quote prefix, as ``put_text`` gives it; numbers are ``<v>``.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from xml.etree import ElementTree

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from exporters.xlsx.styles import FORMULA_START, stamp
from exporters.xml_chars import xml_chars

_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_MAIN = "{" + _MAIN_NS + "}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
STRINGS_PART = "xl/sharedStrings.xml"
_STRINGS_REL = (
    '<Relationship Id="rIdLongSheetStrings" Target="sharedStrings.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
)
_STRINGS_TYPE = (
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
)
END = b"</sheetData>"
ROW = "\x00"  # the row number's place in a cell made before its row: no text holds it (``xml_chars``)
LEVEL = 1  # zlib level of the long sheets: 5× faster than the default, the file about a tenth larger
BATCH = 2000  # rows encoded and compressed at a time


def escaped(text: str) -> str:
    """Text as XML character data (and attribute values)."""
    text = xml_chars(text)
    if "&" in text or "<" in text or ">" in text or '"' in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return text


class SharedStrings:
    """The package's shared string table: each text once, cells refer to it by number."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def number(self, text: str) -> int:
        found = self.numbers.get(text)
        if found is None:
            found = self.numbers[text] = len(self.numbers)
        return found

    def xml(self) -> bytes:
        items = "".join(f"<si><t{_space(t)}>{escaped(t)}</t></si>" for t in self.numbers)
        count = len(self.numbers)
        head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{_MAIN_NS}" count="{count}"'
        return f'{head} uniqueCount="{count}">{items}</sst>'.encode()


def _space(text: str) -> str:
    return ' xml:space="preserve"' if text != text.strip() else ""


@dataclass
class LongSheet:
    """The rows of one sheet as XML text, appended below its header row (row 1)."""

    ws: Worksheet
    columns: int
    strings: SharedStrings
    rows: list[str] = field(default_factory=list)
    _styles: dict[tuple[int, int, str, bool], int] = field(default_factory=dict)

    @property
    def last_row(self) -> int:
        return len(self.rows) + 1

    def style(
        self, font: Font, alignment: Alignment, number_format: str = "General", quote: bool = False
    ) -> int:
        """The workbook's style index of a look (registered once, on a cell that is not in the sheet)."""
        key = (id(font), id(alignment), number_format, quote)
        if key not in self._styles:
            cell = stamp(Cell(self.ws, 1, 1), font, alignment, number_format=number_format)
            cell.quotePrefix = quote
            self._styles[key] = cell.style_id
        return self._styles[key]

    def text(self, column: int, text: str, style: int, quoted: int) -> str:
        """A text cell of a row, with ``ROW`` for its row number (``add`` puts it in); "" for no text. ``quoted``:
        the style of a text that starts like a formula (= + - @)."""
        if not text:
            return ""
        look = quoted if text.startswith(FORMULA_START) else style
        return (
            f'<c r="{get_column_letter(column)}{ROW}" s="{look}" t="s"><v>{self.strings.number(text)}</v></c>'
        )

    def number(self, column: int, value: int | Decimal | float | None, style: int) -> str:
        """A number cell of a row (``ROW`` for its row number); "" for no value."""
        if value is None:
            return ""
        text = format(value, "f") if isinstance(value, Decimal) else str(value)
        return f'<c r="{get_column_letter(column)}{ROW}" s="{style}"><v>{text}</v></c>'

    def formula(self, column: int, formula: str, style: int) -> str:
        """A formula cell of a row (``formula`` without its 「=」; ``ROW`` for the row number)."""
        return f'<c r="{get_column_letter(column)}{ROW}" s="{style}"><f>{escaped(formula)}</f></c>'

    def add(self, cells: str) -> None:
        """One row below the last: ``cells`` as ``text`` and ``number`` made them."""
        row = str(self.last_row + 1)
        self.rows.append(f'<row r="{row}">{cells.replace(ROW, row)}</row>')

    @property
    def ref(self) -> str:
        return f"A1:{get_column_letter(self.columns)}{self.last_row}"


def splice(package: bytes, sheets: Iterable[LongSheet]) -> bytes:
    """The package with each sheet's rows put into its part, and their shared strings (the other parts copied)."""
    source = zipfile.ZipFile(io.BytesIO(package))
    sheets = list(sheets)
    parts = {_part_of(source, sheet.ws.title): sheet for sheet in sheets}
    strings = {id(s.strings): s.strings for s in sheets}
    if len(strings) > 1 or STRINGS_PART in source.namelist():
        raise ValueError("the long sheets must share the one string table of the package")
    table = next(iter(strings.values()), SharedStrings())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=LEVEL) as target:
        for info in source.infolist():
            data = source.read(info)
            sheet = parts.get(info.filename)
            if info.filename == "xl/_rels/workbook.xml.rels":
                data = _before(data, b"</Relationships>", _STRINGS_REL)
            elif info.filename == "[Content_Types].xml":
                data = _before(data, b"</Types>", _STRINGS_TYPE)
            if sheet is None:
                target.writestr(info, data)
                continue
            head, end, tail = data.rpartition(END)
            if not end:
                raise ValueError(f"{info.filename}: no sheetData")
            with target.open(info.filename, "w") as stream:
                stream.write(_dimension(head, sheet.ref))
                for start in range(0, len(sheet.rows), BATCH):
                    stream.write("".join(sheet.rows[start : start + BATCH]).encode("utf-8"))
                stream.write(end + tail)
        target.writestr(STRINGS_PART, table.xml())
    return out.getvalue()


def _before(data: bytes, closing: bytes, element: str) -> bytes:
    head, end, tail = data.rpartition(closing)
    if not end:
        raise ValueError(f"no {closing.decode()}")
    return head + element.encode() + end + tail


def _dimension(head: bytes, ref: str) -> bytes:
    """The sheet's ``<dimension ref="…"/>`` made to cover the rows put in."""
    start = head.find(b"<dimension ref=")
    if start < 0:
        return head
    end = head.index(b"/>", start)
    return head[:start] + f'<dimension ref="{ref}"'.encode() + head[end:]


def _part_of(package: zipfile.ZipFile, title: str) -> str:
    """The part (``xl/worksheets/sheetN.xml``) of the sheet named ``title``, from the workbook and its rels."""
    book = ElementTree.fromstring(package.read("xl/workbook.xml"))
    rid = next(s.get(_REL) for s in book.iter(f"{_MAIN}sheet") if s.get("name") == title)
    rels = ElementTree.fromstring(package.read("xl/_rels/workbook.xml.rels"))
    target = next(r.get("Target", "") for r in rels.iter(f"{_PACKAGE_REL}Relationship") if r.get("Id") == rid)
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
