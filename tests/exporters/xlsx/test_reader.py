"""Reading Excel workbooks back: the app's own after edits in Excel/WPS, and workbooks made by others."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook

from exporters.reading import read_any
from exporters.xlsx import writer as xlsx_writer
from model.engine import evaluate
from model.formats import load_format
from model.values import format_value
from tests.support.factories import full_2021


def anchor(path: Path) -> dict[str, tuple[str, str]]:
    """cell id -> (sheet, coordinate), from the writer's hidden _cells sheet."""
    book = load_workbook(path)
    return {
        row[0]: (row[1], row[2]) for row in book["_cells"].iter_rows(min_row=2, values_only=True) if row[0]
    }


def exported(tmp_path: Path, report=None) -> Path:
    path = tmp_path / "report.xlsx"
    xlsx_writer.write_xlsx(report or full_2021(), path)
    return path


def edit(path: Path, changes: dict[str, object]) -> None:
    """Edit cells as a user would and save with openpyxl (which drops every cached formula result)."""
    where = anchor(path)
    book = load_workbook(path)
    for cell_id, value in changes.items():
        sheet, coordinate = where[cell_id]
        book[sheet][coordinate].value = value
    book.save(path)


def cache_result(path: Path, cell_id: str, value: int) -> None:
    """Store a cached result for a formula cell, as Excel or WPS do when they save."""
    sheet, coordinate = anchor(path)[cell_id]
    index = load_workbook(path).sheetnames.index(sheet) + 1
    part = f"xl/worksheets/sheet{index}.xml"
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    xml = parts[part].decode("utf-8")
    pattern = re.compile(rf'(<c r="{coordinate}"[^>]*>\s*<f>[^<]*</f>)\s*(<v>[^<]*</v>|<v\s*/>)?')
    xml, count = pattern.subn(lambda m: f"{m.group(1)}<v>{value}</v>", xml)
    assert count == 1
    parts[part] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def test_inputs_edited_and_saved_without_recalculation(tmp_path):
    path = exported(tmp_path)
    edit(
        path,
        {"t3.new.natural": 45, "t3.next.natural": 9, "info.agency": "某某市某某委员会", "info.year": 2024},
    )
    report, document = read_any(path)
    assert document == [] and report.agency == "某某市某某委员会" and report.year == 2024
    assert report.values["t3.new.natural"] == 45 and report.value("t3.new.total") == 52
    assert report.stated == {}  # no cached results: totals come from the inputs
    assert not any(f.severity == "error" for f in evaluate(report))


def test_a_cached_total_that_disagrees_is_kept_as_stated(tmp_path):
    path = exported(tmp_path)
    cache_result(path, "t3.new.total", 50)  # the parts sum to 47
    cache_result(path, "t3.carry.total", 3)  # agrees: not a stated total
    report, _ = read_any(path)
    assert report.stated == {"t3.new.total": 50}
    found = [f for f in evaluate(report) if f.code == "T3-ROW"]
    assert len(found) == 1 and "填报的总计为50，各项之和为47" in found[0].message


def test_a_number_typed_over_a_total_and_text_typed_into_an_input(tmp_path):
    path = exported(tmp_path)
    edit(path, {"t4.cases.review_total": 0, "t3.open.business": "四件", "t3.open.research": None})
    report, _ = read_any(path)
    assert report.stated == {"t4.cases.review_total": 0}
    assert report.invalid == {"t3.open.business": "四件"} and "t3.open.research" not in report.values
    codes = {f.code for f in evaluate(report)}
    assert {"T4-SUM", "VALUE", "BLANK"} <= codes


def test_recalculated_by_libreoffice(tmp_path, soffice):
    from tests.support.libreoffice import convert

    source = exported(tmp_path, full_2021())
    out = tmp_path / "out"
    out.mkdir()
    converted = convert(source, "xlsx", out)
    report, document = read_any(converted)
    assert document == [] and report.stated == {}
    assert report.values == full_2021().values
    assert [f.code for f in evaluate(report)] == [f.code for f in evaluate(full_2021())]


def third_party_book(path: Path, labels: dict[str, str] | None = None) -> Path:
    """A workbook an office made by hand: one sheet per table, a title row, merged labels, 「-」 for zero."""
    report = full_2021()
    fmt = load_format("2021")
    book = Workbook()
    book.remove(book.active)
    for table in fmt.tables:
        sheet = book.create_sheet(table.short)
        sheet.cell(1, 1, f"{report.agency}{report.year}年政府信息公开工作年度报告（{table.short}）")
        for row in table.rows:
            for cell in row.cells:
                if cell.cell_id is None:
                    text = (labels or {}).get(cell.text, cell.text)
                else:
                    value = report.effective(cell.cell_id)
                    text = "-" if value == 0 else format_value(value)
                sheet.cell(cell.row + 3, cell.col + 1, text)
                if cell.rowspan > 1 or cell.colspan > 1:
                    sheet.merge_cells(
                        start_row=cell.row + 3,
                        start_column=cell.col + 1,
                        end_row=cell.row + 2 + cell.rowspan,
                        end_column=cell.col + cell.colspan,
                    )
    book.save(path)
    return path


def test_a_workbook_made_by_another_office(tmp_path):
    path = third_party_book(
        tmp_path / "other.xlsx", {"（七）总计": "(七)合 计", "现行有效件数": "现行有效件"}
    )
    report, document = read_any(path)
    assert (report.agency, report.year, report.format_id) == ("某某市某某局", 2023, "2021")
    assert report.values == full_2021().values
    assert all(report.stated[c] == report.value(c) for c in report.stated)
    assert [f.code for f in document] == ["FMT-LABEL", "FMT-LABEL"]
    assert "应为“现行有效件数”" in document[0].message and "“(七)合计”" in document[1].message


def test_a_workbook_with_formulas_never_calculated(tmp_path):
    path = third_party_book(tmp_path / "formulas.xlsx")
    book = load_workbook(path)
    book["表四"]["E6"] = "=SUM(A6:D6)"  # 行政复议·总计 as a formula without a cached result
    book.save(path)
    report, _ = read_any(path)
    assert "t4.cases.review_total" not in report.stated and report.value("t4.cases.review_total") == 3


def test_the_writer_anchor_is_used_not_the_labels(tmp_path):
    path = exported(tmp_path)
    sheet, coordinate = anchor(path)["t3.new.natural"]
    book = load_workbook(path)
    row = book[sheet][coordinate].row
    book[sheet].cell(row, 1).value = "乱写的标签"
    book.save(path)
    report, document = read_any(path)
    assert document == [] and report.values == full_2021().values


def test_a_tampered_anchor_does_not_break_the_reader(tmp_path):
    path = exported(tmp_path)
    book = load_workbook(path)
    cells = book["_cells"]
    for row in cells.iter_rows(min_row=2):
        if row[0].value == "t3.new.natural":
            row[2].value = "not a cell"
        if row[0].value == "t3.new.business":
            row[1].value = "没有这张表"
    book.save(path)
    report, document = read_any(path)
    assert "t3.new.natural" not in report.values and "t3.new.business" not in report.values
    assert report.values["t3.new.legal"] == 1
