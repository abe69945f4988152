"""Findings stay readable: a cell holding megabytes of text is quoted by a short excerpt, in the VALUE finding and
wherever else a message shows what a cell holds."""

from __future__ import annotations

from model.engine import evaluate
from model.import_check import overwritten
from model.values import InputError, excerpt, parse_value
from tests.support.factories import full_2021

HUGE = "备注" * 5_000_000  # 10 million characters, as a cell of a hostile workbook could hold


def test_excerpt():
    assert excerpt("  12.5 ") == "12.5"
    assert excerpt("一" * 20) == "一" * 20
    assert excerpt("一" * 21) == "一" * 20 + "…"


def test_the_value_finding_quotes_a_short_excerpt():
    report = full_2021()
    report.invalid["t3.new.natural"] = HUGE  # as a reader puts it, before anything cuts it
    found = [f for f in evaluate(report) if f.code == "VALUE"]
    assert len(found) == 1 and found[0].cells == ("t3.new.natural",)
    assert len(found[0].message) < 150 and "…" in found[0].message


def test_the_refusal_of_a_typed_text_quotes_a_short_excerpt():
    try:
        parse_value(HUGE, "count", "表三·自然人·本年新收")
    except InputError as exc:
        assert len(str(exc)) < 100 and str(exc).endswith("…”）")
    else:  # pragma: no cover
        raise AssertionError("a text is no count")


def test_the_list_of_overwritten_cells_quotes_a_short_excerpt():
    report, after = full_2021(), full_2021()
    report.invalid["t3.new.natural"] = HUGE
    lines = overwritten(report, after, ["t3.new.natural"])
    assert len(lines) == 1 and len(lines[0]) < 100
