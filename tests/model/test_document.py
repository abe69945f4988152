"""The one description of the document (model/document.py): blocks in order, grids complete, the plan of table 四,
the 落款 and the filed copy's signature block."""

from __future__ import annotations

import datetime

import pytest

from model import typeset as ts
from model.document import Heading, Paragraph, Table, grid_table, report_document, web_closing
from model.example import load_example
from model.table_plan import table_texts
from model.vocabulary import SIGNATURE
from tests.support.factories import full_2021

DAY = datetime.date(2025, 1, 20)


@pytest.mark.parametrize("make", [load_example, full_2021], ids=["2019", "2021"])
def test_every_grid_position_is_covered_by_one_cell(make):
    report = make()
    document = report_document(report)
    tables = document.tables()
    assert [t.key for t in tables] == [t.key for t in report.fmt.tables]
    for table in tables:
        covered: dict[tuple[int, int], int] = {}
        for index, cell in enumerate(table.cells):
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    assert (r, c) not in covered, (table.key, r, c)
                    covered[(r, c)] = index
        assert len(covered) == table.rows * table.columns
        for row in range(table.rows):  # Word's view of a row: every column once, spans included
            assert sum(cell.colspan for cell, _ in table.positions(row)) == table.columns
        assert abs(sum(table.plan.widths) - ts.text_width_pt(table.plan.landscape)) < 1e-6


def test_sections_in_order_with_their_headings_and_prose():
    report = full_2021()
    report.prose["s1"] = "（一）主动公开。本年公开信息120条。\n（二）依申请公开\n正文一段。"
    blocks = report_document(report).blocks
    headings = [b.text for b in blocks if isinstance(b, Heading)]
    assert headings == [s.heading for s in report.fmt.sections]
    start = next(i for i, b in enumerate(blocks) if isinstance(b, Heading))
    assert blocks[start + 1] == Paragraph("本年公开信息120条。", "body", "（一）主动公开。")
    assert blocks[start + 2] == Paragraph("（二）依申请公开", "subheading")
    assert blocks[start + 3] == Paragraph("正文一段。")
    assert isinstance(blocks[0], Paragraph) and blocks[0].text.startswith("本报告由某某市某某局")
    assert all(b.style == "contact" for b in blocks[1:start] if isinstance(b, Paragraph))


def test_table_four_portrait_at_the_small_size_unless_its_columns_cannot_fit():
    report = full_2021()
    four = report_document(report).tables()[2]
    assert four.plan.small and four.plan.point_size == ts.TABLE_SMALL_PT and not four.plan.landscape
    spec = report.fmt.table("t4")
    wide = {cell.cell_id: "1234567" for cell in spec.cells}  # seven digits in every column: they cannot
    assert grid_table(spec, wide).plan.landscape
    assert grid_table(spec, table_texts(spec, report), portrait_when_fits=False).plan.landscape
    assert not grid_table(spec, table_texts(spec, report), landscape_columns=99).plan.landscape


def test_cell_texts_and_alignment_come_from_the_format_and_the_report():
    report = load_example()
    table = report_document(report).tables()[1]
    spec = report.fmt.table("t3")
    by_place = {(c.row, c.col): c for c in table.cells}
    for cell_spec in spec.cells:
        cell = by_place[(cell_spec.grid_row, cell_spec.grid_col)]
        assert cell.value and cell.align == "center"
        assert cell.text == table_texts(spec, report)[cell_spec.cell_id]
    labels = [c for c in table.cells if not c.value]
    assert {c.text for c in labels} == {c.text for row in spec.rows for c in row.cells if not c.cell_id}
    assert all(c.header for c in table.cells if c.row < spec.header_rows)


def test_the_published_version_ends_with_section_six_the_filed_copy_with_the_signature_block():
    report = load_example()
    assert report_document(report, date=DAY).closing == ()
    sign_off = report_document(report, "sign_off", DAY).closing
    assert [p.text for p in sign_off] == ["杭州市城市管理局", "2025年1月20日"]
    filed = report_document(report, "filed", DAY).closing
    assert [p.text for p in filed] == ["杭州市城市管理局", "2025年1月20日", *SIGNATURE]
    assert [p.style for p in filed] == ["sign_off", "sign_off", "signature", "signature", "signature"]
    assert web_closing("filed") == "sign_off" and web_closing("none") == "none"
    with pytest.raises(ValueError, match="closing"):
        report_document(report, "signed")


def test_blocks_are_typed():
    document = report_document(full_2021())
    assert all(isinstance(b, Heading | Paragraph | Table) for b in document.every_block())
    assert document.name == "某某市某某局2023年政府信息公开工作年度报告"
    assert document.title == ("某某市某某局", "2023年政府信息公开工作年度报告")  # 22 em: broken
