"""Totals kept as printed: which contradict their parts, which an edit touches, what an export says."""

from __future__ import annotations

from model.printed import EXPORT_NOTE, contradicting, export_note, printed, touched
from model.report import Report


def test_a_printed_total_is_touched_through_the_totals_above_it_and_named_when_it_contradicts(
    example: Report,
):
    report = example.copy()
    assert export_note(report) == "" and contradicting(report) == []
    report.stated.update({"t3.new.total": 30, "t3.total.total": report.value("t3.total.total")})
    assert set(printed(report)) == {"t3.new.total", "t3.total.total"}
    assert touched(report, ["t3.new.natural"]) == ["t3.new.total"]
    assert touched(report, ["t3.open.natural"]) == ["t3.total.total"]  # via （七）总计·自然人
    report.set_text("t3.new.natural", "29")
    assert contradicting(report) == ["t3.new.total"]
    assert export_note(report).startswith(EXPORT_NOTE) and "本年新收" in export_note(report)
