"""A report opened from the 审核 window: read-only (an edit is taken back at once) with its findings and cells
marked, until 「另存为草稿」 makes it a draft of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from gui.dialogs import Dialogs
    from gui.main_window import MainWindow

READ_ONLY_NOTE = "这是审核中的报告（只读）。如需修改，请先点「另存为草稿」"


class ReadOnlyGuard(QObject):
    """While ``on``, every step pushed on the window's undo stack is taken back and the note shown."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.on = True
        window.document.undo_stack.indexChanged.connect(self._edited)
        bar = window.addToolBar("审核")
        bar.setObjectName("review-toolbar")
        self.save_action = bar.addAction("另存为草稿(&D)")
        self.save_action.triggered.connect(self.save_as_draft)

    def _edited(self, index: int) -> None:
        if self.on and index > 0:
            QTimer.singleShot(0, self._take_back)

    def _take_back(self) -> None:
        stack = self.window.document.undo_stack
        if self.on and stack.index() > 0:
            stack.setIndex(0)
            stack.clear()
            self.window.statusBar().showMessage(READ_ONLY_NOTE, 10000)

    def save_as_draft(self) -> bool:
        """「另存为草稿」: a draft file of its own, editable from then on."""
        self.on = False
        if self.window.files.save_as():
            self.save_action.setEnabled(False)
            self.window.statusBar().showMessage("已另存为草稿，可以修改", 8000)
            return True
        self.on = True
        return False


def open_read_only(path: str, dialogs: Dialogs, parent: QWidget) -> ReadOnlyGuard | None:
    """The file in a window of its own as 打开 reads it (its document findings too), never saved back to it."""
    from exporters.reading import ReadError
    from gui.files import read_report
    from gui.main_window import MainWindow

    try:
        report, _draft, found, _source = read_report(path)
    except ReadError as exc:
        dialogs.error(parent, "无法打开", str(exc))
        return None
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    window = MainWindow(report, None, dialogs, found=found, source=f"{name}（只读）")
    window.files.read_back = path
    window.files.persist = False
    guard = ReadOnlyGuard(window)
    window.statusBar().showMessage(READ_ONLY_NOTE, 10000)
    return guard
