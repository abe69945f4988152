"""Totals of an opened Word report: an edit that contradicts them asks once, 替换 or 保留, and the export says so."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from PySide6.QtWidgets import QApplication

from exporters.kinds import kind
from model.printed import EXPORT_NOTE, FINDING_NOTE
from model.report import Report
from tests.support.gui_window import FakeDialogs, make_window

NEW_ROW = "一、本年新收政府信息公开申请数量"


def _total_cell(document):  # type: ignore[no-untyped-def]
    """The printed 总计 of 一、本年新收 in a Word report's table 三."""
    for table in document.tables:
        for row in table.rows:
            if row.cells[0].text.strip() == NEW_ROW:
                return row.cells[-1]
    raise AssertionError("no table 三 in the document")


def _word_report(example: Report, folder: Path, printed_total: str | None = None) -> Path:
    """The example written by our exporter; ``printed_total`` then typed over 一、本年新收's total."""
    path = folder / "发布稿.docx"
    kind("docx").write(example, path)
    if printed_total is not None:
        document = Document(str(path))
        runs = _total_cell(document).paragraphs[0].runs
        runs[0].text = printed_total
        for run in runs[1:]:
            run.text = ""
        document.save(str(path))
    return path


def _printed_total(path: Path) -> str:
    return _total_cell(Document(str(path))).text.strip()


def _open(qtbot, seam: FakeDialogs, path: Path):  # type: ignore[no-untyped-def]
    window = make_window(qtbot, Report.new(2025), dialogs=seam)
    seam.open_paths = [str(path)]
    window.named_actions["打开"].trigger()
    return window


def _type_into(qtbot, window, cell_id: str, text: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    page = window.show_page("t3")
    page.view.move_to(page.model.index_of(cell_id))
    window.activateWindow()
    page.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.view)
    for char in text:  # the first key opens the cell's editor, which takes the rest
        qtbot.keyClicks(QApplication.focusWidget(), char)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def _export_word(window, seam: FakeDialogs, target: Path) -> list[str]:  # type: ignore[no-untyped-def]
    seam.asked.clear()
    seam.save_paths = [str(target)]
    window.named_actions["导出 Word"].trigger()
    return next((list(p) for k, p in seam.asked if k == "confirm_export"), [])  # type: ignore[call-overload]


def test_an_edit_of_a_part_asks_once_and_replace_makes_the_totals_follow_in_the_same_undo_step(
    qtbot, seam, example, tmp_path
):
    window = _open(qtbot, seam, _word_report(example, tmp_path))
    document = window.document
    assert document.report.stated["t3.new.total"] == 30  # printed as the sum: nothing to say yet
    _type_into(qtbot, window, "t3.new.natural", "29")
    qtbot.waitUntil(lambda: "replace_printed_totals" in seam.kinds())
    assert ("replace_printed_totals", 1) in seam.asked
    assert "t3.new.total" not in document.report.stated and document.report.value("t3.new.total") == 31
    assert window.show_page("t3").model.index_of("t3.new.total").data() == "31"
    assert document.undo_stack.count() == 1  # the edit and the replacement are one step
    document.undo_stack.undo()
    assert document.report.value("t3.new.natural") == 28 and document.report.stated["t3.new.total"] == 30
    document.undo_stack.redo()
    assert document.report.value("t3.new.total") == 31 and "t3.new.total" not in document.report.stated
    target = tmp_path / "导出.docx"
    problems = _export_word(window, seam, target)
    assert not any(EXPORT_NOTE in p for p in problems)
    assert _printed_total(target) == "31"


def test_keeping_the_printed_totals_says_so_in_the_finding_and_before_the_export(
    qtbot, seam, example, tmp_path
):
    seam.replace_totals = False
    window = _open(qtbot, seam, _word_report(example, tmp_path, printed_total="40"))
    document = window.document
    assert window.show_page("t3").model.index_of("t3.new.total").data() == "40→30"
    _type_into(qtbot, window, "t3.new.natural", "29")
    qtbot.waitUntil(lambda: "replace_printed_totals" in seam.kinds())
    assert document.report.stated["t3.new.total"] == 40
    finding = next(f for f in document.findings if f.code == "T3-ROW")  # 总计 of a row: its parts
    assert FINDING_NOTE in finding.message and "40" in finding.message and "T3" not in finding.message
    document.set_cells({"t3.new.business": "2"})  # asked once per report
    QApplication.processEvents()  # a question would be asked now
    assert seam.kinds().count("replace_printed_totals") == 1
    target = tmp_path / "导出.docx"
    problems = _export_word(window, seam, target)
    assert problems and EXPORT_NOTE in problems[0] and "本年新收" in problems[0]
    assert _printed_total(target) == "40"  # as the clerk chose, and was told


def test_the_finding_offers_the_replacement_in_the_findings_panel(qtbot, seam, example, tmp_path):
    window = _open(qtbot, seam, _word_report(example, tmp_path, printed_total="40"))
    panel = window.findings_panel
    action = window.printed_totals.action
    row = next(i for i, f in enumerate(panel.findings) if FINDING_NOTE in f.message)
    panel.list.setCurrentRow(row)
    assert action.isEnabled() and action in panel.list.actions() and "(&R)" in action.text()
    action.trigger()
    report = window.document.report
    assert "t3.new.total" not in report.stated and report.value("t3.new.total") == 30
    assert not any(FINDING_NOTE in f.message for f in window.document.findings)
    assert not action.isEnabled()
    window.document.undo_stack.undo()
    assert report.stated["t3.new.total"] == 40


def test_a_report_without_printed_totals_is_never_asked(qtbot, seam, example):
    window = make_window(qtbot, example, dialogs=seam)
    window.document.set_cells({"t3.new.natural": "29"})
    QApplication.processEvents()  # a question would be asked now
    assert "replace_printed_totals" not in seam.kinds()


def test_the_question_box_names_the_count_and_has_access_keys(qapp):
    from gui.total_dialogs import replace_totals_box

    box, replace = replace_totals_box(None, 3)
    assert "3个总计" in box.text() and "用各项之和替换填报的总计？" in box.text()
    assert replace.text() == "用各项之和替换(&R)" and box.defaultButton() is replace
    assert [b.text() for b in box.buttons()] == ["用各项之和替换(&R)", "保留填报的数字(&K)"]
