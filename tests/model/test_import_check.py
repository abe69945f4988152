"""Before 导入上年报告: another agency's or another year's report, and filled cells it would change, are named."""

from __future__ import annotations

from model.formats import load_format
from model.import_check import agency_key, checks_sentence, plan_import, shortened
from model.report import Report
from tests.support.factories import full_2021


def test_last_years_report_of_the_same_agency_needs_no_question():
    last = full_2021(year=2024, agency="某县交通运输局")
    this = Report.new(2025, "某县 交通运输局")
    plan = plan_import(this, last, "2024.nianbao")
    assert not plan.needs_confirmation and plan.reasons == () and plan.changes == ()
    assert "t3.carry.natural" in plan.changed and plan.after.value("t3.carry.natural") == 4
    assert this.previous is None and this.value("t3.carry.natural") is None  # the report itself is untouched
    assert plan.after.previous is last and plan.after.previous_source == "2024.nianbao"


def test_a_blank_agency_is_no_reason_to_ask():
    plan = plan_import(Report.new(2024), full_2021(year=2023))
    assert not plan.needs_confirmation


def test_another_agency_and_year_and_overwritten_cells_are_named(example):
    this = Report.new(2025, "某市交通局")
    this.set_value("t3.carry.natural", 5)
    this.set_value("t3.carry.business", 1)
    this.invalid["t3.carry.legal"] = "两件"
    plan = plan_import(this, example)  # 杭州市城市管理局 2020
    assert plan.needs_confirmation
    assert plan.reasons == (
        "所选报告是“杭州市城市管理局”的，本报告是“某市交通局”的",
        "所选报告是2020年度的，本报告是2025年度，上年报告应是2024年度的",
    )
    assert plan.changes == (
        "表三·自然人·上年结转：5 → 0",
        "表三·商业企业·上年结转：1 → 0",
        "表三·法律服务机构·上年结转：“两件” → 0",
    )


def test_a_cell_that_keeps_its_value_or_was_blank_is_no_change():
    last = full_2021(year=2024)
    this = Report.new(2025, last.agency)
    this.set_value("t3.carry.natural", 4)  # the same as last year's 结转下年度
    this.set_value("t2.normative.valid", 30)  # kept: the baseline is only filled into a blank cell
    plan = plan_import(this, last)
    assert plan.changes == () and "t3.carry.natural" not in plan.changed
    assert plan.after.value("t2.normative.valid") == 30


def test_agency_names_compare_without_spaces_and_width():
    assert agency_key("某县　交通运输局 ") == agency_key("某县交通运输局")
    assert agency_key("ＡＢ局") == agency_key("AB局")


def test_long_lists_are_shortened_with_the_count():
    items = [f"第{i}处" for i in range(20)]
    assert shortened(items[:12]) == items[:12]
    assert shortened(items) == [*items[:12], "……等共20处"]


def test_the_checks_are_told_in_words_without_rule_codes():
    assert checks_sentence(load_format("2021")) == (
        "已核对与上年报告的衔接（表三“上年结转”、表二“现行有效件数”），并检查第一、五、六部分文字是否与上年雷同"
    )
    assert "表二“上一年项目数量”" in checks_sentence(load_format("2019"))
    assert "XY" not in checks_sentence(load_format("2019"))
