"""A table page: the heading, a short hint and the official table as an editable grid."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gui.document import ReportDocument
from gui.ledger import trace as ledger_trace
from gui.table.model import ReportTableModel
from gui.table.view import GridView

HINT = (  # one line beside the heading, also on a 1366×768 laptop
    "白色格填写数字（空白不等于0，没有请填0；未填的格为黄色）；灰色格自动计算；红框为错误，黄框为警告，鼠标停留可看说明。"
)


class TablePage(QWidget):
    """The heading, a short hint and the grid of one official table (t2, t3 or t4)."""

    def __init__(self, document: ReportDocument, table_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.table_key = table_key
        self.model = ReportTableModel(document, table_key, self)
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.hint = QLabel(HINT)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.view = GridView(self.model, self)
        self.message = self.view.message
        top = QHBoxLayout()  # the hint beside the heading: rows of the table need the height (1366×768)
        top.setSpacing(16)
        top.addWidget(self.heading)
        top.addWidget(self.hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(9, 4, 9, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.model.modelReset.connect(self._update_heading)
        ledger_trace.install(self)  # 查看台账行… on a right click
        self._update_heading()

    def _update_heading(self) -> None:
        self.heading.setText(self.document.report.fmt.section(self.table_key).heading)

    def select_cells(self, cell_ids: list[str]) -> None:
        """Select these cells and scroll to them (cells of other tables are ignored)."""
        self.view.select_cells(cell_ids)
        self.view.setFocus()

    def copy(self) -> None:
        self.view.copy()

    def cut(self) -> None:
        self.view.cut()

    def paste(self) -> None:
        self.view.paste()

    def clear_selection(self) -> None:
        self.view.clear_selection()
