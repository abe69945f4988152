"""The real main window, offscreen: navigation, status bar, findings, prose and 基本信息 pages, menus."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from gui.table.model import CELL_ID_ROLE
from model.engine import counts, evaluate
from model.formats import format_for_year
from model.report import Report
from tests.support import ROOT
from tests.support.gui_window import FakeDialogs, isolate, make_window, type_text


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch, example):
    isolate(tmp_path, monkeypatch)
    return make_window(qtbot, example)


def test_navigation_lists_basic_info_and_every_section_and_switches_pages(window, qtbot):
    fmt = window.document.report.fmt
    texts = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert texts == ["基本信息", *[s.heading for s in fmt.sections]]
    for row, key in enumerate(window.keys):
        window.nav.setCurrentRow(row)
        assert window.stack.currentWidget() is window.page(key)
        assert window.current_page() == key
    window.named_actions["page:t3"].trigger()
    assert window.current_page() == "t3"
    assert window.page("t3").view.model().table_key == "t3"


def test_status_bar_counts_errors_and_warnings_live(window):
    assert "错误 0" in window.error_label.text() and "警告 0" in window.warning_label.text()
    document = window.document
    document.set_cells({"t3.new.natural": "40"})
    number = counts(evaluate(document.report))
    assert number["error"] > 0
    assert f"错误 {number['error']}" in window.error_label.text()
    assert window.findings_panel.list.count() == len(document.findings)
    document.undo_stack.undo()
    assert "错误 0" in window.error_label.text()
    assert "未发现问题" in window.findings_panel.header.text()


def test_clicking_a_finding_shows_its_table_and_selects_its_cells(window, qtbot):
    window.show_page("s1")
    window.document.set_cells({"t3.new.natural": "40"})
    panel = window.findings_panel
    row = next(i for i, f in enumerate(panel.findings) if f.code == "T3-BAL")
    finding = panel.findings[row]
    item = panel.list.item(row)
    qtbot.mouseClick(
        panel.list.viewport(), Qt.MouseButton.LeftButton, pos=panel.list.visualItemRect(item).center()
    )
    assert window.current_page() == "t3"
    view = window.page("t3").view
    model = view.model()
    selected = {model.data(i, CELL_ID_ROLE) for i in view.selectionModel().selectedIndexes()}
    assert set(finding.cells) <= selected


def test_f8_steps_through_findings_and_a_section_finding_opens_its_prose_page(qtbot, tmp_path, monkeypatch):
    isolate(tmp_path, monkeypatch)
    window = make_window(qtbot, Report.new(2021, "某某县某某局"))
    codes = [f.code for f in window.findings_panel.findings]
    assert "SECTION" in codes and "BLANK" in codes
    row = codes.index("SECTION")
    window.findings_panel.select(row)
    assert window.current_page() in ("s1", "s5")
    window.named_actions["下一个问题"].trigger()
    assert window.findings_panel.list.currentRow() == (row + 1) % len(codes)


def test_navigation_icons_mark_the_pages_with_problems(qtbot, tmp_path, monkeypatch, example):
    isolate(tmp_path, monkeypatch)
    window = make_window(qtbot, example)
    before = window.nav.item(window.keys.index("t3")).icon().cacheKey()
    window.document.set_cells({"t3.new.natural": "40"})
    after = window.nav.item(window.keys.index("t3")).icon().cacheKey()
    assert before != after
    assert window.page_for(next(f for f in window.document.findings if f.code == "T3-BAL")) == "t3"


def test_title_shows_file_name_and_unsaved_marker(window, tmp_path):
    assert "[*]" in window.windowTitle() and "年报助手" in window.windowTitle()
    assert not window.isWindowModified()
    window.document.set_cells({"t3.new.natural": "29"})
    assert window.isWindowModified()
    window.document.undo_stack.undo()
    assert not window.isWindowModified()


def test_prose_page_edits_counts_and_inserts_subheadings(window, qtbot):
    page = window.show_page("s5")
    page.editor.clear()
    type_text(page.editor, "存在问题")
    assert window.document.report.prose["s5"] == "存在问题"
    assert page.count.text() == "共 4 字"
    page.insert_subheading("")
    page.insert_subheading("")
    text = window.document.report.prose["s5"]
    assert text.splitlines() == ["存在问题", "（一）", "（二）"]
    window.document.undo_stack.undo()
    assert page.editor.toPlainText() == window.document.report.prose.get("s5", "")


def test_section_one_offers_the_formats_subheadings(window):
    page = window.show_page("s1")
    page.editor.clear()
    page.insert_all_subheadings()
    lines = [line for line in page.editor.toPlainText().splitlines() if line]
    subheadings = window.document.report.fmt.section("s1").subheadings
    assert lines == [f"（{n}）{t}" for n, t in zip("一二三四五六七八九", subheadings)]
    titles = [a.text() for a in page.insert_button.menu().actions()]
    assert all(t in titles for t in subheadings)


def test_section_six_reminds_the_fee_only_in_the_2021_format(window):
    page = window.page("s6")
    assert page.reminder.isHidden()  # the example is a 2020 report in the 2019 format
    window.document.set_meta("year", 2021)
    assert window.document.report.format_id == format_for_year(2021).id == "2021"
    assert not page.reminder.isHidden() and "信息处理费" in page.reminder.text()


def test_info_page_edits_metadata_and_flags_a_format_that_does_not_fit_the_year(window, qtbot):
    page = window.show_page("info")
    page.agency.clear()
    type_text(page.agency, "某某区某某局")
    assert window.document.report.agency == "某某区某某局"
    assert "某某区某某局2020年" in page.title.text()
    page.contact["phone"].clear()
    qtbot.keyClicks(page.contact["phone"], "0571-1234")
    assert window.document.report.contact.phone == "0571-1234"
    assert page.format_warning.isHidden()
    page.format.setCurrentIndex(page.format.findData("2021"))
    page.format.activated.emit(page.format.currentIndex())
    assert window.document.report.format_id == "2021"
    assert not page.format_warning.isHidden() and "2019" in page.format_warning.text()
    assert any(f.code == "FMT-YEAR" for f in window.document.findings)
    page.use_right_format.click()
    assert window.document.report.format_id == "2019" and page.format_warning.isHidden()


def test_about_goes_through_the_seam(window):
    window.named_actions["关于"].trigger()
    assert window.dialogs.kinds() == ["about"]


def test_the_window_does_not_import_the_file_format_libraries():
    """openpyxl, python-docx and lxml load only when exporting or reading such a file (fast start-up)."""
    script = (
        "import sys, tempfile, os\n"
        "os.environ['NIANBAO_RECOVERY_DIR'] = tempfile.mkdtemp()\n"
        "os.environ['NIANBAO_SETTINGS'] = os.path.join(tempfile.mkdtemp(), 's.ini')\n"
        "from gui.app import application, start_window\n"
        "app = application(['-platform', 'offscreen'])\n"
        "window = start_window(example=True)\n"
        "window.show(); app.processEvents()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('openpyxl', 'docx', 'lxml')))\n"
        "window.autosave.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_fake_dialogs_refuse_unscripted_questions():
    with pytest.raises(AssertionError):
        FakeDialogs().open_file(None, "", "", "")


def test_undo_inside_a_field_reaches_the_report(window, qtbot):
    page = window.show_page("info")
    page.agency.selectAll()
    qtbot.keyClicks(page.agency, "ABC")
    assert window.document.report.agency == "ABC"
    page.agency.undo()
    assert window.document.report.agency == page.agency.text().strip()


def test_a_paste_note_of_the_grid_reaches_the_status_bar(window):
    page = window.show_page("t3")
    page.message.emit("已跳过 2 个自动计算的单元格")
    assert window.statusBar().currentMessage() == "已跳过 2 个自动计算的单元格"


def test_new_report_dialog_picks_the_format_from_the_year(qtbot):
    from gui.dialogs import NewReportDialog

    dialog = NewReportDialog(None, 2020)
    qtbot.addWidget(dialog)
    assert "2019" in dialog.format.currentText() and not dialog.format.isEnabled()  # no variant to pick
    dialog.year.setValue(2024)
    dialog.agency.setText(" 某某市某某局 ")
    dialog.level.setCurrentText("设区的市政府")
    answer = dialog.result_report()
    assert (answer.year, answer.agency, answer.level, answer.format_id) == (
        2024,
        "某某市某某局",
        "设区的市政府",
        "2021",
    )
    assert "2021" in dialog.format.currentText()


def test_a_report_without_findings_says_so_from_the_start(window):
    panel = window.findings_panel
    assert panel.findings and all(f.severity == "info" for f in panel.findings)  # the reviewer's figures
    assert panel.header.text().startswith("<b>未发现问题 · ")
    window.document.set_prose("s1", window.document.report.prose["s1"] + "\n本年新收政府信息公开申请29件。")
    assert not panel.header.text().startswith("<b>未发现问题")


def test_the_findings_panel_sits_below_the_table_on_a_narrow_screen(window):
    panel = window.findings_panel
    window.resize(1200, 700)
    window.place_findings()
    assert window.dockWidgetArea(panel) == Qt.DockWidgetArea.BottomDockWidgetArea
    window.resize(1600, 1000)
    window.place_findings()
    assert window.dockWidgetArea(panel) == Qt.DockWidgetArea.RightDockWidgetArea


def test_edit_menu_copy_and_clear_act_on_the_current_page(window):
    from PySide6.QtWidgets import QApplication

    page = window.show_page("s6")
    page.editor.selectAll()
    window.named_actions["复制"].trigger()
    assert QApplication.clipboard().text() == window.document.report.prose["s6"]
    window.named_actions["清除"].trigger()
    assert window.document.report.prose["s6"] == ""
    window.named_actions["撤销"].trigger()
    assert window.document.report.prose["s6"] == "无。"


def test_a_prose_page_shows_its_own_findings_and_clears_them_when_mended(window):
    page = window.show_page("s5")
    window.document.set_prose("s5", "无")
    assert not page.notes.isHidden() and "只写“无”不够" in page.notes.text()
    window.document.set_prose("s5", "存在的问题：公开内容不够深入。改进措施：扩大主动公开范围。")
    assert page.notes.isHidden()


def test_the_window_fits_a_1366_by_768_screen_on_every_page(window):
    for key in window.keys:
        window.show_page(key)
        assert window.minimumSizeHint().height() <= 700, key  # 768 less a taskbar and the title bar
    assert window.page("info").minimumSizeHint().height() < 300  # the form scrolls, whatever the font size
    window.resize(1366, 700)
    assert window.height() == 700 and window.statusBar().geometry().bottom() < 700


def test_a_number_in_the_text_that_does_not_match_opens_the_text_with_the_phrase_selected(window):
    window.document.set_prose("s1", window.document.report.prose.get("s1", "") + "全年收到行政复议案件2件。")
    finding = next(f for f in window.document.findings if f.code == "TXT-NUM" and "行政复议" in f.message)
    assert finding.cells and window.page_for(finding) == "s1"  # not the table its cells are in
    window.show_finding(finding)
    assert window.current_page() == "s1"
    assert window.page("s1").editor.textCursor().selectedText() == "行政复议案件2件"


def test_a_new_year_on_the_info_page_offers_its_format_and_says_what_would_be_dropped(window):
    page = window.show_page("info")
    document = window.document
    before = dict(document.report.values)
    page.year.setValue(2021)  # a mistyped year or the mouse wheel: no data goes
    assert document.report.year == 2021 and document.report.format_id == "2019"
    assert document.report.values == before
    assert not page.format_warning.isHidden() and "改用后，表二的" in page.format_warning.text()
    assert any(f.code == "FMT-YEAR" for f in document.findings)
    page.use_right_format.click()  # the clerk's choice, one undo step
    assert document.report.format_id == "2021" and page.format_warning.isHidden()
    document.undo_stack.undo()
    assert document.report.format_id == "2019" and document.report.values == before


def test_a_postcode_that_is_not_six_digits_is_pointed_out(window, qtbot):
    page = window.show_page("info")
    assert page.contact_warning.isHidden()
    page.contact["postcode"].clear()
    qtbot.keyClicks(page.contact["postcode"], "3210000")
    assert window.document.report.contact.postcode == "3210000"
    assert not page.contact_warning.isHidden() and "6位" in page.contact_warning.text()
    qtbot.keyClick(page.contact["postcode"], Qt.Key.Key_Backspace)
    assert page.contact_warning.isHidden()
