"""The findings of the report selected in the 审核 window, with the reviewer's mark and comment on each."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from model.engine import Finding
from model.review.marks import MarkStore
from model.vocabulary import SEVERITY_NAMES

HEADERS = ("严重程度", "问题", "审核意见", "审核说明")
_DISPLAY, _TOOLTIP = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)
Index = QModelIndex | QPersistentModelIndex


class FindingsModel(QAbstractTableModel):
    def __init__(self, marks: MarkStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.marks = marks
        self.unit = ""
        self.findings: list[Finding] = []

    def show(self, unit: str, findings: list[Finding]) -> None:
        self.beginResetModel()
        self.unit, self.findings = unit, list(findings)
        self.endResetModel()

    def refresh(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 2), self.index(row, 3))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self.findings)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:  # noqa: N802
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if (
            not index.isValid()
            or not 0 <= index.row() < len(self.findings)
            or role not in (_DISPLAY, _TOOLTIP)
        ):
            return None
        finding = self.findings[index.row()]
        mark = self.marks.get(self.unit, finding)
        texts = (
            SEVERITY_NAMES[finding.severity],
            finding.message,
            mark.verdict if mark else "",
            mark.comment if mark else "",
        )
        return texts[index.column()] if 0 <= index.column() < len(texts) else None
