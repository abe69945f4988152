"""Write a report as the Word document agencies publish: title, opening paragraph, six sections, tables 二、三、四."""

from __future__ import annotations

import datetime as dt
import io
import os
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Twips

from exporters.docx import prose
from exporters.docx import style as st
from exporters.docx.prose import xml_text
from exporters.docx.style import DocxFonts
from exporters.docx.tables import plan_table, table_texts, table_xml
from exporters.kinds import ExportOptions
from model import atomic
from model.formats import SectionSpec
from model.report import Report

TEMPLATE_NAME = "report-template.docx"
PORTRAIT_WIDTH = st.PAGE_WIDTH - st.MARGIN_LEFT - st.MARGIN_RIGHT
# A landscape page turns the portrait margins: 37 mm on the binding (left) side, 35 mm for the page number.
LANDSCAPE_MARGINS = {"top": st.mm(28), "bottom": st.mm(35), "left": st.mm(37), "right": st.mm(35)}
LANDSCAPE_WIDTH = st.PAGE_HEIGHT - LANDSCAPE_MARGINS["left"] - LANDSCAPE_MARGINS["right"]

__all__ = ["DocxFonts", "DocxLayout", "build_document", "write_docx"]


@dataclass(frozen=True)
class DocxLayout:
    """Layout choices: tables with at least ``landscape_columns`` grid columns get a landscape page (table 四)."""

    landscape_columns: int = 12


@cache
def template_bytes() -> bytes:
    return resources.files("resources").joinpath(TEMPLATE_NAME).read_bytes()


def _run(text: str, fonts: tuple[str, str] | None = None) -> str:
    rpr = f"<w:rPr>{st.rfonts_xml(*fonts)}</w:rPr>" if fonts else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{xml_text(text)}</w:t></w:r>'


class _Builder:
    """Appends the report's blocks to the body of a document opened from the template."""

    def __init__(
        self, document: DocumentObject, report: Report, fonts: DocxFonts, layout: DocxLayout
    ) -> None:
        self.document, self.report, self.fonts, self.layout = document, report, fonts, layout
        body = document.element.body
        self.body = body
        self.sentinel = body.find(qn("w:sectPr"))

    def append(self, xml: str) -> None:
        element = parse_xml(xml)
        if self.sentinel is not None:
            self.sentinel.addprevious(element)
        else:
            self.body.append(element)

    def paragraph(self, style: str, runs: str, align: str = "") -> None:
        jc = f'<w:jc w:val="{align}"/>' if align else ""
        self.append(f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="{style}"/>{jc}</w:pPr>{runs}</w:p>')

    def title(self) -> None:
        lines = prose.title_lines(self.report)
        inner = "<w:br/>".join(f'<w:t xml:space="preserve">{xml_text(line)}</w:t>' for line in lines)
        self.paragraph(st.TITLE, f"<w:r>{inner}</w:r>")

    def prose(self, text: str) -> None:
        subheading = (self.fonts.subheading, self.fonts.latin)
        for kind, line in prose.prose_blocks(text):
            if kind == "body":
                self.paragraph(st.BODY, _run(line))
                continue
            heading, rest = prose.split_subheading(line)
            if rest:  # 「（一）主动公开。」 in 楷体, then the text in the body font, as published
                self.paragraph(st.BODY, _run(heading, subheading) + _run(rest))
            else:
                self.paragraph(st.SUBHEADING, _run(heading))

    def section(self, section: SectionSpec) -> None:
        if section.kind != "table":
            self.paragraph(st.HEADING, _run(section.heading))
            self.prose(self.report.prose.get(section.key, ""))
            return
        table = self.report.fmt.table(section.key)
        texts = table_texts(table, self.report)
        plan = plan_table(table, texts, PORTRAIT_WIDTH, LANDSCAPE_WIDTH, self.layout.landscape_columns)
        if plan.landscape:
            self._new_section(landscape=True)
        self.paragraph(st.HEADING, _run(section.heading))
        self.append(table_xml(table, texts, plan))
        if plan.landscape:
            self._new_section(landscape=False)

    def _new_section(self, landscape: bool) -> None:
        new = self.document.add_section(WD_SECTION.NEW_PAGE)
        if landscape:
            new.orientation = WD_ORIENT.LANDSCAPE
            new.page_width, new.page_height = Twips(st.PAGE_HEIGHT), Twips(st.PAGE_WIDTH)
            margins = LANDSCAPE_MARGINS
        else:
            new.orientation = WD_ORIENT.PORTRAIT
            new.page_width, new.page_height = Twips(st.PAGE_WIDTH), Twips(st.PAGE_HEIGHT)
            margins = {
                "top": st.MARGIN_TOP,
                "bottom": st.MARGIN_BOTTOM,
                "left": st.MARGIN_LEFT,
                "right": st.MARGIN_RIGHT,
            }
        new.top_margin, new.bottom_margin = Twips(margins["top"]), Twips(margins["bottom"])
        new.left_margin, new.right_margin = Twips(margins["left"]), Twips(margins["right"])

    def build(self) -> None:
        self.title()
        opening, *contact = prose.opening_paragraphs(self.report)
        self.paragraph(st.BODY, _run(opening))
        for text in contact:  # one line each, flush left, not justified
            self.paragraph(st.BODY, _run(text), "left")
        for section in self.report.fmt.sections:
            self.section(section)


def _properties(document: DocumentObject, report: Report) -> None:
    core = document.core_properties
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    core.title = prose.clean_text(report.title)
    core.subject = f"{report.year}年政府信息公开工作年度报告"
    core.author = core.last_modified_by = prose.clean_text(report.agency) or "年报助手"
    core.category = report.fmt.name
    core.keywords = f"政府信息公开工作年度报告;{report.fmt.notice}"
    core.created = core.modified = now
    core.revision = 1


def build_document(
    report: Report, fonts: DocxFonts | None = None, layout: DocxLayout | None = None
) -> DocumentObject:
    """The report as a python-docx document opened from the template in resources/."""
    document = Document(io.BytesIO(template_bytes()))
    fonts = fonts or DocxFonts()
    st.apply_fonts(document, fonts)
    _Builder(document, report, fonts, layout or DocxLayout()).build()
    _properties(document, report)
    return document


def write_docx(
    report: Report,
    path: str | os.PathLike[str],
    fonts: DocxFonts | None = None,
    layout: DocxLayout | None = None,
) -> None:
    """Write the report as a .docx; the file is replaced only once the new one is complete (model/atomic.py)."""
    data = io.BytesIO()
    build_document(report, fonts, layout).save(data)
    atomic.write(Path(path), data.getvalue())


def export(report: Report, path: str | os.PathLike[str], options: ExportOptions) -> None:
    """The registry's writer (exporters/kinds.py): the published Word report, in the fonts the user chose."""
    write_docx(report, path, DocxFonts.windows() if options.windows_fonts else None)
