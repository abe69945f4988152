"""Reports as text copied from their web page, in the shape of the seed: one table cell per line after a tab, a
tab-only line for an empty cell and for the place of a cell spanning down from above, an empty line after each row
and another after each table; prose one paragraph a line."""

from __future__ import annotations

from model.formats import GridCell, TableSpec, load_format
from model.report import Report
from tests.support.office_docs import Style, label_text, value_text

SECTION_NUMBERS = "一二三四五六"


def table_lines(
    table: TableSpec, text_of: dict[str, str] | None = None, *, spanned: bool = True
) -> list[str]:
    """A table as a browser copies it. ``spanned``: the rows a cell spans down hold an empty cell in its place (as
    in the seed); without, they hold nothing (an HTML ``rowspan`` copied as it is)."""
    texts = text_of or {}
    out: list[str] = []
    anchors: list[GridCell] = [cell for row in table.rows for cell in row.cells]
    for index in range(len(table.rows)):
        here = [
            cell
            for cell in anchors
            if cell.row == index or (spanned and cell.row < index < cell.row + cell.rowspan)
        ]
        for cell in sorted(here, key=lambda c: c.col):
            if cell.row != index:
                out.append("\t")
            elif cell.cell_id is not None:
                out.append("\t" + texts.get(cell.cell_id, ""))
            else:
                out.append("\t" + texts.get(cell.text, cell.text))
        out.append("")
    out.append("")
    return out


def copied_text(
    report: Report, style: Style | None = None, *, spanned: bool = True, header: tuple[str, ...] = ()
) -> str:
    """The whole report as copied from its page: ``header`` lines (a portal's navigation) first, then the title
    (broken after the agency's name when ``style.title_lines`` is 2), the opening paragraph, the six sections."""
    style = style or Style(zero="-")
    lines = list(header)
    if style.title_lines == 2:
        lines += [report.agency, f"{report.year}年政府信息公开工作年度报告", ""]
    else:
        lines += [report.title, ""]
    c = report.contact
    lines.append(
        style.opening
        if style.opening is not None
        else f"本报告依据《中华人民共和国政府信息公开条例》编制，统计期限为{report.year}年1月1日至{report.year}年"
        f"12月31日。如对本报告有疑问，请联系：{c.office}，地址：{c.address}，邮编：{c.postcode}，"
        f"电话：{c.phone}，电子邮箱：{c.email}。"
    )
    for index, section in enumerate(report.fmt.sections):
        number = {"一、": f"{SECTION_NUMBERS[index]}、", "1、 ": f"{index + 1}、 ", "": ""}[style.numbering]
        lines.append(style.headings.get(section.key, number + section.title))
        if section.kind == "prose":
            lines += report.prose.get(section.key, "").splitlines()
            continue
        table = load_format(style.tables.get(section.key, report.format_id)).table(section.key)
        texts = {cell_id: value_text(report, cell_id, style) for cell_id in report.fmt.cells}
        labels = {
            cell.text: label_text(cell.text, style) for row in table.rows for cell in row.cells if cell.text
        }
        lines += table_lines(table, texts | labels, spanned=spanned)
    if style.signature:
        lines += [report.agency, f"{report.year + 1}年1月20日"]
    return "\n".join(lines) + "\n"
