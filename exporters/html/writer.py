"""Write the report as one clean web page for the portal's 年报 column: UTF-8, no scripts, no classes, inline styles
only (a CMS editor keeps them), tables with rowspan/colspan and the official labels — from model/document.py."""

from __future__ import annotations

import os
from html import escape
from pathlib import Path

from exporters.kinds import ExportOptions
from exporters.xml_chars import xml_chars
from model import atomic
from model import typeset as ts
from model.document import (
    Block,
    Cell,
    Heading,
    Paragraph,
    ReportDocument,
    Table,
    report_document,
    web_closing,
)
from model.report import Report

__all__ = ["article_html", "export", "page_html", "plain_text", "write_html"]

GENERIC = {"heading": "sans-serif"}  # the CSS family after the named ones (serif for the rest)


def _family(role: str) -> str:
    names = (*ts.FONT_STACKS["latin"], *ts.FONT_STACKS[role]) if role != "heading" else ts.FONT_STACKS[role]
    quoted = ",".join(f"'{name}'" if not name.isascii() or " " in name else name for name in names)
    return f"font-family:{quoted},{GENERIC.get(role, 'serif')}"


def _text(text: str) -> str:
    return escape(xml_chars(text), quote=False).replace("\n", "<br>")


_BODY = f"{_family('body')};font-size:{ts.BODY_PT:g}pt;line-height:{ts.BODY_LINE_PT:g}pt;margin:0"
_PARAGRAPH = {
    "body": f"{_BODY};text-indent:2em;text-align:justify",
    "subheading": f"{_BODY};text-indent:2em;{_family('subheading')}",
    "contact": f"{_BODY};text-indent:2em;text-align:left",
    "sign_off": f"{_BODY};text-align:right;padding-right:2em",
    "signature": f"{_BODY};padding-left:50%",
}
_TITLE = f"{_family('title')};font-size:{ts.TITLE_PT:g}pt;font-weight:normal;text-align:center;margin:0 0 1em"
_HEADING = f"{_family('heading')};font-size:{ts.BODY_PT:g}pt;font-weight:normal;text-indent:2em;margin:0"
_LEAD = _family("subheading")
_BORDER = "border:1px solid #000"


def _paragraph(paragraph: Paragraph, first_closing: bool) -> str:
    style = _PARAGRAPH[paragraph.style] + (";margin-top:2em" if first_closing else "")
    lead = f'<span style="{_LEAD}">{_text(paragraph.lead)}</span>' if paragraph.lead else ""
    return f'<p style="{style}">{lead}{_text(paragraph.text)}</p>'


def _cell(cell: Cell, table: Table, total: float) -> str:
    spans = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
        f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
    )
    width = sum(table.plan.widths[cell.col : cell.col + cell.colspan]) / total * 100
    style = f"{_BORDER};padding:1px 3px;text-align:{cell.align};vertical-align:middle;width:{width:.1f}%"
    return f'<td{spans} style="{style}">{_text(cell.text)}</td>'


def _table(table: Table) -> str:
    total = sum(table.plan.widths)
    size = f"font-size:{table.plan.point_size:g}pt"
    style = (
        f"border-collapse:collapse;width:100%;{_family('table')};{size};line-height:1.3;margin:0.5em 0 1em"
    )
    rows = []
    for index in range(table.rows):
        cells = "".join(_cell(cell, table, total) for cell in table.starting_in(index))
        rows.append(f"<tr>{cells}</tr>")
    return f'<table border="1" cellspacing="0" cellpadding="2" style="{style}"><tbody>{"".join(rows)}</tbody></table>'


def _block(block: Block, first_closing: Paragraph | None) -> str:
    if isinstance(block, Heading):
        return f'<h2 style="{_HEADING}">{_text(block.text)}</h2>'
    if isinstance(block, Table):
        return _table(block)
    return _paragraph(block, block is first_closing)


def article_html(document: ReportDocument) -> str:
    """The report as one ``<div>``: what 复制网页版 puts on the clipboard and the body of the page."""
    first_closing = document.closing[0] if document.closing else None
    title = "<br>".join(_text(line) for line in document.title)
    parts = [f'<h1 style="{_TITLE}">{title}</h1>']
    parts.extend(_block(block, first_closing) for block in document.every_block())
    return f'<div style="max-width:{ts.text_width_pt():.0f}pt;margin:0 auto">{"".join(parts)}</div>'


def page_html(document: ReportDocument) -> str:
    """A whole page: the doctype, UTF-8, the title, the article."""
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{_text(document.name)}</title></head>\n"
        f'<body style="margin:2em">{article_html(document)}</body></html>\n'
    )


def write_html(report: Report | ReportDocument, path: str | os.PathLike[str]) -> None:
    """Write the page as UTF-8; the file is replaced only once the new one is complete (model/atomic.py)."""
    document = report if isinstance(report, ReportDocument) else report_document(report)
    atomic.write(Path(path), page_html(document).encode("utf-8"))


def export(report: Report, path: str | os.PathLike[str], options: ExportOptions) -> None:
    """The registry's writer (exporters/kinds.py): the web version, as published (with the 落款 if asked)."""
    write_html(report_document(report, web_closing(options.closing)), path)


def plain_text(document: ReportDocument) -> str:
    """The same as text, for editors that take no HTML: one line a paragraph, a table row's cells between tabs."""
    lines = list(document.title)
    for block in document.every_block():
        if isinstance(block, Table):
            lines.extend("\t".join(cell.text for cell in block.starting_in(row)) for row in range(block.rows))
        else:
            lines.append(block.full_text if isinstance(block, Paragraph) else block.text)
    return "\n".join(lines) + "\n"
