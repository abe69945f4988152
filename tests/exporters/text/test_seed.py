"""The seed — the real 2020 report of 杭州市城市管理局 as copied from its web page — reads as the example report."""

from __future__ import annotations

import pytest

from exporters.reading import read_any
from exporters.text.reader import read_text
from model.engine import evaluate
from model.example import load_example
from tests.support.seeds import seed_path


@pytest.fixture(scope="module")
def seed():
    return seed_path()


def test_the_seed_gives_the_example_report(seed):
    report, findings = read_text(seed)
    example = load_example()
    assert findings == []
    printed = (report.agency, report.year, report.format_id, report.level)
    assert printed == (example.agency, example.year, example.format_id, example.level)
    assert printed == ("杭州市城市管理局", 2020, "2019", "政府部门")
    assert report.values == example.values and report.units == example.units
    assert report.invalid == {}
    totals = example.totals()
    assert report.stated == {cell: totals[cell] for cell in report.stated}  # every printed total is right
    assert set(report.stated) == {c for c in report.fmt.totals if c.startswith(("t3.", "t4."))}
    assert (report.stated["t3.new.total"], report.stated["t3.total.total"]) == (30, 35)
    assert [f for f in evaluate(report) if f.severity == "error"] == []


def test_the_seed_prose_sections(seed):
    report, _ = read_text(seed)
    assert set(report.prose) == {"s1", "s5", "s6"} == set(load_example().prose)
    s1 = report.prose["s1"].splitlines()
    assert len(s1) == 12 and s1[0].startswith("2020年")  # not the opening paragraph above 「1、 总体情况」
    assert [line for line in s1 if line.startswith("（")] == [
        "（1） 主动公开情况",
        "（2） 依申请公开情况",
        "（3） 政府信息管理",
        "（4） 平台建设",
        "（5） 监督保障",
    ]
    assert report.prose["s6"] == "无。"
    assert report.prose["s5"] and "二、" not in report.prose["s5"]


def test_read_any_opens_the_seed(seed):
    report, findings = read_any(seed)
    assert report.values == load_example().values and findings == []
