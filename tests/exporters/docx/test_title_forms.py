"""Titles as agencies print them: the year before the agency or in brackets after; no title at all but the
statistical period in the opening paragraph."""

from __future__ import annotations

import docx
import pytest

from exporters.reading import read_any
from exporters.reading.document_text import parse_title
from tests.support.factories import full_2021
from tests.support.office_docs import Style, build


@pytest.mark.parametrize(
    "title",
    [
        "2025年某县交通运输局政府信息公开工作年度报告",
        "2025年度某县交通运输局政府信息公开工作年度报告",
        "某县交通运输局政府信息公开工作年度报告（2025年）",
        "某县交通运输局政府信息公开工作年度报告(2025年度)",
        "某县交通运输局2025年政府信息公开工作年度报告",
    ],
)
def test_title_forms(title):
    assert parse_title([title]) == ("某县交通运输局", 2025)


def test_an_agency_ending_in_government_keeps_it():
    assert parse_title(["2025年某县人民政府政府信息公开工作年度报告"]) == ("某县人民政府", 2025)


def test_without_a_title_the_year_is_the_statistical_periods(tmp_path):
    path = build(
        full_2021(year=2025),
        tmp_path / "a.docx",
        Style(
            title_lines=1,
            opening="本报告根据2019年修订的《中华人民共和国政府信息公开条例》编制，"
            "所列数据的统计期限为2025年1月1日至2025年12月31日。",
        ),
    )
    document = docx.Document(str(path))
    document.paragraphs[0].text = "政府信息公开工作年度报告"
    document.save(str(path))
    report, findings = read_any(path)
    assert report.year == 2025
    assert [f.code for f in findings] == ["DOC-TITLE"]
