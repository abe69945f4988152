"""The real boxes of an export, built offscreen: texts, access letters, which button is the default and the escape."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui.dialogs import Dialogs
from gui.export_dialogs import answer, confirm_export_box, exported_box, overwrite_box


def _texts(box: QMessageBox) -> list[str]:
    return [button.text() for button in box.buttons()]


def test_the_overwrite_question_lists_the_files_and_defaults_to_a_new_name(qtbot):
    box, buttons = overwrite_box(None, ["甲.docx", "甲.xlsx"])
    qtbot.addWidget(box)
    assert "甲.docx" in box.text() and "甲.xlsx" in box.text() and "2个文件" in box.text()
    assert set(_texts(box)) == {"覆盖(&O)", "另存为新名称(&R)", "取消"}
    assert box.defaultButton() is buttons["rename"] and box.escapeButton().text() == "取消"
    single, _ = overwrite_box(None, ["甲.docx"])
    qtbot.addWidget(single)
    assert single.text() == "“甲.docx”已经存在。要覆盖它吗？"


def test_the_box_after_an_export_offers_the_file_and_its_folder(qtbot, tmp_path):
    paths = [tmp_path / "甲.docx", tmp_path / "甲.xlsx"]
    box, buttons = exported_box(None, paths)
    qtbot.addWidget(box)
    assert set(_texts(box)) == {"打开文件(&O)", "打开所在文件夹(&F)", "关闭"}
    assert "甲.docx" in box.text() and str(tmp_path) in box.informativeText()
    assert box.defaultButton() is buttons["open"] and box.escapeButton().text() == "关闭"


def test_the_warning_before_export_names_errors_and_blank_cells(qtbot):
    box, go = confirm_export_box(None, ["表三：不平衡"], 7)
    qtbot.addWidget(box)
    assert "1个错误" in box.text() and "表三：不平衡" in box.text()
    assert "还有7个空白单元格（空白不等于0），导出的表格中会是空白" in box.text()
    assert go.text() == "仍然导出(&E)" and box.escapeButton().text() == "返回修改(&B)"
    only_blanks, _ = confirm_export_box(None, [], 3)
    qtbot.addWidget(only_blanks)
    assert "错误" not in only_blanks.text() and "3个空白单元格" in only_blanks.text()


def test_answer_gives_the_key_of_the_button_clicked(qtbot):
    for key in ("overwrite", "rename"):
        box, buttons = overwrite_box(None, ["甲.docx"])
        qtbot.addWidget(box)
        QTimer.singleShot(0, buttons[key].click)
        assert answer(box, buttons) == key
    box, buttons = overwrite_box(None, ["甲.docx"])
    qtbot.addWidget(box)
    QTimer.singleShot(0, box.escapeButton().click)
    assert answer(box, buttons) is None


def test_save_file_leaves_the_overwrite_question_to_the_export(monkeypatch, qtbot):
    asked: list[QFileDialog.Option] = []

    def dialog(parent, title, suggested, filters, options=None):  # type: ignore[no-untyped-def]
        asked.append(options)
        return str(Path(suggested)), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    dialogs = Dialogs()
    assert dialogs.save_file(None, "导出 Word", "/tmp/甲.docx", "Word (*.docx)", confirm_overwrite=False)
    assert dialogs.save_file(None, "另存为", "/tmp/甲.nianbao", "草稿 (*.nianbao)")
    assert asked[0] & QFileDialog.Option.DontConfirmOverwrite
    assert not asked[1] & QFileDialog.Option.DontConfirmOverwrite
