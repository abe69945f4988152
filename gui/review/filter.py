"""Sorting and the 审核 window's filters: 全部, 有错误, 未提交, or the reports with one kind of problem."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from gui.review.rows_model import ROW_ROLE, SORT_ROLE
from model.review.desk import Row

ALL, ERRORS, MISSING = "all", "errors", "missing"  # else "code:<rule code>"


class ReviewFilter(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.mode = ALL
        self.setSortRole(SORT_ROLE)

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        row = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
        return isinstance(row, Row) and accepts(self.mode, row)


def accepts(mode: str, row: Row) -> bool:
    entry = row.entry
    if mode == ERRORS:
        return entry is not None and not row.superseded_by and (entry.error is not None or entry.errors > 0)
    if mode == MISSING:
        return entry is None
    if mode.startswith("code:"):
        return entry is not None and any(f.code == mode[5:] for f in entry.findings)
    return True
