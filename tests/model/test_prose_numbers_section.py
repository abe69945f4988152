"""TXT-NUM says in which prose section the contradicting number stands, so the clerk knows where to correct it."""

from __future__ import annotations

from model.engine import evaluate
from tests.support.factories import full_2021


def txt_num(report):
    return [f for f in evaluate(report) if f.code == "TXT-NUM"]


def test_the_message_names_the_section_of_the_contradicting_text():
    report = full_2021()
    review_total = report.value("t4.cases.review_total")
    report.prose["s5"] += f"\n本年发生行政复议案件{review_total + 5}件，均已办结。"
    report.changed()
    (finding,) = txt_num(report)
    assert finding.message.startswith("“五、存在的主要问题及改进情况”中的“行政复议案件")
    assert f"正文为{review_total + 5}" in finding.message


def test_one_finding_per_check_even_when_several_sections_repeat_the_number():
    report = full_2021()
    wrong = report.value("t4.cases.review_total") + 1
    report.prose["s1"] += f"\n全年行政复议案件{wrong}件。"
    report.prose["s5"] += f"\n行政复议案件{wrong}件。"
    report.changed()
    (finding,) = txt_num(report)
    assert finding.message.startswith("“一、总体情况”中的")
