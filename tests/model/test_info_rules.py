"""META: 基本信息 left without the agency's name is a finding (the 基本信息 mark is not a green tick), as a rule in
the format files; every rule there says what it checks (the help page lists them)."""

from __future__ import annotations

import pytest

from model.engine import evaluate
from model.formats import format_ids, load_format
from model.report import Report
from tests.support.factories import full_2021


def meta(report):
    return [f for f in evaluate(report) if f.code == "META"]


@pytest.mark.parametrize("year", [2020, 2024])
def test_an_empty_agency_name_is_a_warning_in_both_formats(year):
    (finding,) = meta(Report.new(year, ""))
    assert finding.severity == "warning" and "机关名称" in finding.message and "META" not in finding.message
    assert meta(Report.new(year, "某某县某某局")) == []
    assert meta(Report.new(year, "   ")) != []


def test_the_fields_are_parameters_of_the_rule():
    report = full_2021()
    spec = next(r for r in report.fmt.rules if r.code == "META")
    assert spec.kind == "required_meta" and spec.params["fields"] == ["agency"]
    assert meta(report) == []


def test_every_rule_of_every_format_describes_itself_in_chinese():
    for format_id in format_ids():
        for spec in load_format(format_id).rules:
            text = spec.params.get("description", "")
            assert text and any("\u4e00" <= ch <= "\u9fff" for ch in text), (format_id, spec.code)
