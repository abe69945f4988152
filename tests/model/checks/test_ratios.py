"""Reviewer ratios (RATIO, 提示): computed from the format's cells in both formats, shown from 30 requests on and
from 5 cases of their own (纠错率, 结转增长率)."""

from __future__ import annotations

import pytest

from model.engine import evaluate
from model.example import load_example
from model.ratios import Ratio, reviewer_ratios
from model.report import Report
from tests.support.factories import full_2021


def _by_key(report: Report, previous: Report | None = None) -> dict[str, Ratio]:
    return {r.key: r for r in reviewer_ratios(report, previous)}


def test_disclosure_rate_is_open_and_partial_over_concluded_requests() -> None:
    report = full_2021()  # 予以公开24 + 部分公开5 over 办结 46
    ratio = _by_key(report)["disclosure"]
    assert (ratio.numerator, ratio.denominator) == (29, 46)
    assert ratio.value == pytest.approx(29 / 46) and ratio.shown
    assert ratio.name == "实质公开率" and ratio.percent == "63.0%"


def test_correction_rates_leave_out_cases_not_concluded() -> None:
    report = full_2021()  # 复议 维持2 纠正1; 诉讼 直接起诉维持1, 复议后起诉尚未审结1
    ratios = _by_key(report)
    review, court = ratios["review_correction"], ratios["litigation_correction"]
    assert (review.numerator, review.denominator) == (1, 3)
    assert (court.numerator, court.denominator) == (0, 1) and court.value == 0


def test_below_thirty_requests_nothing_is_shown() -> None:
    report = full_2021()
    report.set_value("t3.new.natural", 10)  # 16 new requests
    assert not any(r.shown for r in reviewer_ratios(report))
    assert "RATIO" not in [f.code for f in evaluate(report)]


def test_carry_growth_needs_last_year() -> None:
    report, last = full_2021(2024), full_2021(2023)
    assert not _by_key(report)["carry_growth"].shown
    last.set_value("t3.next.natural", 2)
    growth = _by_key(report, last)["carry_growth"]
    assert growth.value == pytest.approx(1.0) and not growth.shown  # 2 → 4: too few to say it doubled
    last.set_value("t3.next.natural", 5)
    report.set_value("t3.next.natural", 8)
    growth = _by_key(report, last)["carry_growth"]
    assert growth.value == pytest.approx(0.6) and growth.shown
    assert "结转下年度8件，上年5件" in growth.text


def test_a_correction_rate_needs_five_concluded_cases() -> None:
    report = full_2021()  # 复议: 维持2, 纠正1 — 3 concluded: 33.3% is not shown
    review = _by_key(report)["review_correction"]
    assert review.value == pytest.approx(1 / 3) and not review.shown
    report.set_value("t4.cases.review_upheld", 4)  # 维持4, 纠正1: 5 concluded
    review = _by_key(report)["review_correction"]
    assert review.shown and review.percent == "20.0%"
    one = full_2021()
    one.set_value("t4.cases.review_upheld", 0)  # a single case, corrected: never 「纠错率100%」
    assert _by_key(one)["review_correction"].percent == "100.0%"
    assert not _by_key(one)["review_correction"].shown


def test_shown_ratios_are_one_info_finding_without_cells() -> None:
    (finding,) = [f for f in evaluate(full_2021()) if f.code == "RATIO"]
    assert finding.severity == "info" and not finding.cells
    assert (
        finding.message == "供参考：实质公开率63.0%（予以公开与部分公开29件，办结46件）"
    )  # 3 复议 cases: too few
    assert "结转" not in finding.message  # no last year attached: no growth to show


def test_the_2019_format_has_the_same_ratios() -> None:
    report = load_example()  # 2019 format: 新收30, 予以公开与部分公开10 of 35 concluded
    ratio = _by_key(report)["disclosure"]
    assert report.format_id == "2019" and ratio.shown
    assert (ratio.numerator, ratio.denominator) == (10, 35)


def test_a_misprinted_cell_gives_no_value() -> None:
    report = full_2021()
    report.invalid["t3.open.natural"] = "二十"
    report.changed()
    assert _by_key(report)["disclosure"].value is None
