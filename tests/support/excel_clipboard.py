"""Clipboard data the way Excel and WPS put a copied range: CRLF tab-separated text and the HTML table flavour,
built from a format's grid (its labels, merged cells) and a report's values."""

from __future__ import annotations

import html

from PySide6.QtCore import QMimeData

from model.formats import GridCell, TableSpec
from model.report import Report
from model.values import format_value

Block = list[tuple[int, int, int, int, str]]  # (row, col, rowspan, colspan, text) within the copied range


def table_block(
    table: TableSpec, report: Report, rows: range, cols: range, heading: str | None = None
) -> tuple[Block, int, int]:
    """The cells of a copied range of the official table (merges clipped to it), optionally under the sheet's
    heading row as our workbook has it; the range's height and width."""
    block: Block = []
    top = 1 if heading is not None else 0
    if heading is not None:
        block.append((0, 0, 1, len(cols), heading))
    for row in table.rows:
        for cell in row.cells:
            r0, c0 = max(cell.row, rows.start), max(cell.col, cols.start)
            r1 = min(cell.row + cell.rowspan, rows.stop)
            c1 = min(cell.col + cell.colspan, cols.stop)
            if r0 < r1 and c0 < c1:
                block.append((r0 - rows.start + top, c0 - cols.start, r1 - r0, c1 - c0, _text(cell, report)))
    return block, len(rows) + top, len(cols)


def _text(cell: GridCell, report: Report) -> str:
    if cell.cell_id is None:
        return cell.text
    return format_value(report.value(cell.cell_id))


def excel_tsv(block: Block, height: int, width: int) -> str:
    """Excel's text/plain: merged cells give their text in the top-left position, CRLF, quoted line breaks."""
    grid = [["" for _ in range(width)] for _ in range(height)]
    for r, c, _, _, text in block:
        grid[r][c] = '"' + text.replace('"', '""') + '"' if any(ch in text for ch in '\t\n"') else text
    return "".join("\t".join(row) + "\r\n" for row in grid)


def excel_html(block: Block, height: int) -> str:
    """Excel's text/html: a whole document with styles, the range as a table with colspan/rowspan and x:num."""
    by_row: dict[int, list[tuple[int, int, int, int, str]]] = {}
    for cell in sorted(block):
        by_row.setdefault(cell[0], []).append(cell)
    out = [
        '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
        ' xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">',
        '<head><meta http-equiv=Content-Type content="text/html; charset=utf-8">',
        '<style><!--table {mso-displayed-decimal-separator:"\\.";} .xl65 {mso-number-format:General;'
        " border:.5pt solid windowtext;}--></style></head>",
        "<body link=blue vlink=purple><table border=0 cellpadding=0 cellspacing=0 width=700>",
        "<!--StartFragment-->",
    ]
    for r in range(height):
        out.append(" <tr height=19 style='height:14.25pt'>")
        for _, _, rowspan, colspan, text in by_row.get(r, []):
            spans = (f" rowspan={rowspan}" if rowspan > 1 else "") + (
                f" colspan={colspan}" if colspan > 1 else ""
            )
            number = " x:num" if text.replace(".", "", 1).isdigit() else ""
            body = "<br>\n  ".join(html.escape(line) for line in text.split("\n")) or "&nbsp;"
            out.append(f"  <td class=xl65{spans}{number}>{body}</td>")
        out.append(" </tr>")
    out.append("<!--EndFragment--></table></body></html>")
    return "\r\n".join(out)


def excel_mime(block: Block, height: int, width: int, with_html: bool = True) -> QMimeData:
    """What Excel or WPS puts on the clipboard for the range (both flavours, or the text alone)."""
    mime = QMimeData()
    mime.setText(excel_tsv(block, height, width))
    if with_html:
        mime.setHtml(excel_html(block, height))
    return mime


def rows_mime(rows: list[list[str]]) -> QMimeData:
    """A hand-made sheet's rows (no merged cells) in both flavours."""
    block = [(r, c, 1, 1, text) for r, row in enumerate(rows) for c, text in enumerate(row)]
    return excel_mime(block, len(rows), max(len(row) for row in rows))
