"""One generic Qt table model that shows any official table of a report as its printed grid."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from gui.document import ReportDocument
from gui.ledger import trace as ledger_trace
from model.formats import GridCell, TableSpec
from model.review.rollup import provenance_text
from model.values import format_value
from model.vocabulary import SEVERITY_NAMES

CELL_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the cell id of a value cell, else None
KIND_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # "label", "input" or "computed"
_DISPLAY, _EDIT = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.EditRole)
_BACKGROUND, _FOREGROUND = int(Qt.ItemDataRole.BackgroundRole), int(Qt.ItemDataRole.ForegroundRole)
_ALIGN, _FONT = int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.FontRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)

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

Index = QModelIndex | QPersistentModelIndex
_BRUSHES = {key: QBrush(colour) for key, colour in COLOURS.items()}
_WHITE = QBrush(QColor(Qt.GlobalColor.white))


@dataclass(frozen=True)
class _Slot:
    """What never changes about one grid position, worked out once (data() is called for every painted cell)."""

    cell: GridCell
    anchor: bool
    kind: str
    flags: Qt.ItemFlag
    alignment: int
    font: QFont | None
    foreground: QBrush
    background: QBrush


class ReportTableModel(QAbstractTableModel):
    """The grid of one table (header rows included, like the printed form) over a ReportDocument."""

    refused = Signal(QModelIndex, str)  # an edit at this index was refused with this Chinese message

    def __init__(self, document: ReportDocument, table_key: str, parent: QObject | None = None) -> None:
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
        self._slots = {position: self._slot(cell, position) for position, cell in self._grid.items()}
        self._shown = self._mark_state()

    def _slot(self, cell: GridCell, position: tuple[int, int]) -> _Slot:
        kind = self.kind(cell)
        anchor = (cell.row, cell.col) == position
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if kind == "input" and anchor:
            flags |= Qt.ItemFlag.ItemIsEditable
        if kind == "label":
            background = _BRUSHES["title"] if self.row_role(cell.row) == "title" else _BRUSHES["label"]
        else:
            background = _BRUSHES["computed"] if kind == "computed" else _WHITE
        return _Slot(
            cell,
            anchor,
            kind,
            flags,
            self._alignment(cell),
            self._font(cell),
            QBrush(TEXT_COLOURS[kind]),
            background,
        )

    def _mark_state(self) -> dict[str, tuple[tuple[str, str] | None, str | None, bool]]:
        """How each marked or refused cell of this table looks, to repaint only the cells that change."""
        doc = self.document
        ids = [c for c in (*doc.marks, *doc.refused) if c in self._positions]
        return {c: (doc.marks.get(c), doc.refused.get(c), self.only_blank(c)) for c in ids}

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
        return [
            (c.row, c.col, c.rowspan, c.colspan)
            for row in self.table.rows
            for c in row.cells
            if c.rowspan > 1 or c.colspan > 1
        ]

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
        slot = self._slots.get((index.row(), index.column())) if index.isValid() else None
        return slot.flags if slot else Qt.ItemFlag.NoItemFlags

    def text(self, cell: GridCell) -> str:
        """What the cell shows: its label, the value typed, a computed total, or text that is not a value."""
        if cell.cell_id is None:
            return cell.text
        report = self.document.report
        if cell.cell_id in report.invalid:
            return report.invalid[cell.cell_id]
        return format_value(report.value(cell.cell_id), report.units.get(cell.cell_id))

    def shown(self, cell: GridCell) -> str:
        """The text on screen: a total printed differently in a read-back file shows both, "16→4" (printed, sum)."""
        text = self.text(cell)
        report = self.document.report
        if cell.cell_id in report.fmt.totals and cell.cell_id in report.stated:
            stated = report.stated[cell.cell_id]
            if stated != report.value(cell.cell_id):
                return f"{'空白' if stated is None else format_value(stated)}→{text or '空白'}"
        return text

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        slot = self._slots.get((index.row(), index.column()))
        if slot is None:
            return None
        if role == _DISPLAY and slot.anchor:
            return self.shown(slot.cell)
        if role == _EDIT:
            return self.text(slot.cell) if slot.anchor else None
        if role == _BACKGROUND:
            return self._background(slot)
        if role == _FOREGROUND:
            return slot.foreground
        if role == _ALIGN:
            return slot.alignment
        if role == _FONT:
            return slot.font
        if role == _TOOLTIP:
            return self._tooltip(slot.cell) if slot.anchor else None
        if role == CELL_ID_ROLE:
            return slot.cell.cell_id
        if role == KIND_ROLE:
            return slot.kind
        return None

    def _background(self, slot: _Slot) -> QBrush:
        cell_id = slot.cell.cell_id
        if cell_id is None:
            return slot.background
        if cell_id in self.document.refused:
            return _BRUSHES["error"]
        mark = self.document.marks.get(cell_id)
        if mark:
            return _BRUSHES["blank" if self.only_blank(cell_id) else mark[0]]
        return slot.background

    def severity(self, cell_id: str) -> str | None:
        """The mark a cell's border shows: "error" (also for a refused input), "warning", or None."""
        if cell_id in self.document.refused:
            return "error"
        mark = self.document.marks.get(cell_id)
        if not mark or self.only_blank(cell_id):
            return None
        return mark[0]

    def marked_cells(self) -> list[tuple[str, str]]:
        """(cell id, severity) of the cells of this table whose border is drawn."""
        out = []
        doc = self.document
        for cell_id in dict.fromkeys((*doc.marks, *doc.refused)):
            if cell_id not in self._positions:
                continue
            severity = self.severity(cell_id)
            if severity:
                out.append((cell_id, severity))
        return out

    def only_blank(self, cell_id: str) -> bool:
        """Whether the only finding about the cell is that it is left blank."""
        return self.document.mark_codes.get(cell_id) == {BLANK_CODE}

    def _alignment(self, cell: GridCell) -> int:
        centre = Qt.AlignmentFlag.AlignCenter
        if self.table.align(cell) == "center":
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
            stated = report.stated.get(cell.cell_id)
            if cell.cell_id in report.stated and stated != report.value(cell.cell_id):
                shown = "空白" if stated is None else format_value(stated)
                lines.append(f"读入的文件中印为：{shown}（按 Delete 改用自动计算值）")
        lines.extend(ledger_trace.tooltip_lines(report, cell.cell_id))
        if cell.cell_id in doc.refused:
            lines.append(f"未接受的输入：{doc.refused[cell.cell_id]}")
        mark = doc.marks.get(cell.cell_id)
        if mark:
            lines.append(
                f"【{SEVERITY_NAMES.get(mark[0], mark[0])}】" + mark[1].replace("\n", "\n【同一单元格】")
            )
        if cell.cell_id in report.provenance:  # a roll-up: each unit's contribution and file
            lines.append(provenance_text(report, cell.cell_id))
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
            self.document.forget_refused()  # typing the value a cell already holds moves on too
            return True
        name = self.document.report.fmt.cells[cell.cell_id].name
        messages, _ = self.document.set_cells({cell.cell_id: text}, f"填写 {name}")
        if messages:
            self.refused.emit(self.index(index.row(), index.column()), messages[0])
            return False
        return True

    def headerData(  # noqa: N802 - Qt's name
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    # ---- updates -----------------------------------------------------------------------------
    def _emit_for(self, ids: Iterable[str]) -> None:
        for cell_id in ids:  # one small rectangle each: only those cells are repainted
            position = self._positions.get(cell_id)
            if position is not None:
                index = self.index(*position)
                self.dataChanged.emit(index, index)

    def _on_cells_changed(self, ids: list[str]) -> None:
        self._emit_for(dict.fromkeys(ids))

    def _on_findings_changed(self) -> None:
        shown = self._mark_state()
        changed = [c for c in set(shown) | set(self._shown) if shown.get(c) != self._shown.get(c)]
        self._shown = shown
        self._emit_for(changed)
