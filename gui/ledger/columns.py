"""The dialog's first part: which row is the header, which column holds what, with sample rows under it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from model.ledger.session import LedgerSession
from model.ledger.vocab import norm

NONE_TEXT = "（台账中没有）"
MAPPED = QBrush(QColor("#dbe8f8"))


def column_name(index: int) -> str:
    """A, B, …, Z, AA: as Excel names the column."""
    name, index = "", index + 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _text(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return str(value.strftime("%Y-%m-%d"))
    return str(value)


class ColumnsBox(QGroupBox):
    """Header row, a combo box per role, the first rows of the ledger with the chosen columns tinted."""

    def __init__(
        self, session: LedgerSession, changed: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__("一、台账各列的含义（请核对，可修改）", parent)
        self.session, self._changed = session, changed
        self.header = QSpinBox()
        self.header.setObjectName("header_row")
        self.header.setRange(1, max(1, min(len(session.sheet.rows), session.vocab.header_search_rows)))
        self.header.setPrefix("第 ")
        self.header.setSuffix(" 行")
        self.header.valueChanged.connect(self._header_moved)
        self.combos: dict[str, QComboBox] = {}
        grid = QGridLayout()
        for i, role in enumerate(session.vocab.roles):
            combo = QComboBox()
            combo.setObjectName(f"column_{role.key}")
            combo.currentIndexChanged.connect(lambda _i, key=role.key: self._picked(key))
            self.combos[role.key] = combo
            label = QLabel(f"{role.label}：")
            label.setBuddy(combo)
            grid.addWidget(label, i // 3, (i % 3) * 2, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(combo, i // 3, (i % 3) * 2 + 1)
        self.samples = QTableWidget()
        self.samples.setObjectName("samples")
        self.samples.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.samples.setMaximumHeight(170)
        top = QHBoxLayout()
        top.addWidget(QLabel("表头在："))
        top.addWidget(self.header)
        self.where = QLabel()
        top.addWidget(self.where, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(QLabel("台账的前几行（蓝色为已对应的列）："))
        layout.addWidget(self.samples)
        self._filling = False
        self.fill()

    def width_used(self) -> int:
        headers = self.session.layout.headers
        used = [i for i, h in enumerate(headers) if h]
        for _, row in self.session.samples():
            used += [i for i, v in enumerate(row) if v is not None and str(v).strip()]
        return max(used, default=-1) + 1

    def fill(self) -> None:
        """Show the session's layout (after a guess or a new header row)."""
        self._filling = True
        session, layout = self.session, self.session.layout
        self.header.setValue(layout.header_row + 1 if layout.header_row >= 0 else 1)
        width = self.width_used()
        choices = [NONE_TEXT] + [
            f"{column_name(i)}列“{layout.headers[i] if i < len(layout.headers) else ''}”"
            for i in range(width)
        ]
        for role, combo in self.combos.items():
            combo.clear()
            combo.addItems(choices)
            place = layout.column(role)
            combo.setCurrentIndex(place + 1 if place is not None and place < width else 0)
        self._filling = False
        self._fill_samples(width)
        sheet = session.sheet
        self.where.setText(
            f"文件“{sheet.file}”"
            + (f"，工作表“{sheet.sheet}”" if sheet.sheet else "")
            + f"，共{len(sheet.rows)}行"
            + (f"；表头占两行（{layout.where}）" if layout.header_rows > 1 else "")
        )

    def _fill_samples(self, width: int) -> None:
        layout, rows = self.session.layout, self.session.samples()
        labels = {c: self.session.vocab.role(r).label for r, c in layout.columns.items() if c is not None}
        self.samples.clear()
        self.samples.setColumnCount(width)
        self.samples.setRowCount(len(rows))
        heads = []
        for c in range(width):
            head = layout.headers[c] if c < len(layout.headers) else ""
            named = c in labels and norm(labels[c]) != norm(head)
            heads.append(f"{column_name(c)} {head}" + (f"\n〔{labels[c]}〕" if named else ""))
        self.samples.setHorizontalHeaderLabels(heads)
        self.samples.setVerticalHeaderLabels([str(number) for number, _ in rows])
        for r, (_, row) in enumerate(rows):
            for c in range(width):
                item = QTableWidgetItem(_text(row[c]) if c < len(row) else "")
                if c in labels:
                    item.setBackground(MAPPED)
                self.samples.setItem(r, c, item)
        self.samples.resizeColumnsToContents()
        self.samples.resizeRowsToContents()

    def _picked(self, role: str) -> None:
        if self._filling:
            return
        index = self.combos[role].currentIndex()
        self.session.set_column(role, index - 1 if index > 0 else None)
        self.fill()  # a column has one role: another combo may have let go of it
        self._changed()

    def _header_moved(self, value: int) -> None:
        if self._filling or value - 1 == self.session.layout.header_row:
            return
        self.session.set_header_row(value - 1)
        self.fill()
        self._changed()
