"""Access letters in the Windows style on every menu title and entry (none twice in a menu) and on the buttons of
the dialogs; the toolbar over the same actions, hidden from 视图 and remembered."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QToolButton

from gui.access_keys import letter_of, with_key
from gui.dialogs import Dialogs
from tests.support.gui_window import isolate, make_window


def walk(menu: QMenu, path: str) -> list[str]:
    """Problems of a menu and its submenus: entries without a letter, letters used twice."""
    problems, seen = [], {}
    menu.aboutToShow.emit()  # 最近打开 fills itself when shown
    for action in menu.actions():
        if action.isSeparator():
            continue
        text = action.text()
        letter = letter_of(text)
        mnemonic = QKeySequence.mnemonic(text).toString()
        if letter is None or mnemonic != f"Alt+{letter}":
            problems.append(f"{path} → {text}: no access letter")
        elif letter in seen:
            problems.append(f"{path}: {letter} in {seen[letter]} and {text}")
        else:
            seen[letter] = text
        for sub in submenus(menu):
            if sub.menuAction() is action or sub.menuAction() == action:
                problems += walk(sub, f"{path} → {text}")
    return problems


def submenus(widget) -> list[QMenu]:  # type: ignore[no-untyped-def]
    """The menus directly under a menu bar or menu (QAction.menu() would hand the menu to Python's collector)."""
    return widget.findChildren(QMenu, options=Qt.FindChildOption.FindDirectChildrenOnly)


def test_every_menu_and_entry_has_its_own_access_letter(qtbot, tmp_path, monkeypatch, example):
    isolate(tmp_path, monkeypatch)
    window = make_window(qtbot, example)
    window.document.set_cells({"t3.new.natural": "40"})  # 撤销 gets a text of its own (「撤销 输入…(&U)」)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]
    problems = walk_bar(window)
    assert problems == []
    actions = window.named_actions
    assert actions["新建"].text() == "新建(&N)…" and actions["另存为"].text() == "另存为(&A)…"
    assert actions["导出 Word"].text() == "导出 Word(&W)…" and actions["撤销"].text().endswith("(&U)")
    window.document.undo_stack.undo()
    assert actions["撤销"].text() == "撤销(&U)"


def walk_bar(window) -> list[str]:  # type: ignore[no-untyped-def]
    problems = []
    for menu in submenus(window.menuBar()):
        problems += walk(menu, menu.title())
    return problems


def test_with_key_puts_the_letter_before_the_ellipsis_and_keeps_a_given_one():
    assert with_key("打开…", "o") == "打开(&O)…" and with_key("保存(&S)", "X") == "保存(&S)"
    assert letter_of("A && B") is None and letter_of("导出 Word(&W)…") == "W"


def test_the_toolbar_shows_the_main_actions_with_icons_and_can_be_hidden_for_good(
    qtbot, tmp_path, monkeypatch, example
):
    isolate(tmp_path, monkeypatch)
    window = make_window(qtbot, example)
    bar = window.toolbar
    texts = [a.iconText() for a in bar.actions() if not a.isSeparator() and a.isVisible()]
    assert texts[:3] == ["新建", "打开", "保存"] and "下一个问题" in texts
    export = bar.findChild(QToolButton, "export")
    named = [window.named_actions[n] for n in ("新建", "打开", "保存", "下一个问题")]
    assert all(not a.icon().isNull() for a in [*named, export.defaultAction()])
    entries = [a.text() for a in export.menu().actions()]
    assert entries[0] == window.named_actions["导出 Word"].text() and "全部导出(&L)…" in entries
    seam = window.dialogs
    seam.save_paths.append(None)  # the Word export asks where: cancelled
    export.click()
    assert seam.kinds()[-1] == "save_file" and str(seam.asked[-1][1]).endswith(".docx")
    toggle = bar.toggleViewAction()
    view = next(m for m in submenus(window.menuBar()) if m.title() == "视图(&V)")
    assert toggle in view.actions()
    toggle.trigger()
    assert bar.isHidden()
    again = make_window(qtbot, example)
    assert again.toolbar.isHidden()


def answer_box(texts: list[str]) -> None:
    """Read the buttons of the modal box that is open and leave it with Esc's button."""
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    texts.extend(b.text() for b in box.buttons())
    box.escapeButton().click()


def test_the_dialog_buttons_have_access_letters_and_esc_cancels(qtbot):
    texts: list[str] = []
    QTimer.singleShot(0, lambda: answer_box(texts))
    assert Dialogs().ask_save_changes(None, "报告.nianbao") == "cancel"
    assert set(texts) == {"保存(&S)", "不保存(&N)", "取消"}
    texts.clear()
    QTimer.singleShot(0, lambda: answer_box(texts))
    assert Dialogs().offer_restore(None, "某局2024年报告") is False
    assert set(texts) == {"恢复(&R)", "不恢复(&N)"}
