"""The generic table model: every table of both formats as its printed grid, checked by Qt's model tester."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from gui.document import ReportDocument
from gui.table.model import CELL_ID_ROLE, COLOURS, KIND_ROLE, ReportTableModel
from model.formats import format_ids, load_format
from model.report import Report

TABLES = [(f, t.key) for f in format_ids() for t in load_format(f).tables]


@pytest.fixture
def example_doc(qapp, example):
    return ReportDocument(example)


@pytest.mark.parametrize(("format_id", "table_key"), TABLES)
def test_qt_model_tester_on_every_table(qapp, qtmodeltester, format_id, table_key):
    report = Report.new(2020 if format_id == "2019" else 2022, "某局", format_id=format_id)
    for cell_id in report.input_ids()[::3]:
        report.set_text(cell_id, "1")
    model = ReportTableModel(ReportDocument(report), table_key)
    qtmodeltester.check(model, force_py=True)


@pytest.mark.parametrize(("format_id", "table_key"), TABLES)
def test_grid_matches_the_format(qapp, format_id, table_key):
    report = Report.new(2020 if format_id == "2019" else 2022, "某局", format_id=format_id)
    model = ReportTableModel(ReportDocument(report), table_key)
    table = report.fmt.table(table_key)
    assert (model.rowCount(), model.columnCount()) == (len(table.rows), table.grid_columns)
    cells = [c for row in table.rows for c in row.cells]
    assert sorted(model.spans()) == sorted(
        (c.row, c.col, c.rowspan, c.colspan) for c in cells if c.rowspan > 1 or c.colspan > 1
    )
    for cell in cells:
        index = model.index(cell.row, cell.col)
        assert index.data(CELL_ID_ROLE) == cell.cell_id
        editable = bool(model.flags(index) & Qt.ItemFlag.ItemIsEditable)
        assert editable == (cell.cell_id is not None and not report.fmt.is_computed(cell.cell_id))
        if cell.cell_id is None:
            assert index.data() == cell.text
    for cell_id in report.fmt.cells:
        if report.fmt.cells[cell_id].table == table_key:
            assert model.index_of(cell_id).data(CELL_ID_ROLE) == cell_id


def test_table_three_header_is_the_printed_one(example_doc):
    model = ReportTableModel(example_doc, "t3")
    assert model.index(0, 0).data().startswith("（本列数据的勾稽关系为")
    assert model.index(0, 3).data() == "申请人情况"
    assert model.index(1, 3).data() == "自然人"
    assert model.index(2, 4).data() == "商业企业"
    assert model.index(1, 5).data() is None  # covered by 「法人或其他组织」
    assert model.index(0, 0).data(KIND_ROLE) == "label"


def test_values_totals_and_alignment(example_doc):
    model = ReportTableModel(example_doc, "t3")
    natural = model.index_of("t3.new.natural")
    total = model.index_of("t3.new.total")
    assert natural.data() == "28" and total.data() == "30"
    assert total.data(KIND_ROLE) == "computed" and not model.flags(total) & Qt.ItemFlag.ItemIsEditable
    assert total.data(Qt.ItemDataRole.BackgroundRole).color() == COLOURS["computed"]
    assert int(natural.data(Qt.ItemDataRole.TextAlignmentRole)) & int(Qt.AlignmentFlag.AlignHCenter)
    assert "自动计算" in total.data(Qt.ItemDataRole.ToolTipRole)


def test_set_data_goes_through_the_parser_and_updates_totals(example_doc, qtbot):
    model = ReportTableModel(example_doc, "t3")
    natural = model.index_of("t3.new.natural")
    with qtbot.waitSignal(model.dataChanged):
        assert model.setData(natural, "３０")
    assert natural.data() == "30" and model.index_of("t3.new.total").data() == "32"
    with qtbot.waitSignal(model.refused) as blocker:
        assert not model.setData(natural, "abc")
    assert "请输入不小于0的整数" in blocker.args[1]
    assert natural.data() == "30"
    assert "未接受的输入" in natural.data(Qt.ItemDataRole.ToolTipRole)
    assert not model.setData(model.index_of("t3.new.total"), "5")


def test_marks_colour_cells_and_clear_when_fixed(example_doc):
    model = ReportTableModel(example_doc, "t4")
    upheld = "t4.cases.review_upheld"
    before = model.index_of(upheld).data()
    changed: list[object] = []
    model.dataChanged.connect(lambda a, b, roles: changed.append((a.row(), b.row())))
    model.document.report.stated["t4.cases.review_total"] = 0
    model.document.replace_report(model.document.report)
    index = model.index_of("t4.cases.review_total")
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == COLOURS["error"]
    assert "【错误】" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert "读入的文件中印为：0" in index.data(Qt.ItemDataRole.ToolTipRole)
    model.document.clear_cells(["t4.cases.review_total"])
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == COLOURS["computed"]
    assert changed  # the view was told to repaint
    assert model.index_of(upheld).data() == before


def test_blank_only_cells_are_pale_and_other_warnings_amber(qapp):
    doc = ReportDocument(Report.new(2023, "某镇人民政府", "乡镇街道"))
    model = ReportTableModel(doc, "t2")
    index = model.index_of("t2.regulations.issued")
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == COLOURS["blank"]
    doc.set_cells({"t2.regulations.issued": "6"}, "编辑")
    assert doc.marks["t2.regulations.issued"][0] == "warning"  # a 镇 makes no 规章
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == COLOURS["warning"]


def test_format_change_resets_the_model(example_doc, qtbot):
    model = ReportTableModel(example_doc, "t2")
    rows_2019 = model.rowCount()
    with qtbot.waitSignal(model.modelReset):
        example_doc.set_meta("year", 2022)
    assert model.rowCount() == len(load_format("2021").table("t2").rows) != rows_2019


def test_a_total_printed_differently_in_a_read_back_file_shows_both(example_doc):
    model = ReportTableModel(example_doc, "t4")
    report = example_doc.report
    computed = model.text(
        model.cell_at(
            model.index_of("t4.cases.review_total").row(), model.index_of("t4.cases.review_total").column()
        )
    )
    report.stated["t4.cases.review_total"] = 16
    example_doc.replace_report(report)
    index = model.index_of("t4.cases.review_total")
    assert index.data() == f"16→{computed}" and index.data(Qt.ItemDataRole.EditRole) == computed
    example_doc.clear_cells(["t4.cases.review_total"])
    assert index.data() == computed
