"""Document → blocks → report: the format-neutral step every reader of a published report ends with.

A reader turns its document (Word body, PDF page, web page, copied text) into blocks in reading order — paragraphs
and tables as grids of cell texts — and ``report_from_blocks`` finds the title, the tables by their labels and the
prose by its headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exporters.reading.document_text import (
    find_title,
    flat,
    level_from_agency,
    read_contact,
    read_sections,
    title_from_name,
)
from exporters.reading.errors import NoReportError
from exporters.reading.grid_report import fill_values, read_grids
from model.formats import load_format
from model.ideographs import unify
from model.report import Report
from model.rules import Finding

_ANY_YEAR = re.compile(r"((?:19|20)\d\d)年")
_PERIOD = re.compile(r"((?:19|20)\d\d)年0?1月0?1日")


@dataclass(frozen=True)
class Block:
    """A paragraph (``text``) or a table (``grid``) of the document body, in order."""

    text: str = ""
    grid: list[list[str]] | None = None

    @property
    def is_table(self) -> bool:
        return self.grid is not None


def unified(block: Block) -> Block:
    """The block with radicals and compatibility ideographs as the ideographs they stand for (``model.ideographs``:
    PDFs made elsewhere name 「民」 as 「⺠」); full-width punctuation stays."""
    if block.grid is None:
        return Block(unify(block.text))
    return Block(grid=[[unify(cell) for cell in row] for row in block.grid])


def report_from_blocks(blocks: list[Block], name: str = "") -> tuple[Report, list[Finding]]:
    """Assemble the report from the body: title, tables by their labels, prose by its headings."""
    blocks = [unified(b) for b in blocks]
    paragraphs = [b.text for b in blocks if not b.is_table]
    findings: list[Finding] = []
    printed = find_title(paragraphs)
    title = (printed[0], printed[1]) if printed else title_from_name(name)
    if title is None or not title[0]:
        findings.append(
            Finding(
                "DOC-TITLE",
                "warning",
                "没有找到报告标题“××（机关）××年政府信息公开工作年度报告”，机关名称或年度可能不准确",
            )
        )
    agency, year = title if title else ("", None)
    if year is None:  # the statistical period 「…为2025年1月1日至…」, else the first year named near the top
        top = flat("".join(paragraphs[:10]))
        period = _PERIOD.search(top)
        years = _ANY_YEAR.findall(top)
        year = int(period.group(1)) if period else int(years[0]) if years else None
    grids = [b.grid for b in blocks if b.grid is not None]
    reading = read_grids(grids, year)
    if not reading.tables:
        raise NoReportError(
            "文档中没有找到年度报告的统计表（主动公开、依申请公开、复议诉讼情况），不是政府信息公开工作年度报告"
        )
    fmt = load_format(reading.format_id)
    if year is None:
        year = fmt.years[0]
    report = Report.new(year, agency, level_from_agency(agency), reading.format_id)
    text = read_sections([None if b.is_table else b.text for b in blocks], fmt, agency)
    report.prose.update(text.prose)
    report.contact = read_contact(text.opening)
    report.printed_title = printed[2] if printed else ""  # title and opening as printed: model/hygiene.py
    report.opening = text.opening
    fill_values(report, reading.texts)
    return report, findings + reading.findings
