"""The 审核 window: a folder of reports read in the background, sorted and filtered, marked, exported, summed."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.dialogs import Dialogs
from gui.review.filter import ALL, ERRORS, MISSING, ReviewFilter
from gui.review.findings_model import FindingsModel
from gui.review.loader import FolderLoader
from gui.review.open_report import ReadOnlyGuard, open_read_only
from gui.review.roster_source import RosterSource
from gui.review.rows_model import ROW_ROLE, ReviewRowsModel
from model.review.desk import Desk, Row, build_desk, read_rows
from model.review.entry import Entry
from model.review.marks import VERDICTS, MarksError, MarkStore
from model.review.names import Roster

SHOW_SECONDS = 1.0  # while reading, the files read are added to the table at most this often (a repaint each)
XLSX_FILTER = "Excel 工作簿 (*.xlsx)"


class ReviewWindow(QMainWindow):
    def __init__(self, folder: str, dialogs: Dialogs, roster: str | None = None) -> None:
        super().__init__()
        from nianbao.review import review_path

        self.folder, self.dialogs = Path(folder), dialogs
        self.setWindowTitle(f"审核 — {self.folder.name}")
        self.entries: list[Entry] = []
        self.roster: list[str] | None = None
        self._names: Roster | None = None  # the roster with its names' keys, matched against each file read
        self.opened: list[ReadOnlyGuard | QMainWindow] = []  # windows opened from here, kept alive
        self._shown = 0  # how many of the entries are in the table
        self._shown_at = 0.0
        try:
            self.marks = MarkStore.load(review_path(self.folder))
            self.marks_ok = True
        except MarksError as exc:
            self.marks, self.marks_ok = MarkStore(review_path(self.folder)), False
            self.dialogs.error(self, "审核记录", f"{exc}。本次的审核意见不会保存。")
        self.rows = ReviewRowsModel(self)
        self.proxy = ReviewFilter(self)
        self.proxy.setSourceModel(self.rows)
        self.findings = FindingsModel(self.marks, self)
        self.loader = FolderLoader(self)
        self.loader.entries.connect(self._arrived)
        self.loader.progress.connect(self._progress)
        self.loader.finished.connect(self._finished)
        self.roster_source = RosterSource(self, dialogs, self.folder)
        self.roster_source.names.connect(self._use_roster)
        self.roster_source.reading.connect(self.statusBar().showMessage)
        self._build()
        if roster:
            self.roster_source.load(roster)
        self.resize(1400, 860)

    # ---- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        top = QWidget()
        bar = QHBoxLayout(top)
        bar.setContentsMargins(6, 6, 6, 0)
        self.folder_label = QLabel(str(self.folder))
        self.roster_button = self.roster_source.button
        self.filter = QComboBox()
        self.filter.setObjectName("filter")
        self._filters()
        self.filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_mode(str(self.filter.currentData()))
        )
        self.export_button = QPushButton("导出审核结果(&X)…")
        self.export_button.clicked.connect(self.export)
        self.rollup_button = QPushButton("汇总(&S)…")
        self.rollup_button.clicked.connect(self.roll_up)
        self.bar = QProgressBar()
        self.bar.setFormat("已读取 %v / %m")
        self.bar.setMinimumWidth(180)  # the text on one line
        self.cancel_button = QPushButton("取消(&C)")
        self.cancel_button.clicked.connect(self.loader.cancel)
        widgets: list[QWidget] = [self.folder_label, self.roster_button, QLabel("显示："), self.filter]
        for widget in widgets:
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.bar, self.cancel_button, self.export_button, self.rollup_button):
            bar.addWidget(widget)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the folder's order
        self.table.setSortingEnabled(True)  # until a heading is clicked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(self.open_row)
        self.table.selectionModel().currentRowChanged.connect(lambda now, _was: self._show_findings(now))
        self.table.verticalHeader().setDefaultSectionSize(22)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self._findings_pane())
        splitter.setSizes([560, 240])
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(top)
        column.addWidget(splitter, 1)
        self.setCentralWidget(central)

    def _findings_pane(self) -> QWidget:
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(6, 0, 6, 6)
        self.findings_view = QTableView()
        self.findings_view.setModel(self.findings)
        self.findings_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.findings_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.findings_view.horizontalHeader().setStretchLastSection(True)
        self.findings_view.setColumnWidth(1, 700)
        self.findings_view.setWordWrap(False)
        layout.addWidget(self.findings_view, 1)
        line = QHBoxLayout()
        self.comment = QLineEdit()
        self.comment.setPlaceholderText("审核说明（可不填）")
        line.addWidget(self.comment, 1)
        self.mark_buttons = []
        for verdict, key in zip(VERDICTS, ("Q", "N"), strict=True):
            button = QPushButton(f"{verdict}(&{key})")
            button.clicked.connect(lambda _c=False, v=verdict: self.mark_selected(v))
            line.addWidget(button)
            self.mark_buttons.append(button)
        clear = QPushButton("清除意见")
        clear.clicked.connect(lambda: self.mark_selected(None))
        line.addWidget(clear)
        layout.addLayout(line)
        return pane

    def _filters(self, codes: dict[str, str] | None = None) -> None:
        current = self.filter.currentData()
        self.filter.blockSignals(True)
        self.filter.clear()
        for text, mode in (("全部", ALL), ("有错误", ERRORS), ("未提交", MISSING)):
            self.filter.addItem(text, mode)
        for code, description in (codes or {}).items():
            self.filter.addItem(f"问题：{description}", f"code:{code}")
        self.filter.setCurrentIndex(max(0, self.filter.findData(current)))
        self.filter.blockSignals(False)

    # ---- reading -------------------------------------------------------------------------------
    def start(self, workers: int | None = None) -> None:
        from nianbao.review import folder_files

        self.entries, self._shown, self._shown_at = [], 0, time.monotonic()
        self.rows.set_desk(Desk([], 0, self.roster))
        files = folder_files(self.folder)
        self.bar.setRange(0, max(1, len(files)))
        self.bar.setValue(0)
        self.cancel_button.setEnabled(True)
        self.loader.start(files, workers)

    def _arrived(self, got: list[Entry]) -> None:
        """The files just read, appended (about once a second) as far as each tells alone; the whole desk is
        made when all are in."""
        self.entries += got
        if time.monotonic() - self._shown_at >= SHOW_SECONDS:
            self._show_new()

    def _show_new(self) -> None:
        self.rows.append(read_rows(self.entries[self._shown :], self._names))
        self._shown, self._shown_at = len(self.entries), time.monotonic()

    def _progress(self, done: int, total: int) -> None:
        self.bar.setMaximum(max(1, total))
        self.bar.setValue(done)

    def _finished(self, cancelled: bool) -> None:
        self.cancel_button.setEnabled(False)
        self._rebuild()
        notes = self.marks.reconcile(
            {
                r.unit: r.entry.findings
                for r in self.desk.rows
                if r.entry is not None and r.entry.error is None
            }
        )
        self._save_marks()
        self._filters(self._codes())
        text = f"已读取 {len(self.entries)} 份报告" + ("（已取消，其余文件未读取）" if cancelled else "")
        if notes:
            text += f"；{len(notes)}条审核意见对应的问题已不存在，已移除"
            self.dialogs.info(self, "审核意见", "\n".join(notes))
        self.statusBar().showMessage(text)

    def _rebuild(self) -> None:
        self._shown = len(self.entries)
        if self.loader.running:  # while reading: the rows so far, matched against the roster
            self.rows.set_desk(Desk(read_rows(self.entries, self._names), 0, self.roster))
        else:
            self.rows.set_desk(build_desk(self.entries, self._names))

    @property
    def desk(self) -> Desk:
        return self.rows.desk

    def _codes(self) -> dict[str, str]:
        from model.formats import load_format

        out: dict[str, str] = {}
        for entry in self.entries:
            if entry.error is None:
                described = {
                    r.code: str(r.params.get("description", "")) for r in load_format(entry.format_id).rules
                }
                for finding in entry.findings:
                    if finding.severity != "info":
                        out.setdefault(finding.code, (described.get(finding.code) or finding.message)[:30])
        return out

    # ---- roster --------------------------------------------------------------------------------
    def load_roster(self, path: str) -> bool:
        """A roster file (read at once) or last year's folder (read in the background, then ``_use_roster``)."""
        return self.roster_source.load(path)

    def _use_roster(self, names: list[str]) -> None:
        self.roster, self._names = names, Roster(names)
        self._rebuild()
        if self.loader.running or not self.entries:  # which units are missing is known when all are read
            self.statusBar().showMessage(f"名单：{len(self.roster)}个单位", 10000)
            return
        self.statusBar().showMessage(
            f"名单：{len(self.roster)}个单位，{len(self.desk.missing)}个未提交", 10000
        )

    # ---- findings and marks --------------------------------------------------------------------
    def current_row(self) -> Row | None:
        row = self.table.currentIndex().data(ROW_ROLE)
        return row if isinstance(row, Row) else None

    def _show_findings(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, Row) and row.entry is not None:
            self.findings.show(row.unit, row.entry.findings)
        else:
            self.findings.show("", [])

    def mark_selected(self, verdict: str | None) -> None:
        rows = sorted({i.row() for i in self.findings_view.selectionModel().selectedRows()})
        for number in rows:
            self.marks.put(self.findings.unit, self.findings.findings[number], verdict, self.comment.text())
            self.findings.refresh(number)
        if rows:
            self._save_marks()

    def _save_marks(self) -> None:
        if not self.marks_ok:
            return
        try:
            self.marks.save()
        except MarksError as exc:
            self.marks_ok = False
            self.dialogs.error(self, "无法保存审核意见", str(exc))

    # ---- opening, export, roll-up --------------------------------------------------------------
    def open_row(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if not isinstance(row, Row) or row.entry is None or row.entry.error is not None:
            return
        guard = open_read_only(row.entry.path, self.dialogs, self)
        if guard is not None:
            self.opened.append(guard)
            guard.window.show()

    def export(self) -> bool:
        from exporters.review_xlsx.writer import write_review_workbook
        from model.os_errors import describe

        suggested = str(self.folder / "审核结果.xlsx")
        path = self.dialogs.save_file(self, "导出审核结果", suggested, XLSX_FILTER)
        if not path:
            return False
        try:
            write_review_workbook(self.desk, path, self.marks)
        except OSError as exc:
            self.dialogs.error(self, "无法导出", f"无法写出“{Path(path).name}”：{describe(exc, path)}")
            return False
        self.statusBar().showMessage(f"已导出 {path}", 8000)
        return True

    def roll_up(self) -> QMainWindow | None:
        from gui.review.rollup import make_rollup

        window = make_rollup(self)
        if window is not None:
            self.opened.append(window)
            window.show()
        return window

    def selected_rows(self) -> list[Row]:
        out = []
        for index in self.table.selectionModel().selectedRows():
            row = index.data(ROW_ROLE)
            if isinstance(row, Row):
                out.append(row)
        return out

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.roster_source.close()
        self.loader.cancel()
        self.loader.wait()
        event.accept()


def open_review(parent: QMainWindow, dialogs: Dialogs) -> ReviewWindow | None:
    """文件 → 审核一批报告…: a folder chosen, its window shown and reading."""
    folder = dialogs.choose_folder(parent, "审核一批报告：选择报告所在的文件夹", str(Path.home()))
    if not folder:
        return None
    window = ReviewWindow(folder, dialogs)
    setattr(parent, "review_window", window)  # kept alive with the main window  # noqa: B010
    window.show()
    window.start()
    return window
