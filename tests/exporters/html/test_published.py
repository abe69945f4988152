"""The publication date a page shows near the title, and PUB-LATE for a report published after its deadline."""

from __future__ import annotations

import datetime

import pytest

from exporters.html.reader import read_html, report_from_html
from model.engine import evaluate
from tests.support.factories import full_2021
from tests.support.html_pages import Portal, page_bytes, page_html


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("发布日期：2024-01-20", "2024-01-20"),
        ("发布日期: 2024/1/5", "2024-01-05"),
        ("公开日期：2024年1月20日", "2024-01-20"),
        ("发布时间：2024-01-20 10:30:15", "2024-01-20"),
        ("【发布时间：2024.03.02】", "2024-03-02"),
        ("时间：2024-01-21　来源：某某局", "2024-01-21"),
        ("2024-01-22", "2024-01-22"),
        ("2024年1月23日 09:00", "2024-01-23"),
    ],
)
def test_the_date_in_its_forms(line, day):
    report, _ = report_from_html(page_html(full_2021(), Portal(date_line=line)))
    assert str(report.published) == day


def test_the_date_in_a_metadata_table_above_the_title():
    page = page_html(full_2021(), Portal(date_line=None)).replace(
        '<div class="article">',
        '<div class="article"><table class="xxgk_table"><tr><td>索引号：</td><td>11330100/2024-00012</td>'
        "<td>发布机构：</td><td>某某市某某局</td></tr><tr><td>发布日期：</td><td>2024-01-26</td>"
        "<td>文号：</td><td></td></tr></table>",
    )
    assert str(report_from_html(page)[0].published) == "2024-01-26"


def test_no_date_from_the_signature_a_footer_or_an_impossible_day():
    for line in (None, "发布日期：2024-02-30", "浏览次数：2024"):
        report, _ = report_from_html(page_html(full_2021(), Portal(date_line=line)))
        assert report.published is None, line  # the signature 「2024年1月20日」 is not the publication date


def pub_late(report):
    return [f for f in evaluate(report) if f.code == "PUB-LATE"]


def test_a_department_published_after_31_january_is_late(tmp_path):
    path = tmp_path / "late.html"
    path.write_bytes(page_bytes(full_2021(year=2024), Portal(date_line="发布日期：2025-02-14")))
    report, _ = read_html(path)
    assert report.published == datetime.date(2025, 2, 14) and report.level == "政府部门"
    (late,) = pub_late(report)
    assert late.severity == "warning"
    assert "2025年2月14日" in late.message and "2025年1月31日" in late.message and "14天" in late.message


def test_published_before_the_deadline_no_finding(tmp_path):
    path = tmp_path / "on-time.html"
    path.write_bytes(page_bytes(full_2021(year=2024), Portal(date_line="发布日期：2025-01-31")))
    report, _ = read_html(path)
    assert report.published == datetime.date(2025, 1, 31) and pub_late(report) == []


def test_a_county_government_has_until_31_march():
    county = full_2021(year=2024, agency="某某县人民政府", level="县级政府")
    report, _ = report_from_html(page_html(county, Portal(date_line="发布日期：2025-03-20")))
    assert report.level == "县级政府" and pub_late(report) == []
    report, _ = report_from_html(page_html(county, Portal(date_line="发布日期：2025-04-01")))
    (late,) = pub_late(report)
    assert "2025年3月31日" in late.message and "2025年4月1日" in late.message
