"""基本信息: agency, level, year and format, 落款日期, contact details — every change an undo step of the document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.sign_off_field import SignOffDateField
from model.formats import format_for_year, format_ids, format_summary, load_format
from model.limits import MAX_AGENCY, MAX_CONTACT_FIELD, MAX_YEAR, MIN_YEAR
from model.pack_choice import pack_choices
from model.report import Contact, Report
from model.vocabulary import LEVELS

if TYPE_CHECKING:
    from gui.document import ReportDocument

CONTACT_HINTS = {
    "office": "如：某某局办公室",
    "address": "",
    "postcode": "6位数字",
    "phone": "如：0571-12345678",
    "email": "",
    "website": "如：www.example.gov.cn（可查阅报告电子版的网站）",
}


class InfoPage(QWidget):
    """The report's metadata; the year picks the format, a different choice is flagged."""

    importPrevious = Signal()  # noqa: N815 - the clerk asks to import last year's report

    def __init__(self, document: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.heading = QLabel("基本信息")
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.title = QLabel()
        self.title.setWordWrap(True)
        _colour(self.title, "#444")  # a palette, not a style sheet: style sheets slow the start

        self.agency = QLineEdit()
        self.agency.setMaxLength(MAX_AGENCY)  # the limits a draft keeps: typing stops there
        self.agency.setPlaceholderText("如：某某市某某局（与报告标题一致）")
        self.agency.textChanged.connect(lambda text: self._set("agency", text.strip()))
        self.level = QComboBox()
        self.level.addItems(LEVELS)
        self.level.activated.connect(lambda _i: self._set("level", self.level.currentText()))
        self.year = QSpinBox()
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.year.setKeyboardTracking(False)
        self.year.setSuffix(" 年度")
        self.year.valueChanged.connect(lambda y: self.document.set_meta("year", y, keep_format=True))
        self.format = QComboBox()
        for format_id in format_ids():
            self.format.addItem(format_summary(format_id).label, format_id)
        self.format.activated.connect(lambda _i: self._set("format_id", self.format.currentData()))
        self.pack = QComboBox()  # 执行口径: the national rules only, or a province's / city's rule pack
        self.pack.activated.connect(lambda _i: self._set("pack", self.pack.currentData()))
        self.format_warning = QLabel()
        self.format_warning.setWordWrap(True)
        _colour(self.format_warning, "#a4262c", bold=True)
        self.use_right_format = QPushButton()
        self.use_right_format.clicked.connect(self._use_year_format)
        self.sign_off_date = SignOffDateField()  # 落款日期: 导出当天, or the day the report is dated
        self.sign_off_date.chosen.connect(
            lambda day: self.document.set_meta("sign_off_date", day, "修改落款日期")
        )

        report_box = QGroupBox("报告")
        form = QFormLayout(report_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("机关名称：", self.agency)
        form.addRow("机关层级：", self.level)
        form.addRow("报告年度：", self.year)
        form.addRow("报告格式：", self.format)
        form.addRow("执行口径：", self.pack)
        self.warning_box = QWidget()
        warning = QVBoxLayout(self.warning_box)
        warning.setContentsMargins(0, 0, 0, 0)
        warning.addWidget(self.format_warning)
        warning.addWidget(self.use_right_format, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow("", self.warning_box)
        form.addRow("落款日期：", self.sign_off_date)

        contact_box = QGroupBox("联系方式（报告开头的说明段落中使用）")
        contact_form = QFormLayout(contact_box)
        contact_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.contact: dict[str, QLineEdit] = {}
        for name, label in zip(Contact.FIELDS, Contact.LABELS):
            edit = QLineEdit()
            edit.setMaxLength(MAX_CONTACT_FIELD)
            edit.setPlaceholderText(CONTACT_HINTS.get(name, ""))
            edit.textChanged.connect(lambda text, n=name: self._set(f"contact.{n}", text.strip()))
            self.contact[name] = edit
            contact_form.addRow(f"{label}：", edit)
        self.contact_warning = QLabel()  # e.g. a 邮编 that is not 6 digits (it is printed in the report)
        self.contact_warning.setWordWrap(True)
        _colour(self.contact_warning, "#8a4b00")
        contact_form.addRow("", self.contact_warning)

        previous_box = QGroupBox("上年报告")
        previous_layout = QHBoxLayout(previous_box)
        self.previous = QLabel()
        self.previous.setWordWrap(True)
        self.import_button = QPushButton("导入上年报告…")
        self.import_button.clicked.connect(self.importPrevious)
        previous_layout.addWidget(self.previous, 1)
        previous_layout.addWidget(self.import_button)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addWidget(self.title)
        layout.addWidget(report_box)
        layout.addWidget(contact_box)
        layout.addWidget(previous_box)
        layout.addStretch(1)
        scroll = QScrollArea()  # the window fits a 1366×768 screen however tall the form is
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.setMaximumWidth(900)

        for signal in (document.metaChanged, document.reportReplaced, document.formatChanged):
            signal.connect(self.refresh)
        self.refresh()

    def _set(self, field: str, value: str | int) -> None:
        self.document.set_meta(field, value)

    def _use_year_format(self) -> None:
        self._set("format_id", format_for_year(self.document.report.year).id)

    def refresh(self) -> None:
        """Show the current report's metadata without echoing edits back to the document."""
        report = self.document.report
        widgets = [self.agency, self.level, self.year, self.format, self.pack, *self.contact.values()]
        for widget in widgets:
            widget.blockSignals(True)
        _set_text(self.agency, report.agency)
        self.level.setCurrentText(report.level)
        self.year.setValue(report.year)
        self.format.setCurrentIndex(max(0, self.format.findData(report.format_id)))
        self.pack.clear()
        for choice in pack_choices(report):
            self.pack.addItem(choice.label, choice.value)
            self.pack.setItemData(self.pack.count() - 1, choice.tip, Qt.ItemDataRole.ToolTipRole)
            model = self.pack.model()
            if not choice.usable and isinstance(
                model, QStandardItemModel
            ):  # a broken pack: the reason in the
                model.item(self.pack.count() - 1).setEnabled(False)  # tooltip, not to be picked
        self.pack.setCurrentIndex(max(0, self.pack.findData(report.pack)))
        for name, edit in self.contact.items():
            _set_text(edit, getattr(report.contact, name))
        self.sign_off_date.show_date(report.sign_off_date)
        for widget in widgets:
            widget.blockSignals(False)
        self.title.setText(f"报告标题：{report.title}" if report.agency else "报告标题：请先填写机关名称")
        right = format_for_year(report.year)
        wrong = not report.fmt.fits_year(report.year)
        lost = _dropped(report, right.id) if wrong else ""
        self.format_warning.setText(
            f"⚠ {report.year}年度报告应使用{right.name}（{right.notice}），当前选择的是{report.fmt.name}。"
            + (f"改用后，{lost}在新格式中没有对应栏目，将不再保留（可撤销）。" if lost else "")
            if wrong
            else ""
        )
        self.use_right_format.setText(f"改用{right.name}")
        self.format_warning.setVisible(wrong)
        self.use_right_format.setVisible(wrong)
        self.warning_box.setVisible(wrong)
        postcode = report.contact.postcode
        bad_postcode = bool(postcode) and not (len(postcode) == 6 and postcode.isdigit())
        self.contact_warning.setText(
            f"⚠ 邮编应为6位数字，现为“{postcode}”（{len(postcode)}位）。" if bad_postcode else ""
        )
        self.contact_warning.setVisible(bad_postcode)
        if report.previous is not None:
            from model.import_check import checks_sentence  # with last year's report only

            source = report.previous_source or "已导入"
            self.previous.setText(
                f"已导入{report.previous.agency}{report.previous.year}年度报告（{source}）："
                f"{checks_sentence(report.fmt)}。"
            )
        else:
            self.previous.setText(
                "尚未导入。导入上年报告后，自动填入“上年结转”等数据，并核对与上年报告是否衔接。"
            )


def _dropped(report: Report, format_id: str) -> str:
    """What a change to another format would drop: "表二的10个数、表三的3个数", or ""."""
    cells = load_format(format_id).cells
    counts: dict[str, int] = {}
    for cell_id in report.values:
        spec = report.fmt.cells.get(cell_id)
        if spec is not None and cell_id not in cells:
            counts[spec.table] = counts.get(spec.table, 0) + 1
    return "、".join(f"{report.fmt.table(key).short}的{n}个数" for key, n in counts.items())


def _colour(label: QLabel, colour: str, bold: bool = False) -> None:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)
    if bold:
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)


def _set_text(edit: QLineEdit, text: str) -> None:
    if edit.text().strip() != text:
        edit.setText(text)
        edit.setCursorPosition(0)
