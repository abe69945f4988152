"""Exports ask before replacing a file (覆盖 / 另存为新名称 / 取消), write atomically, warn about blank cells, and
offer to open what they wrote — through the dialog seam, with real files in tmp_path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import QUrl

from gui import export_files, exports, reveal
from model.report import Report
from tests.support.gui_window import make_window

NAME = "杭州市城市管理局2020年政府信息公开工作年度报告"


@pytest.fixture
def opened(monkeypatch) -> list[object]:
    """What would have been opened: URLs for the desktop, command lines for Explorer; nothing is started."""
    calls: list[object] = []
    monkeypatch.setattr(reveal, "open_url", lambda url: calls.append(url) or True)
    monkeypatch.setattr(reveal, "launch", calls.append)
    return calls


@pytest.fixture
def out(tmp_path) -> Path:
    folder = tmp_path / "导出"
    folder.mkdir()
    return folder


def _hand_edited(path: Path) -> bytes:
    """A file the clerk changed after exporting: what must survive 另存为新名称 and 取消."""
    path.write_bytes(b"edited by hand in Word")
    return path.read_bytes()


def test_export_word_proposes_the_name_in_the_last_export_folder(qtbot, seam, example, out, opened):
    window = make_window(qtbot, example, dialogs=seam)
    seam.save_paths = [str(out / f"{NAME}.docx")]
    window.named_actions["导出 Word"].trigger()
    assert Document(str(out / f"{NAME}.docx")).paragraphs[0].text.replace("\n", "") == example.title
    assert seam.confirm_overwrite == [False]  # the question is ours, once, not also the native dialog's
    assert seam.asked[-1] == ("exported", [f"{NAME}.docx"]) and opened == []
    seam.save_paths = [None]
    window.named_actions["导出 Excel"].trigger()
    assert seam.asked[-1] == ("save_file", str(out / f"{NAME}.xlsx"))  # remembered, in the settings
    assert window.files.settings.value(exports.LAST_FOLDER) == str(out)


def test_a_name_typed_without_its_suffix_gets_it(qtbot, seam, example, out, opened):
    window = make_window(qtbot, example, dialogs=seam)
    seam.save_paths = [str(out / "本局年报")]
    window.named_actions["导出 Excel"].trigger()
    assert (out / "本局年报.xlsx").stat().st_size > 0


def test_cancel_keeps_the_existing_file(qtbot, seam, example, out, opened):
    target = out / f"{NAME}.docx"
    before = _hand_edited(target)
    window = make_window(qtbot, example, dialogs=seam)
    seam.save_paths, seam.overwrite = [str(target)], ["cancel"]
    assert exports.run_export(window, ["docx"]) == []
    assert seam.asked[-1] == ("ask_overwrite", [target.name])
    assert target.read_bytes() == before and sorted(p.name for p in out.iterdir()) == [target.name]


def test_rename_writes_beside_the_existing_file(qtbot, seam, example, out, opened):
    target = out / f"{NAME}.docx"
    before = _hand_edited(target)
    window = make_window(qtbot, example, dialogs=seam)
    seam.save_paths, seam.overwrite = [str(target)] * 2, ["rename"] * 2
    assert exports.run_export(window, ["docx"]) == [out / f"{NAME}（2）.docx"]
    assert exports.run_export(window, ["docx"]) == [out / f"{NAME}（3）.docx"]
    assert target.read_bytes() == before
    assert Document(str(out / f"{NAME}（3）.docx")).paragraphs[0].text.replace("\n", "") == example.title
    assert seam.asked[-1] == ("exported", [f"{NAME}（3）.docx"])


def test_overwrite_replaces_the_file(qtbot, seam, example, out, opened):
    target = out / f"{NAME}.docx"
    _hand_edited(target)
    window = make_window(qtbot, example, dialogs=seam)
    seam.save_paths, seam.overwrite = [str(target)], ["overwrite"]
    assert exports.run_export(window, ["docx"]) == [target]
    assert Document(str(target)).paragraphs[0].text.replace("\n", "") == example.title
    assert sorted(p.name for p in out.iterdir()) == [target.name]  # no temporary file left


def test_export_all_asks_once_for_every_file_that_exists(qtbot, seam, example, out, opened):
    docx, xlsx = out / f"{NAME}.docx", out / f"{NAME}.xlsx"
    before = {docx: _hand_edited(docx), xlsx: _hand_edited(xlsx)}
    window = make_window(qtbot, example, dialogs=seam)
    seam.folders, seam.overwrite = [str(out)], ["rename"]
    window.named_actions["全部导出"].trigger()
    assert [k for k in seam.kinds() if k == "ask_overwrite"] == ["ask_overwrite"]
    assert ("ask_overwrite", [docx.name, xlsx.name]) in seam.asked
    assert all(path.read_bytes() == data for path, data in before.items())
    assert (out / f"{NAME}（2）.docx").stat().st_size > 0 and (out / f"{NAME}（2）.xlsx").stat().st_size > 0
    assert seam.asked[-1] == (
        "exported",
        [f"{NAME}（2）.docx", f"{NAME}（2）.xlsx", f"{NAME}.pdf", f"{NAME}.html"],
    )


def test_export_all_asks_nothing_when_no_file_exists(qtbot, seam, example, out, opened):
    window = make_window(qtbot, example, dialogs=seam)
    seam.folders = [str(out)]
    window.named_actions["全部导出"].trigger()
    assert seam.kinds() == ["choose_folder", "exported"]
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{NAME}{s}" for s in (".docx", ".xlsx", ".pdf", ".html")
    )


def test_a_failed_export_leaves_the_previous_file_and_no_half_file(
    qtbot, seam, example, out, opened, monkeypatch
):
    def broken(report, path, options):  # type: ignore[no-untyped-def]
        Path(path).write_bytes(b"half a docx")
        raise ValueError("坏了")

    monkeypatch.setattr("exporters.docx.writer.export", broken)  # the registry looks writers up when used
    target = out / f"{NAME}.docx"
    before = _hand_edited(target)
    window = make_window(qtbot, example, dialogs=seam)
    seam.save_paths, seam.overwrite = [str(target)], ["overwrite"]
    assert exports.run_export(window, ["docx"]) == []
    assert target.read_bytes() == before and sorted(p.name for p in out.iterdir()) == [target.name]
    assert seam.kinds()[-1] == "error" and "坏了" in str(seam.asked[-1][1])


def test_a_file_locked_by_word_gets_the_clear_message(qtbot, seam, example, out, opened, monkeypatch):
    def locked(source, target):  # type: ignore[no-untyped-def]
        exc = PermissionError(13, "另一个程序正在使用此文件，进程无法访问。")
        exc.winerror = 32  # type: ignore[attr-defined]  # ERROR_SHARING_VIOLATION, as Windows sets it
        raise exc

    target = out / f"{NAME}.docx"
    before = _hand_edited(target)
    monkeypatch.setattr(os, "replace", locked)  # what Windows does while Word has the file open
    window = make_window(qtbot, example, dialogs=seam)
    seam.save_paths, seam.overwrite = [str(target)], ["overwrite"]
    assert exports.run_export(window, ["docx"]) == []
    message = str(seam.asked[-1][1])
    assert seam.kinds()[-1] == "error" and "exported" not in seam.kinds()
    assert f"无法写入“{target.name}”：文件正在 Word/WPS 中打开，请关闭该文件后再试" in message
    assert target.read_bytes() == before and sorted(p.name for p in out.iterdir()) == [target.name]


def test_open_the_file_or_its_folder_after_the_export(qtbot, seam, example, out, opened):
    window = make_window(qtbot, example, dialogs=seam)
    seam.folders, seam.after_export = [str(out)], "open"
    written = exports.run_export(window, exports.kinds())
    assert opened == [QUrl.fromLocalFile(str(path)) for path in written]
    opened.clear()
    seam.folders, seam.overwrite, seam.after_export = [str(out)], ["overwrite"], "folder"
    exports.run_export(window, exports.kinds())
    assert opened == [QUrl.fromLocalFile(str(out))]  # not Windows: the folder, by the desktop


def test_on_windows_explorer_shows_the_file_selected(opened):
    path = Path("C:/Users/张三/Documents/年报 2025/报告.docx")
    reveal.show_in_folder(path, platform="win32")
    assert opened == ['explorer /select,"C:\\Users\\张三\\Documents\\年报 2025\\报告.docx"']
    reveal.open_file(path)
    assert opened[-1] == QUrl.fromLocalFile(str(path))


def test_blank_cells_are_warned_about_before_exporting(qtbot, seam, out, opened):
    report = Report.new(2025, "某某市某某局")
    report.contact.phone = "0571-1234"
    window = make_window(qtbot, report, dialogs=seam)
    blanks = exports.blank_cells(window)
    assert blanks == len(report.fmt.input_ids())  # a new report: every cell still blank
    seam.export_anyway = False
    window.named_actions["导出 Word"].trigger()
    assert seam.kinds() == ["confirm_export"] and seam.asked[0][1] == [] and seam.blanks == [blanks]
    assert list(out.iterdir()) == []
    seam.export_anyway, seam.save_paths = True, [str(out / "r.docx")]
    window.named_actions["导出 Word"].trigger()
    assert (out / "r.docx").exists()


def test_a_complete_report_exports_without_the_warning(qtbot, seam, example, out, opened):
    window = make_window(qtbot, example, dialogs=seam)
    assert exports.blank_cells(window) == 0
    seam.save_paths = [str(out / "r.xlsx")]
    window.named_actions["导出 Excel"].trigger()
    assert "confirm_export" not in seam.kinds()


def test_save_as_of_a_draft_still_lets_the_file_dialog_confirm(qtbot, seam, example, tmp_path):
    window = make_window(qtbot, example, dialogs=seam)
    seam.save_paths = [str(tmp_path / "草稿.nianbao")]
    window.named_actions["另存为"].trigger()
    assert seam.confirm_overwrite == [True]


def test_free_names_count_on_from_a_numbered_name(tmp_path):
    first = tmp_path / "报告.docx"
    first.write_bytes(b"1")
    assert export_files.free_name(first) == tmp_path / "报告（2）.docx"
    (tmp_path / "报告（2）.docx").write_bytes(b"2")
    assert export_files.free_name(tmp_path / "报告（2）.docx") == tmp_path / "报告（3）.docx"
    assert export_files.free_name(first, [tmp_path / "报告（3）.docx"]) == tmp_path / "报告（4）.docx"
