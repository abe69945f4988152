"""Report pages as portals publish them: the article among the portal's chrome reads back as the same report."""

from __future__ import annotations

from decimal import Decimal

import pytest

from exporters.html.reader import blocks_from_html, read_html, report_from_html
from exporters.kinds import kind, kind_of
from exporters.reading import read_any
from exporters.reading.errors import NoReportError
from model.engine import evaluate
from model.example import load_example
from model.report import Contact, Report
from tests.support.factories import full_2021
from tests.support.html_pages import Portal, page_bytes, page_html
from tests.support.office_docs import Style


def awkward_2021() -> Report:
    """Blanks, a stated total that disagrees, text that is no number, an amount, a website."""
    report = full_2021(year=2024, agency="某某县某某镇人民政府", level="乡镇街道")
    report.set_value("t3.open.research", None)
    report.set_value("t2.fees.amount", Decimal("12.3456"))
    report.stated["t4.cases.review_total"] = 9
    report.invalid["t3.new.legal"] = "约1件"
    report.values.pop("t3.new.legal")
    report.contact = Contact(
        "镇党政办",
        "某某镇（东街）1号",
        "311000",
        "0571-8888888",
        "zhen@example.cn",
        "http://www.example.gov.cn",
    )
    report.prose["s6"] = "本年度收取信息处理费0元。\n其他事项：无。"
    report.changed()
    return report


REPORTS = {"example": load_example, "full_2021": full_2021, "awkward": awkward_2021}
PORTALS = {
    "trs": Portal(),
    "union-gbk": Portal(container="Custom_UnionStyle", charset="gbk", http_equiv=True),
    "zoom-title-inside": Portal(container="#zoom", title_at="content", title_lines=2, spans=False),
    "ivs-gb18030": Portal(container="#ivs_content", title_at="both", charset="gb18030", declared="gb2312"),
    "layout-table": Portal(container="", layout_table=True, collector=True),
    "dashes": Portal(
        style=Style(zero="-"), wrapped=False, breaks=False, date_line="发布时间：{next}年1月20日 10:30"
    ),
}


def same_report(read: Report, report: Report) -> None:
    assert (read.format_id, read.year, read.agency, read.level) == (
        report.format_id,
        report.year,
        report.agency,
        report.level,
    )
    assert read.contact == report.contact
    assert {k: v for k, v in read.prose.items() if v} == {k: v for k, v in report.prose.items() if v}
    assert read.values == report.values and read.units == report.units
    assert read.invalid == report.invalid
    for cell_id in read.fmt.totals:  # totals: computed alike, and a printed total that disagrees is kept
        assert read.effective(cell_id) == report.effective(cell_id), cell_id
    for cell_id, value in report.stated.items():
        assert read.stated[cell_id] == value


def findings(report: Report) -> list[tuple[str, str]]:
    return sorted((f.code, f.message) for f in evaluate(report))


@pytest.mark.parametrize("portal", PORTALS, ids=str)
@pytest.mark.parametrize("which", REPORTS, ids=str)
def test_a_portal_page_reads_back_as_the_same_report(tmp_path, which, portal):
    report = REPORTS[which]()
    path = tmp_path / "art_1229_5.html"
    path.write_bytes(page_bytes(report, PORTALS[portal]))
    read, document = read_html(path)
    assert document == []
    same_report(read, report)
    assert read.published is not None and (read.published.year, read.published.month) == (report.year + 1, 1)
    assert findings(read) == findings(report)  # published before the deadline: no PUB-LATE


def test_the_portals_chrome_is_not_the_report(example):
    blocks = blocks_from_html(page_html(example))
    text = "\n".join(b.text for b in blocks if not b.is_table)
    assert blocks[0].text == example.title  # the article's own title, not the portal's <title> or header
    chrome = (
        "人民政府门户网站",
        "当前位置",
        "今天是",
        "请输入关键字",
        "分享到",
        "打印本页",
        "关闭窗口",
        "浏览次数",
    )
    chrome += ("字号", "相关文章", "主办：", "ICP", "您的浏览器", "document.write")
    for words in chrome:
        assert words not in text, words
    assert sum(1 for b in blocks if b.is_table) == 3


def test_the_date_is_the_articles_not_the_footers_or_a_related_articles(example):
    report, _ = report_from_html(page_html(example, Portal(date_line=None)))
    assert (
        report.published is None
    )  # 「发布日期：2000-01-01」 in the footer and a script, 「发布时间」 of a related link
    report, _ = report_from_html(page_html(example, Portal(date_line="公开日期：2021年2月3日")))
    assert str(report.published) == "2021-02-03"


def test_registered_as_one_kind_with_four_suffixes(tmp_path, example):
    entry = kind("html")
    assert entry.suffixes == (".html", ".htm", ".mhtml", ".mht") and entry.short == "网页"
    assert entry.name == "网页（.html .htm .mhtml .mht）" and entry.writer == "exporters.html.writer:export"
    for suffix in entry.suffixes:
        assert kind_of(f"报告{suffix.upper()}") is entry
    path = tmp_path / "年报.htm"
    path.write_bytes(page_bytes(example, Portal(charset="gbk")))
    read, _ = read_any(path)
    assert read.values == example.values and read.published is not None


def test_html_copied_from_a_browser_reads_as_the_clipboards_html(example):
    fragment = (
        "<html><body><!--StartFragment-->"
        + page_html(example).split('<div class="article">', 1)[1].split('<div class="bdsharebuttonbox">')[0]
        + "<!--EndFragment--></body></html>"
    )
    report, _ = kind("html").paste(fragment)
    assert report.values == example.values and report.agency == example.agency


def test_tables_published_only_as_images_are_named(example):
    page = page_html(example)
    start, end = page.index("<table"), page.rindex("</table>") + len("</table>")
    page = (
        page[:start]
        + '<p><img src="/images/biao2.png"/></p><p><img src="/images/biao3.png"/></p>'
        + page[end:]
    )
    with pytest.raises(NoReportError, match="图片"):
        report_from_html(page)


def test_a_page_without_a_report(tmp_path):
    path = tmp_path / "index.html"
    path.write_text("<html><body><div class='nav'>首页</div><p>欢迎访问</p></body></html>", encoding="utf-8")
    with pytest.raises(NoReportError, match="不是政府信息公开工作年度报告"):
        read_html(path)
