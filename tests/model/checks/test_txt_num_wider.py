"""TXT-NUM, wider: table 二's figures, the outcome breakdown, 复议/诉讼 results, 宗 as well as 件, percentages to one
decimal — patterns in the format files; no alarm on figures of other years, of other units, or growth rates."""

from __future__ import annotations

import pytest

from model.engine import evaluate
from model.example import load_example
from model.report import Report
from tests.support.factories import full_2021


def report_of(fmt: str) -> Report:
    return full_2021(year=2025) if fmt == "2021" else load_example()


def txt_num(report: Report, text: str, key: str = "s1") -> list[str]:
    report.prose[key] = text
    report.changed()
    return [f.message for f in evaluate(report) if f.code == "TXT-NUM"]


def one(report: Report, text: str) -> str:
    (message,) = txt_num(report, text)
    return message


@pytest.mark.parametrize("fmt", ["2021", "2019"])
def test_the_outcome_breakdown(fmt: str) -> None:
    report = report_of(fmt)
    opened, partial = report.value("t3.open.total"), report.value("t3.partial.total")
    assert txt_num(report, f"其中予以公开{opened}件、部分公开{partial}件。") == []
    message = one(report, f"其中予以公开{opened + 2}件、部分公开{partial}件。")
    assert f"“予以公开{opened + 2}件”与表格不符：表三予以公开总计为{opened}" in message


def test_a_group_figure_may_be_one_item_of_the_group() -> None:
    report = report_of(
        "2019"
    )  # 不予公开 3: 保护第三方合法权益 2, 属于三类内部事务信息 1 (the seed's figures)
    assert txt_num(report, "涉保护第三方合法权益不予公开2件、属三类内部事务信息1件。") == []
    assert txt_num(report, "不予公开3件。") == []
    assert len(txt_num(report, "不予公开5件。")) == 1


@pytest.mark.parametrize("fmt", ["2021", "2019"])
def test_review_results_in_zong(fmt: str) -> None:
    report = report_of(fmt)
    total = report.value("t4.cases.review_total")
    upheld = report.value("t4.cases.review_upheld")
    corrected = report.value("t4.cases.review_corrected")
    fine = f"本机关被申请行政复议{total}宗，其中维持{upheld}宗、纠正{corrected}宗。"
    assert txt_num(report, fine) == []
    assert "表四行政复议总计" in one(report, f"本机关被申请行政复议{total + 4}宗。")
    assert "表四行政复议纠正" in one(report, fine.replace(f"纠正{corrected}宗", f"纠正{corrected + 1}宗"))


def test_litigation_results_are_not_taken_for_review_results() -> None:
    report = report_of("2021")  # 复议: 维持2 纠正1; 诉讼: 直接起诉维持1, 复议后起诉尚未审结1
    text = "行政复议3件，其中维持2件、纠正1件；行政诉讼2件，其中维持1件、尚未审结1件。"
    assert txt_num(report, text) == []
    assert "表四行政诉讼维持" in one(report, text.replace("其中维持1件", "其中维持2件"))


def test_table_two_figures_2021() -> None:
    report = report_of("2021")  # 行政规范性文件: 制发4 废止1 现行有效27; 许可1520 处罚311 强制12
    fine = "本年制发行政规范性文件4件，废止规范性文件1件，现行有效规范性文件27件；作出行政许可决定1520件、行政处罚决定311件。"
    assert txt_num(report, fine) == []
    assert "表二行政规范性文件现行有效件数为27" in one(report, fine.replace("27件", "29件"))
    assert "表二行政处罚处理决定数量为311" in one(report, fine.replace("311件", "300件"))


def test_table_two_figures_2019() -> None:
    report = report_of("2019")
    made = report.value("t2.normative.made")
    assert txt_num(report, f"本年新制作规范性文件{made}件。") == []
    assert "表二规范性文件本年新制作数量" in one(report, f"本年新制作规范性文件{made + 3}件。")


@pytest.mark.parametrize("fmt", ["2021", "2019"])
def test_percentages_to_one_decimal(fmt: str) -> None:
    report = report_of(fmt)
    opened, total = report.value("t3.open.total"), report.value("t3.total.total")
    share = opened * 100 / total  # 2021: 24 of 46 = 52.17…%; 2019: 9 of 35 = 25.71…%
    for printed in (f"{share:.2f}", f"{share:.1f}", f"{share:.0f}"):
        assert txt_num(report, f"予以公开{opened}件，占{printed}%。") == [], printed
    message = one(report, f"予以公开{opened}件，占{share + 1.5:.2f}%。")
    assert f"按表格计算为{share:.1f}%" in message


def test_a_percentage_over_the_new_requests_is_right_too() -> None:
    report = report_of("2021")  # 予以公开24, 本年新收47
    assert txt_num(report, "予以公开24件，占本年新收申请的51.1%。") == []


@pytest.mark.parametrize(
    "text",
    [
        "2024年共受理申请35件、予以公开20件，占57.1%。",  # another year
        "全市各级行政机关共收到政府信息公开申请1234件，予以公开800件，行政复议56件。",  # other units
        "全区共受理申请300件，其中本机关受理申请47件。",  # the roll-up, then this agency's own figure, right
        "主动公开信息数量同比增长10%，政策解读同比增长12.5%。",  # growth rates
        "受理申请数量比上年增长30%。",
    ],
)
def test_no_alarm_on_clean_text(text: str) -> None:
    assert txt_num(report_of("2021"), text) == []


def test_the_own_figure_after_a_roll_up_is_still_checked() -> None:
    assert len(txt_num(report_of("2021"), "全区共受理申请300件，其中本机关受理申请40件。")) == 1


def test_the_finding_points_at_the_phrase_and_cells() -> None:
    report = report_of("2021")
    (finding,) = [f for f in evaluate(_with(report, "予以公开30件。")) if f.code == "TXT-NUM"]
    assert finding.cells == ("t3.open.total",) and "“予以公开30件”" in finding.message


def _with(report: Report, text: str) -> Report:
    report.prose["s1"] = text
    report.changed()
    return report
