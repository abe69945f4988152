"""Build resources/report-template.docx, the one place the Word report's styles live: `python3 -m exporters.docx.make_template`."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Twips

from exporters.docx import style as st

TEMPLATE = Path(__file__).resolve().parents[2] / "resources" / "report-template.docx"
_FIXED_DATE = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
_DROPPED = ("stylesWithEffects", "customXml", "thumbnail", "webSettings")


def _half_points(pt: float) -> str:
    return str(round(pt * 2))


def _size(pt: float) -> str:
    return f'<w:sz w:val="{_half_points(pt)}"/><w:szCs w:val="{_half_points(pt)}"/>'


_NO_INDENT = '<w:ind w:firstLine="0" w:firstLineChars="0"/>'
_SINGLE = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'


def _paragraph_style(
    style_id: str, name: str, ppr: str, rpr: str, based_on: str | None = "Normal", extra: str = ""
) -> str:
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    custom = ' w:customStyle="1"' if style_id in (st.TITLE, st.TABLE_TEXT, st.TABLE_TEXT_SMALL) else ""
    default = ' w:default="1"' if style_id == st.BODY else ""
    return (
        f'<w:style w:type="paragraph"{default}{custom}'
        f' w:styleId="{style_id}"><w:name w:val="{name}"/>{based}<w:next w:val="Normal"/>{extra}<w:qFormat/>'
        f"<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )


def styles_xml(fonts: st.DocxFonts) -> str:
    """Every style of the report, with no theme fonts: body, title, two heading levels, table text, footer."""
    latin = fonts.latin
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    margins = (
        f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{st.TABLE_CELL_MARGIN}" w:type="dxa"/>'
        f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{st.TABLE_CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>'
    )
    body_ppr = (
        f'<w:spacing w:before="0" w:after="0" w:line="{st.BODY_LINE}" w:lineRule="exact"/>'
        '<w:ind w:firstLine="640" w:firstLineChars="200"/><w:jc w:val="both"/>'
    )
    table_ppr = f'<w:snapToGrid w:val="0"/>{_SINGLE}{_NO_INDENT}<w:jc w:val="center"/>'
    styles = [
        _paragraph_style(
            st.BODY,
            "Normal",
            f'<w:widowControl w:val="0"/>{body_ppr}',
            st.rfonts_xml(fonts.body, latin) + _size(st.BODY_PT),
            based_on=None,
        ),
        _paragraph_style(
            st.TITLE,
            "报告标题",
            '<w:keepNext/><w:keepLines/><w:spacing w:before="0" w:after="579" w:line="700"'
            f' w:lineRule="exact"/>{_NO_INDENT}<w:jc w:val="center"/><w:outlineLvl w:val="0"/>',
            st.rfonts_xml(fonts.title, latin) + _size(st.TITLE_PT),
        ),
        _paragraph_style(
            st.HEADING,
            "heading 1",
            '<w:keepNext/><w:keepLines/><w:outlineLvl w:val="0"/>',
            st.rfonts_xml(fonts.heading, latin) + '<w:b w:val="0"/>' + _size(st.BODY_PT),
            extra='<w:uiPriority w:val="9"/>',
        ),
        _paragraph_style(
            st.SUBHEADING,
            "heading 2",
            '<w:keepNext/><w:keepLines/><w:outlineLvl w:val="1"/>',
            st.rfonts_xml(fonts.subheading, latin) + '<w:b w:val="0"/>' + _size(st.BODY_PT),
            extra='<w:uiPriority w:val="9"/>',
        ),
        _paragraph_style(
            st.TABLE_TEXT, "表格文字", table_ppr, st.rfonts_xml(fonts.table, latin) + _size(st.TABLE_PT)
        ),
        _paragraph_style(
            st.TABLE_TEXT_SMALL,
            "表格文字（小）",
            table_ppr,
            st.rfonts_xml(fonts.table, latin) + _size(st.TABLE_SMALL_PT),
        ),
        _paragraph_style(
            st.FOOTER,
            "footer",
            f'{_SINGLE}{_NO_INDENT}<w:jc w:val="center"/>',
            st.rfonts_xml(fonts.page_number, fonts.page_number) + _size(st.PAGE_NUMBER_PT),
            extra='<w:uiPriority w:val="99"/><w:unhideWhenUsed/>',
        ),
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
        f"{margins}</w:tblPr></w:style>",
        f'<w:style w:type="table" w:customStyle="1" w:styleId="{st.TABLE_STYLE}"><w:name w:val="报告表格"/>'
        f'<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:pPr>{table_ppr}</w:pPr>'
        f'<w:tblPr><w:jc w:val="center"/><w:tblBorders>{borders}</w:tblBorders>{margins}</w:tblPr></w:style>',
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
    ]
    defaults = (
        f"<w:docDefaults><w:rPrDefault><w:rPr>{st.rfonts_xml(fonts.body, latin)}{_size(st.BODY_PT)}"
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="0"/></w:pPr></w:pPrDefault></w:docDefaults>'
    )
    return f"<w:styles {nsdecls('w')}>{defaults}{''.join(styles)}</w:styles>"


def _page_number_xml() -> str:
    def run(inner: str) -> str:
        return f"<w:r>{inner}</w:r>"

    return (
        f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="{st.FOOTER}"/></w:pPr>'
        + run('<w:t xml:space="preserve">— </w:t>')
        + run('<w:fldChar w:fldCharType="begin"/>')
        + run('<w:instrText xml:space="preserve"> PAGE </w:instrText>')
        + run('<w:fldChar w:fldCharType="separate"/>')
        + run("<w:t>1</w:t>")
        + run('<w:fldChar w:fldCharType="end"/>')
        + run('<w:t xml:space="preserve"> —</w:t>')
        + "</w:p>"
    )


def _drop_extras(document: DocumentObject) -> None:
    for owner in (document.part, document.part.package):
        for rel_id, rel in list(owner.rels.items()):
            if any(word in rel.reltype for word in _DROPPED):
                owner.rels.pop(rel_id)


def _settings(document: DocumentObject) -> None:
    settings = document.settings.element
    for child in settings.findall(qn("w:rsids")):
        settings.remove(child)
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")


def _page_setup(document: DocumentObject) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Twips(st.PAGE_WIDTH), Twips(st.PAGE_HEIGHT)
    section.top_margin, section.bottom_margin = Twips(st.MARGIN_TOP), Twips(st.MARGIN_BOTTOM)
    section.left_margin, section.right_margin = Twips(st.MARGIN_LEFT), Twips(st.MARGIN_RIGHT)
    section.header_distance, section.footer_distance = Twips(st.HEADER_DISTANCE), Twips(st.FOOTER_DISTANCE)
    sect_pr = section._sectPr
    for attr in list(sect_pr.attrib):
        del sect_pr.attrib[attr]
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is not None:
        grid.set(qn("w:linePitch"), str(st.BODY_LINE))
    footer = section.footer
    footer.is_linked_to_previous = False
    element = footer._element
    for p in element.findall(qn("w:p")):
        element.remove(p)
    element.append(parse_xml(_page_number_xml()))


def build_template() -> DocumentObject:
    """A python-docx Document holding the report's styles, page setup and page-number footer, and no content."""
    document = Document()
    document.part._styles_part._element = parse_xml(styles_xml(st.DocxFonts()))
    _drop_extras(document)
    _settings(document)
    _page_setup(document)
    st.apply_fonts(document, st.DocxFonts())
    core = document.core_properties
    core.author, core.last_modified_by, core.comments = "年报助手", "年报助手", ""
    core.title, core.revision = "政府信息公开工作年度报告", 1
    core.created = core.modified = _FIXED_DATE
    return document


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else TEMPLATE
    build_template().save(str(target))
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
