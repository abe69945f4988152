"""The Excel export reopened with openpyxl: layout, values, formulas, protection, validations, text safety."""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

from exporters.xlsx.checks import CHECK_SHEET, check_list
from exporters.xlsx.layout import TABLE_TOP, place_cells, rectangles
from exporters.xlsx.writer import CELLS_HEADERS, CELLS_SHEET, META_SHEET, write_xlsx
from model import draft
from model.example import load_example
from model.report import Report

AGENCY_2021 = '=HYPERLINK("x")'


def build_2021() -> Report:
    """A 2021-format report with every kind of cell, some blanks and one unbalanced table-三 column."""
    report = Report.new(2022, AGENCY_2021, "县级政府")
    report.contact.office = "@SUM(A1)"
    report.contact.phone = "+86 0571-1234"
    report.contact.address = "-某路1号"
    report.prose["s1"] = "=1+1 开头像公式的正文"
    fmt = report.fmt
    t3 = fmt.table("t3")
    for index, cell_id in enumerate(fmt.input_ids()):
        spec = fmt.cells[cell_id]
        if spec.kind == "amount":
            report.set_value(cell_id, Decimal("59237.2449"))
        elif spec.table != "t3":
            report.set_value(cell_id, index % 5)
    results = [r.key for r in t3.rows if r.role == "data" and r.key not in ("new", "carry", "total", "next")]
    for n, col in enumerate(c for c in t3.columns if not fmt.is_computed(f"t3.new.{c}")):
        for i, row in enumerate(results):
            report.set_value(f"t3.{row}.{col}", (i + n) % 3)
        report.set_value(f"t3.carry.{col}", n)
        report.set_value(f"t3.next.{col}", 1)
        handled = sum((i + n) % 3 for i in range(len(results)))
        report.set_value(f"t3.new.{col}", handled + 1 - n + (2 if col == "legal" else 0))
    report.set_value("t2.license.decisions", None)  # one blank
    return report


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, tuple[Report, Path]]:
    folder = tmp_path_factory.mktemp("xlsx")
    example = load_example()
    example.set_value("t2.procurement.amount", Decimal(251000), "元")
    reports = {"example": example, "r2021": build_2021()}
    out = {}
    for name, report in reports.items():
        path = folder / f"{name}.xlsx"
        write_xlsx(report, path)
        out[name] = (report, path)
    return out


@pytest.fixture(scope="module", params=["example", "r2021"])
def case(request, written):
    report, path = written[request.param]
    return report, path, load_workbook(path)


def cells_map(wb) -> dict[str, tuple[str, str, str, str]]:
    rows = list(wb[CELLS_SHEET].iter_rows(values_only=True))
    assert rows[0] == CELLS_HEADERS
    return {r[0]: (r[1], r[2], r[3], r[4]) for r in rows[1:]}


