"""The one-pass sheet walk (exporters/xlsx/walk.py) gives what openpyxl gives, formulas and cached results together."""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import load_workbook

from exporters.xlsx import anchor
from exporters.xlsx.book import Book
from exporters.xlsx.reader import read_xlsx
from exporters.xlsx.walk import MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, read_sheet, rows
from exporters.xlsx.writer import write_xlsx
from tests.exporters.xlsx.test_reader import cache_result, third_party_book
from tests.support.factories import full_2021
from tests.support.shared_strings import to_shared_strings
from tests.support.zip_parts import package, parts_of


def openpyxl_cells(path: Path, data_only: bool) -> dict[str, dict[tuple[int, int], object]]:
    book = load_workbook(path, read_only=True, data_only=data_only)
    return {
        sheet.title: {
            (cell.row, cell.column): cell.value
            for row in sheet.iter_rows(max_row=MAX_SHEET_ROWS, max_col=MAX_SHEET_COLUMNS)
            for cell in row
            if getattr(cell, "value", None) is not None
        }
        for sheet in book.worksheets
    }


def walked(path: Path) -> dict[str, dict[tuple[int, int], tuple[object, object]]]:
    with zipfile.ZipFile(path) as archive:
        book = Book(archive)
        return {
            name: {
                place: (cell.written, cell.value)
                for place, cell in read_sheet(book, name, MAX_SHEET_ROWS, MAX_SHEET_COLUMNS).cells.items()
                if cell.written is not None or cell.value is not None
            }
            for name in book.sheetnames
        }


def assert_same_as_openpyxl(path: Path) -> None:
    ours, written, cached = walked(path), openpyxl_cells(path, False), openpyxl_cells(path, True)
    assert list(ours) == list(written)
    for name, cells in ours.items():
        assert {p: w for p, (w, _) in cells.items() if w is not None} == written[name], name
        assert {p: v for p, (_, v) in cells.items() if v is not None} == cached[name], name


def test_the_apps_workbook_with_a_cached_result(tmp_path):
    path = tmp_path / "report.xlsx"
    write_xlsx(full_2021(), path)
    cache_result(path, "t3.new.total", 50)
    assert_same_as_openpyxl(path)
    totals = walked(path)["表三"]
    assert any(w.startswith("=") and v == 50 for w, v in totals.values() if isinstance(w, str))


def test_a_workbook_with_shared_strings_and_merged_cells(tmp_path):
    path = to_shared_strings(third_party_book(tmp_path / "other.xlsx"))
    assert b'<c r="A1" t="s"><v>0</v></c>' in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    assert_same_as_openpyxl(path)
    assert read_xlsx(path)[0].values == full_2021().values


def test_the_apps_workbook_saved_with_shared_strings(tmp_path):
    path = tmp_path / "report.xlsx"
    write_xlsx(full_2021(), path)
    to_shared_strings(path)
    anchor.forget()
    assert_same_as_openpyxl(path)
    assert read_xlsx(path)[0].values == full_2021().values and anchor.remembered() == 0


def test_rich_text_cells_without_coordinates_and_typed_values(tmp_path):
    path = third_party_book(tmp_path / "other.xlsx")
    parts = parts_of(path)
    name = "xl/worksheets/sheet1.xml"
    row = (
        b'<row r="40"><c t="inlineStr"><is><r><t>\xe5\x85\xac</t></r><r><t>\xe5\xbc\x80</t></r>'
        b'<rPh><t>gong</t></rPh></is></c><c><v>2.5</v></c><c t="b"><v>1</v></c>'
        b'<c t="e"><f>1/0</f><v>#DIV/0!</v></c><c t="str"><f>A40&amp;"x"</f><v>\xe5\x85\xac\xe5\xbc\x80x</v></c>'
        b'<c r="H40"><f t="shared" si="0"/><v>7</v></c></row>'
    )
    parts[name] = parts[name].replace(b"</sheetData>", row + b"</sheetData>")
    path = package(tmp_path / "typed.xlsx", parts)
    with zipfile.ZipFile(path) as archive:
        cells = read_sheet(Book(archive), "表二", 40, 10).cells
    assert [cells[(40, c)].value for c in range(1, 6)] == ["公开", 2.5, True, "#DIV/0!", "公开x"]
    assert cells[(40, 4)].written == "=1/0" and cells[(40, 8)] == (("", 7)) and cells[(40, 8)].written == "="


def test_a_walk_stops_at_its_bound(tmp_path):
    path = tmp_path / "report.xlsx"
    write_xlsx(full_2021(), path)
    with zipfile.ZipFile(path) as archive:
        got = rows(Book(archive), "_cells", 3, 2)
    assert got == [("id", "sheet"), ("t2.regulations.issued", "表二"), ("t2.regulations.repealed", "表二")]


def test_an_anchor_remembered_from_one_workbook_is_not_used_for_another(tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    write_xlsx(full_2021(), first)
    write_xlsx(full_2021(), second)
    parts = parts_of(second)
    with zipfile.ZipFile(second) as archive:
        name = Book(archive).entry("_cells").part
    parts[name] = parts[name].replace(b"<t>t3.new.natural</t>", b"<t>t3.new.nothing</t>")
    package(second, parts)
    anchor.forget()
    assert read_xlsx(first)[0].values["t3.new.natural"] == 40 and anchor.remembered() == 1
    assert "t3.new.natural" not in read_xlsx(second)[0].values and anchor.remembered() == 2
    assert read_xlsx(first)[0].values["t3.new.natural"] == 40 and anchor.remembered() == 2
