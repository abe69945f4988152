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
from exporters.docx.tables import table_xml
from exporters.kinds import ExportOptions
from model import atomic
from model import typeset as ts
from model.document import Heading, Paragraph, ReportDocument, Table, report_document
from model.report import Report

TEMPLATE_NAME = "report-template.docx"
PORTRAIT_WIDTH, LANDSCAPE_WIDTH = st.PORTRAIT_WIDTH, st.LANDSCAPE_WIDTH
LANDSCAPE_MARGINS = st.LANDSCAPE_MARGINS

__all__ = ["DocxFonts", "DocxLayout", "build_document", "write_docx"]

_NO_INDENT = '<w:ind w:firstLine="0" w:firstLineChars="0"'
# How the document's paragraph styles (model/document.py) are set: the template style and what its w:pPr adds.
_PARAGRAPHS = {
    "body": (st.BODY, ""),
    "subheading": (st.SUBHEADING, ""),
    "contact": (st.BODY, '<w:jc w:val="left"/>'),  # one line each, flush left, not justified
    # the 落款: unit and date on the right, two characters in from the margin
    "sign_off": (st.BODY, f'{_NO_INDENT} w:right="{2 * st.BODY_EM}"/><w:jc w:val="right"/>'),
    # the signature block of the filed copy: from the middle of the line, room to sign and seal
    "signature": (st.BODY, f'{_NO_INDENT} w:left="{st.SIGNATURE_INDENT}"/><w:jc w:val="left"/>'),
}


@dataclass(frozen=True)
class DocxLayout:
    """Layout choices: a table with at least ``landscape_columns`` grid columns (table 四) gets a landscape page,
    unless ``portrait_when_fits`` and its columns fit a portrait page at 小五 (as most published reports print it)."""

    landscape_columns: int = ts.LANDSCAPE_COLUMNS
    portrait_when_fits: bool = True


@cache
def template_bytes() -> bytes:
    return resources.files("resources").joinpath(TEMPLATE_NAME).read_bytes()


def _run(text: str, fonts: tuple[str, str] | None = None) -> str:
    rpr = f"<w:rPr>{st.rfonts_xml(*fonts)}</w:rPr>" if fonts else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{xml_text(text)}</w:t></w:r>'


class _Builder:
    """Appends the document's blocks to the body of a document opened from the template."""

    def __init__(self, document: DocumentObject, fonts: DocxFonts) -> None:
        self.document, self.fonts = document, fonts
        body = document.element.body
        self.body = body
        self.sentinel = body.find(qn("w:sectPr"))
        self.first_closing: Paragraph | None = None

    def append(self, xml: str) -> None:
        element = parse_xml(xml)
        if self.sentinel is not None:
            self.sentinel.addprevious(element)
        else:
            self.body.append(element)

    def paragraph(self, style: str, runs: str, properties: str = "") -> None:
        self.append(f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="{style}"/>{properties}</w:pPr>{runs}</w:p>')

    def title(self, lines: tuple[str, ...]) -> None:
        inner = "<w:br/>".join(f'<w:t xml:space="preserve">{xml_text(line)}</w:t>' for line in lines)
        self.paragraph(st.TITLE, f"<w:r>{inner}</w:r>")

    def text(self, paragraph: Paragraph) -> None:
        style, properties = _PARAGRAPHS[paragraph.style]
        runs = _run(paragraph.text)
        if paragraph.lead:  # 「（一）主动公开。」 in 楷体, then the text in the body font, as published
            runs = _run(paragraph.lead, (self.fonts.subheading, self.fonts.latin)) + runs
        if paragraph.style in ("sign_off", "signature") and paragraph is self.first_closing:
            properties = f'<w:spacing w:before="{2 * st.BODY_LINE}"/>{properties}'
        self.paragraph(style, runs, properties)

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

    def build(self, described: ReportDocument) -> None:
        self.first_closing = described.closing[0] if described.closing else None
        self.title(described.title)
        blocks = described.every_block()
        for index, block in enumerate(blocks):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if isinstance(block, Heading):
                if isinstance(following, Table) and following.plan.landscape:
                    self._new_section(landscape=True)  # the heading goes with its table
                self.paragraph(st.HEADING, _run(block.text))
            elif isinstance(block, Table):
                self.append(table_xml(block))
                if block.plan.landscape:
                    self._new_section(landscape=False)
            else:
                self.text(block)


CORE_CHARS = 255  # python-docx refuses a longer core property (title, author)


def _properties(document: DocumentObject, described: ReportDocument) -> None:
    core = document.core_properties
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    core.title = prose.clean_text(described.name)[:CORE_CHARS]  # a name over the limit would stop the export
    core.subject = described.subject
    core.author = core.last_modified_by = prose.clean_text(described.author)[:CORE_CHARS]
    core.category = described.category
    core.keywords = described.keywords
    core.created = core.modified = now
    core.revision = 1


def describe(report: Report, layout: DocxLayout | None = None, closing: str = "none") -> ReportDocument:
    """The report as the document every export prints (model/document.py), with the Word layout's choices."""
    layout = layout or DocxLayout()
    return report_document(
        report,
        closing,
        landscape_columns=layout.landscape_columns,
        portrait_when_fits=layout.portrait_when_fits,
    )


def build_document(
    report: Report | ReportDocument, fonts: DocxFonts | None = None, layout: DocxLayout | None = None
) -> DocumentObject:
    """The report (or its document) as a python-docx document opened from the template in resources/."""
    described = report if isinstance(report, ReportDocument) else describe(report, layout)
    document = Document(io.BytesIO(template_bytes()))
    fonts = fonts or DocxFonts()
    st.apply_fonts(document, fonts)
    _Builder(document, fonts).build(described)
    _properties(document, described)
    return document


def write_docx(
    report: Report | ReportDocument,
    path: str | os.PathLike[str],
    fonts: DocxFonts | None = None,
    layout: DocxLayout | None = None,
) -> None:
    """Write the report as a .docx; the file is replaced only once the new one is complete (model/atomic.py)."""
    data = io.BytesIO()
    build_document(report, fonts, layout).save(data)
    atomic.write(Path(path), data.getvalue())


def export(report: Report, path: str | os.PathLike[str], options: ExportOptions) -> None:
    """The registry's writer (exporters/kinds.py): the Word report in the fonts the user chose, published or filed
    (the 落款 and signature block, ``options.closing``)."""
    described = describe(report, closing=options.closing)
    write_docx(described, path, DocxFonts.windows() if options.windows_fonts else None)
