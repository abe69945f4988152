"""Read a report from text copied from its web page (a .txt file, or text pasted from the clipboard)."""

from __future__ import annotations

import os
from pathlib import Path

from exporters.reading.blocks import Block, report_from_blocks
from exporters.reading.document_text import flat, parse_title
from exporters.reading.errors import UnsafeFileError
from exporters.reading.grid_match import identify, pad
from exporters.text import lines, spans
from exporters.text.decode import MAX_CHARS, TextError, read_file_text, too_large
from model.report import Report
from model.rules import Finding

__all__ = ["TextError", "blocks_from_text", "read_text", "report_from_text"]

SHORT_HEADER = "DOC-TABLE"  # the finding about a document's tables
SHORT_HEADER_MESSAGE = (
    "复制的文字中，统计表的表头比下面的数字少列（网页上跨行合并的单元格没有留下位置），"
    "读出的数字可能与表头错列，请与原网页核对"
)
TITLE_SEARCH = 80  # paragraphs before the first table where the title is looked for (a page's header above)
TITLE_LINE = 120  # characters a line of the title may have (longer paragraphs are the body)
AGENCY_LINE = 40  # characters up to which the line above a title of only year and words is the agency's name


def read_text(path: str | os.PathLike[str]) -> tuple[Report, list[Finding]]:
    """The report in a .txt file of a copied web page, and findings about the document."""
    return report_from_text(read_file_text(path), Path(path).name)


def report_from_text(text: str, name: str = "") -> tuple[Report, list[Finding]]:
    """The report in copied text (tables as a browser copies them); raises TextError or NoReportError."""
    if not text.strip():
        raise TextError("文件是空的，没有任何文字")
    blocks, short = _blocks(text)
    report, findings = report_from_blocks(blocks, name)
    if short:
        findings.append(Finding(SHORT_HEADER, "warning", SHORT_HEADER_MESSAGE))
    return report, findings


def blocks_from_text(text: str) -> list[Block]:
    """Paragraphs and tables (grids, merged cells in every position they cover) in reading order, from the title on.

    Lines above the title (a portal's header, navigation and breadcrumb, copied with the page) are left out."""
    return _blocks(text)[0]


def _blocks(text: str) -> tuple[list[Block], bool]:
    """The blocks, and whether a report table was copied with fewer header cells than number columns."""
    if len(text) > MAX_CHARS:
        raise too_large(len(text))
    try:
        parsed = lines.parse(text)
    except lines.TooManyCellsError as exc:
        raise UnsafeFileError("文字中的表格单元格过多，不像是一份年度报告，已拒绝读取") from exc
    blocks = [
        Block(text=item) if isinstance(item, str) else Block(grid=spans.grid(item.rows)) for item in parsed
    ]
    short = any(
        isinstance(item, lines.RawTable) and spans.header_short(item.rows) and identify(pad(block.grid or []))
        for item, block in zip(parsed, blocks)
    )
    return blocks[_title_start(blocks) :], short


def _title_start(blocks: list[Block]) -> int:
    """Where the title begins: the first line that reads as the title (with the line above when that holds the
    agency's name and this one only the year and 「政府信息公开工作年度报告」), else the first two or three lines
    that do together; the start when none does before the first table."""
    top: list[int] = []
    for index, block in enumerate(blocks[:TITLE_SEARCH]):
        if block.is_table:
            break
        if len(block.text) <= TITLE_LINE:
            top.append(index)
    candidates = set(top)
    for index in top:
        found = parse_title([blocks[index].text])
        if found is not None:
            above = blocks[index - 1].text if index - 1 in candidates else ""
            return index - 1 if not found[0] and above and len(flat(above)) <= AGENCY_LINE else index
    for count in (2, 3):
        for index in top:
            window = range(index, index + count)
            if (
                all(i in candidates for i in window)
                and parse_title([blocks[i].text for i in window]) is not None
            ):
                return index
    return 0
