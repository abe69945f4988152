"""The Word export read back with python-docx: structure, merges, labels, values, typography, page setup."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Mm

from exporters.docx import style as st
from exporters.docx.prose import opening_text, prose_blocks, split_subheading, title_lines
from exporters.docx.writer import DocxFonts, DocxLayout, write_docx
from model.example import load_example
from model.report import Contact
from model.values import format_value
from tests.support.factories import full_2021

W_VAL = qn("w:val")


def varied_2021():
    """A 2021-format report with non-trivial values: zeros, blanks, an amount, a stated total, an inline sub-heading."""
    report = full_2021(2023, "某某市某某区人民政府办公室", "政府部门")
    report.set_value("t3.deny_secret.business", None)  # blank, must print blank
    report.set_value("t2.regulations.issued", None)
    report.stated["t4.cases.review_total"] = 5  # printed 5 although the parts sum to 3: printed as stated
    report.changed()
    report.prose["s1"] += (
        "\n（三）政府信息管理。健全保密审查机制，本年审查文件86件。\n\n　　段首带全角空格的段落。"
    )
    report.contact = Contact("区政府办公室", "", "", "0571-1234567", "", "http://www.example.gov.cn")
    return report


def _reports(example):
    return {"example": example, "2021": varied_2021()}


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """Both reports written once: {name: (report, path)}."""
    from model.example import load_example

    folder = tmp_path_factory.mktemp("docx")
    out = {}
    for name, report in _reports(load_example()).items():
        path = folder / f"{name}.docx"
        write_docx(report, path)
        out[name] = (report, path)
    return out


BOTH = pytest.mark.parametrize("name", ["example", "2021"])


def _grid(tbl):
    """{(row, col): (tc, colspan, vmerge)} of a ``w:tbl`` as Word lays it out from gridSpan."""
    grid = {}
    for r, tr in enumerate(tbl.findall(qn("w:tr"))):
        col = 0
        for tc in tr.findall(qn("w:tc")):
            pr = tc.find(qn("w:tcPr"))
            span = pr.find(qn("w:gridSpan"))
            colspan = int(span.get(W_VAL)) if span is not None else 1
            merge = pr.find(qn("w:vMerge"))
            vmerge = None if merge is None else (merge.get(W_VAL) or "continue")
            grid[(r, col)] = (tc, colspan, vmerge)
            col += colspan
    return grid


def _text(tc):
    return "".join(t.text or "" for t in tc.iter(qn("w:t")))


def _tables(name, written):
    report, path = written[name]
    document = Document(str(path))
    specs = [report.fmt.table(s.key) for s in report.fmt.sections if s.kind == "table"]
    return report, document, list(zip(specs, document.tables))


@BOTH
def test_three_tables_with_the_grid_of_the_format(name, written):
    report, document, pairs = _tables(name, written)
    assert len(document.tables) == 3
    for spec, table in pairs:
        tbl = table._tbl
        grid_cols = tbl.tblGrid.findall(qn("w:gridCol"))
        assert len(grid_cols) == spec.grid_columns
        assert len(tbl.findall(qn("w:tr"))) == len(spec.rows)
        assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        widths = [int(c.get(qn("w:w"))) for c in grid_cols]
        for tc in tbl.iter(qn("w:tc")):
            assert tc.tcPr.find(qn("w:tcW")).get(qn("w:type")) == "dxa"
        assert sum(widths) == int(tbl.tblPr.find(qn("w:tblW")).get(qn("w:w")))
        borders = tbl.tblPr.find(qn("w:tblBorders"))
        assert {b.get(W_VAL) for b in borders} == {"single"} and len(borders) == 6


@BOTH
def test_merges_labels_and_values_as_the_format_says(name, written):
    report, _, pairs = _tables(name, written)
    for spec, table in pairs:
        grid = _grid(table._tbl)
        widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        for row in spec.rows:
            for cell in row.cells:
                tc, colspan, vmerge = grid[(cell.row, cell.col)]
                assert colspan == cell.colspan, (spec.key, cell)
                assert int(tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) == sum(
                    widths[cell.col : cell.col + colspan]
                )
                if cell.rowspan > 1:
                    assert vmerge == "restart", (spec.key, cell)
                    for r in range(cell.row + 1, cell.row + cell.rowspan):
                        below, below_span, below_merge = grid[(r, cell.col)]
                        assert below_merge == "continue" and below_span == colspan and _text(below) == ""
                else:
                    assert vmerge is None, (spec.key, cell)
                if cell.cell_id:
                    value = report.effective(cell.cell_id)
                    assert _text(tc) == format_value(value, report.units.get(cell.cell_id))
                else:
                    assert _text(tc) == cell.text


def test_zero_prints_zero_blank_prints_blank_and_stated_totals_as_stated(written):
    report, _, pairs = _tables("2021", written)
    texts = {}
    for spec, table in pairs:
        grid = _grid(table._tbl)
        for cell in spec.cells:
            texts[cell.cell_id] = _text(grid[(cell.grid_row, cell.grid_col)][0])
    assert texts["t3.deny_secret.natural"] == "0"
    assert texts["t3.deny_secret.business"] == ""
    assert texts["t2.regulations.issued"] == ""
    assert texts["t2.fees.amount"] == "59237.2449"
    assert texts["t3.new.total"] == "47"
    assert texts["t4.cases.review_total"] == "5"  # as printed, not the computed 3
    assert texts["t4.cases.direct_total"] == "1"


def test_money_cell_keeps_its_unit_and_invalid_text_is_printed(tmp_path, example):
    example.set_value("t2.procurement.amount", Decimal("251000"), "元")
    example.set_value("t2.penalty.prev", None)
    example.invalid["t2.penalty.prev"] = "约200"
    path = tmp_path / "r.docx"
    write_docx(example, path)
    table = Document(str(path)).tables[0]
    spec = example.fmt.table("t2")
    grid = _grid(table._tbl)
    assert _text(grid[(spec.rows[-1].cells[-1].row, spec.rows[-1].cells[-1].col)][0]) == "251000元"
    prev = example.fmt.cells["t2.penalty.prev"]
    assert _text(grid[(prev.grid_row, prev.grid_col)][0]) == "约200"


@BOTH
def test_header_rows_repeat_and_rows_do_not_split(name, written):
    _, _, pairs = _tables(name, written)
    for spec, table in pairs:
        for index, tr in enumerate(table._tbl.findall(qn("w:tr"))):
            assert tr.trPr.find(qn("w:cantSplit")) is not None
            assert (tr.trPr.find(qn("w:tblHeader")) is not None) == (index < spec.header_rows)
    assert [spec.header_rows for spec, _ in pairs] == [0, 3, 3]


@BOTH
def test_a_table_keeps_together_when_it_fits_on_a_page(name, written):
    _, _, pairs = _tables(name, written)
    for _spec, table in pairs:
        rows = table._tbl.findall(qn("w:tr"))
        for index, tr in enumerate(rows):
            keeps = [p.find(qn("w:pPr")).find(qn("w:keepNext")) is not None for p in tr.iter(qn("w:p"))]
            assert all(keeps) if index < len(rows) - 1 else not any(keeps)


@BOTH
def test_title_opening_headings_and_prose(name, written):
    report, path = written[name]
    document = Document(str(path))
    paragraphs = document.paragraphs
    assert paragraphs[0].style.style_id == st.TITLE
    assert paragraphs[0].text.replace("\n", "") == report.title
    opening = paragraphs[1].text
    assert "《中华人民共和国政府信息公开条例》" in opening and report.fmt.notice in opening
    assert f"{report.year}年1月1日至12月31日" in opening
    headings = [p.text for p in paragraphs if p.style.style_id == st.HEADING]
    assert headings == [s.heading for s in report.fmt.sections]
    subheadings = [p.text for p in paragraphs if p.style.style_id == st.SUBHEADING]
    assert subheadings[:2] == ["（一）主动公开", "（二）依申请公开"]
    body = [p.text for p in paragraphs]
    for line in report.prose["s5"].splitlines():
        if line.strip():
            assert line.strip() in body
    assert document.core_properties.title == report.title


def test_inline_subheading_in_kaiti_and_leading_spaces_dropped(written):
    _, path = written["2021"]
    paragraphs = Document(str(path)).paragraphs
    inline = next(p for p in paragraphs if p.text.startswith("（三）政府信息管理。"))
    assert inline.style.style_id == st.BODY
    first = inline.runs[0]._r.rPr.find(qn("w:rFonts"))
    assert first.get(qn("w:eastAsia")) == "楷体_GB2312"
    assert inline.runs[1].text.startswith("健全保密审查机制")
    assert any(p.text == "段首带全角空格的段落。" for p in paragraphs)


def test_opening_paragraph_skips_blank_contact_fields():
    report = varied_2021()
    text = opening_text(report)
    assert "区政府办公室" in text and "电话：0571-1234567" in text
    assert "地址" not in text and "邮编" not in text and "电子邮箱" not in text
    assert "http://www.example.gov.cn" in text
    assert "“总体情况”" in text and "六个部分" in text
    report.contact = Contact()
    report.agency = ""
    text = opening_text(report)
    assert "（" not in text.split("。")[-2] and "统计期限为2023年1月1日至12月31日" in text


def test_prose_split_and_title_lines():
    assert prose_blocks("（一）主动公开\n\n正文。\n（十二）其他") == [
        ("subheading", "（一）主动公开"),
        ("body", "正文。"),
        ("subheading", "（十二）其他"),
    ]
    assert prose_blocks("") == []
    assert split_subheading("（一）主动公开。本年公开。") == ("（一）主动公开。", "本年公开。")
    assert split_subheading("（一）主动公开") == ("（一）主动公开", "")
    report = varied_2021()
    assert title_lines(report) == ["某某市某某区人民政府办公室", "2023年政府信息公开工作年度报告"]
    report.agency = "某某局"
    assert title_lines(report) == ["某某局2023年政府信息公开工作年度报告"]


def _styles_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/styles.xml").decode("utf-8")


@BOTH
def test_fonts_through_east_asia_and_no_theme_fonts(name, written):
    _, path = written[name]
    xml = _styles_xml(path)
    assert "Theme" not in xml  # no w:asciiTheme / w:eastAsiaTheme / w:hAnsiTheme
    document = Document(str(path))
    expected = DocxFonts().by_style()
    for style_id, (east_asia, latin) in expected.items():
        rfonts = document.styles.element.xpath(f'w:style[@w:styleId="{style_id}"]/w:rPr/w:rFonts')[0]
        assert rfonts.get(qn("w:eastAsia")) == east_asia
        assert rfonts.get(qn("w:ascii")) == latin
    assert document.styles.default(WD_STYLE_TYPE.PARAGRAPH).style_id == st.BODY
    defaults = document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts")[0]
    assert defaults.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert defaults.get(qn("w:ascii")) == "Times New Roman"
    with zipfile.ZipFile(path) as archive:
        fonts = archive.read("word/fontTable.xml").decode("utf-8")
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋,FangSong"/>' in fonts


def test_fonts_are_configurable(tmp_path, example):
    path = tmp_path / "w.docx"
    write_docx(example, path, fonts=DocxFonts.windows())
    document = Document(str(path))
    normal = document.styles.element.xpath('w:style[@w:styleId="Normal"]/w:rPr/w:rFonts')[0]
    assert normal.get(qn("w:eastAsia")) == "仿宋"
    with zipfile.ZipFile(path) as archive:
        fonts = archive.read("word/fontTable.xml").decode("utf-8")
    assert "altName" not in fonts and "仿宋_GB2312" not in fonts
    assert "Theme" not in _styles_xml(path)


@BOTH
def test_page_setup_and_table_four_portrait_at_the_small_size(name, written):
    """Table 四's 15 columns fit the portrait text width at 小五, as most published reports print it: one section."""
    _, path = written[name]
    document = Document(str(path))
    (section,) = document.sections
    _assert_portrait_a4(section)
    assert "PAGE" in "".join(section.footer._element.itertext())
    widths = [
        sum(int(c.get(qn("w:w"))) for c in t._tbl.tblGrid.findall(qn("w:gridCol"))) for t in document.tables
    ]
    text_width = st.PAGE_WIDTH - st.MARGIN_LEFT - st.MARGIN_RIGHT
    assert widths == [text_width] * 3
    four = document.tables[2]._tbl
    styles = {p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(W_VAL) for p in four.iter(qn("w:p"))}
    assert styles == {st.TABLE_TEXT_SMALL}


