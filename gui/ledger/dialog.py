"""导入依申请台账: the guessed columns with sample rows, the words to map, the rows that cannot be counted."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from gui.ledger.columns import ColumnsBox
from gui.ledger.values import ValuesBox
from model.ledger.session import LedgerSession
from model.ledger.source import ranges
from model.ledger.summary import by_name_note, count_sentence
from model.ledger.vocab import vocabulary

MAX_LISTED = 2000  # rows listed in the dialog (the CLI lists every one)


class LedgerDialog(QDialog):
    """The mapping dialog; 「填入表三」 is enabled once the needed columns are known. The session is changed in
    place: after ``exec()`` it holds the clerk's choices."""

    def __init__(self, parent: QWidget | None, session: LedgerSession) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("导入依申请台账")
        self.columns = ColumnsBox(session, self.refresh, self)
        self.values = ValuesBox(session, self.update_count, self)
        problems = QGroupBox("三、不能计入的行（请在台账中更正后重新导入，或在上面指定对应）", self)
        self.problems = QListWidget()
        self.problems.setObjectName("problems")
        box = QVBoxLayout(problems)
        box.addWidget(self.problems)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("填入表三(&F)")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lower = QHBoxLayout()
        lower.addWidget(self.values, 3)
        lower.addWidget(problems, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.columns)
        layout.addLayout(lower, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(1100, 760)
        self.refresh()

    def refresh(self) -> None:
        """After a change of columns: the words afresh, then the count."""
        self.values.fill()
        self.update_count()

    def update_count(self) -> None:
        session = self.session
        missing = session.ready()
        counted = session.counted()
        self.problems.clear()
        for problem in counted.problems[:MAX_LISTED]:
            self.problems.addItem(f"第{problem.row}行：{problem.reason}")
        if len(counted.problems) > MAX_LISTED:
            self.problems.addItem(f"……另有{len(counted.problems) - MAX_LISTED}行")
        if counted.outside:
            self.problems.addItem(f"（不属于{session.year}年度，不计入：第{ranges(counted.outside)}行）")
        self.ok.setEnabled(not missing)
        self.summary.setText(f"<b>{missing}</b>" if missing else self._sentence())

    def _sentence(self) -> str:
        counted = self.session.counted()
        text = count_sentence(self.session)
        if self.session.layout.column("type") is None:
            text += f"台账没有申请人类型列，按申请人名称判断：{by_name_note(vocabulary())}。"
        if counted.problems:
            text += f"<span style='color:#b3261e'>有{len(counted.problems)}行不能计入（见右侧）。</span>"
        unmapped = len(self.values.unmapped())
        if unmapped:
            text += f"还有{unmapped}种写法未对应（黄色）。"
        return text + "填入后表三的这些单元格按台账替换，可一步撤销。"
