"""查看台账行…: the ledger rows one cell of table 三 counts (row numbers and applicants)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class LedgerRowsDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, rows: list[tuple[int, str]]) -> None:
        super().__init__(parent)
        self.setWindowTitle("台账行")
        label = QLabel(title)
        label.setWordWrap(True)
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("ledger_rows")
        self.table.setHorizontalHeaderLabels(["台账行号", "申请人"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, (number, name) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(str(number)))
            self.table.setItem(r, 1, QTableWidgetItem(name))
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(420, 480)
