"""Typography of the Word report: fonts (configurable, with fallbacks), sizes, page geometry, style ids."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from xml.sax.saxutils import quoteattr

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from model import typeset as ts

TWIPS_PER_MM = 1440 / 25.4
TWIPS_PER_PT = 20


def mm(value: float) -> int:
    """Millimetres in twips (twentieths of a point)."""
    return round(value * TWIPS_PER_MM)


# Page (GB/T 9704 as used by published reports, model/typeset.py): A4, top 37, left 28, right 26, bottom 35 mm.
PAGE_WIDTH, PAGE_HEIGHT = mm(ts.PAGE_MM[0]), mm(ts.PAGE_MM[1])
MARGIN_TOP, MARGIN_BOTTOM = mm(ts.MARGINS_MM["top"]), mm(ts.MARGINS_MM["bottom"])
MARGIN_LEFT, MARGIN_RIGHT = mm(ts.MARGINS_MM["left"]), mm(ts.MARGINS_MM["right"])
FOOTER_DISTANCE = mm(ts.FOOTER_MM)
HEADER_DISTANCE = mm(ts.HEADER_MM)
LANDSCAPE_MARGINS = {side: mm(value) for side, value in ts.LANDSCAPE_MARGINS_MM.items()}
PORTRAIT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
LANDSCAPE_WIDTH = PAGE_HEIGHT - LANDSCAPE_MARGINS["left"] - LANDSCAPE_MARGINS["right"]
# 22 lines in the 225 mm type area: 28.95 pt, "fixed line spacing 28–29 pt".
BODY_LINE = round(ts.BODY_LINE_PT * TWIPS_PER_PT)
BODY_PT, TITLE_PT, PAGE_NUMBER_PT = ts.BODY_PT, ts.TITLE_PT, ts.PAGE_NUMBER_PT  # 三号, 二号, 四号
TABLE_PT, TABLE_SMALL_PT = ts.TABLE_PT, ts.TABLE_SMALL_PT  # 五号, 小五
TABLE_CELL_MARGIN = mm(ts.TABLE_CELL_MARGIN_MM)
BODY_EM = round(BODY_PT * TWIPS_PER_PT)  # one character of body text
SIGNATURE_INDENT = PORTRAIT_WIDTH // 2  # the filed copy's signature block starts mid-line

# Style ids of the template (resources/report-template.docx).
BODY = "Normal"
TITLE = "ReportTitle"
HEADING = "Heading1"
SUBHEADING = "Heading2"
TABLE_TEXT = "TableText"
TABLE_TEXT_SMALL = "TableTextSmall"
FOOTER = "Footer"
TABLE_STYLE = "ReportTable"

# Font-table hints (PANOSE, charset, family, pitch) so Word and WPS substitute a like font when one is missing.
_HINTS = {
    "方正小标宋简体": ("03000509000000000000", "86", "script", "fixed"),
    "仿宋_GB2312": ("02010609030101010101", "86", "modern", "fixed"),
    "楷体_GB2312": ("02010609030101010101", "86", "modern", "fixed"),
    "仿宋": ("02010609060101010101", "86", "modern", "fixed"),
    "楷体": ("02010609060101010101", "86", "modern", "fixed"),
    "黑体": ("02010609060101010101", "86", "modern", "fixed"),
    "宋体": ("02010600030101010101", "86", "auto", "variable"),
    "Times New Roman": ("02020603050405020304", "00", "roman", "variable"),
}
_DEFAULT_HINT = ("02010600030101010101", "86", "auto", "variable")


def _standard_fallbacks() -> dict[str, str]:
    return {"方正小标宋简体": "宋体,SimSun", "仿宋_GB2312": "仿宋,FangSong", "楷体_GB2312": "楷体,KaiTi"}


@dataclass(frozen=True)
class DocxFonts:
    """Font names for each part of the report; ``fallbacks`` name the font Word/WPS should use when one is missing.

    The defaults are the names of the published convention (the 公文 font set installed on most government PCs).
    A stock Windows 10/11 has 仿宋, 楷体, 黑体 and 宋体 but not the _GB2312 variants or 方正小标宋简体: the font table
    names those as the alternatives (``w:altName``, a comma-separated list, Chinese and English names) with PANOSE
    hints; ECMA-376 §17.8.3.1 has applications try the alternatives before substituting by metrics (LibreOffice, as
    checked here, does not: it falls back through fontconfig). ``DocxFonts.windows()`` uses the stock Windows names
    outright, for a clerk who wants the same look everywhere without installing fonts.
    """

    title: str = "方正小标宋简体"
    body: str = "仿宋_GB2312"
    heading: str = "黑体"
    subheading: str = "楷体_GB2312"
    table: str = "宋体"
    page_number: str = "宋体"
    latin: str = "Times New Roman"
    fallbacks: dict[str, str] = field(default_factory=_standard_fallbacks, hash=False)

    @classmethod
    def windows(cls) -> DocxFonts:
        """Only fonts that ship with every Chinese Windows 10/11."""
        return cls(title="宋体", body="仿宋", subheading="楷体", fallbacks={})

    def by_style(self) -> dict[str, tuple[str, str]]:
        """The (East Asian, Latin) fonts of each template style; page numbers are all in one font (宋体)."""
        latin = self.latin
        return {
            BODY: (self.body, latin),
            TITLE: (self.title, latin),
            HEADING: (self.heading, latin),
            SUBHEADING: (self.subheading, latin),
            TABLE_TEXT: (self.table, latin),
            TABLE_TEXT_SMALL: (self.table, latin),
            FOOTER: (self.page_number, self.page_number),
        }

    def names(self) -> list[str]:
        """Every font the document uses, each once."""
        seen: list[str] = []
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, str) and value not in seen:
                seen.append(value)
        return seen


def rfonts_xml(east_asia: str, latin: str) -> str:
    """A ``w:rFonts`` element naming the Chinese font through ``w:eastAsia`` and the Latin one for the rest."""
    lat = quoteattr(latin)
    return f'<w:rFonts w:ascii={lat} w:hAnsi={lat} w:cs={lat} w:eastAsia={quoteattr(east_asia)} w:hint="eastAsia"/>'


def set_rfonts(rpr: etree._Element, east_asia: str, latin: str) -> None:
    """Set the fonts of a ``w:rPr`` (of a style or the document defaults), dropping any theme fonts."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    for attr in list(rfonts.attrib):
        if attr.endswith("Theme"):
            del rfonts.attrib[attr]
    for name in ("w:ascii", "w:hAnsi", "w:cs"):
        rfonts.set(qn(name), latin)
    rfonts.set(qn("w:eastAsia"), east_asia)
    rfonts.set(qn("w:hint"), "eastAsia")


