"""The exported workbook recalculated by LibreOffice: totals and checks equal the model's, edits flip the right checks."""

from __future__ import annotations

import shutil
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from openpyxl import load_workbook

from exporters.xlsx.checks import FAIL, PASS, check_list
from exporters.xlsx.writer import CELLS_SHEET, write_xlsx
from model.engine import evaluate
from model.example import load_example
from model.report import Report
from tests.exporters.xlsx.test_writer import build_2021
from tests.support.libreoffice import convert_many

EDITED_INPUT = "t3.new.natural"
OVERWRITTEN_TOTAL = "t4.cases.review_total"


@cache
def places(path: Path) -> dict[str, tuple[str, str]]:
    book = load_workbook(path, read_only=True)  # read-only keeps the file open until closed
    try:
        return {r[0]: (r[1], r[2]) for r in book[CELLS_SHEET].iter_rows(min_row=2, values_only=True)}
    finally:
        book.close()


def edit(source: Path, target: Path, cell_id: str, change) -> None:  # type: ignore[no-untyped-def]
    """Change one cell of a written workbook with openpyxl, as a user would in Excel."""
    shutil.copy(source, target)
    sheet, coordinate = places(source)[cell_id]
    wb = load_workbook(target)
    cell = wb[sheet][coordinate]
    cell.value = change(cell.value)
    wb.save(target)


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory, soffice) -> dict[str, tuple[Report, Path]]:
    folder, out = tmp_path_factory.mktemp("written"), tmp_path_factory.mktemp("recalculated")
    example, r2021 = load_example(), build_2021()
    write_xlsx(example, folder / "example.xlsx")
    write_xlsx(r2021, folder / "r2021.xlsx")
    edit(folder / "example.xlsx", folder / "plus_one.xlsx", EDITED_INPUT, lambda v: v + 1)
    edit(folder / "r2021.xlsx", folder / "overwritten.xlsx", OVERWRITTEN_TOTAL, lambda v: 99)
    plus_one = example.copy()
    plus_one.set_value(EDITED_INPUT, example.values[EDITED_INPUT] + 1)
    overwritten = r2021.copy()
    overwritten.stated[OVERWRITTEN_TOTAL] = 99
    reports = {"example": example, "r2021": r2021, "plus_one": plus_one, "overwritten": overwritten}
    convert_many([folder / f"{name}.xlsx" for name in reports], "xlsx", out, timeout=300)  # recalculated
    return {name: (report, out / f"{name}.xlsx") for name, report in reports.items()}


@cache
def results(path: Path) -> dict[str, str]:
    wb = load_workbook(path, data_only=True)
    return {
        key: wb[sheet][cell].value for key, (sheet, cell) in places(path).items() if key.startswith("check.")
    }


def expected_failures(report: Report) -> set[str]:
    """The check rows that must show 不通过: those matching a finding of the model's rule engine."""
    findings = evaluate(report)
    out = set()
    for check in check_list(report.fmt):
        for finding in findings:
            if finding.code != check.code:
                continue
            if (check.blank and set(finding.cells) & set(check.left)) or set(finding.cells) == set(
                check.cells
            ):
                out.add(check.key)
    return out


@pytest.mark.parametrize("name", ["example", "r2021", "plus_one", "overwritten"])
def test_checks_equal_the_model(recalculated, name):
    report, path = recalculated[name]
    shown = results(path)
    assert set(shown) == {c.key for c in check_list(report.fmt)}
    assert set(shown.values()) <= {PASS, FAIL}
    failing = {key for key, value in shown.items() if value == FAIL}
    assert failing == expected_failures(report)


@pytest.mark.parametrize("name", ["example", "r2021"])
def test_totals_equal_the_model(recalculated, name):
    report, path = recalculated[name]
    wb = load_workbook(path, data_only=True)
    for cell_id, (sheet, cell) in places(path).items():
        if cell_id in report.fmt.totals:
            value, expected = wb[sheet][cell].value, report.totals()[cell_id]
            if expected is None:
                assert value in (None, "")
            else:
                assert Decimal(str(value)) == expected, cell_id


def test_one_edit_flips_exactly_its_balance(recalculated):
    example, _ = recalculated["example"]
    column = EDITED_INPUT.rsplit(".", 1)[1]
    failing = {key for key, value in results(recalculated["plus_one"][1]).items() if value == FAIL}
    row_total = next(t.cell_id for t in example.fmt.checks if EDITED_INPUT in t.parts)
    total_column = row_total.rsplit(".", 1)[
        1
    ]  # the row's total grows too, so its column is unbalanced as well
    assert failing == {f"check.T3-BAL.{column}", f"check.T3-BAL.{total_column}"}
    assert not {key for key, value in results(recalculated["example"][1]).items() if value == FAIL}


def test_overwritten_total_fails_only_its_sum(recalculated):
    report, path = recalculated["overwritten"]
    before = {k for k, v in results(recalculated["r2021"][1]).items() if v == FAIL}
    after = {k for k, v in results(path).items() if v == FAIL}
    total = report.fmt.totals[OVERWRITTEN_TOTAL]
    assert after - before == {f"check.{total.rule}.{OVERWRITTEN_TOTAL}"}
    assert before - after == set()
    assert "check.T3-BAL.legal" in before  # the test report is unbalanced in one column on purpose


def test_summary_counts_failures(recalculated):
    wb = load_workbook(recalculated["plus_one"][1], data_only=True)
    assert "2项不通过" in wb["校验"]["C2"].value
    wb = load_workbook(recalculated["example"][1], data_only=True)
    assert wb["校验"]["C2"].value.startswith("全部通过")
