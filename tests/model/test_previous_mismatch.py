"""XY-SOURCE: a previous report that is not last year's report of the same agency is named (a wrong file chosen)."""

from __future__ import annotations

from model.engine import evaluate
from tests.support.factories import full_2021


def source_findings(report):
    return [f for f in evaluate(report) if f.code == "XY-SOURCE"]


def with_previous(year: int, agency: str, last_year: int, last_agency: str):
    report = full_2021(year=year, agency=agency)
    last = full_2021(year=last_year, agency=last_agency)
    for col in report.fmt.table("t3").columns:  # carry-over consistent: only the mismatch is left to report
        cell = f"t3.carry.{col}"
        if not report.fmt.is_computed(cell):
            report.set_value(cell, last.value(f"t3.next.{col}"))
    report.previous = last
    report.changed()
    return report


def test_last_years_report_of_the_same_agency_gives_no_note():
    assert source_findings(with_previous(2025, "某县交通运输局", 2024, "某县交通运输局")) == []


def test_a_previous_report_of_another_year_is_named():
    (note,) = source_findings(with_previous(2025, "某县交通运输局", 2022, "某县交通运输局"))
    assert note.severity == "info"
    assert "2022年度" in note.message and "2025年度" in note.message


def test_a_previous_report_of_another_agency_is_named():
    (note,) = source_findings(with_previous(2025, "某县交通运输局", 2024, "某县教育局"))
    assert note.severity == "info"
    assert "某县教育局" in note.message and "某县交通运输局" in note.message


def test_the_same_name_typed_in_full_width_or_with_spaces_is_the_same_agency():
    # as the question before 导入上年报告 compares them (model.report.agency_key): the two never disagree
    assert source_findings(with_previous(2025, "ＸＸ县交通运输局", 2024, "XX县　交通运输局 ")) == []
