"""The question before a roll-up (汇总): the scope, whether units with errors go in, all units or the selected."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QRadioButton, QVBoxLayout, QWidget

from model.review.rollup import OWN, REGION
from model.review.settings import desk_settings


@dataclass(frozen=True)
class RollUpChoice:
    scope: str  # rollup.REGION (全区域) or rollup.OWN (本级机关)
    include_errors: bool
    selected_only: bool


class RollUpDialog(QDialog):
    def __init__(self, parent: QWidget | None, with_errors: int, selected: int) -> None:
        super().__init__(parent)
        self.setWindowTitle("汇总")
        names = desk_settings().scopes
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("把所选单位的表二、表三、表四相加，生成一份新的报告草稿。"))
        self.region = QRadioButton(f"{names[REGION]}（各单位相加，本区域政府自己的报告不计入）")
        self.own = QRadioButton(f"{names[OWN]}（不含乡镇街道）")
        self.region.setChecked(True)
        self.errors = QCheckBox(f"包括有错误的单位（{with_errors}个）")
        self.errors.setEnabled(with_errors > 0)
        self.selected = QCheckBox(f"只汇总表格中选中的单位（{selected}个）")
        self.selected.setEnabled(selected > 0)
        for widget in (self.region, self.own, self.errors, self.selected):
            layout.addWidget(widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("汇总(&S)")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choice(self) -> RollUpChoice:
        scope = OWN if self.own.isChecked() else REGION
        return RollUpChoice(scope, self.errors.isChecked(), self.selected.isChecked())