def test_landscape_section_for_table_four_when_its_columns_do_not_fit(tmp_path, example):
    for cell in example.fmt.table("t4").cells:  # five-digit figures: 15 columns no longer fit a portrait page
        if not example.fmt.is_computed(cell.cell_id):
            example.set_value(cell.cell_id, 12345)
    example.stated.clear()
    example.changed()
    path = tmp_path / "wide.docx"
    write_docx(example, path)
    _assert_landscape_middle(Document(str(path)))
    path = tmp_path / "forced.docx"
    write_docx(load_example(), path, layout=DocxLayout(portrait_when_fits=False))
    _assert_landscape_middle(Document(str(path)))


def _assert_portrait_a4(section):
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.left_margin, section.right_margin, section.bottom_margin)
    assert [round(x.mm) for x in margins] == [37, 28, 26, 35]


def _assert_landscape_middle(document):
    sections = document.sections
    assert len(sections) == 3
    first, middle, last = sections
    for section in (first, last):
        _assert_portrait_a4(section)
    assert middle.orientation == WD_ORIENT.LANDSCAPE
    assert (round(middle.page_width.mm), round(middle.page_height.mm)) == (297, 210)
    # the page-number footer is defined once and inherited by the later sections
    assert "PAGE" in "".join(first.footer._element.itertext())
    assert middle.footer.is_linked_to_previous and last.footer.is_linked_to_previous
    body = document.element.body
    order = [child.tag for child in body]
    tables = [i for i, tag in enumerate(order) if tag == qn("w:tbl")]
    breaks = [i for i, child in enumerate(body) if child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None]
    assert breaks[0] < tables[2] < breaks[1]  # table 四 alone in the landscape section
    assert tables[1] < breaks[0]
    widths = [
        sum(int(c.get(qn("w:w"))) for c in t._tbl.tblGrid.findall(qn("w:gridCol"))) for t in document.tables
    ]
    text_width = st.PAGE_WIDTH - st.MARGIN_LEFT - st.MARGIN_RIGHT
    assert widths[0] == widths[1] == text_width
    assert widths[2] > text_width and widths[2] <= Mm(297 - 37 - 35).twips + 1


