"""Overlap with last year: COPY gives each section's share of repeated text (提示 from 20 %, 警告 above the threshold,
which a pack may change), the repeated sentences are found for the prose page, and XY-FIX asks 五 about last year's
problems — both formats."""

from __future__ import annotations

import pytest

from model.engine import evaluate
from model.example import load_example
from model.prose_rules import copied_share, repeated_spans
from model.report import Report
from tests.support.factories import full_2021

OLD = "本机关坚持以公开为常态、不公开为例外，围绕中心工作，深入推进决策、执行、管理、服务、结果公开。"
NEW = "本年度围绕优化营商环境，重点公开了涉企政策、行政许可办理结果和监管信息，并开展了政策解读。"
PROBLEMS = (
    "存在的问题：一是政策解读形式单一；二是基层公开目录更新不及时。改进措施：一是增加图解；二是定期更新目录。"
)


def pair(fmt: str) -> tuple[Report, Report]:
    """This year's report and last year's, attached, in either format."""
    if fmt == "2021":
        report, last = full_2021(year=2025), full_2021(year=2024)
    else:
        report, last = load_example(), load_example()
        last.year = 2019
    last.prose["s5"] = PROBLEMS
    report.prose["s5"] = "针对上年报告提出的政策解读形式单一的问题，本年新增图解12篇、视频解读3期。"
    report.previous = last
    return report, last


def copy_findings(report: Report) -> list[tuple[str, str]]:
    return [(f.severity, f.message) for f in evaluate(report) if f.code == "COPY"]


@pytest.mark.parametrize("fmt", ["2021", "2019"])
def test_each_section_gets_its_share(fmt: str) -> None:
    report, last = pair(fmt)
    last.prose["s1"] = OLD * 2
    report.prose["s1"] = OLD + NEW * 2  # a third of the text as last year
    ((severity, message),) = copy_findings(report)
    share = copied_share(report.prose["s1"], last.prose["s1"])
    assert 0.2 <= share <= 0.5 and severity == "info"
    assert f"有{share:.0%}的文字与{last.year}年报告相同" in message and "超过50%即为内容雷同" in message
    report.prose["s1"] = OLD * 2 + NEW  # more than half
    ((severity, message),) = copy_findings(report)
    assert severity == "warning" and "内容雷同会被通报" in message
    report.prose["s1"] = NEW * 3
    assert copy_findings(report) == []


def test_the_threshold_is_a_parameter(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tests.model.checks.test_packs import installed

    report, last = pair("2021")
    last.prose["s1"] = OLD * 2
    report.prose["s1"] = OLD + NEW * 2
    assert [s for s, _ in copy_findings(report)] == ["info"]
    with installed(tmp_path, monkeypatch, {"rules": [_copy_rule(0.2)]}):
        report.pack = "testpack"
        ((severity, message),) = copy_findings(report)
        assert severity == "warning"


def _copy_rule(threshold: float) -> dict[str, object]:
    return {
        "code": "COPY",
        "severity": "warning",
        "kind": "copied_prose",
        "sections": ["s1", "s5"],
        "threshold": threshold,
    }


def test_repeated_sentences_are_found_where_they_stand() -> None:
    text = NEW + OLD + "本年新增一项工作。"
    spans = repeated_spans(text, OLD * 2)
    assert [text[a:b] for a, b in spans] == [OLD]
    assert repeated_spans(text, "") == [] and repeated_spans(NEW, OLD) == []


@pytest.mark.parametrize("fmt", ["2021", "2019"])
def test_five_names_last_years_problems(fmt: str) -> None:
    report, _ = pair(fmt)
    assert [f for f in evaluate(report) if f.code == "XY-FIX"] == []


@pytest.mark.parametrize("fmt", ["2021", "2019"])
def test_five_without_a_word_on_last_year(fmt: str) -> None:
    report, last = pair(fmt)
    report.prose["s5"] = "存在的问题：人员力量不足。改进措施：加强培训。"
    (finding,) = [f for f in evaluate(report) if f.code == "XY-FIX"]
    assert f"没有说明{last.year}年报告所提问题的整改情况" in finding.message and finding.severity == "warning"


def test_five_speaks_of_last_year_but_names_none_of_its_problems() -> None:
    report, last = pair("2021")
    report.prose["s5"] = "上年报告提出的问题已基本整改。存在的问题：人员力量不足。"
    (finding,) = [f for f in evaluate(report) if f.code == "XY-FIX"]
    assert "没有提到2024年报告列出的问题" in finding.message and "政策解读形式单一" in finding.message
    report.prose["s5"] = "上年报告提出的问题已基本整改，基层公开目录已按月更新。"
    assert [f for f in evaluate(report) if f.code == "XY-FIX"] == []


def test_without_last_year_nothing_is_asked() -> None:
    report, _ = pair("2021")
    report.previous = None
    report.prose["s5"] = "存在的问题：人员力量不足。"
    assert [f for f in evaluate(report) if f.code in ("XY-FIX", "COPY")] == []
