"""Totals kept as printed in an opened Word/Excel report: the question when an edit makes them contradict their
parts (once per report), and 「用各项之和替换」 on such a finding in the 校验结果 panel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction

from gui.findings_panel import FINDING_ROLE
from model import printed
from model.rules import Finding

if TYPE_CHECKING:
    from gui.main_window import MainWindow

ACTION_TEXT = "用各项之和替换填报的总计(&R)"


class PrintedTotals(QObject):
    """Asks 「用各项之和替换填报的总计？」 after the first edit that contradicts a printed total of a report."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.asked = False  # per report: a 「保留」 is not asked again
        document = window.document
        document.printedTotalsTouched.connect(self._touched)
        document.reportReplaced.connect(self._forget)
        document.findingsChanged.connect(self._update_action)
        panel = window.findings_panel.list
        self.action = QAction(ACTION_TEXT, panel)
        self.action.triggered.connect(self.replace)
        panel.addAction(self.action)
        panel.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        panel.currentItemChanged.connect(self._update_action)
        self._update_action()

    def _forget(self) -> None:
        self.asked = False

    def _touched(self, count: int) -> None:
        if self.asked:
            return
        self.asked = True
        # asked once the edit is over: a box shown while a cell's editor commits would take its focus mid-way
        QTimer.singleShot(0, self, lambda: self._ask(count))

    def _ask(self, count: int) -> None:
        document = self.window.document
        if not printed.contradicting(document.report):  # undone in the meantime
            return
        if self.window.dialogs.replace_printed_totals(self.window, count):
            self._replaced(document.use_computed_totals(follow=True))
        else:
            self.window.statusBar().showMessage(printed.EXPORT_NOTE, 8000)

    def replace(self) -> None:
        """The findings panel's action: the totals kept as printed are computed from now on (one undo step)."""
        self._replaced(self.window.document.use_computed_totals())

    def _replaced(self, changed: int) -> None:
        if changed:
            self.window.statusBar().showMessage(f"已用各项之和替换{changed}个填报的总计（可撤销）", 8000)

    def _update_action(self) -> None:
        item = self.window.findings_panel.list.currentItem()
        finding = item.data(FINDING_ROLE) if item is not None else None
        self.action.setEnabled(isinstance(finding, Finding) and printed.FINDING_NOTE in finding.message)
