"""Planning a paste onto a table grid: inputs get texts, totals and labels are skipped and counted."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gui.document import ReportDocument
from gui.table.align import Aligned, align
from gui.table.model import ReportTableModel
from gui.table.paste import copy_region, differing_totals, plan_paste, plan_placed
from model.formats import format_ids, load_format
from model.report import Report

TABLES = [(f, t.key) for f in format_ids() for t in load_format(f).tables]
TEXT = st.sampled_from(["", "1", "２", "-", "abc", "3.5", "无", "总计"])


@pytest.fixture(scope="module")
def models(qapp):
    out = {}
    for format_id, key in TABLES:
        report = Report.new(2020 if format_id == "2019" else 2022, "某局", format_id=format_id)
        out[(format_id, key)] = ReportTableModel(ReportDocument(report), key)
    return out


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    table=st.sampled_from(TABLES),
    top=st.integers(0, 30),
    left=st.integers(0, 16),
    rows=st.integers(1, 6).flatmap(
        lambda w: st.lists(st.lists(TEXT, min_size=w, max_size=w), min_size=1, max_size=6)
    ),
)
def test_a_paste_only_ever_fills_input_cells(models, table, top, left, rows):
    model = models[table]
    fmt = model.document.report.fmt
    plan = plan_paste(model, rows, top, left)
    assert all(c in fmt.cells and not fmt.is_computed(c) for c in plan.changes)
    assert all(fmt.is_computed(c) for c in plan.computed)
    placed = sum(1 for row in rows for text in row if text.strip())
    landed = sum(1 for t in plan.changes.values() if t.strip())
    assert landed + len(plan.computed) + plan.outside + plan.merged <= placed
    assert plan.outside == sum(
        1
        for i, row in enumerate(rows)
        for j, text in enumerate(row)
        if text.strip() and model.cell_at(top + i, left + j) is None
    )


@pytest.mark.parametrize("table", TABLES)
def test_copying_a_whole_filled_table_and_pasting_it_into_a_blank_one_restores_every_input(qapp, table):
    format_id, key = table
    year = 2020 if format_id == "2019" else 2022
    filled = Report.new(year, "某局", format_id=format_id)
    for n, cell_id in enumerate(filled.input_ids()):
        filled.set_text(cell_id, str(n % 7))
    source = ReportTableModel(ReportDocument(filled), key)
    text, html = copy_region(source, 0, 0, source.rowCount() - 1, source.columnCount() - 1)
    from gui.clipboard import parse_clipboard

    for rows in (parse_clipboard(text, None), parse_clipboard(None, html)):
        blank = ReportDocument(Report.new(year, "某局", format_id=format_id))
        target = ReportTableModel(blank, key)
        plan = plan_paste(target, rows, 0, 0)
        assert set(plan.computed) == {c for c in target.cell_ids() if blank.report.fmt.is_computed(c)}
        assert (plan.labels, plan.outside, plan.merged) == (0, 0, 0)
        messages, _ = blank.set_cells(plan.changes, "粘贴")
        assert messages == []
        assert differing_totals(blank.report, plan.computed) == []
        for cell_id in target.cell_ids():
            assert blank.report.value(cell_id) == filled.value(cell_id), cell_id


def test_a_table_copied_from_a_word_or_wps_document_pastes_without_complaint_about_its_headers(qapp, example):
    model = ReportTableModel(ReportDocument(example), "t4")
    html = (
        "<table><tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr>"
        "<tr><td rowspan=2>结果维持</td><td rowspan=2>结果<br>纠正</td><td rowspan=2>其他<br>结果</td>"
        "<td rowspan=2>尚未<br>审结</td><td rowspan=2>总计</td><td colspan=5>未经复议直接起诉</td>"
        "<td colspan=5>复议后起诉</td></tr><tr>"
        + "<td>结果<br>维持</td><td>结果<br>纠正</td><td>其他<br>结果</td>"
        "<td>尚未<br>审结</td><td>总计</td>"
        * 2
        + "</tr><tr>"
        + "<td>1</td>" * 4
        + "<td>4</td>"
        + "<td>\u3000</td>" * 10
        + "</tr></table>"
    )
    from gui.clipboard import parse_html

    rows = parse_html(html)
    plan = plan_paste(model, rows, 0, 0)
    assert plan.labels == 0 and plan.outside == 0 and list(plan.computed) == ["t4.cases.review_total"]
    assert (
        plan.changes["t4.cases.review_upheld"] == "1" and plan.changes["t4.cases.direct_upheld"] == "\u3000"
    )


def test_tiling_repeats_a_block_only_over_whole_multiples():
    from gui.table.paste import tiled

    assert tiled([["1", "2"]], 3, 2) == [["1", "2"]] * 3
    assert tiled([["1", "2"]], 3, 3) == [["1", "2"]]
    assert tiled([["1"], ["2"]], 4, 2) == [["1", "1"], ["2", "2"], ["1", "1"], ["2", "2"]]
    assert tiled([["1", "2"]], 1, 2) == [["1", "2"]]


def test_labels_copied_along_with_a_row_or_block_line_it_up_wherever_the_selection_is(models):
    model = models[("2019", "t3")]
    row = ["一、本年新收政府信息公开申请数量", "5", "0", "0", "0", "0", "0", "5"]
    aligned = align([row], "2019", "t3", 0)
    assert isinstance(aligned, Aligned) and aligned.rows == 1
    plan = plan_placed(model, aligned.placed)
    assert plan.changes["t3.new.natural"] == "5" and plan.outside == 0 and "t3.new.total" in plan.computed
    block = [
        ["", "", "自然人", "商业企业"],  # a header row and two label columns copied along
        ["三、本年度办理结果", "（一）予以公开", "8", "1"],
        ["", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "0", "0"],
    ]
    aligned = align(block, "2019", "t3", 0)
    assert isinstance(aligned, Aligned)
    plan = plan_placed(model, aligned.placed)
    assert plan.changes == {
        "t3.open.natural": "8",
        "t3.open.business": "1",
        "t3.partial.natural": "0",
        "t3.partial.business": "0",
    }
    numbers = [["28", "1"], ["约12", "0"]]  # text that is not a label stays (and is refused at the cell)
    assert align(numbers, "2019", "t3", 0) is None
