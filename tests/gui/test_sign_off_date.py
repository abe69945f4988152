"""基本信息's 「落款日期」: 导出当天 or a chosen date, one undo step each, and what Word, PDF and print are dated."""

from __future__ import annotations

import datetime

import pytest
from docx import Document
from PySide6.QtCore import QDate, Qt

from gui.document import ReportDocument
from gui.info_page import InfoPage
from gui.sign_off_field import CHOSEN, TODAY
from model import draft
from model.vocabulary import SIGNATURE
from tests.support.factories import full_2021
from tests.support.gui_window import make_window

DAY = datetime.date(2025, 1, 20)


@pytest.fixture
def page(qtbot):  # type: ignore[no-untyped-def]
    page = InfoPage(ReportDocument(full_2021(year=2024)))
    qtbot.addWidget(page)
    page.show()
    return page


def _choose(page: InfoPage, index: int) -> None:
    page.sign_off_date.choice.setCurrentIndex(index)
    page.sign_off_date.choice.activated.emit(index)


def test_the_field_starts_on_the_day_of_export(page):
    field = page.sign_off_date
    assert [field.choice.itemText(i) for i in range(field.choice.count())] == [TODAY, CHOSEN]
    assert field.choice.currentText() == TODAY and field.date.isHidden()
    assert field.date.displayFormat() == "yyyy年M月d日" and field.date.calendarPopup()


def test_a_chosen_date_is_one_undo_step(page):
    document, field = page.document, page.sign_off_date
    _choose(page, 1)
    assert not field.date.isHidden() and document.report.sign_off_date == datetime.date.today()
    steps = document.undo_stack.count()
    field.date.setDate(QDate(2025, 1, 20))
    assert document.report.sign_off_date == DAY
    assert document.undo_stack.count() == steps + 1 and document.undo_stack.undoText() == "修改落款日期"
    document.undo_stack.undo()
    assert document.report.sign_off_date == datetime.date.today()
    document.undo_stack.redo()
    assert document.report.sign_off_date == DAY and field.date.date() == QDate(2025, 1, 20)
    _choose(page, 0)
    assert document.report.sign_off_date is None and field.date.isHidden()
    document.undo_stack.undo()
    assert document.report.sign_off_date == DAY and field.choice.currentText() == CHOSEN


def test_a_typed_date_is_one_step_not_one_per_digit(page, qtbot):
    document, field = page.document, page.sign_off_date
    _choose(page, 1)
    steps = document.undo_stack.count()
    field.date.setFocus()
    field.date.setSelectedSection(field.date.sectionAt(0))  # the year, selected as a click on it does
    qtbot.keyClicks(field.date, "2031")
    assert document.undo_stack.count() == steps  # nothing yet while typing
    qtbot.keyClick(field.date, Qt.Key.Key_Return)
    assert document.report.sign_off_date is not None and document.report.sign_off_date.year == 2031
    assert document.undo_stack.count() == steps + 1


def test_the_field_shows_the_reports_date_when_opened(qtbot):
    report = full_2021()
    report.sign_off_date = DAY
    page = InfoPage(ReportDocument(report))
    qtbot.addWidget(page)
    field = page.sign_off_date
    assert field.choice.currentText() == CHOSEN and field.date.date() == QDate(2025, 1, 20)
    assert field.date.text() == "2025年1月20日"
    page.document.set_meta("sign_off_date", "")
    assert field.choice.currentText() == TODAY


def test_word_pdf_and_print_are_dated_with_it_and_the_draft_keeps_it(qtbot, seam, tmp_path, example):
    from gui import exports
    from gui.printing.preview import _document

    window = make_window(qtbot, example, dialogs=seam)
    page = window.show_page("info")
    _choose(page, 1)
    page.sign_off_date.date.setDate(QDate(2025, 1, 20))
    window.menus.named_actions["落款:filed"].trigger()
    assert [p.text for p in _document(window).closing][:2] == ["杭州市城市管理局", "2025年1月20日"]
    seam.save_paths = [str(tmp_path / "备案.docx")]
    exports.run_export(window, ["docx"])
    paragraphs = [p.text for p in Document(str(tmp_path / "备案.docx")).paragraphs]
    assert paragraphs[-len(SIGNATURE) - 1 :] == ["2025年1月20日", *SIGNATURE]
    draft.save(window.document.report, tmp_path / "r.nianbao")
    assert draft.load(tmp_path / "r.nianbao").sign_off_date == DAY


def test_the_note_wraps_on_a_narrow_window_rather_than_widening_the_form(page):
    field = page.sign_off_date
    field.show_date(DAY)
    in_one_line = sum(w.sizeHint().width() for w in (field.choice, field.date, field.note))
    assert field.minimumSizeHint().width() < in_one_line - field.note.sizeHint().width() // 2
