"""Carrying last year's report forward: 上年结转, the baselines, agency and contact."""

from __future__ import annotations

from model.carry import carry_forward
from model.engine import evaluate
from model.report import Report
from tests.support.factories import full_2021


def test_carry_from_a_2021_report():
    last = full_2021(year=2022)
    last.set_value("t3.next.business", 2)
    this = Report.new(2023)
    changed = carry_forward(this, last, "2022.nianbao")
    assert this.value("t3.carry.natural") == 4 and this.value("t3.carry.business") == 2
    assert this.value("t3.carry.total") == 6
    assert "t3.carry.natural" in changed and "t3.carry.total" not in changed
    assert this.value("t2.normative.valid") == 27  # baseline for 现行有效件数
    assert (this.agency, this.level, this.contact) == (last.agency, last.level, last.contact)
    assert this.previous is last and this.previous_source == "2022.nianbao"
    assert not [f for f in evaluate(this) if f.code == "XY-CARRY"]


def test_carry_keeps_what_the_clerk_already_wrote():
    last = full_2021(year=2022)
    this = Report.new(2023, "新名称", "县级政府")
    this.set_value("t2.normative.valid", 30)
    carry_forward(this, last)
    assert this.value("t2.normative.valid") == 30
    assert (this.agency, this.level) == ("新名称", "县级政府")


def test_carry_into_a_2019_report_sets_last_year_s_item_counts(example):
    last = example
    this = Report.new(2020, format_id="2019")
    carry_forward(this, last)
    assert this.value("t2.penalty.prev") == 237 + 251
    assert this.value("t2.license.prev") == 28
    assert this.value("t3.carry.natural") == 0
    assert not [f for f in evaluate(this) if f.code in ("XY-PREV", "XY-CARRY")]


def test_carry_from_2020_into_the_2021_format(example):
    this = Report.new(2021)
    carry_forward(this, example)
    assert this.value("t3.carry.natural") == 0
    assert this.value("t2.normative.valid") is None  # the 2019 format has no 现行有效件数
