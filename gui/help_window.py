"""The help window (F1): a window of its own beside the report (not modal), the text from resources/help.html."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from gui.help_text import help_html
from gui.zoom import zoom_range

if TYPE_CHECKING:
    from gui.main_window import MainWindow


def window_keys(window: MainWindow) -> list[tuple[str, str]]:
    """(keys, menu text) of every named action that has a shortcut, in the menus' order."""
    rows = []
    seen: set[QAction] = set()
    for name, action in window.named_actions.items():
        if action in seen:
            continue
        seen.add(action)
        keys = " / ".join(
            s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts() if not s.isEmpty()
        )
        if keys:  # 撤销/重做 carry the next step in their text (「撤销 填写 …」): the name is what they do
            rows.append((keys, action.text() if ":" in name else name))
    return rows


def folders(window: MainWindow) -> dict[str, str]:
    from gui.autosave import recovery_folder

    return {"recovery": str(recovery_folder()), "settings": window.files.settings.fileName()}


class HelpWindow(QWidget):
    """使用说明: keys, rules, folders; Esc or the window's × closes it, the report stays usable meanwhile."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window, Qt.WindowType.Window)
        self.setObjectName("help")
        self.setWindowTitle("年报助手 使用说明")
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)  # no network, no other files: the page is all there is
        self.browser.setHtml(help_html(window_keys(window), folders(window), zoom_range()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.resize(780, 640)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)


def show_help(window: MainWindow) -> HelpWindow:
    """Show the help window (one per main window, built on first use) in front."""
    found = window.findChild(HelpWindow, "help")
    shown = found if isinstance(found, HelpWindow) else HelpWindow(window)
    shown.show()
    shown.raise_()
    shown.activateWindow()
    return shown
