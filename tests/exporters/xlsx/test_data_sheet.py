"""The workbook's 数据 sheet by readable labels with the cell id hidden; table 二's titles centred; old files read."""

from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl import load_workbook

from exporters.xlsx.reader import read_xlsx
from exporters.xlsx.sheets import DATA_HEADERS
from exporters.xlsx.writer import write_xlsx
from model.example import load_example
from model.report import Report
from tests.support.factories import full_2021

OLD_HEADERS = ("表", "行", "列", "单元格", "名称", "数值", "单位", "类型")  # 数据 as written before


@pytest.fixture(params=["example", "2021"])
def report(request) -> Report:  # type: ignore[no-untyped-def]
    return load_example() if request.param == "example" else full_2021()


@pytest.fixture
def workbook(report, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "r.xlsx"
    write_xlsx(report, path)
    return path, load_workbook(path)


def test_data_sheet_shows_labels_and_hides_the_cell_id(report, workbook):
    _, wb = workbook
    ws = wb["数据"]
    assert tuple(c.value for c in ws[1]) == DATA_HEADERS
    ids = ws.column_dimensions["H"]
    assert ids.hidden and all(not ws.column_dimensions[c].hidden for c in "ABCDEFG")
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[7] in report.fmt.cells]
    assert len(rows) == len(report.fmt.cells)
    for table, row, col, value, _unit, _kind, where, cell_id in rows:
        spec = report.fmt.cells[cell_id]
        visible = " ".join(str(v) for v in (table, row, col, where) if v)
        assert "." not in visible and "_" not in visible  # no internal id in what a clerk sees
        assert table == report.fmt.table(spec.table).short
        column = report.fmt.table(spec.table).columns[spec.col]
        assert col == column.get("name", column["label"])
        sheet, coordinate = where.split("!")
        stated = report.effective(cell_id)
        if not report.fmt.is_computed(cell_id):
            assert wb[sheet][coordinate].value == value
        assert (value is None) if stated is None else Decimal(str(value)) == stated


def test_row_labels_are_the_formats_names(report, workbook):
    _, wb = workbook
    rows = {r[7]: r for r in wb["数据"].iter_rows(min_row=2, values_only=True) if r[7]}
    assert rows["t3.new.natural"][1] == "本年新收"
    cases = next(k for k in rows if k.startswith("t4."))
    assert rows[cases][1] in (None, "")  # table 四 has no row label: none rather than its key


def test_table_two_titles_are_centred_on_its_sheet(report, workbook):
    _, wb = workbook
    ws = wb["表二"]
    spec = report.fmt.table("t2")
    found = {}
    for row in range(1, ws.max_row + 1):
        cell = ws.cell(row=row, column=1)
        for grid_row in spec.rows:
            if cell.value == grid_row.cells[0].text:
                found.setdefault(grid_row.role, set()).add(cell.alignment.horizontal)
    assert found == {"title": {"center"}, "header": {"center"}, "data": {"left"}}


def test_a_workbook_with_the_old_data_sheet_reads_the_same(report, workbook, tmp_path):
    """The reader goes by the hidden _meta/_cells sheets, so the 数据 sheet of either layout reads alike."""
    path, wb = workbook
    new, _ = read_xlsx(path)
    old_sheet = wb["数据"]
    rows = list(old_sheet.iter_rows(min_row=2, values_only=True))
    wb.remove(old_sheet)
    ws = wb.create_sheet("数据", wb.sheetnames.index("报告正文"))
    ws.append(OLD_HEADERS)
    for table, row, col, value, unit, kind, _where, cell_id in rows:
        if cell_id:
            ws.append((table, row, col, cell_id, report.fmt.cells[cell_id].name, value, unit, kind))
    old_path = tmp_path / "old.xlsx"
    wb.save(old_path)
    old, findings = read_xlsx(old_path)
    assert findings == []
    assert old.values == new.values == report.values
    assert old.stated == new.stated and old.contact == new.contact and old.prose == new.prose
