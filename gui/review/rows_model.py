"""The table of the 审核 window: one row per report read (and per unit of the roster not submitted)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from model.review.desk import Desk, Row
from model.values import Value, format_value

ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the model.review.desk.Row
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # numbers as numbers
_DISPLAY, _TOOLTIP = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND, _ALIGN = int(Qt.ItemDataRole.BackgroundRole), int(Qt.ItemDataRole.TextAlignmentRole)
_ERROR, _MISSING, _SUPERSEDED = (
    QBrush(QColor("#f7c5c0")),
    QBrush(QColor("#e5e9f0")),
    QBrush(QColor("#f3f4f6")),
)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_ROLES = frozenset((_DISPLAY, SORT_ROLE, ROW_ROLE, _TOOLTIP, _BACKGROUND, _ALIGN))  # the others: None at once
Index = QModelIndex | QPersistentModelIndex
Line = tuple[list[str], list[float | str]]  # a row's texts and sort keys, column by column
BASE = ("单位", "名单中的名称", "年度", "格式", "文件类型", "发布日期", "错误", "警告")
TAIL = ("与上年雷同", "状态", "文件")


class ReviewRowsModel(QAbstractTableModel):
    """Rows of a Desk; the figure and ratio columns are those of the reports read (from their formats)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = Desk([], 0, None)
        self.figures: list[tuple[str, str]] = []
        self.ratios: list[tuple[str, str]] = []
        self._lines: dict[int, Line] = {}  # made when a row is first painted; dropped when the desk changes
        self._columns = len(BASE) + len(TAIL)

    def set_desk(self, desk: Desk) -> None:
        """Show ``desk``: rows that stay (the same files, in the same places) are updated in place, so the view
        keeps its selection and sort; the rows after them are replaced. New figure or ratio columns reset."""
        from exporters.review_xlsx.writer import figure_columns

        columns = figure_columns(desk)
        old = self.desk.rows
        same = 0
        for was, now in zip(old, desk.rows, strict=False):
            if was.entry is None or was.entry is not now.entry:
                break
            same += 1
        if columns != (self.figures, self.ratios) or (same == 0 and old):
            self.beginResetModel()
            self._use(desk)
            self.figures, self.ratios = columns
            self._columns = len(BASE) + len(self.figures) + len(self.ratios) + len(TAIL)
            self.endResetModel()
            return
        if len(old) > same:
            self.beginRemoveRows(QModelIndex(), same, len(old) - 1)
            self._use(Desk(old[:same], self.desk.year, self.desk.roster))
            self.endRemoveRows()
        self._use(Desk(desk.rows[:same], desk.year, desk.roster))
        if same:
            self.dataChanged.emit(self.index(0, 0), self.index(same - 1, self._columns - 1))
        if len(desk.rows) > same:
            self.beginInsertRows(QModelIndex(), same, len(desk.rows) - 1)
            self._use(desk)
            self.endInsertRows()
        self._use(desk)

    def _use(self, desk: Desk) -> None:
        self.desk = desk
        self._lines.clear()

    def append(self, rows: list[Row]) -> None:
        """Rows of files just read, at the end (before any 未提交 rows, which only a whole desk has)."""
        if not rows:
            return
        if self.desk.missing:
            self.set_desk(
                Desk([r for r in self.desk.rows if r.entry is not None] + rows, 0, self.desk.roster)
            )
            return
        from exporters.review_xlsx.writer import figure_columns

        grown = Desk(self.desk.rows + rows, self.desk.year, self.desk.roster)
        figures, ratios = figure_columns(Desk(rows, 0, None))
        if not set(figures) <= set(self.figures) or not set(ratios) <= set(self.ratios):
            self.set_desk(grown)  # a format not seen yet brings its columns
            return
        self.beginInsertRows(QModelIndex(), len(self.desk.rows), len(grown.rows) - 1)
        self.desk = grown  # the rows before keep their lines
        self.endInsertRows()

    def headers(self) -> list[str]:
        return [*BASE, *(n for _, n in self.figures), *(n for _, n in self.ratios), *TAIL]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self.desk.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else self._columns

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:  # noqa: N802
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            heads = self.headers()
            return heads[section] if 0 <= section < len(heads) else None
        return section + 1

    def row(self, number: int) -> Row:
        return self.desk.rows[number]

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        """Painting a screenful asks this some 10,000 times: the texts of a row are made once (``_line``)."""
        if role not in _ROLES or not index.isValid():
            return None
        number, column = index.row(), index.column()
        if not 0 <= number < len(self.desk.rows) or not 0 <= column < self._columns:
            return None
        if role == _DISPLAY:
            return self._line(number)[0][column]
        if role == SORT_ROLE:
            return self._line(number)[1][column]
        row = self.desk.rows[number]
        if role == ROW_ROLE:
            return row
        if role == _BACKGROUND:
            return self._background(row)
        if role == _TOOLTIP:
            entry = row.entry
            return (entry.error or entry.path) if entry else row.note
        return _CENTER if 2 <= column < self._columns - 2 else None

    def _line(self, number: int) -> Line:
        line = self._lines.get(number)
        if line is None:
            values = self._cells(self.desk.rows[number])
            sorts = [v if isinstance(v, (int, float)) else ("" if v is None else str(v)) for v in values]
            line = self._lines[number] = ([_text(v) for v in values], sorts)
        return line

    def _background(self, row: Row) -> QBrush | None:
        if row.entry is None:
            return _MISSING
        if row.entry.error is not None or row.entry.errors:
            return _ERROR
        return _SUPERSEDED if row.superseded_by else None

    def _cells(self, row: Row) -> list[Value | float | str | None]:
        entry = row.entry
        base = (
            row.unit,
            row.match.text if row.match else "",
            entry.year if entry and entry.year else None,
            entry.format_name if entry else "",
            entry.kind if entry else "",
            entry.published.isoformat() if entry and entry.published else "",
            entry.errors if entry and entry.error is None else None,
            entry.warnings if entry and entry.error is None else None,
        )
        figures = [entry.figures.get(key) if entry else None for key, _ in self.figures]
        ratios = [entry.ratios.get(key, ("", ""))[1] if entry else "" for key, _ in self.ratios]
        tail = (
            row.overlap,
            (entry.error if entry and entry.error else row.note),
            entry.name if entry else "",
        )
        return [*base, *figures, *ratios, *tail]


def _text(value: Value | float | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.0%}"
    if isinstance(value, str):
        return value
    return format_value(value)
