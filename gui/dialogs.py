"""Every modal box of the app behind one seam object, so tests can replace it and never block."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QWidget  # the others are imported where used: a faster start

from exporters.kinds import kind
from model.formats import format_for_year, format_ids, format_summary
from model.vocabulary import DEFAULT_LEVEL, LEVELS

DRAFT_FILTER = f"{kind('nianbao').name} ({kind('nianbao').pattern})"


@dataclass(frozen=True)
class NewReport:
    """What the 新建 dialog asks for."""

    year: int
    agency: str
    level: str
    format_id: str


class Dialogs:
    """The real dialogs; tests pass an object with the same methods that answers without showing anything."""

    def open_file(self, parent: QWidget, title: str, folder: str, filters: str) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(parent, title, folder, filters)
        return path or None

    def save_file(self, parent: QWidget, title: str, suggested: str, filters: str) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return path or None

    def choose_folder(self, parent: QWidget, title: str, folder: str) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        return QFileDialog.getExistingDirectory(parent, title, folder) or None

    def info(self, parent: QWidget, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(parent, title, text)

    def error(self, parent: QWidget, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(parent, title, text)

    def ask_save_changes(self, parent: QWidget, name: str) -> str:
        """ "save", "discard" or "cancel" for a report with unsaved changes."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning, "年报助手", f"“{name}”有尚未保存的修改。是否保存？", parent=parent
        )
        save = box.addButton("保存", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("不保存", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        return "save" if clicked is save else "discard" if clicked is discard else "cancel"

    def confirm_export(self, parent: QWidget, problems: list[str]) -> bool:
        """Warn that the report still has errors; True to export anyway."""
        from PySide6.QtWidgets import QMessageBox

        shown = "\n".join(f"· {p}" for p in problems[:12])
        more = f"\n……等共{len(problems)}个错误" if len(problems) > 12 else ""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "导出前请核对",
            f"报告还有{len(problems)}个错误，导出的文件会包含这些错误：\n\n{shown}{more}\n\n仍要导出吗？",
            parent=parent,
        )
        go = box.addButton("仍然导出", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("返回修改", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is go

    def offer_restore(self, parent: QWidget | None, description: str) -> bool:
        """After a crash: True to restore the recovered report."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            parent,
            "恢复未保存的报告",
            f"年报助手上次没有正常退出。找到了自动保存的内容：\n\n{description}\n\n是否恢复？",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def new_report(self, parent: QWidget, year: int) -> NewReport | None:
        dialog = NewReportDialog(parent, year)
        return dialog.result_report() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def about(self, parent: QWidget, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(parent, "关于年报助手", text)


class NewReportDialog(QDialog):
    """新建: the year picks the format; agency and level."""

    def __init__(self, parent: QWidget | None, year: int) -> None:
        from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox

        super().__init__(parent)
        self.setWindowTitle("新建年度报告")
        form = QFormLayout(self)
        self.agency = QLineEdit()
        self.agency.setPlaceholderText("如：某某市某某局")
        self.level = QComboBox()
        self.level.addItems(LEVELS)
        self.level.setCurrentText(DEFAULT_LEVEL)
        self.year = QSpinBox()
        self.year.setRange(2019, 2100)
        self.year.setValue(year)
        self.year.setSuffix(" 年度")
        self.format = (
            QComboBox()
        )  # the official format of the year first; a variant only if the user picks it
        self.format.setObjectName("format")
        self.year.valueChanged.connect(self._show_format)
        self._show_format(year)
        form.addRow("机关名称：", self.agency)
        form.addRow("机关层级：", self.level)
        form.addRow("报告年度：", self.year)
        form.addRow("报告格式：", self.format)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(420)

    def _show_format(self, year: int) -> None:
        """The formats for the year: its official one first, then the variants that fit it."""
        picked = self.format.currentData()
        official = format_for_year(year).id
        fitting = [
            official,
            *(i for i in format_ids() if i != official and format_summary(i).fits_year(year)),
        ]
        self.format.clear()
        for format_id in fitting:
            self.format.addItem(format_summary(format_id).label, format_id)
        self.format.setCurrentIndex(max(0, self.format.findData(picked)))
        self.format.setEnabled(len(fitting) > 1)

    def result_report(self) -> NewReport:
        return NewReport(
            self.year.value(),
            self.agency.text().strip(),
            self.level.currentText(),
            str(self.format.currentData() or format_for_year(self.year.value()).id),
        )
