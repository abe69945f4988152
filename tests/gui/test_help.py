"""F1: the help window — keys, every rule of every format (from the format files) and where files go; not modal."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui.help_text import plain, rule_rows
from gui.help_window import HelpWindow
from model.formats import format_ids, load_format
from tests.support.gui_window import FakeDialogs, isolate, make_window


def test_f1_opens_the_help_beside_the_report_without_blocking(qtbot, tmp_path, monkeypatch, example):
    recovery = isolate(tmp_path, monkeypatch)
    window = make_window(qtbot, example, dialogs=FakeDialogs())
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.keyClick(window.nav, Qt.Key.Key_F1)
    help_window = window.findChild(HelpWindow, "help")
    assert help_window is not None and help_window.isVisible() and not help_window.isModal()
    assert QApplication.activeModalWidget() is None and window.dialogs.asked == []
    text = help_window.browser.toPlainText()
    for keys, what in (("Ctrl+F", "查找"), ("F8", "下一个问题"), ("Ctrl+3", "三、"), ("Ctrl+0", "重置缩放")):
        assert keys in text and what in text
    assert "(&" not in text and "Shift+Enter" in text
    assert str(recovery) in text and str(tmp_path / "settings.ini") in text and ".bak" in text
    window.named_actions["使用说明"].trigger()
    assert window.findChildren(HelpWindow) == [help_window]  # one window, brought to the front
    qtbot.keyClick(help_window.browser, Qt.Key.Key_Escape)
    assert not help_window.isVisible()


def test_the_rules_come_from_the_format_files(qtbot, tmp_path, monkeypatch, example):
    isolate(tmp_path, monkeypatch)
    window = make_window(qtbot, example)
    window.named_actions["使用说明"].trigger()
    text = window.findChild(HelpWindow, "help").browser.toPlainText()
    for format_id in format_ids():
        for spec in load_format(format_id).rules:
            assert spec.code in text and spec.params["description"] in text
    value = [row for row in rule_rows() if row.code == "VALUE"]
    assert len(value) == 2  # the two formats word it differently: one row each
    meta = next(row for row in rule_rows() if row.code == "META")
    assert set(meta.formats) == {load_format(i).name for i in format_ids()}


def test_plain_drops_the_access_letter():
    assert plain("另存为(&A)…") == "另存为…" and plain("A && B") == "A & B"


def test_the_keys_say_what_undo_does_not_what_it_would_undo_now(qtbot, tmp_path, monkeypatch, example):
    from gui.help_window import window_keys

    isolate(tmp_path, monkeypatch)
    window = make_window(qtbot, example)
    window.document.set_cells({"t3.new.natural": "31"}, "填写 表三·自然人·本年新收")
    assert "填写" in window.named_actions["撤销"].text()
    shown = dict(window_keys(window))
    assert shown["Ctrl+Z"] == "撤销" and shown["Ctrl+3"].startswith("三、")


def test_the_help_tells_of_the_ledger_the_review_printing_packs_and_drafts_in_use(
    qtbot, tmp_path, monkeypatch, example
):
    from gui.draft_guard import READ_ONLY_MARK, locked_box
    from gui.printing.actions import CLOSING_CHOICES

    isolate(tmp_path, monkeypatch)
    window = make_window(qtbot, example)
    window.named_actions["使用说明"].trigger()
    text = window.findChild(HelpWindow, "help").browser.toPlainText()
    for name in (
        "导入依申请台账",
        "审核一批报告",
        "打印预览",
        "打印",
        "导出 PDF",
        "导出网页版",
        "复制网页版",
    ):
        assert plain(window.named_actions[name].text()) in text, name  # as the 文件 menu names it
    for _, closing, _ in CLOSING_CHOICES:  # 落款: the three choices
        assert closing in text, closing
    assert "执行口径" in text and "另存为草稿" in text and "查看台账行" in text
    box, anyway = locked_box(window, "该草稿正由张三（电脑 PC-01）打开")  # 草稿锁: read-only, or edit anyway
    assert plain(anyway.text()) in text and READ_ONLY_MARK.strip("（）") in text and "另存为其他文件" in text
    box.deleteLater()
