"""The Word export's alignment: the contact sentence flush left, table 二's block titles centred (from the format)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from exporters.docx import style as st
from exporters.docx.tables import table_xml
from exporters.docx.writer import write_docx
from model.document import grid_table
from model.format_spec import FormatError, build_format
from model.report import Report
from tests.support.factories import full_2021

FORMATS = Path(__file__).resolve().parents[3] / "resources" / "formats"


def _alignment(paragraph) -> WD_ALIGN_PARAGRAPH | None:  # type: ignore[no-untyped-def]
    """The paragraph's own alignment, else its style's."""
    return (
        paragraph.alignment if paragraph.alignment is not None else paragraph.style.paragraph_format.alignment
    )


@pytest.fixture(scope="module", params=["example", "2021"])
def report(request) -> Report:  # type: ignore[no-untyped-def]
    from model.example import load_example

    return load_example() if request.param == "example" else full_2021()


@pytest.fixture(scope="module")
def document(report, tmp_path_factory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("align") / "r.docx"
    write_docx(report, path)
    return Document(str(path))


def test_where_to_ask_follows_the_opening_line_by_line_flush_left(report, document):
    opening = document.paragraphs[1]
    assert "统计期限" in opening.text and "联系" not in opening.text and "电话" not in opening.text
    assert _alignment(opening) == WD_ALIGN_PARAGRAPH.JUSTIFY
    heading = next(i for i, p in enumerate(document.paragraphs) if p.text == report.fmt.sections[0].heading)
    lines = document.paragraphs[2:heading]
    contact = report.contact
    assert [p.text for p in lines] == [
        f"如对本报告有疑问，请与{contact.office}联系：",
        f"地址：{contact.address}",
        f"邮编：{contact.postcode}",
        f"电话：{contact.phone}",
        f"电子邮箱：{contact.email}",
    ]
    for line in lines:
        assert line.style.style_id == st.BODY and line.alignment == WD_ALIGN_PARAGRAPH.LEFT


def test_the_website_and_blank_fields(tmp_path):
    report = full_2021()
    report.contact.website = "http://www.example.gov.cn/xxgk/ndbg/2023/index.html"
    report.contact.address = report.contact.email = ""
    write_docx(report, tmp_path / "r.docx")
    texts = [p.text for p in Document(str(tmp_path / "r.docx")).paragraphs[2:6]]
    assert texts == [
        f"本报告电子版可在{report.contact.website}查阅、下载。",
        f"如对本报告有疑问，请与{report.contact.office}联系：",
        f"邮编：{report.contact.postcode}",
        f"电话：{report.contact.phone}",
    ]


def test_table_two_block_titles_are_centred_and_its_row_labels_left(report, document):
    spec = report.fmt.table("t2")
    table = document.tables[0]
    titles = [r for r in spec.rows if r.role == "title"]
    assert titles and all(r.align == "center" for r in titles)
    for grid_row, tr in zip(spec.rows, table.rows, strict=True):
        first = tr.cells[0].paragraphs[0]
        if grid_row.role == "title":
            assert first.text.startswith("第二十条第（") and _alignment(first) == WD_ALIGN_PARAGRAPH.CENTER
        elif grid_row.role == "data":
            assert first.text == grid_row.cells[0].text and _alignment(first) == WD_ALIGN_PARAGRAPH.LEFT
        else:
            assert first.text == "信息内容" and _alignment(first) == WD_ALIGN_PARAGRAPH.CENTER


@pytest.mark.parametrize("format_id", ["2019", "2021"])
def test_the_alignment_comes_from_the_format_description(format_id):
    data = json.loads((FORMATS / f"{format_id}.json").read_text(encoding="utf-8"))
    changed = copy.deepcopy(data)
    t2 = next(t for t in changed["tables"] if t["key"] == "t2")
    first_title = next(r for r in t2["rows"] if r["role"] == "title")
    first_title["align"] = "left"
    first_data = next(r for r in t2["rows"] if r["role"] == "data")
    first_data["align"] = "center"
    table = build_format(changed).table("t2")
    rows = {r.role: r for r in reversed(table.rows)}  # the first row of each role
    assert (
        rows["title"].align == "left" and rows["data"].align == "center" and rows["header"].align == "center"
    )
    xml = table_xml(grid_table(table, {}))
    title_row = xml.split("<w:tr>")[1]
    assert '<w:jc w:val="left"/>' in title_row
    assert build_format(data).table("t2").rows[0].align == "center"
    first_title["align"] = "justify"
    with pytest.raises(FormatError, match="align"):
        build_format(changed)


def test_word_and_excel_place_every_label_as_the_format_says(report, document, tmp_path):
    """One rule (``TableSpec.align``) for the grid, Word and Excel: merged group labels such as 「（三）不予公开」
    are centred in all three, row labels of data rows are left."""
    from openpyxl import load_workbook

    from exporters.xlsx.writer import write_xlsx

    workbook_path = tmp_path / "r.xlsx"
    write_xlsx(report, workbook_path)
    workbook = load_workbook(workbook_path)
    word = {WD_ALIGN_PARAGRAPH.CENTER: "center", WD_ALIGN_PARAGRAPH.LEFT: "left"}
    tables = [t for t in report.fmt.tables if t.key in ("t2", "t3", "t4")]
    for spec, printed in zip(tables, document.tables, strict=True):
        sheet = workbook[spec.short]
        top = next(r for r in range(1, 10) if sheet.cell(row=r, column=1).value == spec.rows[0].cells[0].text)
        seen = set()
        for grid_row in spec.rows:
            for cell in grid_row.cells:
                if cell.cell_id is not None or not cell.text:
                    continue
                wanted = spec.align(cell)
                paragraph = printed.cell(cell.row, cell.col).paragraphs[0]
                assert word[_alignment(paragraph)] == wanted, (spec.key, cell.text)
                excel = sheet.cell(row=top + cell.row, column=1 + cell.col).alignment.horizontal
                assert excel == wanted, (spec.key, cell.text)
                seen.add(wanted)
        assert seen == {"center", "left"} or spec.key == "t4"
