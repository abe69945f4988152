"""A table page: the official table as an editable grid that behaves like a spreadsheet (interface stub)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from gui.document import ReportDocument
from gui.table_model import ReportTableModel


class TablePage(QWidget):
    """The heading and the grid of one official table (t2, t3 or t4)."""

    def __init__(self, document: ReportDocument, table_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.table_key = table_key
        self.model = ReportTableModel(document, table_key, self)
        self.heading = QLabel(document.report.fmt.section(table_key).heading)
        self.view = QTableView()
        self.view.setModel(self.model)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.view)

    def select_cells(self, cell_ids: list[str]) -> None:
        """Select these cells and scroll to the first."""