def covered(formula: str) -> set[str]:
    """Cell coordinates a SUM(...) formula on the same sheet covers."""
    inner = formula[formula.index("SUM(") + 4 : formula.index(")", formula.index("SUM("))]
    out = set()
    for ref in inner.split(","):
        c1, r1, c2, r2 = range_boundaries(ref.replace("$", ""))
        out |= {f"{chr(64 + c)}{r}" for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
    return out


def test_sheets_and_hidden_contract(case):
    report, _, wb = case
    shorts = [t.short for t in report.fmt.tables]
    assert wb.sheetnames == ["基本信息", *shorts, CHECK_SHEET, "数据", "报告正文", META_SHEET, CELLS_SHEET]
    assert wb[META_SHEET].sheet_state == wb[CELLS_SHEET].sheet_state == "hidden"
    meta = {r[0]: r[1] for r in wb[META_SHEET].iter_rows(values_only=True)}
    assert (
        meta["format"] == report.format_id and meta["year"] == report.year and meta["agency"] == report.agency
    )
    mapping = cells_map(wb)
    for cell_id in report.fmt.cells:
        sheet, coordinate, kind, role = mapping[cell_id]
        assert kind == report.fmt.cells[cell_id].kind
        assert role == ("total" if report.fmt.is_computed(cell_id) else "input")
        assert sheet == report.fmt.table(cell_id.split(".")[0]).short
    assert {k for k in mapping if k.startswith("check.")} == {c.key for c in check_list(report.fmt)}
    assert wb["基本信息"][mapping["info.agency"][1]].value == report.agency
    assert wb["报告正文"][mapping["prose.s1"][1]].value == report.prose.get("s1", "")


def test_layout_merges_and_labels(case):
    report, _, wb = case
    for table in report.fmt.tables:
        ws = wb[table.short]
        assert ws["A1"].value == f"{table.number}、{table.title}"
        expected = {f"A1:{chr(64 + table.grid_columns)}1"}
        for row in table.rows:
            for cell in row.cells:
                r, c = TABLE_TOP + cell.row, 1 + cell.col
                if cell.rowspan > 1 or cell.colspan > 1:
                    expected.add(f"{chr(64 + c)}{r}:{chr(63 + c + cell.colspan)}{r + cell.rowspan - 1}")
                if cell.cell_id is None:
                    assert ws.cell(row=r, column=c).value == cell.text
        assert {str(m) for m in ws.merged_cells.ranges} == expected


def test_values_formulas_and_locks(case):
    report, _, wb = case
    fmt, places = report.fmt, place_cells(report.fmt)
    for cell_id, place in places.items():
        ws = wb[place.sheet]
        cell = ws[place.coordinate]
        if fmt.is_computed(cell_id):
            assert cell.value.startswith("=IF(COUNT(") and cell.protection.locked
            assert covered(cell.value) == {places[p].coordinate for p in fmt.totals[cell_id].parts}
            continue
        assert cell.protection.locked is False
        value = report.values.get(cell_id)
        if value is None:
            assert cell.value is None
        elif fmt.cells[cell_id].kind in ("count", "signed"):
            assert cell.value == value and isinstance(cell.value, int)
        else:
            assert Decimal(str(cell.value)) == value
            assert cell.number_format.startswith("0.00")
    for table in fmt.tables:
        ws = wb[table.short]
        assert ws.protection.sheet and not ws.protection.password
        assert ws["A1"].protection.locked


def test_money_keeps_its_unit(written):
    _, path = written["example"]
    wb = load_workbook(path)
    sheet, coordinate, _, _ = cells_map(wb)["t2.procurement.amount"]
    assert wb[sheet][coordinate].value == 251000
    assert '"元"' in wb[sheet][coordinate].number_format


def test_validations(case):
    report, _, wb = case
    fmt, places = report.fmt, place_cells(report.fmt)
    expected = {
        "count": ("whole", "greaterThanOrEqual"),
        "signed": ("whole", "between"),
        "amount": ("decimal", "greaterThanOrEqual"),
        "money": ("decimal", "greaterThanOrEqual"),
    }
    for table in fmt.tables:
        ws = wb[table.short]
        found: dict[str, tuple[str, str, str]] = {}
        for dv in ws.data_validations.dataValidation:
            for rng in dv.sqref.ranges:
                for row in range(rng.min_row, rng.max_row + 1):
                    for col in range(rng.min_col, rng.max_col + 1):
                        found[f"{chr(64 + col)}{row}"] = (dv.type, dv.operator, dv.error)
        for spec in table.cells:
            coordinate = places[spec.cell_id].coordinate
            if fmt.is_computed(spec.cell_id):
                assert coordinate not in found
                continue
            type_, operator, error = found[coordinate]
            assert (type_, operator) == expected[spec.kind]
            assert "请输入" in error
            if spec.kind == "signed":
                assert "负数" in error


def test_print_setup(case):
    report, _, wb = case
    for table in report.fmt.tables:
        ws = wb[table.short]
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
        if table.header_rows:
            assert ws.print_title_rows.replace("$", "") == f"{TABLE_TOP}:{TABLE_TOP + table.header_rows - 1}"
        assert ws.page_setup.orientation == ("landscape" if table.grid_columns > 4 else "portrait")


def test_text_is_never_a_formula(written):
    report, path = written["r2021"]
    wb = load_workbook(path)
    mapping = cells_map(wb)
    info = wb["基本信息"]
    for key, text in (
        ("info.agency", AGENCY_2021),
        ("info.contact.office", "@SUM(A1)"),
        ("info.contact.phone", "+86 0571-1234"),
        ("info.contact.address", "-某路1号"),
    ):
        cell = info[mapping[key][1]]
        assert cell.value == text and cell.data_type == "s"
        assert cell.quotePrefix  # stays text when the clerk edits the cell in Excel or WPS
    with zipfile.ZipFile(path) as package:
        sheets = "".join(
            package.read(n).decode() for n in package.namelist() if n.startswith("xl/worksheets/")
        )
    formulas = re.findall(r"<f>([^<]*)</f>", sheets)
    assert formulas and not [f for f in formulas if "HYPERLINK" in f or f.startswith(("SUM(A1)", "1+1"))]
    assert sheets.count('HYPERLINK("x")') >= 2  # written as text (agency on 基本信息 and in _meta)


def test_data_sheet_lists_every_value(case):
    report, _, wb = case
    rows = list(wb["数据"].iter_rows(min_row=2, values_only=True))
    listed = {r[7]: r for r in rows if r[7] in report.fmt.cells}
    assert set(listed) == set(report.fmt.cells)
    for cell_id, row in listed.items():
        value = report.effective(cell_id)
        assert (row[3] is None) if value is None else Decimal(str(row[3])) == value


def test_check_rows_cover_every_rule_instance(case):
    report, _, wb = case
    fmt = report.fmt
    checks = check_list(fmt)
    codes = [c.code for c in checks]
    balance = next(s for s in fmt.rules if s.kind == "balance")
    assert codes.count(balance.code) == len(fmt.table(balance.params["table"]).columns)
    for spec in fmt.rules:
        if spec.kind == "stated_total":
            assert codes.count(spec.code) == sum(t.rule == spec.code for t in fmt.checks) > 0
    assert codes.count("BLANK") == len(fmt.tables)
    ws = wb[CHECK_SHEET]
    mapping = cells_map(wb)
    for check in checks:
        result = ws[mapping[check.key][1]]
        assert result.value.startswith("=IF(")
        assert ws.cell(row=result.row, column=1).value == check.code


def test_rectangles_cover_exactly():
    points = (
        {(r, c) for r in range(4, 26) for c in range(4, 10)} | {(27, c) for c in range(4, 10)} | {(30, 2)}
    )
    rects = rectangles(points)
    assert len(rects) == 3
    assert {
        (r, c) for r1, c1, r2, c2 in rects for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)
    } == points


