"""The dialog's second part: the ledger's words and the column or row of table 三 each is counted in."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QGroupBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from model.ledger.session import LedgerSession
from model.ledger.words import APPLICANT, OUTCOME

PICK = "（请选择）"
UNMAPPED = QBrush(QColor("#fde3a7"))
KINDS = {APPLICANT: "申请人类型", OUTCOME: "处理结果"}


class ValuesBox(QGroupBox):
    """One row per word of the ledger: unmapped ones first, tinted; a combo box to choose its place."""

    def __init__(
        self, session: LedgerSession, changed: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__("二、台账中的写法对应到表三的哪一栏", parent)
        self.session, self._changed = session, changed
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("values")
        self.table.setHorizontalHeaderLabels(["类别", "台账中的写法", "行数", "表三的栏目"])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        self.entries: list[tuple[str, str, QComboBox]] = []  # (kind, word, combo) per table row

    def fill(self) -> None:
        session = self.session
        seen = session.counted().seen
        targets = session.targets
        choices = {APPLICANT: list(targets.applicants.items()), OUTCOME: list(targets.outcomes.items())}
        words = [(kind, s) for kind in (APPLICANT, OUTCOME) for s in seen[kind].values()]
        words.sort(key=lambda ks: (ks[1].key is not None, ks[0] != APPLICANT, -ks[1].count))
        self.table.setRowCount(len(words))
        self.entries = []
        for r, (kind, item) in enumerate(words):
            by_name = kind == APPLICANT and session.layout.column("type") is None
            cells = [KINDS[kind] if not by_name else "申请人名称", item.word, str(item.count)]
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if item.key is None:
                    cell.setBackground(UNMAPPED)
                self.table.setItem(r, c, cell)
            combo = QComboBox()
            combo.addItem(PICK, None)
            for key, name in choices[kind]:
                combo.addItem(name, key)
            combo.setCurrentIndex(max(0, combo.findData(item.key)) if item.key else 0)
            combo.currentIndexChanged.connect(lambda _i, row=r: self._picked(row))
            self.table.setCellWidget(r, 3, combo)
            self.entries.append((kind, item.word, combo))
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        self.table.setColumnWidth(1, min(self.table.columnWidth(1), 240))

    def unmapped(self) -> list[str]:
        return [word for _, word, combo in self.entries if combo.currentData() is None]

    def choose(self, word: str, key: str) -> None:
        """Pick ``key`` for ``word`` as the clerk would (tests, and the keyboard)."""
        for _, entry_word, combo in self.entries:
            if entry_word == word:
                combo.setCurrentIndex(combo.findData(key))
                return
        raise KeyError(word)

    def _picked(self, row: int) -> None:
        kind, word, combo = self.entries[row]
        key = combo.currentData()
        self.session.correct(kind, word, key)
        brush = QBrush() if key is not None else UNMAPPED
        for c in range(3):
            item = self.table.item(row, c)
            if item is not None:
                item.setBackground(brush)
        self._changed()