def test_all_portrait_when_asked(tmp_path, example):
    path = tmp_path / "p.docx"
    write_docx(example, path, layout=DocxLayout(landscape_columns=99))
    assert len(Document(str(path)).sections) == 1


def test_template_is_up_to_date(tmp_path):
    from exporters.docx.make_template import TEMPLATE, build_template

    fresh = tmp_path / "template.docx"
    build_template().save(str(fresh))
    # the parts the generator defines (the rest comes from python-docx's own default template)
    ours = (
        "word/styles.xml",
        "word/document.xml",
        "word/footer1.xml",
        "word/fontTable.xml",
        "word/_rels/document.xml.rels",
    )
    with zipfile.ZipFile(TEMPLATE) as committed, zipfile.ZipFile(fresh) as built:
        assert "word/stylesWithEffects.xml" not in committed.namelist()
        for member in ours:
            assert committed.read(member) == built.read(member), (
                f"{member} differs: run python3 -m exporters.docx.make_template"
            )


def test_markup_and_control_characters_in_the_clerks_text(tmp_path, example):
    example.agency = "A&B<局>\x01"
    example.prose["s5"] = "问题：<无>&\x07改进。\n（一）措施\x1b"
    example.set_value("t2.penalty.prev", None)
    example.invalid["t2.penalty.prev"] = "<12>\x02"
    path = tmp_path / "odd.docx"
    write_docx(example, path)
    document = Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert texts[0].replace("\n", "") == "A&B<局>2020年政府信息公开工作年度报告"
    assert "问题：<无>&改进。" in texts and "（一）措施" in texts
    assert document.core_properties.author == "A&B<局>"
    prev = example.fmt.cells["t2.penalty.prev"]
    assert _text(_grid(document.tables[0]._tbl)[(prev.grid_row, prev.grid_col)][0]) == "<12>"


