"""The 文件 menu's printing entries: 打印预览…, 打印… (Ctrl+P), 复制网页版, and 落款 (none, the 落款, or the filed
copy with its signature block) for Word, PDF and print — hooked into gui/menus.py by one call."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from gui import exports
from gui.access_keys import with_key

if TYPE_CHECKING:
    from gui.main_window import MainWindow
    from gui.menus import Menus

CLOSING_CHOICES = (  # (setting, menu text, access letter)
    ("none", "不加落款（公开版）", "N"),
    ("sign_off", "加落款（机关名称、日期）", "L"),
    ("filed", "备案稿（落款、单位负责人签字、盖章、日期）", "B"),
)


def add_print_actions(menus: Menus, menu: QMenu) -> None:
    """打印预览, 打印, 复制网页版 and the 落款 submenu, named in ``menus.named_actions``."""
    window = menus.window
    menu.addSeparator()
    menus.add(menu, "打印预览…", partial(preview, window), name="打印预览", key="V")
    # P is 导出 PDF's (the registry's entries come first); Ctrl+P prints
    menus.add(menu, "打印…", partial(print_report, window), QKeySequence.StandardKey.Print, "打印", "Y")
    menus.add(menu, "复制网页版", partial(copy_web_page, window), name="复制网页版", key="M")
    closing = menu.addMenu(with_key("落款（Word、PDF、打印）", "K"))
    group = QActionGroup(closing)
    current = exports.closing(window.files.settings)
    for value, text, letter in CLOSING_CHOICES:
        action = closing.addAction(with_key(text, letter))
        action.setCheckable(True)
        action.setChecked(value == current)
        group.addAction(action)
        action.triggered.connect(partial(_set_closing, window, value))
        menus.named_actions[f"落款:{value}"] = action


def _set_closing(window: MainWindow, value: str, _checked: bool = True) -> None:
    window.files.settings.setValue(exports.CLOSING, value)


def preview(window: MainWindow) -> None:
    from gui.printing.preview import open_preview

    open_preview(window)


def print_report(window: MainWindow) -> None:
    from gui.printing.preview import print_report

    print_report(window)


def copy_web_page(window: MainWindow) -> None:
    """复制网页版: the web version on the clipboard as HTML (and as text), to paste into the portal's editor."""
    from PySide6.QtCore import QMimeData
    from PySide6.QtWidgets import QApplication

    from exporters.html.writer import article_html, plain_text
    from model.document import report_document, web_closing

    closing = web_closing(exports.closing(window.files.settings))
    document = report_document(window.document.report, closing)
    data = QMimeData()
    data.setHtml(article_html(document))
    data.setText(plain_text(document))
    QApplication.clipboard().setMimeData(data)
    window.statusBar().showMessage("网页版已复制，可粘贴到网站的编辑器中", 8000)