def font_table_xml(fonts: DocxFonts) -> bytes:
    """The document's font table: every font used, with its fallback and substitution hints."""
    entries = []
    for name in fonts.names():
        panose, charset, family, pitch = _HINTS.get(name, _DEFAULT_HINT)
        alt = fonts.fallbacks.get(name)
        alt_xml = f"<w:altName w:val={quoteattr(alt)}/>" if alt else ""
        entries.append(
            f'<w:font w:name={quoteattr(name)}>{alt_xml}<w:panose1 w:val="{panose}"/>'
            f'<w:charset w:val="{charset}"/><w:family w:val="{family}"/>'
            f'<w:pitch w:val="{pitch}"/></w:font>'
        )
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        + "".join(entries)
        + "</w:fonts>"
    ).encode("utf-8")


def apply_fonts(document: Document, fonts: DocxFonts) -> None:
    """Put the chosen fonts into the document defaults, the template styles and the font table."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            set_rfonts(rpr, fonts.body, fonts.latin)
    wanted = fonts.by_style()
    for style in styles.iterfind(qn("w:style")):
        pair = wanted.get(style.get(qn("w:styleId")))
        if pair is None:
            continue
        rpr = style.find(qn("w:rPr"))
        if rpr is None:
            rpr = style.makeelement(qn("w:rPr"), {})
            style.append(rpr)
        set_rfonts(rpr, *pair)
    part = document.part
    for rel in part.rels.values():
        if rel.reltype == RT.FONT_TABLE and not rel.is_external:
            rel.target_part._blob = font_table_xml(fonts)
