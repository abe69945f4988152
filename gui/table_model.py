"""One generic Qt table model that shows any official table of a report as its printed grid."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from gui.document import ReportDocument
from model.formats import GridCell, TableSpec
from model.values import format_value

CELL_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the cell id of a value cell, else None
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # "label", "input" or "computed"

# readable on white and with black text; the border colour of a mark is drawn by the view
COLOURS = {
    "label": QColor("#f3f4f6"),
    "title": QColor("#e5e9f0"),
    "computed": QColor("#e8ebef"),
    "error": QColor("#f7c5c0"),
    "warning": QColor("#fde3a7"),
    "blank": QColor("#fff6dc"),  # only "left blank": a pale note, not an alarm
    "info": QColor("#d6e9f8"),
}
TEXT_COLOURS = {"computed": QColor("#1f3a5f"), "label": QColor("#202020"), "input": QColor("#000000")}
BLANK_CODE = "BLANK"  # the rule code whose marks are drawn faintly (a new report is all blank)
SEVERITY_NAMES = {"error": "错误", "warning": "提醒", "info": "提示"}

Index = QModelIndex | QPersistentModelIndex


class ReportTableModel(QAbstractTableModel):
    """The grid of one table (header rows included, like the printed form) over a ReportDocument."""

    refused = Signal(QModelIndex, str)  # an edit at this index was refused with this Chinese message

    def __init__(self, document: ReportDocument, table_key: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.document = document
        self.table_key = table_key
        self._build()
        document.cellsChanged.connect(self._on_cells_changed)
        document.findingsChanged.connect(self._on_findings_changed)
        document.reportReplaced.connect(self._reset)
        document.formatChanged.connect(self._reset)

    # ---- structure ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.table: TableSpec = self.document.report.fmt.table(self.table_key)
        self._grid: dict[tuple[int, int], GridCell] = {}
        self._roles: dict[int, str] = {}
        self._positions: dict[str, tuple[int, int]] = {}
        for index, row in enumerate(self.table.rows):
            self._roles[index] = row.role
            for cell in row.cells:
                for r in range(cell.row, cell.row + cell.rowspan):
                    for c in range(cell.col, cell.col + cell.colspan):
                        self._grid[(r, c)] = cell
                if cell.cell_id:
                    self._positions[cell.cell_id] = (cell.row, cell.col)
        self._marked = {c for c in self.document.marks if c in self._positions}

    def _reset(self) -> None:
        self.beginResetModel()
        self._build()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self.table.grid_columns

    def cell_at(self, row: int, col: int) -> GridCell | None:
        """The grid cell covering this position (the same cell for every position of a merge)."""
        return self._grid.get((row, col))

    def spans(self) -> list[tuple[int, int, int, int]]:
        """(row, col, rowspan, colspan) of every merged cell, for QTableView.setSpan."""
        return [(c.row, c.col, c.rowspan, c.colspan) for row in self.table.rows for c in row.cells
                if c.rowspan > 1 or c.colspan > 1]

    def index_of(self, cell_id: str) -> QModelIndex:
        position = self._positions.get(cell_id)
        return self.index(*position) if position else QModelIndex()

    def cell_ids(self) -> list[str]:
        return list(self._positions)

    def kind(self, cell: GridCell) -> str:
        if cell.cell_id is None:
            return "label"
        return "computed" if cell.cell_id in self.document.report.fmt.totals else "input"

    def row_role(self, row: int) -> str:
        return self._roles.get(row, "data")

    # ---- data --------------------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        cell = self._grid[(index.row(), index.column())]
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.kind(cell) == "input" and (cell.row, cell.col) == (index.row(), index.column()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def text(self, cell: GridCell) -> str:
        """What the cell shows: its label, the value typed, a computed total, or text that is not a value."""
        if cell.cell_id is None:
            return cell.text
        report = self.document.report
        if cell.cell_id in report.invalid:
            return report.invalid[cell.cell_id]
        return format_value(report.value(cell.cell_id), report.units.get(cell.cell_id))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self._grid[(index.row(), index.column())]
        anchor = (cell.row, cell.col) == (index.row(), index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.text(cell) if anchor else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(self._background(cell))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(TEXT_COLOURS[self.kind(cell)])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(cell)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(cell) if anchor else None
        if role == Qt.ItemDataRole.FontRole:
            return self._font(cell)
        if role == CELL_ID_ROLE:
            return cell.cell_id
        if role == KIND_ROLE:
            return self.kind(cell)
        return None

    def _background(self, cell: GridCell) -> QColor:
        if cell.cell_id is not None:
            if cell.cell_id in self.document.refused:
                return COLOURS["error"]
            mark = self.document.marks.get(cell.cell_id)
            if mark:
                return COLOURS["blank" if self.only_blank(cell.cell_id) else mark[0]]
            return COLOURS["computed"] if self.kind(cell) == "computed" else QColor(Qt.GlobalColor.white)
        return COLOURS["title"] if self.row_role(cell.row) == "title" else COLOURS["label"]

    def only_blank(self, cell_id: str) -> bool:
        """Whether the only finding about the cell is that it is left blank."""
        return self.document.mark_codes.get(cell_id) == {BLANK_CODE}

    def _alignment(self, cell: GridCell) -> int:
        centre = Qt.AlignmentFlag.AlignCenter
        if cell.cell_id is not None or self.row_role(cell.row) != "data" or cell.rowspan > 1:
            return int(centre)
        return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def _font(self, cell: GridCell) -> QFont | None:
        if self.row_role(cell.row) == "title" or self.kind(cell) == "computed":
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _tooltip(self, cell: GridCell) -> str:
        if cell.cell_id is None:
            return cell.text
        doc, report = self.document, self.document.report
        spec = report.fmt.cells[cell.cell_id]
        lines = [spec.name]
        if cell.cell_id in report.fmt.totals:
            lines.append("自动计算，不能直接填写")
            stated = report.stated.get(cell.cell_id, "absent")
            if stated != "absent" and stated != report.value(cell.cell_id):
                shown = "空白" if stated is None else format_value(stated)
                lines.append(f"读入的文件中印为：{shown}（按 Delete 改用自动计算值）")
        if cell.cell_id in doc.refused:
            lines.append(f"未接受的输入：{doc.refused[cell.cell_id]}")
        mark = doc.marks.get(cell.cell_id)
        if mark:
            lines.append(f"【{SEVERITY_NAMES.get(mark[0], mark[0])}】" + mark[1].replace("\n", "\n【同一单元格】"))
        return "\n".join(lines)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        cell = self._grid[(index.row(), index.column())]
        assert cell.cell_id is not None
        text = "" if value is None else str(value)
        if text == self.text(cell) and cell.cell_id not in self.document.report.invalid:
            return True
        name = self.document.report.fmt.cells[cell.cell_id].name
        messages, _ = self.document.set_cells({cell.cell_id: text}, f"填写 {name}")
        if messages:
            self.refused.emit(self.index(index.row(), index.column()), messages[0])
            return False
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    # ---- updates -----------------------------------------------------------------------------
    def _emit_for(self, ids: list[str] | set[str]) -> None:
        positions = [self._positions[c] for c in ids if c in self._positions]
        if not positions:
            return
        rows = [p[0] for p in positions]
        cols = [p[1] for p in positions]
        self.dataChanged.emit(self.index(min(rows), min(cols)), self.index(max(rows), max(cols)))

    def _on_cells_changed(self, ids: list[str]) -> None:
        self._emit_for(ids)

    def _on_findings_changed(self) -> None:
        marked = {c for c in self.document.marks if c in self._positions}
        self._emit_for(marked | self._marked)
        self._marked = marked
