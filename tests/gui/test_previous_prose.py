"""The prose pages offer last year's text: 插入上年内容 as a starting point, 对照上年 beside the editor."""

from __future__ import annotations

import pytest

from exporters.kinds import kind
from model import draft
from model.report import Report
from tests.support.gui_window import FakeDialogs, make_window, type_text


@pytest.fixture
def last_year_docx(tmp_path, example):
    """杭州市城市管理局's 2020 report as published in Word."""
    path = tmp_path / "杭州市城市管理局2020年报告.docx"
    kind("docx").write(example, path)
    return path


@pytest.fixture
def window(qtbot, seam, last_year_docx):
    window = make_window(qtbot, Report.new(2021, "杭州市城市管理局"), dialogs=seam)
    assert window.files.import_previous_from(str(last_year_docx))
    return window


def test_before_an_import_there_is_nothing_to_offer(qtbot, seam):
    window = make_window(qtbot, Report.new(2021), dialogs=seam)
    page = window.page("s5")
    assert not page.previous.insert_button.isEnabled() and not page.previous.compare_button.isEnabled()
    assert not page.previous.isVisibleTo(page)
    assert "导入上年报告后可用" in page.previous.insert_button.toolTip()


def test_section_five_shows_last_years_problems_beside_the_editor(window):
    page = window.page("s5")
    previous = window.document.report.previous
    assert page.previous.compare_button.isChecked() and page.previous.isVisibleTo(page)
    assert page.previous.text.toPlainText() == previous.prose["s5"].strip("\n")
    assert page.previous.text.isReadOnly() and "逐条写明" in page.previous.note.text()
    assert "2020年度报告" in page.previous.title.text()
    page.previous.compare_button.click()
    assert not page.previous.isVisibleTo(page)
    page.previous.compare_button.click()
    assert page.previous.isVisibleTo(page)


def test_other_sections_offer_the_comparison_on_request(window):
    page = window.page("s1")
    assert page.previous.compare_button.isEnabled() and not page.previous.compare_button.isChecked()
    assert not page.previous.isVisibleTo(page)
    page.previous.compare_button.click()
    assert page.previous.isVisibleTo(page) and "主动公开" in page.previous.text.toPlainText()


def test_insert_fills_an_empty_page_in_one_undo_step_and_copy_still_warns(window):
    page, document = window.page("s1"), window.document
    steps = document.undo_stack.count()
    page.previous.insert_button.click()
    last = document.report.previous.prose["s1"].strip("\n")
    assert document.report.prose["s1"] == last and page.editor.toPlainText() == last
    assert document.undo_stack.count() == steps + 1 and document.undo_stack.undoText() == "插入上年内容"
    assert any(f.code == "COPY" for f in document.findings)  # a starting point, not this year's text
    assert any("内容雷同" in note for note in page.notes.text().splitlines())
    document.undo_stack.undo()
    assert document.report.prose.get("s1", "") == "" and page.editor.toPlainText() == ""


def test_insert_goes_in_at_the_cursor_apart_from_the_typing_before(window):
    page, document = window.page("s5"), window.document
    page.editor.setFocus()
    type_text(page.editor, "本年改进情况：")
    typed = document.report.prose["s5"]
    page.previous.insert_button.click()
    text = document.report.prose["s5"]
    assert text.startswith(typed + "\n") and "政策解读形式还不够丰富" in text
    document.undo_stack.undo()
    assert document.report.prose["s5"] == typed  # the typing stays: the insertion was its own step


def test_the_draft_keeps_last_years_prose_after_save_and_reopen(qtbot, window, seam, tmp_path):
    path = tmp_path / "2021.nianbao"
    assert window.files.save_to(str(path))
    again = make_window(qtbot, Report.new(2025), dialogs=FakeDialogs())
    assert again.files.open_path(str(path), confirm=False)
    page = again.page("s5")
    assert page.previous.isVisibleTo(page) and "政策解读形式" in page.previous.text.toPlainText()
    assert draft.load(path).previous.prose == window.document.report.previous.prose
