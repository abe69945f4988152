"""A paste that brings its labels lines up by them, wherever the selection is; one that cannot is refused."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from gui.document import ReportDocument
from gui.table.page import TablePage
from model.report import Report
from tests.support.excel_clipboard import excel_mime, rows_mime, table_block

NEW_ROW = "一、本年新收政府信息公开申请数量"


def _filled(format_id: str = "2019") -> Report:
    """A report in which every input has its own number, so a shifted paste cannot go unnoticed."""
    report = Report.new(2020 if format_id == "2019" else 2022, "某局", format_id=format_id)
    for n, cell_id in enumerate(report.input_ids()):
        report.set_text(cell_id, str(n % 90 + 1))
    return report


@pytest.fixture
def page(qtbot):  # type: ignore[no-untyped-def]
    return _page(qtbot, Report.new(2020, "某局", format_id="2019"), "t3")


def _page(qtbot, report: Report, key: str) -> TablePage:  # type: ignore[no-untyped-def]
    shown = TablePage(ReportDocument(report), key)
    qtbot.addWidget(shown)
    shown.resize(1100, 800)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _paste_at(page: TablePage, cell: tuple[int, int] | str, mime) -> None:  # type: ignore[no-untyped-def]
    index = page.model.index_of(cell) if isinstance(cell, str) else page.model.index(*cell)
    page.view.move_to(index)
    QGuiApplication.clipboard().setMimeData(mime)
    page.paste()


def _inputs(report: Report, table: str) -> dict[str, object]:
    return {c: report.value(c) for c in report.input_ids() if c.startswith(table + ".")}


@pytest.mark.parametrize("with_html", [True, False], ids=["html", "text"])
def test_the_whole_table_from_our_workbook_pasted_on_a_row_label_lines_up(page, with_html):
    source = _filled()
    table = source.fmt.table("t3")
    heading = f"{table.number}、{table.title}"  # our workbook's sheet has the heading above the table
    block = table_block(table, source, range(len(table.rows)), range(table.grid_columns), heading)
    label = page.model.index_of("t3.new.natural").row(), 0  # 「一、本年新收…」 selected
    assert page.model.cell_at(*label).text == NEW_ROW
    _paste_at(page, label, excel_mime(*block, with_html=with_html))
    assert _inputs(page.document.report, "t3") == _inputs(source, "t3")
    assert page.document.undo_stack.count() == 1
    note = page.view.last_message
    assert "按复制内容中的栏目名称对齐" in note and "表头" not in note and "超出" not in note
    assert page.view.balloon.isVisible()
    assert set(page.view.selected_ids()) >= set(_inputs(source, "t3"))


def test_a_few_rows_with_their_labels_go_to_their_rows_wherever_the_selection_is(page):
    source = _filled()
    table = source.fmt.table("t3")
    # 「（三）不予公开 1.属于国家秘密」 and the two rows after it, without the first label column
    first = page.model.index_of("t3.deny_secret.natural").row()
    block = table_block(table, source, range(first, first + 3), range(1, table.grid_columns))
    _paste_at(page, "t3.next.others", excel_mime(*block))
    report = page.document.report
    pasted = [c for c in report.input_ids() if report.value(c) is not None]
    rows = {page.model.index_of(c).row() for c in pasted}
    assert rows == {first, first + 1, first + 2} and len(pasted) == 3 * 6
    assert all(report.value(c) == source.value(c) for c in pasted)


def test_a_hand_made_sheet_is_lined_up_by_its_row_labels_and_column_headers(page):
    rows = [
        ["项目", "总计", "商业企业", "自然人"],
        ["四、结转下年度继续办理", "9", "2", "7"],
        ["一、本年新收政府信息公开申请数量", "30", "1", "28"],
    ]
    _paste_at(page, "t3.open.research", rows_mime(rows))
    report = page.document.report
    assert (report.value("t3.new.natural"), report.value("t3.new.business")) == (28, 1)
    assert (report.value("t3.next.natural"), report.value("t3.next.business")) == (7, 2)
    assert report.value("t3.open.research") is None
    assert "粘贴为30，计算为29" in page.view.last_message  # a pasted total that differs is still named


def test_table_four_copied_from_excel_lines_up_by_its_headers(qtbot):
    source = _filled()
    page = _page(qtbot, Report.new(2020, "某局", format_id="2019"), "t4")
    table = source.fmt.table("t4")
    block = table_block(table, source, range(len(table.rows)), range(table.grid_columns))
    _paste_at(page, (0, 7), excel_mime(*block))  # a header cell selected
    assert _inputs(page.document.report, "t4") == _inputs(source, "t4")


@pytest.mark.parametrize(
    ("rows", "says"),
    [
        ([["规章", "1", "2", "3"]], "表二"),  # table 二's labels on table 三
        ([["自然人申请", "1", "2"], ["法人申请", "3", "4"]], "对不上"),  # labels that match nothing
        ([[NEW_ROW, "1"], [NEW_ROW, "2"]], "不止一次"),  # one row twice
        ([["（六）其他处理", "1", "2"]], "分为几行"),  # the 2019 single row in a 2021 table
    ],
)
def test_a_block_whose_labels_do_not_line_up_is_refused_in_one_sentence_and_nothing_changes(
    qtbot, rows, says
):
    page = _page(qtbot, _filled("2021"), "t3")
    before = dict(page.document.report.values)
    _paste_at(page, "t3.new.natural", rows_mime(rows))
    note = page.view.last_message
    assert page.document.report.values == before and page.document.undo_stack.count() == 0
    assert says in note and note.endswith("。") and note.count("。") == 1 and "\n" not in note
    assert not any(ch.isascii() and ch.isalpha() for ch in note)  # no rule codes
    assert page.view.balloon.isVisible() and page.view.balloon.text() == note


def test_plain_numbers_still_go_at_the_selection(page):
    _paste_at(page, "t3.carry.business", rows_mime([["4", "5"], ["6", "7"]]))
    report = page.document.report
    assert (report.value("t3.carry.business"), report.value("t3.carry.research")) == (4, 5)
    assert (report.value("t3.open.business"), report.value("t3.open.research")) == (6, 7)


def test_a_new_paste_replaces_the_last_ones_note(page):
    _paste_at(page, "t3.new.legal", rows_mime([["1", "2", "9"]]))  # onto the total: a note
    assert page.view.balloon.isVisible() and "总计" in page.view.balloon.text()
    _paste_at(page, "t3.carry.natural", rows_mime([["3"]]))  # nothing to say: the old note goes
    assert not page.view.balloon.isVisible()
    _paste_at(page, "t3.new.natural", rows_mime([["自然人申请", "1"]]))
    assert page.view.balloon.isVisible() and page.view.balloon.text().count("。") == 1
    assert page.view.viewport().findChildren(type(page.view.balloon)) == [page.view.balloon]
