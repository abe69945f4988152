"""Word reports made the way other offices make them (python-docx), with the variations seen in published reports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.document import Document
from docx.table import _Cell

from model.formats import GridCell, TableSpec, load_format
from model.report import Report
from model.values import format_value


@dataclass
class Style:
    """How an office typed its report."""

    merged: bool = True  # Word: real merged cells; False: WPS-like, the label repeated in every position
    numbering: str = "一、"  # section headings: "一、" (official), "1、 " (as in the seed), "" (none)
    row_numbering: str = "."  # 「1.」 (official) or 「1、」 in table 三
    breaks: bool = False  # line breaks inside header labels (「商业\n企业」)
    zero: str = "0"  # how zero prints: "0", "-", "—", "无"
    extra_column: bool = False  # a blank column at the right of every table
    extra_row: bool = False  # a blank row under the headers of every table
    title_lines: int = 2  # title on one line or broken into agency / rest
    labels: dict[str, str] = field(default_factory=dict)  # official label -> printed label
    texts: dict[str, str] = field(default_factory=dict)  # cell id -> printed text (overrides the value)
    tables: dict[str, str] = field(default_factory=dict)  # table key -> format id its layout is taken from
    signature: bool = True
    headings: dict[str, str] = field(default_factory=dict)  # section key -> heading as printed
    opening: str | None = None  # the opening paragraph (default: the standard one with contact details)


SECTION_NUMBERS = "一二三四五六"


def value_text(report: Report, cell_id: str, style: Style) -> str:
    if cell_id in style.texts:
        return style.texts[cell_id]
    value = report.effective(cell_id) if cell_id in report.fmt.cells else None
    if value == 0 and style.zero != "0":
        return style.zero
    return format_value(value, report.units.get(cell_id))


def label_text(text: str, style: Style) -> str:
    text = style.labels.get(text, text)
    if style.row_numbering != "." and len(text) > 1 and text[0].isdigit() and text[1] == ".":
        text = text[0] + style.row_numbering + text[2:]
    if style.breaks and len(text) == 4 and "（" not in text:
        text = text[:2] + "\n" + text[2:]
    return text


def add_table(document: Document, table: TableSpec, text_of: Callable[[GridCell], str], style: Style) -> None:
    header = table.header_rows
    rows = len(table.rows) + (1 if style.extra_row else 0)
    cols = table.grid_columns + (1 if style.extra_column else 0)
    out = document.add_table(rows=rows, cols=cols)
    out.style = "Table Grid"

    def at(row: int) -> int:
        return row + 1 if style.extra_row and row >= header else row

    rows_xml = out._tbl.tr_lst

    def cell_at(row: int, col: int) -> _Cell:  # by grid position, without python-docx's slow cell lookup
        return _Cell(rows_xml[at(row)].tc_at_grid_offset(col), out)

    cells = [cell for grid_row in table.rows for cell in grid_row.cells]
    if style.merged:  # bottom-up, right to left: what is still to merge keeps its place in its row
        for cell in sorted(cells, key=lambda c: (-c.row, -c.col)):
            if cell.rowspan > 1 or cell.colspan > 1:
                cell_at(cell.row, cell.col).merge(
                    cell_at(cell.row + cell.rowspan - 1, cell.col + cell.colspan - 1)
                )
        for cell in cells:
            cell_at(cell.row, cell.col).text = text_of(cell)
        return
    for cell in cells:
        text = text_of(cell)
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + cell.colspan):
                cell_at(r, c).text = text


def build(report: Report, path: Path, style: Style | None = None) -> Path:
    """Write the report as an office would publish it."""
    style = style or Style()
    document = docx.Document()
    if style.title_lines == 2:
        document.add_paragraph(report.agency)
        document.add_paragraph(f"{report.year}年政府信息公开工作年度报告")
    else:
        document.add_paragraph(report.title)
    c = report.contact
    document.add_paragraph(
        style.opening
        if style.opening is not None
        else f"本报告依据《中华人民共和国政府信息公开条例》编制，统计期限为{report.year}年1月1日至{report.year}年12月31日。"
        f"如对本报告有疑问，请联系：{c.office}，地址：{c.address}，邮编：{c.postcode}，电话：{c.phone}，"
        f"电子邮箱：{c.email}。"
    )
    for index, section in enumerate(report.fmt.sections):
        number = {"一、": f"{section.number}、", "1、 ": f"{index + 1}、 ", "": ""}[style.numbering]
        document.add_paragraph(style.headings.get(section.key, number + section.title))
        if section.kind == "prose":
            for line in report.prose.get(section.key, "").splitlines():
                document.add_paragraph(line)
        else:
            table = load_format(style.tables.get(section.key, report.format_id)).table(section.key)

            def text_of(cell: GridCell) -> str:
                if cell.cell_id is None:
                    return label_text(cell.text, style)
                return value_text(report, cell.cell_id, style)

            add_table(document, table, text_of, style)
    if style.signature:
        document.add_paragraph(report.agency)
        document.add_paragraph(f"{report.year + 1}年1月20日")
    document.save(str(path))
    return path
