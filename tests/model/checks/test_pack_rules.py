"""The example pack's rules on report-like text, in both formats (for 2019 the same rules in a pack extending it):
一's length (SEC-LEN), the counts 一 must state (SEC-ITEMS), 六's sub-items (SEC-TOPICS), local deadlines."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from importlib import resources

import pytest

from model.engine import evaluate
from model.example import load_example
from model.report import Report
from tests.model.checks.test_packs import installed
from tests.support.factories import full_2021

COUNTS = (
    "（一）主动公开\n本年通过政府门户网站公开信息1200条，通过政务新媒体发布信息860条，在政府公报刊登文件12件，"
    "发布政策解读15篇；制发规范性文件4件，废止1件，现行有效27件。\n（四）政府信息公开平台建设\n维护公开平台3个、专栏8个。"
)
TOPICS = (
    "（一）落实上级年度政务公开工作要点情况：逐项落实省市工作要点。\n（二）人大代表建议和政协提案办理结果公开情况："
    "公开办理结果20件。\n（三）政务公开创新情况：开展政府开放日活动。\n本年度收取信息处理费0元。"
)


def sample_rules() -> list[dict[str, object]]:
    text = resources.files("resources.packs").joinpath("2025sample.json").read_text("utf-8")
    return json.loads(text)["rules"]  # type: ignore[no-any-return]


@pytest.fixture(params=["2021", "2019"])
def report(request, tmp_path, monkeypatch) -> Iterator[Report]:  # type: ignore[no-untyped-def]
    """A clean report with the example pack's rules: 2021 with the pack itself, 2019 with a copy extending 2019."""
    if request.param == "2021":
        chosen = full_2021(year=2025)
        chosen.pack = "2025sample"
        chosen.prose.update({"s1": COUNTS, "s6": TOPICS})
        yield chosen
        return
    with installed(tmp_path, monkeypatch, {"extends": "2019", "rules": sample_rules()}):
        chosen = load_example()
        chosen.pack = "testpack"
        chosen.prose.update({"s1": COUNTS, "s6": TOPICS})
        yield chosen


def codes(report: Report, prefix: str) -> list[str]:
    return [f.message for f in evaluate(report) if f.code == prefix]


def test_a_report_that_states_everything_passes(report: Report) -> None:
    found = {f.code for f in evaluate(report) if f.severity != "info"}
    assert not found & {"SEC-LEN", "SEC-ITEMS", "SEC-TOPICS", "PUB-LATE"}, found


def test_one_over_a_thousand_characters(report: Report) -> None:
    report.prose["s1"] = COUNTS + "\n" + "本机关持续深化政务公开。" * 90
    (message,) = codes(report, "SEC-LEN")
    assert "“一、总体情况”有" in message and "超过了规定的1000字（示例执行口径）" in message


def test_counts_without_numbers_are_missing(report: Report) -> None:
    report.prose["s1"] = COUNTS.replace("发布政策解读15篇", "做好政策解读").replace(
        "通过政务新媒体发布信息860条，", ""
    )
    (message,) = codes(report, "SEC-ITEMS")
    assert "没有写明通过政务新媒体公开信息、政策解读的具体数量" in message


def test_a_number_in_the_next_sentence_does_not_count(report: Report) -> None:
    report.prose["s1"] = COUNTS.replace("发布政策解读15篇", "重视政策解读。发布文件15篇")
    assert "政策解读的具体数量" in codes(report, "SEC-ITEMS")[0]


def test_six_without_its_sub_items(report: Report) -> None:
    report.prose["s6"] = "本年度收取信息处理费0元。"
    (message,) = codes(report, "SEC-TOPICS")
    assert (
        "没有写到落实上级年度政务公开工作要点情况、人大代表建议和政协提案办理结果公开情况、政务公开创新情况"
        in message
    )


def test_local_deadlines_by_level(report: Report) -> None:
    report.level = (
        "县级政府"  # the law gives governments until 31 March; the pack districts until 20 February
    )
    report.published = datetime.date(report.year + 1, 2, 20)
    assert codes(report, "PUB-LATE") == []
    report.published = datetime.date(report.year + 1, 3, 1)
    (message,) = codes(report, "PUB-LATE")
    assert f"期限{report.year + 1}年2月20日（示例执行口径），晚9天" in message
    report.pack = ""  # the national rule: in time
    assert codes(report, "PUB-LATE") == []
