"""TXT-NUM: a figure the text gives for another year (「2024年共受理申请35件」) is no contradiction of this year's table."""

from __future__ import annotations

from model.engine import evaluate
from tests.support.factories import full_2021


def txt_num(text: str) -> list[str]:
    report = full_2021(year=2025)  # 表三本年新收申请总计 47
    report.prose["s1"] = text
    report.changed()
    return [f.message for f in evaluate(report) if f.code == "TXT-NUM"]


def test_last_years_figure_in_the_same_sentence_is_not_a_contradiction():
    assert txt_num("2024年共受理申请35件，2025年共受理申请47件。") == []
    assert txt_num("2024年，本局共受理政府信息公开申请35件。") == []


def test_this_years_figure_that_differs_is_still_reported():
    assert len(txt_num("2025年，本局共受理政府信息公开申请35件。")) == 1
    assert len(txt_num("本年共受理申请35件，较2024年增加。")) == 1
    assert len(txt_num("2024年共受理申请35件。2025年共受理申请40件。")) == 1
