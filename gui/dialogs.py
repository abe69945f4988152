"""Every modal box of the app behind one seam object, so tests can replace it and never block."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtWidgets import QDialog, QWidget  # the others are imported where used: a faster start

from exporters.kinds import kind
from model.formats import format_for_year, format_ids, format_summary
from model.limits import MAX_AGENCY
from model.vocabulary import DEFAULT_LEVEL, LEVELS

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QProgressDialog

    from gui.review.rollup_dialog import RollUpChoice
    from model.ledger.session import LedgerSession

DRAFT_FILTER = f"{kind('nianbao').name} ({kind('nianbao').pattern})"


class NewReport(NamedTuple):
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

    def save_file(
        self, parent: QWidget, title: str, suggested: str, filters: str, confirm_overwrite: bool = True
    ) -> str | None:
        """A file name to save to; ``confirm_overwrite=False`` when the caller asks about an existing file itself
        (the exports, which offer 另存为新名称), so that Windows' own dialog does not ask first."""
        from PySide6.QtWidgets import QFileDialog

        options = QFileDialog.Option(0) if confirm_overwrite else QFileDialog.Option.DontConfirmOverwrite
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters, options=options)
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
        save = box.addButton("保存(&S)", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("不保存(&N)", QMessageBox.ButtonRole.DestructiveRole)
        box.setEscapeButton(box.addButton("取消", QMessageBox.ButtonRole.RejectRole))  # Esc
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        return "save" if clicked is save else "discard" if clicked is discard else "cancel"

    def confirm_export(self, parent: QWidget, problems: list[str], blanks: int = 0) -> bool:
        """Warn that the report still has errors or blank cells; True to export anyway."""
        from gui.export_dialogs import confirm_export_box

        box, go = confirm_export_box(parent, problems, blanks)
        box.exec()
        return box.clickedButton() is go

    def ask_overwrite(self, parent: QWidget, names: list[str]) -> str:
        """Export targets that exist: "overwrite", "rename" (另存为新名称) or "cancel"."""
        from gui.export_dialogs import answer, overwrite_box

        return answer(*overwrite_box(parent, names)) or "cancel"

    def exported(self, parent: QWidget, paths: list[Path]) -> str | None:
        """After an export: "open" (打开文件), "folder" (打开所在文件夹) or None (关闭)."""
        from gui.export_dialogs import answer, exported_box

        return answer(*exported_box(parent, paths))

    def confirm_import(self, parent: QWidget, reasons: list[str], changes: list[str]) -> bool:
        """Before 导入上年报告 of a report that looks wrong or would change filled cells; True to import anyway."""
        from gui.import_dialogs import confirm_import

        return confirm_import(parent, reasons, changes)

    def reading(self, parent: QWidget | None, text: str) -> QProgressDialog:
        """A read that takes a while: 「正在读取 文件名…」 with 取消, not yet shown (``gui/background.py`` shows it)."""
        from gui.background import progress_dialog

        return progress_dialog(parent, text)

    def ledger_mapping(self, parent: QWidget, session: LedgerSession) -> bool:
        """导入依申请台账: the columns and words of the ledger, corrected in ``session``; True to fill table 三."""
        from gui.ledger.dialog import LedgerDialog

        return LedgerDialog(parent, session).exec() == QDialog.DialogCode.Accepted

    def ledger_rows(self, parent: QWidget, title: str, rows: list[tuple[int, str]]) -> None:
        """查看台账行…: the ledger rows (row number, applicant) one cell of table 三 counts."""
        from gui.ledger.rows_dialog import LedgerRowsDialog

        LedgerRowsDialog(parent, title, rows).exec()

    def replace_printed_totals(self, parent: QWidget, count: int) -> bool:
        """An edit made ``count`` totals kept as printed contradict their parts: True to use the sums instead."""
        from gui.total_dialogs import ask_replace_printed_totals

        return ask_replace_printed_totals(parent, count)

    def open_locked(self, parent: QWidget, text: str) -> bool:
        """The draft is open elsewhere (``text`` says by whom): False to keep it read-only, True to edit anyway."""
        from gui.draft_guard import locked_box

        box, anyway = locked_box(parent, text)
        box.exec()
        return box.clickedButton() is anyway

    def damaged_recovery(self, parent: QWidget | None, text: str) -> None:
        """At start-up: recovery files that could not be read were set aside (``text`` says where)."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(parent, "自动保存的内容无法读取", text)

    def offer_restore(self, parent: QWidget | None, description: str) -> bool:
        """After a crash: True to restore the recovered report."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Question,
            "恢复未保存的报告",
            f"年报助手上次没有正常退出。找到了自动保存的内容：\n\n{description}\n\n是否恢复？",
            parent=parent,
        )
        restore = box.addButton("恢复(&R)", QMessageBox.ButtonRole.AcceptRole)
        box.setEscapeButton(box.addButton("不恢复(&N)", QMessageBox.ButtonRole.RejectRole))
        box.setDefaultButton(restore)
        box.exec()
        return box.clickedButton() is restore

    def rollup_options(self, parent: QWidget, with_errors: int, selected: int) -> RollUpChoice | None:
        """Before 汇总 in the 审核 window: scope, units with errors or not, all or the selected; None to cancel."""
        from gui.review.rollup_dialog import RollUpDialog

        dialog = RollUpDialog(parent, with_errors, selected)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def choose_printer(self, parent: QWidget, printer: QPrinter) -> bool:
        """打印: the print dialog sets up ``printer``; True to print."""
        from PySide6.QtPrintSupport import QPrintDialog

        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle("打印")
        return dialog.exec() == QDialog.DialogCode.Accepted

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
        self.agency.setMaxLength(MAX_AGENCY)
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
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("新建(&N)")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")  # Esc
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
