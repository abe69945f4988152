"""How pages lay reports out: merged cells, labels in spans and lines, layout tables, hidden text, titles."""

from __future__ import annotations

from lxml import etree

from exporters.html.flow import Walker, collapse
from exporters.html.page import parse
from exporters.html.reader import blocks_from_html, report_from_html
from tests.support.factories import full_2021
from tests.support.html_pages import Portal, article_html, page_html


def grid_of(markup: str) -> list[list[str]]:
    table = parse(f"<html><body>{markup}</body></html>").find(".//table")
    assert table is not None
    grid = Walker().grid(table)
    assert grid is not None
    return grid


def test_merged_cells_fill_every_position_they_cover():
    grid = grid_of(
        "<table><tr><td rowspan=2 colspan=2>A</td><td colspan='3'>B</td></tr>"
        "<tr><td>c</td><td>d</td><td>e</td></tr>"
        "<tr><td>f</td><td rowspan=0>g</td><td colspan=x>h</td><td colspan=-2>i</td><td>j</td></tr></table>"
    )
    assert grid == [["A", "A", "B", "B", "B"], ["A", "A", "c", "d", "e"], ["f", "g", "h", "i", "j"]]


def test_rows_in_sections_and_header_cells():
    grid = grid_of(
        "<table><thead><tr><th rowspan=3>项目</th><th>甲</th></tr></thead>"
        "<tbody><tr><td>1</td></tr><tr><td>2</td></tr></tbody></table>"
    )
    assert grid == [["项目", "甲"], ["项目", "1"], ["项目", "2"]]


def test_labels_in_spans_lines_and_wrapped_source():
    grid = grid_of(
        "<table><tr><td><p><span style='font-family:宋体'>本年</span>\n\t<span>新收</span><b>政府</b>"
        "信息公开<br/>申请数量</p></td><td><p>商业</p><p>企业</p></td><td>\n  12 \n</td>"
        "<td><o:p>&nbsp;</o:p></td></tr></table>"
    )
    assert grid == [["本年新收政府信息公开\n申请数量", "商业\n企业", "12", ""]]


def test_white_space_as_browsers_show_it():
    assert collapse("本年\n    新收") == "本年新收"  # a source line break between Chinese characters
    assert collapse("2019\n年") == "2019 年" and collapse("a \n b") == "a b" and collapse("甲 乙") == "甲 乙"
    assert collapse("\u00a0\u00a0正文\u00a0内容 ") == "正文 内容"


def test_hidden_text_scripts_and_styles_are_not_read():
    blocks = blocks_from_html(
        "<html><body><p>甲<span style='display: none'>隐藏</span>乙</p><p hidden>不显示</p>"
        "<p>丙<script>var a = '脚本';</script><style>p{}</style>丁</p>"
        "<table><tr><td>1<span style='visibility:hidden'>9</span></td><td>2</td></tr></table></body></html>"
    )
    assert [b.text for b in blocks if not b.is_table] == ["甲乙", "丙丁"]
    assert blocks[-1].grid == [["1", "2"]]


def test_br_splits_paragraphs_outside_tables():
    blocks = blocks_from_html(
        "<html><body><div>一、总体情况<br>本年度……<br/><br/>（一）主动公开</div></body></html>"
    )
    assert [b.text for b in blocks] == ["一、总体情况", "本年度……", "（一）主动公开"]


def test_the_report_inside_nested_layout_tables():
    """An article laid out in tables, the report's tables two levels down: the inner tables are the report's."""
    report = full_2021()
    inner = article_html(report, Portal(), with_title=True)
    page = (
        "<html><body><table width='100%'><tr><td class='left'>栏目</td><td>"
        f"<table><tr><td><div class='TRS_Editor'><table><tr><td>{inner}</td></tr></table></div></td></tr></table>"
        "</td></tr></table></body></html>"
    )
    read, document = report_from_html(page)
    assert document == [] and read.values == report.values and read.prose == report.prose
    assert read.agency == report.agency


def test_without_a_known_container_the_article_around_the_tables_is_read():
    report = full_2021()
    read, document = report_from_html(page_html(report, Portal(container="")))
    assert document == [] and read.values == report.values and read.prose == report.prose
    assert read.agency == report.agency and read.published is not None


def test_a_title_over_two_lines_after_a_collectors_lines():
    report = full_2021(agency="某某省某某市某某区某某街道办事处")
    blocks = blocks_from_html(page_html(report, Portal(title_at="content", title_lines=2, collector=True)))
    assert [b.text for b in blocks[:2]] == [report.agency, "2023年政府信息公开工作年度报告"]
    read, _ = report_from_html(page_html(report, Portal(title_at="content", title_lines=2, collector=True)))
    assert read.agency == report.agency and read.level == "乡镇街道"


def test_the_portal_header_is_not_the_title():
    report = full_2021()
    page = page_html(report, Portal(title_at="content")).replace(
        f'<strong><span style="font-size:22pt">{report.title}', "<strong><span>"
    )
    read, document = report_from_html(page, "页面.html")
    assert read.agency == "" and [f.code for f in document] == ["DOC-TITLE"]  # not 「某某市人民政府门户网站」


def test_the_tree_is_html_not_xml():
    root = parse("<p>未闭合<td>单元格<br>换行")
    assert isinstance(root, etree._Element) and root.find(".//br") is not None


def test_report_tables_outside_the_cms_container_are_found_by_their_labels():
    report = full_2021()
    page = page_html(report, Portal(container="")).replace(
        '<div class="related">',
        '<div class="TRS_Editor"><table><tr><td>联系人</td><td>电话</td></tr><tr><td>张三</td><td>1234</td></tr>'
        '</table></div><div class="related">',
    )
    read, document = report_from_html(page)
    assert document == [] and read.values == report.values and read.prose == report.prose