def test_cli_export(tmp_path):
    from nianbao.cli import main

    source = tmp_path / "example.nianbao"
    draft.save(load_example(), source)
    target = tmp_path / "out.xlsx"
    assert main(["export", str(source), "--xlsx", str(target)]) == 0
    assert "表三" in load_workbook(target).sheetnames


def test_unbalanced_cells_get_a_conditional_format(case):
    report, _, wb = case
    fmt, places = report.fmt, place_cells(report.fmt)
    balance = next(c for c in check_list(fmt) if c.code == "T3-BAL")
    ws = wb[places[balance.left[0]].sheet]
    formats = list(ws.conditional_formatting)
    marked = [cf for cf in formats if all(places[c].coordinate in cf.sqref for c in balance.cells)]
    assert len(marked) == 1
    assert marked[0].rules[0].formula[0].endswith("<>0") and "SUM(" in marked[0].rules[0].formula[0]
    assert not any("!" in r.formula[0] for cf in formats for r in cf.rules)  # same-sheet references only


def test_invalid_text_and_disagreeing_stated_total(tmp_path):
    report = build_2021()
    report.invalid["t3.open.natural"] = "十二"
    report.values.pop("t3.open.natural", None)
    report.changed()
    report.stated["t4.cases.review_total"] = 99
    write_xlsx(report, tmp_path / "odd.xlsx")
    wb = load_workbook(tmp_path / "odd.xlsx")
    mapping = cells_map(wb)
    sheet, coordinate, _, _ = mapping["t3.open.natural"]
    assert wb[sheet][coordinate].value == "十二" and wb[sheet][coordinate].data_type == "s"
    sheet, coordinate, _, role = mapping["t4.cases.review_total"]
    assert role == "total" and wb[sheet][coordinate].value == 99


@pytest.mark.parametrize("agency", ["@SUM(A1)", "+1", "-某局", AGENCY_2021])
def test_formula_like_agency_stays_text_everywhere(tmp_path, agency):
    report = load_example()
    report.agency = agency
    write_xlsx(report, tmp_path / "agency.xlsx")
    wb = load_workbook(tmp_path / "agency.xlsx")
    cell = wb["基本信息"][cells_map(wb)["info.agency"][1]]
    assert cell.value == agency and cell.data_type == "s"
    assert wb["基本信息"]["A1"].value == report.title and wb["基本信息"]["A1"].data_type == "s"
    meta = {r[0]: r[1] for r in wb[META_SHEET].iter_rows(values_only=True)}
    assert meta["agency"] == agency
