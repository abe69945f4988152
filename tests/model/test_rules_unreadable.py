"""A cell whose text is not a value is reported once (VALUE), not again as every sum it takes part in."""

from __future__ import annotations

from model.engine import evaluate
from tests.support.factories import full_2021


def read_back_with(texts: dict[str, str], stated: dict[str, int] | None = None):
    """A report as read from a document: some cells printed as text that is no value, totals as printed."""
    report = full_2021()
    for cell_id, text in texts.items():
        report.values.pop(cell_id, None)
        report.invalid[cell_id] = text
    for cell_id, value in (stated or {}).items():
        report.stated[cell_id] = value
    report.changed()
    return report


def test_an_unreadable_cell_gives_one_value_finding_not_a_cascade_of_sums():
    report = full_2021()
    printed_total = report.value("t3.new.total")
    report = read_back_with({"t3.new.natural": "约12"}, {"t3.new.total": printed_total})
    found = [f for f in evaluate(report) if f.severity != "info"]  # 提示 (the reviewer's ratios) aside
    assert [f.code for f in found] == ["VALUE"], [f.message for f in found]
    assert "约12" in found[0].message


def test_a_total_computed_from_an_unreadable_cell_is_not_checked_either():
    report = read_back_with(
        {"t3.open.business": "若干"}
    )  # 总计 column printed blank: computed from the parts
    assert [f.code for f in evaluate(report) if f.severity != "info"] == ["VALUE"]


def test_sums_without_unreadable_cells_are_still_checked():
    report = full_2021()
    report = read_back_with({"t3.open.business": "若干"}, {"t3.new.total": report.value("t3.new.total") + 1})
    codes = sorted({f.code for f in evaluate(report)})
    assert "T3-ROW" in codes and "VALUE" in codes
