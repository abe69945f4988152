"""Every rule with a passing and a failing case, the example report included."""

from __future__ import annotations

import pytest

from model.engine import cell_marks, counts, evaluate, has_errors
from model.report import Report
from tests.support.factories import full_2021


def codes(report):
    return sorted({f.code for f in evaluate(report) if f.severity != "info"})


def problems(report):
    """The errors and warnings: the reviewer's figures (RATIO) and the other 提示 are no problems."""
    return [f for f in evaluate(report) if f.severity != "info"]


def only(report, code):
    return [f for f in evaluate(report) if f.code == code]


def test_the_example_passes_every_rule(example):
    assert problems(example) == []
    assert {f.code for f in evaluate(example)} == {"RATIO", "HYG-WEB"}  # 提示: ratios, no web address given
    assert example.value("t3.total.total") == 35 and example.value("t3.total.natural") == 33
    assert example.value("t3.new.total") == 30 and example.value("t4.cases.review_total") == 1


def test_the_full_2021_report_passes_every_rule():
    assert problems(full_2021()) == []


def test_t3_bal_names_both_sides_and_the_difference(example):
    example.set_value("t3.new.natural", 29)
    found = only(example, "T3-BAL")
    assert len(found) == 2  # 自然人 and 总计 columns
    first = found[0]
    assert first.severity == "error"
    assert "第一项加第二项之和为34" in first.message and "为33" in first.message and "相差1" in first.message
    assert "t3.new.natural" in first.cells and "t3.next.natural" in first.cells
    assert has_errors(evaluate(example))


def test_stated_totals_are_compared_never_replaced(example):
    example.stated["t3.total.natural"] = 32
    example.stated["t3.new.total"] = 31
    found = {f.code: f for f in evaluate(example)}
    assert "填报的总计为32，各项之和为33，相差-1" in found["T3-SUM"].message
    assert "填报的总计为31，各项之和为30，相差1" in found["T3-ROW"].message
    assert example.stated["t3.total.natural"] == 32
    assert example.value("t3.total.natural") == 33


def test_t4_total_printed_as_zero_while_its_parts_sum_to_eleven():
    report = full_2021()
    report.set_value("t4.cases.review_upheld", 10)
    report.set_value("t4.cases.review_corrected", 1)
    report.stated["t4.cases.review_total"] = 0
    (finding,) = only(report, "T4-SUM")
    assert finding.message == "表四·行政复议·总计：填报的总计为0，各项之和为11，相差-11"
    assert finding.cells[0] == "t4.cases.review_total"


def test_stated_total_that_agrees_is_fine(example):
    example.stated["t3.total.total"] = 35
    assert problems(example) == []


def test_value_rule():
    report = full_2021()
    report.invalid["t3.new.research"] = "12.5"
    report.values["t3.new.welfare"] = -2
    found = only(report, "VALUE")
    assert {f.cells[0] for f in found} == {"t3.new.research", "t3.new.welfare"}
    assert any("“12.5”不是有效数值" in f.message for f in found)


def test_blank_is_not_zero():
    report = full_2021()
    report.set_value("t3.new.legal", None)
    report.set_value("t3.reject_repeat.legal", None)
    (finding,) = only(report, "BLANK")
    assert finding.severity == "warning" and set(finding.cells) == {"t3.new.legal", "t3.reject_repeat.legal"}
    assert "表三有2个空白单元格" in finding.message


def test_blank_printed_totals_are_blank_too():
    report = full_2021()
    for row in report.fmt.table("t3").data_row_keys():
        report.stated[f"t3.{row}.total"] = None
    (finding,) = only(report, "BLANK")
    assert len(finding.cells) == 25


def test_format_must_fit_the_year():
    assert codes(full_2021()) == []
    old = Report.new(2021, "某局", format_id="2019")
    assert only(old, "FMT-YEAR")[0].message.startswith("2021年度报告应使用2021年格式")
    new = Report.new(2020, "某局", format_id="2021")
    assert only(new, "FMT-YEAR")[0].severity == "error"


@pytest.mark.parametrize(
    "level,expected",
    [
        ("乡镇街道", 1),
        ("政府部门", 1),
        ("县级政府", 1),
        ("设区的市政府", 0),
        ("省级政府", 0),
        ("国务院部门", 0),
    ],
)
def test_a_town_reporting_regulations(level, expected):
    report = full_2021(level=level)
    report.set_value("t2.regulations.valid", 6)
    report.set_value("t2.regulations.issued", 6)
    found = only(report, "REG-AUTH")
    assert len(found) == expected
    if found:
        assert set(found[0].cells) == {"t2.regulations.valid", "t2.regulations.issued"}


