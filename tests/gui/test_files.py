"""新建, 打开, 保存, 另存为, 最近打开, closing, drag-and-drop, 导入上年报告 and exports, through the dialog seam."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from exporters.kinds import kind, readable_suffixes
from gui import exports
from gui.dialogs import NewReport
from model import draft
from model.report import Report
from tests.support.gui_window import FakeDialogs, drop_event, make_window


@pytest.fixture
def saved_example(tmp_path, example):
    path = tmp_path / "示例.nianbao"
    draft.save(example, path)
    return path


def test_new_asks_year_agency_level_and_uses_the_years_format(qtbot, seam, example):
    window = make_window(qtbot, example, dialogs=seam)
    seam.new = NewReport(2025, "某某县某某局", "县级政府", "2021")
    assert window.named_actions["新建"].isEnabled()
    window.named_actions["新建"].trigger()
    report = window.document.report
    assert (report.year, report.agency, report.level, report.format_id) == (
        2025,
        "某某县某某局",
        "县级政府",
        "2021",
    )
    assert report.values == {} and window.document.path is None
    assert window.windowTitle().startswith("未命名") and window.current_page() == "info"


def test_open_save_and_save_as_go_through_the_seam_and_the_atomic_save(qtbot, seam, saved_example, tmp_path):
    window = make_window(qtbot, dialogs=seam)
    seam.open_paths = [str(saved_example)]
    window.named_actions["打开"].trigger()
    assert window.document.path == str(saved_example)
    assert window.document.report.agency == "杭州市城市管理局"
    assert window.windowTitle().startswith("示例.nianbao[*]") and not window.isWindowModified()
    assert window.files.recent()[0].endswith("示例.nianbao")

    window.document.set_cells({"t3.new.natural": "29"})
    assert window.isWindowModified()
    window.named_actions["保存"].trigger()
    assert not window.isWindowModified()
    assert draft.load(saved_example).values["t3.new.natural"] == 29
    assert (tmp_path / "示例.nianbao.bak").exists()  # the model's atomic save keeps the previous file

    copy = tmp_path / "副本"
    seam.save_paths = [str(copy)]
    window.named_actions["另存为"].trigger()
    assert window.document.path == str(copy) + ".nianbao"
    assert draft.load(window.document.path).values["t3.new.natural"] == 29
    assert "杭州市城市管理局2020年政府信息公开工作年度报告.nianbao" in seam.asked[-1][1]
    assert window.recent_actions()[0].text().endswith("副本.nianbao")


def test_saving_a_new_report_asks_for_a_name_and_cancel_keeps_it_unsaved(qtbot, seam):
    window = make_window(qtbot, Report.new(2025, "某某局"), dialogs=seam)
    window.document.set_meta("agency", "某某市某某局")
    seam.save_paths = [None]
    window.named_actions["保存"].trigger()
    assert seam.kinds() == ["save_file"] and window.isWindowModified()


def test_a_damaged_file_gives_one_message_and_keeps_the_report(qtbot, seam, tmp_path, example):
    bad = tmp_path / "坏.nianbao"
    bad.write_bytes(b"{not json")
    window = make_window(qtbot, example, dialogs=seam)
    seam.open_paths = [str(bad)]
    window.named_actions["打开"].trigger()
    assert seam.kinds()[-1] == "error" and "坏.nianbao" in seam.asked[-1][1]
    assert window.document.report.agency == "杭州市城市管理局"


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(qtbot, seam, saved_example):
    window = make_window(qtbot, draft.load(saved_example), str(saved_example), dialogs=seam)
    window.document.set_cells({"t3.new.natural": "31"})
    seam.save_changes = "cancel"
    assert not window.close()
    assert window.isVisible() and seam.kinds() == ["ask_save_changes"]
    seam.save_changes = "save"
    assert window.close()
    assert draft.load(saved_example).values["t3.new.natural"] == 31


def test_closing_and_discarding_leaves_the_file_alone(qtbot, seam, saved_example):
    window = make_window(qtbot, draft.load(saved_example), str(saved_example), dialogs=seam)
    window.document.set_cells({"t3.new.natural": "31"})
    seam.save_changes = "discard"
    assert window.close()
    assert draft.load(saved_example).values["t3.new.natural"] == 28


def test_opening_another_file_over_unsaved_changes_asks_first(qtbot, seam, saved_example):
    window = make_window(qtbot, Report.new(2025), dialogs=seam)
    window.document.set_meta("agency", "改过")
    seam.save_changes = "cancel"
    assert not window.files.open_path(str(saved_example))
    assert window.document.report.agency == "改过"


def test_dropping_a_draft_on_the_window_opens_it(qtbot, seam, saved_example):
    window = make_window(qtbot, Report.new(2025), dialogs=seam)
    event = drop_event(saved_example)
    mime = event.mime  # the same data, dropped again below on a text field
    window.dropEvent(event)
    assert window.document.path == str(saved_example)
    window.document.replace_report(Report.new(2025), None)
    editor = window.show_page("s1").editor.viewport()  # a text field passes a dropped report to the window
    entering = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(editor, entering)
    assert entering.isAccepted()
    dropped = QDropEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(editor, dropped)
    assert window.document.path == str(saved_example)
    assert window.page("s1").editor.toPlainText() == window.document.report.prose.get("s1", "")
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile("/nowhere/notes.md")])  # no kind reads .md
    assert (
        window._dropped_path(
            QDropEvent(
                QPoint(1, 1),
                Qt.DropAction.CopyAction,
                other,
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
            )
        )
        is None
    )


def test_recent_files_menu_reopens_and_forgets_missing_files(qtbot, seam, saved_example, tmp_path):
    window = make_window(qtbot, Report.new(2025), dialogs=seam)
    window.files.remember(str(tmp_path / "gone.nianbao"))
    window.files.remember(str(saved_example))
    actions = window.recent_actions()
    assert [a.text() for a in actions] == ["&1 示例.nianbao", "&2 gone.nianbao"]
    actions[1].trigger()
    assert seam.kinds()[-1] == "error"
    assert [a.text() for a in window.recent_actions()] == ["&1 示例.nianbao"]
    window.recent_actions()[0].trigger()
    assert window.document.path == str(saved_example)


def test_open_example_shows_it_unsaved_under_its_name(qtbot, seam):
    window = make_window(qtbot, Report.new(2025), dialogs=seam)
    window.named_actions["打开示例报告"].trigger()
    assert window.document.report.agency == "杭州市城市管理局" and window.document.path is None
    assert window.windowTitle().startswith("示例报告（未保存）")


def test_import_of_last_years_draft_fills_the_carry_over_as_one_undo_step(qtbot, seam, saved_example):
    window = make_window(qtbot, Report.new(2021), dialogs=seam)
    previous = draft.load(saved_example)
    rule = next(r for r in window.document.report.fmt.rules if r.kind == "carry")
    table, this_row, last_row = rule.params["table"], rule.params["this_row"], rule.params["last_row"]
    seam.open_paths = [str(saved_example)]
    window.page("info").import_button.click()
    report = window.document.report
    columns = window.document.report.fmt.table(table).columns
    for col in columns:
        assert report.value(f"{table}.{this_row}.{col}") == previous.effective(f"{table}.{last_row}.{col}")
    assert report.previous is not None and report.previous.year == 2020
    assert report.agency == "杭州市城市管理局" and report.contact.office == previous.contact.office
    assert "已导入杭州市城市管理局2020年度报告" in window.page("info").previous.text()
    assert not any(f.code == "XY-CARRY" for f in window.document.findings)
    window.document.set_cells({f"{table}.{this_row}.natural": "99"})
    assert any(f.code == "XY-CARRY" for f in window.document.findings)  # stays live while editing
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert window.document.report.previous is None and window.document.report.agency == ""
    assert all(window.document.report.value(f"{table}.{this_row}.{c}") is None for c in columns)


def test_exports_warn_about_errors_and_write_named_files(qtbot, seam, example, tmp_path):
    kinds = exports.kinds()
    assert kinds == ["docx", "xlsx", "pdf", "html"]
    window = make_window(qtbot, example, dialogs=seam)
    assert window.named_actions["全部导出"].isEnabled()
    window.document.set_cells({"t3.new.natural": "40"})
    seam.export_anyway = False
    window.named_actions["全部导出"].trigger()
    assert seam.kinds() == ["confirm_export"] and any("表三" in p for p in seam.asked[0][1])
    seam.export_anyway = True
    seam.folders = [str(tmp_path)]
    window.named_actions["全部导出"].trigger()
    for key in kinds:
        assert (
            tmp_path / f"杭州市城市管理局2020年政府信息公开工作年度报告{kind(key).suffix}"
        ).stat().st_size > 0


def test_export_file_names_avoid_characters_windows_forbids():
    report = Report.new(2025, "某某局/办公室:一")
    assert exports.file_name(report, "docx") == "某某局_办公室_一2025年政府信息公开工作年度报告.docx"
    assert exports.file_name(Report.new(2025), "xlsx") == "未命名2025年政府信息公开工作年度报告.xlsx"


def test_opening_a_workbook_makes_an_unsaved_draft(qtbot, seam, example, tmp_path):
    assert ".xlsx" in readable_suffixes()
    path = tmp_path / "报告.xlsx"
    kind("xlsx").write(example, path)
    window = make_window(qtbot, Report.new(2025), dialogs=seam)
    assert window.files.open_path(str(path))
    assert window.document.path is None and window.isWindowModified()
    assert window.document.report.agency == "杭州市城市管理局"
    assert "报告.xlsx" in window.windowTitle()


def _start(qtbot, **kwargs):  # type: ignore[no-untyped-def]
    from gui.app import start_window

    window = start_window(**kwargs)
    qtbot.addWidget(
        window, before_close_func=lambda w: (w.document.undo_stack.setClean(), w.autosave.close())
    )
    return window


def test_start_opens_the_given_file_and_then_the_most_recent_one(qtbot, seam, saved_example):
    first = _start(qtbot, file=str(saved_example), dialogs=seam)
    assert first.document.path == str(saved_example) and not first.isWindowModified()
    again = _start(qtbot, dialogs=FakeDialogs())
    assert again.document.path == str(saved_example.resolve())


def test_start_without_files_shows_a_blank_report_on_basic_info(qtbot, seam, tmp_path):
    window = _start(qtbot, dialogs=seam)
    assert window.document.report.agency == "" and window.current_page() == "info"
    assert seam.kinds() == []


def test_start_with_an_unreadable_file_says_so_and_shows_a_blank_report(qtbot, seam, tmp_path):
    bad = tmp_path / "坏.nianbao"
    bad.write_text("{}", encoding="utf-8")
    window = _start(qtbot, file=str(bad), dialogs=seam)
    assert seam.kinds() == ["error"] and "坏.nianbao" in seam.asked[0][1]
    assert window.document.path is None and window.current_page() == "info"


def test_start_with_the_example(qtbot, seam):
    window = _start(qtbot, example=True, dialogs=seam)
    assert window.document.report.agency == "杭州市城市管理局" and not window.isWindowModified()
    assert window.windowTitle().startswith("示例报告（未保存）")


def test_opening_a_published_word_report_makes_an_unsaved_draft(qtbot, seam, example, tmp_path):
    path = tmp_path / "发布稿.docx"
    kind("docx").write(example, path)
    window = make_window(qtbot, Report.new(2025), dialogs=seam)
    seam.open_paths = [str(path)]
    window.named_actions["打开"].trigger()
    assert window.document.path is None and window.isWindowModified()
    assert window.document.report.values["t3.new.natural"] == 28
    assert window.windowTitle().startswith("发布稿.docx（未保存）")
    seam.save_paths = [str(tmp_path / "草稿")]
    window.named_actions["保存"].trigger()
    assert draft.load(tmp_path / "草稿.nianbao").values == window.document.report.values


def test_findings_about_a_read_back_document_are_listed_and_counted(qtbot, seam, example):
    from model.rules import Finding

    window = make_window(qtbot, Report.new(2025), dialogs=seam)
    label = Finding("FMT-LABEL", "warning", "表三的标签“规范性文件”应为“行政规范性文件”", ())
    window.show_report(example, None, [label], source="某局.docx")
    assert window.findings_panel.findings[0] == label
    assert "警告 1" in window.warning_label.text()
    window.document.set_cells({"t3.new.natural": "29"})
    assert label in window.findings_panel.findings  # stays while this report is open
    mixed = Finding("FMT-MIXED", "warning", "表二：文档在“（六）”下只有一行", ("t3.new.business",))
    window.show_report(example, None, [mixed], source="某局.docx")
    assert label not in window.findings_panel.findings
    assert window.document.marks["t3.new.business"][0] == "warning"  # marked in the grid too
    window.show_report(example, None)
    assert "t3.new.business" not in window.document.marks


def test_import_of_last_years_published_word_report(qtbot, seam, example, tmp_path):
    path = tmp_path / "2020年报.docx"
    kind("docx").write(example, path)
    window = make_window(qtbot, Report.new(2021), dialogs=seam)
    seam.open_paths = [str(path)]
    window.named_actions["导入上年报告"].trigger()
    report = window.document.report
    assert report.previous is not None and report.previous_source == "2020年报.docx"
    rule = next(r for r in report.fmt.rules if r.kind == "carry")
    last = f"{rule.params['table']}.{rule.params['last_row']}.total"
    assert report.value(f"{rule.params['table']}.{rule.params['this_row']}.total") == example.effective(last)


def test_a_failing_exporter_is_reported_and_the_others_still_run(monkeypatch, tmp_path, example):
    def broken(report, path, options):  # type: ignore[no-untyped-def]
        raise ValueError("坏了")

    monkeypatch.setattr("exporters.docx.writer.export", broken)  # the registry looks writers up when used
    written, problems = exports.export(example, ["docx", "xlsx"], tmp_path)
    assert [p.suffix for p in written] == [".xlsx"] and written[0].stat().st_size > 0
    assert len(problems) == 1 and "Word" in problems[0] and "坏了" in problems[0]
    assert not (tmp_path / exports.file_name(example, "docx")).exists()


def test_import_of_last_years_draft_shows_on_the_info_page_and_undo_takes_it_back(
    qtbot, seam, example, tmp_path
):
    path = tmp_path / "上年.nianbao"
    draft.save(example, str(path))
    this_year = Report.new(2021, example.agency, example.level)
    this_year.contact = example.contact  # nothing of the metadata changes with the import, only 上年报告
    window = make_window(qtbot, this_year, dialogs=seam)
    info = window.show_page("info")
    assert "尚未导入" in info.previous.text()
    seam.open_paths = [str(path)]
    window.named_actions["导入上年报告"].trigger()
    assert window.document.report.previous is not None
    assert "已导入" in info.previous.text() and "上年.nianbao" in info.previous.text()
    window.document.undo_stack.undo()
    assert window.document.report.previous is None and "尚未导入" in info.previous.text()


def test_word_export_with_only_the_fonts_of_windows(qtbot, seam, example, tmp_path):
    import zipfile

    window = make_window(qtbot, example, dialogs=seam)
    action = window.named_actions["Windows字体"]
    assert not action.isChecked()
    action.trigger()
    assert exports.windows_fonts(window.files.settings)
    seam.save_paths = [str(tmp_path / "win" / "报告.docx"), str(tmp_path / "published" / "报告.docx")]
    (tmp_path / "win").mkdir()
    (tmp_path / "published").mkdir()
    window.named_actions["导出 Word"].trigger()
    action.trigger()
    window.named_actions["导出 Word"].trigger()

    def fonts(folder: str) -> str:
        with zipfile.ZipFile(next((tmp_path / folder).glob("*.docx"))) as docx:
            return docx.read("word/styles.xml").decode("utf-8") + docx.read("word/document.xml").decode(
                "utf-8"
            )

    assert "仿宋_GB2312" not in fonts("win") and "仿宋" in fonts("win")
    assert "仿宋_GB2312" in fonts("published")


def test_a_word_report_only_looked_at_closes_without_a_question(qtbot, seam, example, tmp_path):
    path = tmp_path / "审阅稿.docx"
    kind("docx").write(example, path)
    window = make_window(qtbot, Report.new(2025), dialogs=seam)
    assert window.files.open_path(str(path), confirm=False)
    assert window.isWindowModified()  # not yet a draft on disk
    assert window.files.maybe_save() and seam.kinds() == []  # nothing was changed: nothing to ask
    window.document.set_cells({"t3.new.natural": "29"})
    seam.save_changes = "cancel"
    assert not window.files.maybe_save() and seam.kinds() == ["ask_save_changes"]
    window.document.undo_stack.undo()  # back as it was read: no question again
    assert window.files.maybe_save()
    window.show_report(example, None, source="示例报告")  # another report: the exemption goes
    assert window.files.read_back is None
