"""TablePage driven by keys like a clerk: typing, Enter/Tab, F2, Delete, copy and paste, undo, live marks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit

from gui.document import ReportDocument
from gui.table.page import TablePage
from model.report import Report


@pytest.fixture
def page3(qtbot, example):
    return _page(qtbot, ReportDocument(example), "t3")


def _page(qtbot, doc: ReportDocument, key: str) -> TablePage:
    page = TablePage(doc, key)
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    qtbot.waitExposed(page)
    page.view.setFocus()
    return page


def _focus():
    return QApplication.focusWidget()


def type_text(qtbot, text: str) -> None:
    for ch in text:
        qtbot.keyClicks(_focus(), ch)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(_focus(), key, modifier)


def go(page: TablePage, cell_id: str) -> None:
    page.view.move_to(page.model.index_of(cell_id))


def current_id(page: TablePage) -> str | None:
    return page.view.currentIndex().data(Qt.ItemDataRole.UserRole + 1)


def set_clipboard(text: str | None = None, html: str | None = None) -> None:
    mime = QMimeData()
    if text is not None:
        mime.setText(text)
    if html is not None:
        mime.setHtml(html)
    QGuiApplication.clipboard().setMimeData(mime)


def test_first_input_cell_is_current_and_typing_overwrites_then_enter_moves_down(page3, qtbot):
    doc = page3.document
    assert current_id(page3) == "t3.new.natural"
    type_text(qtbot, "29")
    assert isinstance(_focus(), QLineEdit) and _focus().text() == "29"  # the old 28 was replaced
    press(qtbot, Qt.Key.Key_Return)
    assert doc.report.value("t3.new.natural") == 29
    assert page3.model.index_of("t3.new.total").data() == "31"  # the total follows at once
    assert current_id(page3) == "t3.carry.natural"
    assert doc.marks["t3.new.natural"][0] == "error"  # 一 + 二 no longer equals 三 + 四


def test_tab_moves_right_skipping_the_computed_total_and_shift_reverses(page3, qtbot):
    go(page3, "t3.new.others")
    type_text(qtbot, "0")
    press(qtbot, Qt.Key.Key_Tab)
    assert current_id(page3) == "t3.carry.natural"  # 总计 is skipped: on to the next row
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert current_id(page3) == "t3.new.others"
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert current_id(page3) == "t3.next.legal"  # up from the top of a column: the foot of the one before
    go(page3, "t3.carry.business")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert current_id(page3) == "t3.new.business"


def test_enter_down_skips_the_total_row(page3, qtbot):
    go(page3, "t3.other.natural" if "t3.other.natural" in page3.model.cell_ids() else "t3.new.natural")
    rows = [page3.model.index_of(c).row() for c in page3.model.cell_ids() if c.endswith(".natural")]
    total_row = page3.model.index_of("t3.total.natural").row()
    above = max(r for r in rows if r < total_row)
    page3.view.setCurrentIndex(page3.model.index(above, 3))
    press(qtbot, Qt.Key.Key_Return)
    assert current_id(page3) == "t3.next.natural"


def test_f2_edits_in_place_and_escape_cancels(page3, qtbot):
    press(qtbot, Qt.Key.Key_F2)
    editor = _focus()
    assert isinstance(editor, QLineEdit) and editor.text() == "28"
    type_text(qtbot, "1")
    assert editor.text() == "281"
    press(qtbot, Qt.Key.Key_Escape)
    assert page3.document.report.value("t3.new.natural") == 28


def test_refused_input_keeps_the_value_and_says_why_at_the_cell(page3, qtbot):
    type_text(qtbot, "x1")
    with qtbot.waitSignal(page3.message) as blocker:
        press(qtbot, Qt.Key.Key_Return)
    assert "请输入不小于0的整数" in blocker.args[0] and "x1" in blocker.args[0]
    balloon = page3.view.balloon
    assert balloon.isVisible() and balloon.text() == blocker.args[0]
    assert balloon.geometry().intersects(
        page3.view.visualRect(page3.model.index_of("t3.new.natural")).adjusted(0, 0, 0, balloon.height() + 10)
    )
    type_text(qtbot, "2")  # typing goes on into the next cell; the note stays up for a while
    assert balloon.isVisible()
    assert page3.document.report.value("t3.new.natural") == 28
    assert page3.model.index_of("t3.new.natural").data() == "28"
    assert page3.document.undo_stack.count() == 0


def test_delete_clears_the_selection_in_one_undo_step(page3, qtbot):
    view, model = page3.view, page3.model
    view.selectionModel().select(
        __import__("PySide6.QtCore", fromlist=["QItemSelection"]).QItemSelection(
            model.index_of("t3.new.natural"), model.index_of("t3.carry.total")
        ),
        view.selectionModel().SelectionFlag.ClearAndSelect,
    )
    press(qtbot, Qt.Key.Key_Delete)
    report = page3.document.report
    assert report.value("t3.new.natural") is None and report.value("t3.carry.natural") is None
    assert report.value("t3.new.total") is None
    assert page3.document.undo_stack.count() == 1
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert report.value("t3.new.natural") == 28 and report.value("t3.new.total") == 30
    press(qtbot, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert report.value("t3.new.natural") is None


def test_paste_tsv_row_across_a_row_skipping_the_total(page3, qtbot):
    set_clipboard("10\t2\t3\t0\t0\t1\t999\r\n")
    press(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    report = page3.document.report
    assert [report.value(f"t3.new.{c}") for c in ("natural", "business", "research", "others")] == [
        10,
        2,
        3,
        1,
    ]
    assert report.value("t3.new.total") == 16
    assert "跳过1个自动计算的总计单元格" in page3.view.last_message
    assert "表三·总计·本年新收：粘贴为999，计算为16" in page3.view.last_message
    assert page3.document.undo_stack.count() == 1
    page3.document.undo_stack.undo()
    assert report.value("t3.new.natural") == 28


def test_paste_html_table_with_merged_cells_from_excel(qtbot, example):
    page = _page(qtbot, ReportDocument(example), "t2")
    go(page, "t2.license.prev")
    html = (
        "<html><body><!--StartFragment--><table><tr><td x:num>30</td><td>-2</td><td>1,200</td></tr>"
        "<tr><td>３</td><td>&nbsp;</td><td>7</td></tr></table><!--EndFragment--></body></html>"
    )
    set_clipboard("ignored\tbecause html wins", html)
    page.paste()
    report = page.document.report
    assert report.value("t2.license.prev") == 30 and report.value("t2.license.delta") == -2
    assert report.value("t2.license.decisions") == 1200
    assert report.value("t2.other_services.prev") == 3 and report.value("t2.other_services.delta") is None
    assert page.document.undo_stack.count() == 1


def test_single_value_fills_the_selection(page3, qtbot):
    from PySide6.QtCore import QItemSelection

    model, view = page3.model, page3.view
    view.selectionModel().select(
        QItemSelection(model.index_of("t3.new.welfare"), model.index_of("t3.new.others")),
        view.selectionModel().SelectionFlag.ClearAndSelect,
    )
    view.selectionModel().setCurrentIndex(
        model.index_of("t3.new.welfare"), view.selectionModel().SelectionFlag.NoUpdate
    )
    set_clipboard("4")
    page3.paste()
    assert [page3.document.report.value(f"t3.new.{c}") for c in ("welfare", "legal", "others")] == [4, 4, 4]


def test_paste_with_refused_values_keeps_them_and_fills_the_rest(page3, qtbot):
    set_clipboard("5\tabc\t1")
    page3.paste()
    report = page3.document.report
    assert report.value("t3.new.natural") == 5 and report.value("t3.new.business") == 1
    assert report.value("t3.new.research") == 1
    assert "1个值未被接受" in page3.view.last_message and "商业企业" in page3.view.last_message
    assert "t3.new.business" in page3.document.refused


def test_copy_puts_text_and_html_on_the_clipboard_and_pastes_back(page3, qtbot):
    from PySide6.QtCore import QItemSelection

    model, view = page3.model, page3.view
    view.selectionModel().select(
        QItemSelection(model.index(3, 0), model.index(4, 9)),
        view.selectionModel().SelectionFlag.ClearAndSelect,
    )
    press(qtbot, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = QGuiApplication.clipboard().mimeData()
    lines = mime.text().splitlines()
    assert lines[0].split("\t")[0] == "一、本年新收政府信息公开申请数量"
    assert lines[0].split("\t")[3:] == ["28", "1", "1", "0", "0", "0", "30"]
    assert 'colspan="3"' in mime.html()
    page3.document.clear_cells(["t3.new.natural", "t3.carry.natural"])
    view.setCurrentIndex(model.index(3, 0))
    view.selectionModel().select(model.index(3, 0), view.selectionModel().SelectionFlag.ClearAndSelect)
    page3.paste()  # labels and totals are left alone without complaint about identical labels
    assert page3.document.report.value("t3.new.natural") == 28
    assert page3.document.report.value("t3.carry.natural") == 5
    assert "表头" not in page3.view.last_message


def test_live_marks_appear_and_clear_when_fixed(page3, qtbot):
    doc, model = page3.document, page3.model
    assert "t3.new.natural" not in doc.marks
    go(page3, "t3.next.natural")
    type_text(qtbot, "3")
    press(qtbot, Qt.Key.Key_Return)
    assert doc.marks["t3.next.natural"][0] == "error"
    brush = model.index_of("t3.next.natural").data(Qt.ItemDataRole.BackgroundRole)
    assert brush.color().red() > brush.color().blue()
    go(page3, "t3.next.natural")
    type_text(qtbot, "0")
    press(qtbot, Qt.Key.Key_Return)
    assert "t3.next.natural" not in doc.marks
    assert model.index_of("t3.next.natural").data(Qt.ItemDataRole.BackgroundRole).color().name() == "#ffffff"


def test_select_cells_selects_and_ignores_other_tables(page3):
    page3.select_cells(["t3.total.total", "t3.next.total", "t4.cases.review_total"])
    selected = {i.data(Qt.ItemDataRole.UserRole + 1) for i in page3.view.selectedIndexes()}
    assert selected == {"t3.total.total", "t3.next.total"}
    assert current_id(page3) == "t3.total.total"


def test_heading_and_reset_on_year_change(qtbot, example):
    doc = ReportDocument(example)
    page = _page(qtbot, doc, "t2")
    assert page.heading.text() == "二、主动公开政府信息情况"
    doc.set_meta("year", 2022)
    assert page.model.rowCount() == len(doc.report.fmt.table("t2").rows)
    assert current_id(page) == "t2.regulations.issued"


def test_no_label_is_cut_off(qtbot):
    page = _page(qtbot, ReportDocument(Report.new(2023, "某局")), "t3")
    view, model = page.view, page.model
    metrics = view.fontMetrics()
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            cell = model.cell_at(row, col)
            if cell.cell_id or (cell.row, cell.col) != (row, col):
                continue
            width = sum(view.columnWidth(c) for c in range(col, col + cell.colspan))
            height = sum(view.rowHeight(r) for r in range(row, row + cell.rowspan))
            need = metrics.boundingRect(0, 0, width - 8, 10000, int(Qt.TextFlag.TextWordWrap), cell.text)
            assert need.height() <= height, cell.text


def test_arrows_leave_a_typed_cell_but_move_the_caret_after_f2(page3, qtbot):
    type_text(qtbot, "7")
    press(qtbot, Qt.Key.Key_Right)
    assert page3.document.report.value("t3.new.natural") == 7 and current_id(page3) == "t3.new.business"
    press(qtbot, Qt.Key.Key_F2)
    press(qtbot, Qt.Key.Key_Left)
    type_text(qtbot, "2")
    press(qtbot, Qt.Key.Key_Tab)
    assert page3.document.report.value("t3.new.business") == 21 and current_id(page3) == "t3.new.research"


def test_typing_on_a_total_explains_instead_of_editing(page3, qtbot):
    go(page3, "t3.new.total")
    type_text(qtbot, "5")
    assert "自动相加" in page3.view.last_message
    assert page3.document.report.value("t3.new.total") == 30 and page3.document.undo_stack.count() == 0


def test_paste_onto_a_merged_value_cell_uses_the_first_value_and_says_so(qtbot):
    page = _page(qtbot, ReportDocument(Report.new(2022, "某局")), "t2")
    go(page, "t2.license.decisions")  # 2021 format: one value spanning three columns
    set_clipboard("5\t6\t7\n")
    page.paste()
    assert page.document.report.value("t2.license.decisions") == 5
    assert "2个值落在已填写的合并单元格内" in page.view.last_message
    set_clipboard("\t\t9\n")
    page.paste()
    assert page.document.report.value("t2.license.decisions") == 9


def test_paste_beyond_the_edge_fills_what_fits_and_says_so(page3, qtbot):
    go(page3, "t3.next.natural")
    set_clipboard("1\n2\n3\n")
    page3.paste()
    assert page3.document.report.value("t3.next.natural") == 1
    assert "超出表格范围的2个单元格未粘贴" in page3.view.last_message


def test_a_copied_row_fills_every_selected_row(page3, qtbot):
    from PySide6.QtCore import QItemSelection

    model, view = page3.model, page3.view
    view.selectionModel().select(
        QItemSelection(model.index_of("t3.new.natural"), model.index_of("t3.carry.others")),
        view.selectionModel().SelectionFlag.ClearAndSelect,
    )
    set_clipboard("1\t2\t3\t4\t5\t6\n")
    page3.paste()
    report = page3.document.report
    assert report.value("t3.new.total") == 21 and report.value("t3.carry.total") == 21
    assert page3.document.undo_stack.count() == 1


def test_enter_after_a_run_of_tabs_goes_to_the_next_row_where_the_run_began(page3, qtbot):
    doc = page3.document
    go(page3, "t3.new.business")
    for text in ("2", "3", "4"):
        type_text(qtbot, text)
        press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "5")
    press(qtbot, Qt.Key.Key_Return)  # as in Excel and WPS: back under the cell the row was begun in
    assert [doc.report.value(f"t3.new.{c}") for c in ("business", "research", "welfare", "legal")] == [
        2,
        3,
        4,
        5,
    ]
    assert current_id(page3) == "t3.carry.business"
    press(qtbot, Qt.Key.Key_Return)  # a plain Enter: straight down again
    assert page3.model.index_of("t3.carry.business").row() < page3.view.currentIndex().row()
    assert current_id(page3).endswith(".business")
    go(page3, "t3.new.legal")
    press(qtbot, Qt.Key.Key_Return)  # no Tabs before: down the same column
    assert current_id(page3) == "t3.carry.legal"


def test_a_row_copied_with_its_label_pastes_its_numbers_into_the_row_it_names(page3, qtbot):
    go(page3, "t3.carry.business")  # the label, not the selection, says where the numbers go
    set_clipboard("一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5\n")
    page3.view.paste()
    values = [page3.document.report.value(f"t3.new.{c}") for c in ("natural", "business", "research")]
    assert values == [5, 0, 0] and "按复制内容中的栏目名称对齐" in page3.view.last_message
