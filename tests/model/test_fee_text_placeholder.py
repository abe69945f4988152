"""FEE-TEXT: the template's placeholder under 六 (「…收取信息处理费情况在此处报告。」) does not state the fee."""

from __future__ import annotations

from model.engine import evaluate
from tests.support.factories import full_2021


def fee_findings(report):
    return [f for f in evaluate(report) if f.code == "FEE-TEXT"]


def test_the_placeholder_left_in_place_does_not_count_as_stating_the_fee():
    report = full_2021()
    report.prose["s6"] = report.fmt.section("s6").placeholder
    assert len(fee_findings(report)) == 1


def test_the_placeholder_with_a_real_statement_passes():
    report = full_2021()
    report.prose["s6"] = report.fmt.section("s6").placeholder + "\n本年度收取信息处理费0元。"
    assert fee_findings(report) == []


def test_the_placeholder_printed_without_brackets_still_does_not_count():
    report = full_2021()
    report.prose["s6"] = "文字描述，收取信息处理费情况在此处报告。"
    assert len(fee_findings(report)) == 1
