"""Tables 二、三、四 as Word tables, from the document's grids (model/document.py): spans as gridSpan/vMerge,
exact labels, values, the widths of the one table plan (model/table_plan.py) in twips."""

from __future__ import annotations

from docx.oxml.ns import nsdecls

from exporters.docx import style as st
from exporters.docx.prose import xml_text
from model.document import Cell, Table
from model.table_plan import balanced_wrap, table_texts

__all__ = ["ROW_HEIGHT", "balanced_wrap", "table_texts", "table_xml", "twips_widths"]

ROW_HEIGHT = st.mm(5.5)  # at least, as in published tables


def twips_widths(table: Table) -> tuple[int, ...]:
    """The plan's widths in twips, summing exactly to the text width of the table's page (the last column takes
    the rounding)."""
    widths = [int(w * st.TWIPS_PER_PT) for w in table.plan.widths]
    available = st.LANDSCAPE_WIDTH if table.plan.landscape else st.PORTRAIT_WIDTH
    widths[-1] += available - sum(widths)
    return tuple(widths)


def _borders(tag: str) -> str:
    sides = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return f"<w:{tag}>{sides}</w:{tag}>"


def _paragraph(style: str, text: str, align: str, keep_next: bool) -> str:
    ppr = f'<w:pStyle w:val="{style}"/>' + ("<w:keepNext/>" if keep_next else "")
    ppr += f'<w:jc w:val="{align}"/>' if align != "center" else ""
    run = f'<w:r><w:t xml:space="preserve">{xml_text(text)}</w:t></w:r>' if text else ""
    return f"<w:p><w:pPr>{ppr}</w:pPr>{run}</w:p>"


def _cell(cell: Cell, starts: bool, widths: tuple[int, ...], paragraph: str) -> str:
    width = sum(widths[cell.col : cell.col + cell.colspan])
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if cell.colspan > 1:
        props += f'<w:gridSpan w:val="{cell.colspan}"/>'
    if cell.rowspan > 1:
        props += '<w:vMerge w:val="restart"/>' if starts else "<w:vMerge/>"
    props += '<w:vAlign w:val="center"/>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{paragraph}</w:tc>"


def table_xml(table: Table) -> str:
    """The ``w:tbl`` of a table: fixed layout, explicit grid and cell widths, all borders, header rows repeated.

    Every row keeps with the next, so Word, WPS and LibreOffice start a table that fits on one page on a new page
    instead of leaving its last rows alone on the next; a longer table still breaks, with its header rows repeated.
    """
    widths = twips_widths(table)
    style = st.TABLE_TEXT_SMALL if table.plan.small else st.TABLE_TEXT
    margins = (
        f'<w:tblCellMar><w:left w:w="{st.TABLE_CELL_MARGIN}" w:type="dxa"/>'
        f'<w:right w:w="{st.TABLE_CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>'
    )
    parts = [
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{st.TABLE_STYLE}"/>'
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>{_borders("tblBorders")}'
        f'<w:tblLayout w:type="fixed"/>{margins}<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>',
        "".join(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    for index in range(table.rows):
        repeat = "<w:tblHeader/>" if index < table.header_rows else ""
        parts.append(
            f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{ROW_HEIGHT}" w:hRule="atLeast"/>'
            f"{repeat}</w:trPr>"
        )
        keep = index < table.rows - 1  # a table that fits on a page is moved whole, never split
        for cell, starts in table.positions(index):
            paragraph = _paragraph(style, cell.text if starts else "", cell.align, keep)
            parts.append(_cell(cell, starts, widths, paragraph))
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)