def test_write_replaces_an_existing_file_and_leaves_no_temporary(tmp_path, example):
    path = tmp_path / "r.docx"
    path.write_bytes(b"old")
    write_docx(example, path)
    assert zipfile.is_zipfile(path)
    assert [p.name for p in tmp_path.iterdir()] == ["r.docx"]


def test_cli_export_docx(tmp_path):
    from model import draft
    from nianbao.cli import main

    source = tmp_path / "草稿.nianbao"
    draft.save(varied_2021(), source)
    out = tmp_path / "报告.docx"
    assert main(["export", str(source), "--docx", str(out)]) == 0
    document = Document(str(out))
    assert (
        document.paragraphs[0].text.replace("\n", "")
        == "某某市某某区人民政府办公室2023年政府信息公开工作年度报告"
    )
    assert len(document.tables) == 3


def test_column_widths_follow_the_grid():
    from exporters.docx.tables import balanced_wrap, table_texts, twips_widths
    from exporters.docx.writer import PORTRAIT_WIDTH
    from model.document import grid_table

    assert [balanced_wrap(n) for n in (9, 7, 6, 4)] == [3, 4, 3, 4]
    report = varied_2021()
    for key in ("t2", "t3", "t4"):
        spec = report.fmt.table(key)
        table = grid_table(spec, table_texts(spec, report))
        widths = twips_widths(table)
        numbers = widths[spec.label_columns :]
        assert max(numbers) - min(numbers) <= spec.grid_columns  # the last column takes the rounding
        assert sum(widths) == PORTRAIT_WIDTH and not table.plan.landscape
        assert table.plan.small == (key != "t2")
    t3 = report.fmt.table("t3")
    widths = twips_widths(grid_table(t3, table_texts(t3, report)))
    assert widths[2] > widths[1] > widths[0] > widths[3]  # items column widest, then the merged group labels
