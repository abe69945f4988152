"""TXT-NUM with a misprinted total: text that agrees with the sum of the parts is not blamed (T4-SUM reports the total)."""

from __future__ import annotations

from model.engine import evaluate
from tests.support.factories import full_2021


def test_text_matching_the_parts_is_not_reported_when_the_printed_total_is_wrong():
    report = full_2021()
    parts = report.value("t4.cases.review_total")
    report.stated["t4.cases.review_total"] = 0  # printed 0 while its parts sum to more
    report.prose["s1"] += f"\n全年发生行政复议案件{parts}件。"
    report.changed()
    codes = [f.code for f in evaluate(report)]
    assert "T4-SUM" in codes and "TXT-NUM" not in codes


def test_text_matching_neither_is_still_reported():
    report = full_2021()
    parts = report.value("t4.cases.review_total")
    report.stated["t4.cases.review_total"] = 0
    report.prose["s1"] += f"\n全年发生行政复议案件{parts + 7}件。"
    report.changed()
    (finding,) = [f for f in evaluate(report) if f.code == "TXT-NUM"]
    assert "表四行政复议总计为0" in finding.message
