"""The main window: navigation by section, the pages, the 校验结果 dock, the menus and the status bar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui import window_pages
from gui.app_icon import app_icon
from gui.autosave import Autosave, Recovery
from gui.dialogs import Dialogs
from gui.document import ReportDocument
from gui.draft_guard import DraftGuard
from gui.files import Files, default_year, readable
from gui.findings_panel import SEVERITY_COLOURS, FindingsPanel
from gui.info_page import InfoPage
from gui.menus import Menus
from gui.nav_list import NavList
from gui.printed_totals import PrintedTotals
from gui.undo_follow import follow_undo
from gui.window_pages import build_page
from gui.zoom import Zoom
from model.engine import counts
from model.report import Report
from model.rules import Finding
from model.vocabulary import SEVERITIES

if TYPE_CHECKING:  # the prose page, the grid and the find bar load when first shown
    from gui.find_bar import FindBar
    from gui.prose_page import ProsePage
    from gui.table.page import TablePage

    Page = InfoPage | TablePage | ProsePage

APP_NAME = "年报助手"
INFO = window_pages.INFO  # the key of 基本信息
WIDE = 1500  # pixels: table 三 and the 校验结果 panel side by side


class MainWindow(QMainWindow):
    """One report at a time; every question to the clerk goes through ``dialogs``."""

    def __init__(
        self,
        report: Report | None = None,
        path: str | None = None,
        dialogs: Dialogs | None = None,
        recovery_folder: Path | None = None,
        found: list[Finding] | None = None,
        source: str = "",
    ) -> None:
        super().__init__()
        self.dialogs = dialogs or Dialogs()
        self.document = ReportDocument(report or Report.new(default_year()), path, self, list(found or []))
        self.source = source  # where an unsaved report came from (示例报告, a .docx)
        self.files = Files(self)
        self.zoom = Zoom(self.files.settings, self)  # of the grids and the prose, before any is built
        self.zoom.changed.connect(lambda pct: self.statusBar().showMessage(f"缩放 {pct}%", 2000))
        self.autosave = Autosave(self.document, recovery_folder, self)
        self.guard = DraftGuard(self)  # the lock beside the draft; read-only when another has it open
        self.setAcceptDrops(True)
        self.setWindowIcon(app_icon())
        self._build_pages()
        self.findings_panel = FindingsPanel(self)
        self.findings_panel.findingActivated.connect(self.show_finding)
        self.printed_totals = PrintedTotals(self)  # the question when an edit contradicts a printed total
        follow_undo(self)  # undo and redo select the cells they changed
        self._build_status()
        self.menus = Menus(self)
        self.named_actions = self.menus.named_actions
        self.recent_menu = self.menus.recent
        self.toolbar = self.menus.toolbar
        self.document.findingsChanged.connect(self._findings_changed)
        self.document.undo_stack.cleanChanged.connect(self._update_title)
        self.document.changed.connect(self._update_title)
        self.document.reportReplaced.connect(self._nav_texts)
        self.document.formatChanged.connect(self._nav_texts)
        self._findings_changed()
        self.guard.attach(path)
        self._update_title()
        self._initial_size()
        self.place_findings()
        geometry = self.files.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    # ---- building ------------------------------------------------------------------------------
    def _initial_size(self) -> None:
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1600, 1000
        if screen is not None and screen.width() > 0:
            width, height = min(width, int(screen.width() * 0.92)), min(height, int(screen.height() * 0.92))
        self.resize(width, height)

    def place_findings(self) -> None:
        """On the right beside the widest table; below it on a narrow screen (1366×768 laptops)."""
        if self.width() >= WIDE:
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.findings_panel)
            self.resizeDocks([self.findings_panel], [310], Qt.Orientation.Horizontal)
        else:
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings_panel)
            self.fit_findings()

    def fit_findings(self) -> None:
        """Below the pages, the panel follows its number of findings (up to a cap) until the clerk resizes it."""
        self.findings_panel.fit_in(self)

    def _build_pages(self) -> None:
        self.keys = [INFO, *(s.key for s in self.document.report.fmt.sections)]
        self.nav = NavList(self.keys)
        self.stack = QStackedWidget()
        self._pages: dict[str, Page] = {}  # built when first shown: a faster start
        self._find_bar: FindBar | None = None
        for _key in self.keys:
            self.stack.addWidget(QWidget())
        self._nav_texts()
        self.nav.currentRowChanged.connect(self._show_row)
        self.nav.itemClicked.connect(lambda item: self.focus_page(self.keys[self.nav.row(item)]))
        self.nav.setCurrentRow(0)
        splitter = QSplitter()
        pages = QWidget()
        self._column = column = QVBoxLayout(pages)  # the find bar goes on top when first opened
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.stack, 1)
        splitter.addWidget(self.nav)
        splitter.addWidget(pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 1000])
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)

    @property
    def find_bar(self) -> FindBar:
        """The find bar (Ctrl+F) over the pages, built when first used: a faster start."""
        if self._find_bar is None:
            from gui.find_bar import FindBar

            self._find_bar = FindBar(self)
            self._column.insertWidget(0, self._find_bar)
        return self._find_bar

    def page(self, key: str) -> Page:
        """The page of 基本信息 or a section, built on first use (gui/window_pages.py)."""
        if key not in self._pages:
            page = build_page(self, key)
            index = self.keys.index(key)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._pages[key] = page
            for child in page.findChildren(QWidget):
                if child.acceptDrops():  # text fields would take a dropped file as text
                    child.installEventFilter(self)
        return self._pages[key]

    def focus_page(self, key: str) -> None:
        """Keys go to the page: a table's current cell, a section's text (after a click in the navigation)."""
        page = self.page(key)
        if isinstance(page, InfoPage):
            return
        from gui.prose_page import ProsePage

        (page.editor if isinstance(page, ProsePage) else page.view).setFocus()

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self.page(self.keys[row])
            self.stack.setCurrentIndex(row)

    def _nav_texts(self) -> None:
        self.nav.label(self.document.report.fmt, INFO)

    def _build_status(self) -> None:
        self.error_label = QLabel()
        self.warning_label = QLabel()
        self.autosave_label = QLabel()
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(24, 0, 8, 0)  # a gap after a long note on the left of the status bar
        layout.setSpacing(16)
        for label in (self.autosave_label, self.error_label, self.warning_label):
            layout.addWidget(label)
        self.statusBar().addPermanentWidget(box)
        self.autosave.saved.connect(lambda when: self.autosave_label.setText(f"已自动保存 {when}"))
        self.autosave.saved.connect(lambda _: self.autosave_label.setToolTip(""))
        self.autosave.failed.connect(self._autosave_failed)

    def _autosave_failed(self, why: str) -> None:
        """「自动保存失败：磁盘空间不足」 in the status bar, the whole sentence as its tooltip."""
        self.autosave_label.setText(f"<span style='color:#b00'>自动保存失败：{why.split('，')[0]}</span>")
        self.autosave_label.setToolTip(why)

    def recent_changed(self) -> None:
        if hasattr(self, "menus"):
            self.menus.recent_changed()

    def recent_actions(self) -> list[QAction]:
        return self.menus.recent_actions()

    # ---- state ---------------------------------------------------------------------------------
    def show_report(
        self,
        report: Report,
        path: str | None,
        found: list[Finding] | tuple[Finding, ...] = (),
        source: str = "",
    ) -> None:
        """Show another report (new, opened, read back, restored)."""
        self.source = source
        self.files.read_back = None
        self.document.replace_report(report, path, list(found))
        self.autosave.discard()
        self.guard.attach(path)
        self._update_title()

    def restore(self, recovery: Recovery) -> None:
        """Take over what a crashed session autosaved: the report, its file, and 'not saved'."""
        source = recovery.source if recovery.source.lower().endswith(".nianbao") else None
        self.show_report(recovery.report, source, source="" if source else "恢复的报告")
        self.document.undo_stack.resetClean()
        recovery.discard()
        self.autosave.schedule()
        self.statusBar().showMessage("已恢复自动保存的内容，请核对后保存", 10000)

    def all_findings(self) -> list[Finding]:
        return list(self.document.findings)

    def display_name(self) -> str:
        if self.document.path:
            return Path(self.document.path).name + self.guard.title_mark()
        return f"{self.source}（未保存）" if self.source else "未命名"

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.display_name()}[*] — {APP_NAME}")
        self.setWindowModified(self.document.is_modified())

    def _findings_changed(self) -> None:
        findings = self.all_findings()
        self.findings_panel.show_findings(findings)
        number = counts(findings)
        for label, severity in ((self.error_label, "error"), (self.warning_label, "warning")):
            name = "错误" if severity == "error" else "警告"
            colour = SEVERITY_COLOURS[severity] if number[severity] else "#666"
            label.setText(f"<span style='color:{colour}; font-weight:bold'>{name} {number[severity]}</span>")
        self._nav_icons(findings)
        self.fit_findings()

    def _nav_icons(self, findings: list[Finding]) -> None:
        worst: dict[str, str] = {}
        for finding in findings:
            key = self.page_for(finding)
            if key and (
                key not in worst or SEVERITIES.index(finding.severity) < SEVERITIES.index(worst[key])
            ):
                worst[key] = finding.severity
        self.nav.mark(worst)

    # ---- navigation ----------------------------------------------------------------------------
    def show_page(self, key: str) -> Page:
        self.nav.setCurrentRow(self.keys.index(key))
        return self.page(key)

    def current_page(self) -> str:
        return self.keys[self.stack.currentIndex()]

    def page_for(self, finding: Finding) -> str | None:
        return window_pages.page_for(self, finding)

    def show_finding(self, finding: Finding) -> None:
        window_pages.show_finding(self, finding)

    def step_finding(self, step: int) -> None:
        window_pages.step_finding(self, step)

    # ---- closing, dropping ---------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.files.maybe_save():
            event.ignore()
            return
        if self.files.persist:
            self.files.settings.setValue("geometry", self.saveGeometry())
        self.autosave.close()
        self.guard.release()
        event.accept()

    def _dropped_path(self, event: QDropEvent) -> str | None:
        """The first report file in a drag or a drop (QDragEnterEvent and QDragMoveEvent are QDropEvents)."""
        for url in event.mimeData().urls():
            if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in readable():
                return url.toLocalFile()
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """A report file dropped on a text field opens like one dropped on the window."""
        kind = event.type()
        dragging = kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)
        if dragging and isinstance(event, QDropEvent) and self._dropped_path(event):  # QDrag*Event too
            if kind == QEvent.Type.Drop:
                self.dropEvent(event)
            else:
                event.acceptProposedAction()
            return True
        return super().eventFilter(watched, event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if self._dropped_path(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        path = self._dropped_path(event)
        if path:
            event.acceptProposedAction()
            self.files.open_path(path)