def test_fee_text():
    report = full_2021()
    assert only(report, "FEE-TEXT") == []
    report.prose["s6"] = "无。"
    assert "信息处理费" in only(report, "FEE-TEXT")[0].message
    report.prose["s6"] = "本年度收取信息处理费0元。"
    assert only(report, "FEE-TEXT") == []
    report.set_value("t3.other_fee.natural", 1)
    report.set_value("t3.other_other.natural", 2)
    (finding,) = only(report, "FEE-TEXT")
    assert finding.cells == ("t3.other_fee.total",)


def test_fee_text_is_a_2021_rule(example):
    example.prose["s6"] = ""
    assert only(example, "FEE-TEXT") == []


def test_sections():
    report = full_2021()
    report.prose["s1"] = "  \n"
    report.prose["s5"] = "无。"
    found = only(report, "SECTION")
    assert [f.message for f in found] == [
        "“一、总体情况”尚未填写",
        "“五、存在的主要问题及改进情况”只写“无”不够：请写明存在的主要问题和改进措施",
    ]


def test_carry_over_from_last_year(example):
    report = full_2021(year=2021)
    report.previous = example  # 2020 report: 结转下年度 all 0
    (finding,) = only(report, "XY-CARRY")
    assert "本年上年结转为3" in finding.message and "2020年报告的结转下年度继续办理为0" in finding.message
    assert finding.cells == ("t3.carry.natural",)
    report.set_value("t3.carry.natural", 0)
    report.set_value("t3.next.natural", 1)
    assert only(report, "XY-CARRY") == []


def test_valid_count_follows_last_year():
    last = full_2021(year=2022)
    report = full_2021(year=2023)
    report.previous = last
    (finding,) = only(report, "XY-VALID")  # 27 + 4 - 1 = 30, not 27
    assert "应为30" in finding.message and "相差-3" in finding.message
    report.set_value("t2.normative.valid", 30)
    assert only(report, "XY-VALID") == []


def test_valid_count_with_a_2019_format_previous_is_only_noted(example):
    report = full_2021(year=2021)
    report.set_value("t3.carry.natural", 0)
    report.previous = example
    assert [f.severity for f in only(report, "XY-VALID")] == ["info"]


def test_previous_count_2019(example):
    last = example.copy()
    last.year = 2019
    example.previous = last
    found = only(example, "XY-PREV")  # 行政处罚: 237 + 251 = 488, not 237
    assert [f.cells for f in found] == [("t2.penalty.prev",)]
    assert "应为488" in found[0].message
    example.set_value("t2.penalty.prev", 488)
    assert only(example, "XY-PREV") == []


def test_prose_numbers_contradicting_the_tables():
    report = full_2021()
    assert only(report, "TXT-NUM") == []
    report.prose["s1"] += "\n本年共处理行政复议案件134件。"
    report.set_value("t4.cases.review_upheld", 167)
    (finding,) = only(report, "TXT-NUM")
    assert "表四行政复议总计为168" in finding.message and "正文为134" in finding.message


def test_copied_prose():
    last = full_2021(year=2022)
    last.prose["s1"] = (
        "本机关坚持以公开为常态、不公开为例外，围绕中心工作，深入推进决策、执行、管理、服务、结果公开。" * 3
    )
    report = full_2021(year=2023)
    report.prose["s1"] = last.prose["s1"] + "本年新增一项工作。"
    report.previous = last
    (finding,) = only(report, "COPY")
    assert "2022年报告相同" in finding.message
    report.prose["s1"] = (
        "本年度围绕优化营商环境，重点公开了涉企政策、行政许可办理结果和监管信息，并开展了政策解读。" * 2
    )
    assert only(report, "COPY") == []


def test_counts_and_marks(example):
    example.set_value("t3.new.natural", 29)
    example.set_value("t3.new.legal", None)
    findings = evaluate(example)
    assert counts(findings) == {"error": 2, "warning": 2, "info": 2}  # BLANK, and TXT-NUM: the prose says 30
    marks = cell_marks(findings)
    assert marks["t3.new.natural"][0] == "error"
    assert marks["t3.new.legal"][0] == "warning"
    assert findings[0].severity == "error"
