"""Look of the workbook (fonts, borders, fills, number formats) and safe writing of text and numbers."""

from __future__ import annotations

from copy import copy
from decimal import Decimal
from typing import TypedDict, TypeVar, Unpack
from weakref import WeakKeyDictionary

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.styles.styleable import StyleableObject
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from exporters.xml_chars import xml_chars
from model.values import Value

FONT_NAME = "宋体"
BODY = Font(name=FONT_NAME, size=10)
BOLD = Font(name=FONT_NAME, size=10, bold=True)
HEADING = Font(name=FONT_NAME, size=13, bold=True)
NOTE = Font(name=FONT_NAME, size=9, color="595959")
_THIN = Side(style="thin", color="000000")
GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
INPUT_FILL = PatternFill("solid", fgColor="FFFBE6")  # pale yellow: cells to fill in
TOTAL_FILL = PatternFill("solid", fgColor="EDEDED")  # grey: computed
HEAD_FILL = PatternFill("solid", fgColor="F3F6FA")
FAIL_FILL = PatternFill("solid", fgColor="FFC7CE", bgColor="FFC7CE")
FAIL_FONT = Font(color="9C0006", bold=True)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
PLAIN = Alignment(horizontal="left", vertical="center")  # one line, may overflow to the right
TOP_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")
UNLOCKED = Protection(locked=False)
LOCKED = Protection(locked=True)
# what a spreadsheet may take for the start of a formula (the OWASP list for CSV injection)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_LOOKS: WeakKeyDictionary[Workbook, dict[tuple[int, int, int, int, int, str], StyleArray]] = (
    WeakKeyDictionary()
)
# Both kinds of cell take a look: the covered cells of a merge are MergedCells that draw its borders.
_Styled = TypeVar("_Styled", bound=StyleableObject)


class Look(TypedDict, total=False):
    """The parts of a look that ``put_text`` and ``put_value`` pass on to ``stamp`` by keyword."""

    border: Border | None
    fill: PatternFill | None
    protection: Protection | None


def stamp(
    cell: _Styled,
    font: Font | None = BODY,
    alignment: Alignment | None = None,
    border: Border | None = None,
    fill: PatternFill | None = None,
    protection: Protection | None = None,
    number_format: str = "General",
) -> _Styled:
    """Give a cell its whole look at once; pass the module's style constants (looks are cached per workbook by id)."""
    key = (id(font), id(alignment), id(border), id(fill), id(protection), number_format)
    book = cell.parent.parent
    assert book is not None, "a cell of a sheet that belongs to a workbook"
    cache = _LOOKS.setdefault(book, {})
    saved = cache.get(key)
    if saved is not None:  # copying the style indices is far cheaper than openpyxl's per-attribute hashing
        cell._style = copy(saved)  # type: ignore[attr-defined]  # the stub leaves out the _style slot
        return cell
    cell._style = StyleArray()  # type: ignore[attr-defined]  # the stub leaves out the _style slot
    for name, style in (
        ("font", font),
        ("alignment", alignment),
        ("border", border),
        ("fill", fill),
        ("protection", protection),
    ):
        if style is not None:
            setattr(cell, name, style)
    cell.number_format = number_format
    cache[key] = copy(cell._style)  # type: ignore[attr-defined]  # the stub leaves out the _style slot
    return cell


def put_text(
    ws: Worksheet,
    row: int,
    col: int,
    text: str,
    font: Font | None = BODY,
    alignment: Alignment | None = LEFT,
    **look: Unpack[Look],
) -> Cell:
    """Write text that is never taken for a formula, even when it starts with = + - @ (or a tab, a CR); characters
    that XML cannot hold (a vertical tab pasted from Word) are left out."""
    target = ws.cell(row=row, column=col)
    assert isinstance(target, Cell), "text goes into a cell of its own or the top-left cell of a merge"
    cell = stamp(target, font, alignment, **look)
    text = xml_chars(text)
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_START):
        cell.quotePrefix = True  # Excel and WPS keep it text when the cell is edited
    return cell


def put_value(
    ws: Worksheet,
    row: int,
    col: int,
    value: Value | None,
    number_format: str,
    alignment: Alignment | None = RIGHT,
    *,
    font: Font | None = BODY,
    **look: Unpack[Look],
) -> Cell:
    """Write a number (int or Decimal) or leave the cell blank."""
    target = ws.cell(row=row, column=col)
    assert isinstance(target, Cell), "a number goes into a cell of its own or the top-left cell of a merge"
    cell = stamp(target, font, alignment, number_format=number_format, **look)
    if value is not None:
        cell.value = value if isinstance(value, int) else Decimal(format(value, "f"))
    return cell


def number_format(kind: str, unit: str | None = None, value: Value | None = None) -> str:
    """Counts as whole numbers; amounts with four decimals; money keeps its unit (「元」 with two decimals)."""
    if kind in ("count", "signed"):
        return "0"
    decimals = 4
    if unit == "元" and (value is None or value == round(value, 2)):
        decimals = 2
    fmt = "0." + "0" * decimals
    return f'{fmt}"{unit}"' if kind == "money" and unit else fmt
