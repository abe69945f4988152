"""A 2021 report printed with the single 2019 （六）其他处理 row: where that row shows 0, its three 2021 items are 0
(counts are never negative), so only the columns with a figure are left blank for the clerk to split."""

from __future__ import annotations

from exporters.reading import read_any
from model.engine import evaluate
from tests.support.factories import full_2021
from tests.support.office_docs import Style, build

COLUMNS = ("natural", "business", "research", "welfare", "legal", "others", "total")


def mixed(tmp_path, report):
    single = {
        f"t3.other.{c}": str(
            sum(report.value(f"t3.{row}.{c}") or 0 for row in ("other_overdue", "other_fee", "other_other"))
        )
        for c in COLUMNS
    }
    return build(report, tmp_path / "mixed.docx", Style(tables={"t3": "2019"}, texts=single))


def test_a_zero_single_row_gives_zero_items(tmp_path):
    report = full_2021()
    for row in ("other_overdue", "other_fee", "other_other"):
        for col in COLUMNS[:-1]:
            report.set_value(f"t3.{row}.{col}", 0)
    report.set_value("t3.next.natural", report.value("t3.next.natural") + 3)  # keep T3-BAL: 3 fewer results
    read, findings = read_any(mixed(tmp_path, report))
    assert {f.code for f in findings} == {"FMT-MIXED"}
    assert all(
        read.value(f"t3.{row}.{col}") == 0 for row in ("other_overdue", "other_fee") for col in COLUMNS
    )
    assert [f.code for f in evaluate(read) if f.severity != "info"] == []


def test_columns_with_a_figure_stay_blank_for_the_clerk_to_split(tmp_path):
    report = full_2021()  # （六）3.其他 has 3 under 自然人, every other column 0
    read, _ = read_any(mixed(tmp_path, report))
    blank = [f for f in evaluate(read) if f.code == "BLANK"]
    assert len(blank) == 1
    assert set(blank[0].cells) == {"t3.other_overdue.natural", "t3.other_fee.natural"}
    assert read.value("t3.other_other.natural") == 3 and read.value("t3.other_fee.business") == 0
