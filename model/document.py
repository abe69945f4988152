"""The report as one document for every output — Word, PDF and print, the web page: the title, the opening, the
sections with their prose and tables (grids of cells with spans, alignment and widths from the format), and the
落款 and signature block of the filed copy (备案稿). Built once from a Report; the writers only typeset it."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from model import report_text as rt
from model import typeset as ts
from model.closings import CLOSINGS
from model.format_spec import TableSpec
from model.report import Report
from model.table_plan import TablePlan, plan_table, table_texts
from model.vocabulary import SIGNATURE

STYLES = ("body", "subheading", "contact", "sign_off", "signature")


@dataclass(frozen=True)
class Heading:
    """A section heading, 「一、总体情况」 (黑体)."""

    text: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: ``style`` one of STYLES; ``lead`` an inline sub-heading printed before ``text`` (楷体)."""

    text: str
    style: str = "body"
    lead: str = ""

    @property
    def full_text(self) -> str:
        return self.lead + self.text


@dataclass(frozen=True)
class Cell:
    """A table cell as printed: where it starts, what it spans, its text and how the text sits."""

    row: int
    col: int
    rowspan: int
    colspan: int
    text: str
    align: str  # "left" or "center" (TableSpec.align)
    header: bool  # in a header row (repeated on every page)
    value: bool  # a value's place (numbers)


@dataclass(frozen=True)
class Table:
    """One of tables 二、三、四 as a grid: ``cells`` in reading order, each once; ``plan`` its widths and size."""

    key: str
    heading: str
    columns: int
    rows: int
    header_rows: int
    cells: tuple[Cell, ...]
    plan: TablePlan

    def starting_in(self, row: int) -> list[Cell]:
        """The cells that start in a grid row, left to right."""
        return [cell for cell in self.cells if cell.row == row]

    def positions(self, row: int) -> Iterator[tuple[Cell, bool]]:
        """Every cell a grid row passes through, left to right, and whether it starts in that row (Word's vMerge)."""
        owners = {}
        for cell in self.cells:
            if cell.row <= row < cell.row + cell.rowspan:
                owners[cell.col] = cell
        for col in sorted(owners):
            yield owners[col], owners[col].row == row


Block = Heading | Paragraph | Table


@dataclass(frozen=True)
class ReportDocument:
    """Everything an output prints, in order, and the document's properties."""

    title: tuple[str, ...]  # the title's lines (broken after the agency's name when long)
    blocks: tuple[Block, ...]  # the opening, then each section's heading and its prose or table
    closing: tuple[Paragraph, ...]  # the 落款 and the signature block, when asked for
    name: str  # 「{机关}{年份}年政府信息公开工作年度报告」
    subject: str
    author: str
    category: str
    keywords: str

    def every_block(self) -> tuple[Block, ...]:
        return self.blocks + self.closing

    def tables(self) -> list[Table]:
        return [block for block in self.blocks if isinstance(block, Table)]


def web_closing(closing: str) -> str:
    """What the web version ends with: the 落款 when one is asked for, never the filed copy's signature block."""
    return "none" if closing == "none" else "sign_off"


def sign_off_date(date: datetime.date) -> str:
    """「2025年1月20日」, as a 落款 is dated."""
    return f"{date.year}年{date.month}月{date.day}日"


def closing_paragraphs(report: Report, closing: str, date: datetime.date) -> tuple[Paragraph, ...]:
    """The 落款 (unit, date) and, for the filed copy, the signature block (「单位负责人（签字）：」…)."""
    if closing not in CLOSINGS:
        raise ValueError(f"closing must be one of {CLOSINGS}, not {closing!r}")
    if closing == "none":
        return ()
    unit = report.agency.strip()
    sign_off = [Paragraph(text, "sign_off") for text in (unit, sign_off_date(date)) if text]
    if closing == "sign_off":
        return tuple(sign_off)
    return (*sign_off, *(Paragraph(line, "signature") for line in SIGNATURE))


def _prose(text: str) -> Iterator[Paragraph]:
    for kind, line in rt.prose_blocks(text):
        if kind == "body":
            yield Paragraph(line)
            continue
        heading, rest = rt.split_subheading(line)
        # 「（一）主动公开。」 in 楷体, then the text in the body font on the same line, as published
        yield Paragraph(rest, "body", heading) if rest else Paragraph(heading, "subheading")


def grid_table(
    spec: TableSpec,
    texts: dict[str, str],
    heading: str = "",
    landscape_columns: int = ts.LANDSCAPE_COLUMNS,
    portrait_when_fits: bool = True,
) -> Table:
    """A format's table with the printed texts of its value cells (``table_plan.table_texts``)."""
    cells = []
    for row in spec.rows:
        for cell in row.cells:
            text = texts.get(cell.cell_id, "") if cell.cell_id else cell.text
            spans = (cell.row, cell.col, cell.rowspan, cell.colspan)
            cells.append(Cell(*spans, text, spec.align(cell), row.role == "header", cell.is_value))
    plan = plan_table(spec, texts, landscape_columns, portrait_when_fits)
    return Table(spec.key, heading, spec.grid_columns, len(spec.rows), spec.header_rows, tuple(cells), plan)


def report_document(
    report: Report,
    closing: str = "none",
    date: datetime.date | None = None,
    landscape_columns: int = ts.LANDSCAPE_COLUMNS,
    portrait_when_fits: bool = True,
) -> ReportDocument:
    """The report as printed; ``date`` dates the 落款 (else the report's 落款日期, else today)."""
    opening, *contact = rt.opening_paragraphs(report)
    blocks: list[Block] = [Paragraph(opening), *(Paragraph(text, "contact") for text in contact)]
    for section in report.fmt.sections:
        blocks.append(Heading(section.heading))
        if section.kind == "table":
            spec = report.fmt.table(section.key)
            texts = table_texts(spec, report)
            blocks.append(grid_table(spec, texts, section.heading, landscape_columns, portrait_when_fits))
        else:
            blocks.extend(_prose(report.prose.get(section.key, "")))
    return ReportDocument(
        tuple(rt.title_lines(report)),
        tuple(blocks),
        closing_paragraphs(report, closing, date or report.sign_off_date or datetime.date.today()),
        report.title,
        f"{report.year}年政府信息公开工作年度报告",
        report.agency.strip() or "年报助手",
        report.fmt.name,
        f"政府信息公开工作年度报告;{report.fmt.notice}",
    )
