"""新建, 打开, 保存, 另存为, 最近打开, 导入上年报告 and the question on closing with unsaved changes."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSettings

from exporters.kinds import open_filter, readable_suffixes
from gui.dialogs import DRAFT_FILTER
from model import draft
from model.file_names import report_file_name
from model.report import Report
from model.rules import Finding

if TYPE_CHECKING:
    from gui.document import ReportDocument
    from gui.main_window import MainWindow

T = TypeVar("T")
ENV_SETTINGS = "NIANBAO_SETTINGS"
MAX_RECENT = 8
UNTITLED = "未命名"


def app_settings() -> QSettings:
    """The user's settings; $NIANBAO_SETTINGS names an .ini file instead (tests, portable installs)."""
    override = os.environ.get(ENV_SETTINGS)
    if override:
        return QSettings(override, QSettings.Format.IniFormat)
    return QSettings("nianbao", "nianbao")


def readable() -> tuple[str, ...]:
    """The suffixes 打开, 导入上年报告 and drag and drop accept (the registry of kinds)."""
    return readable_suffixes()


def default_year() -> int:
    """Reports are written in January for the year just ended."""
    today = date.today()
    return today.year - 1 if today.month <= 6 else today.year


def recent_files(settings: QSettings) -> list[str]:
    """最近打开, newest first."""
    value = settings.value("recent", [])  # an .ini file gives one entry back as text, none as None
    items = [value] if isinstance(value, str) else list(value) if isinstance(value, (list, tuple)) else []
    return [str(p) for p in items if p]


def read_report(path: str) -> tuple[Report, str | None, list[Finding], str]:
    """(report, the draft's path or None, findings about the document, where it came from); raises ReadError.

    A draft is saved back to its file; a Word or Excel report becomes a new draft that is not saved yet."""
    from exporters.reading import read_any

    report, found = read_any(path)
    if Path(path).suffix.lower() == draft.SUFFIX:
        return report, path, found, ""
    return report, None, found, Path(path).name


class Files:
    """The file operations of one main window; every question goes through the window's dialog seam."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.settings = app_settings()
        self.persist = True  # False: leave no trace in the settings (smoke runs)
        self.read_back: str | None = None  # the Word/Excel report shown, while nothing has been changed in it

    @property
    def document(self) -> ReportDocument:
        return self.window.document

    # ---- recent files --------------------------------------------------------------------------
    def recent(self) -> list[str]:
        return recent_files(self.settings)

    def remember(self, path: str) -> None:
        if not self.persist:
            return
        path = str(Path(path).resolve())
        items = [path] + [p for p in self.recent() if p != path]
        self.settings.setValue("recent", items[:MAX_RECENT])
        self.settings.sync()
        self.window.recent_changed()

    def forget(self, path: str) -> None:
        if not self.persist:
            return
        self.settings.setValue("recent", [p for p in self.recent() if p != path])
        self.window.recent_changed()

    def folder(self) -> str:
        recent = self.recent()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    # ---- new, open -----------------------------------------------------------------------------
    def new(self) -> bool:
        if not self.maybe_save():
            return False
        answer = self.window.dialogs.new_report(self.window, default_year())
        if answer is None:
            return False
        report = Report.new(answer.year, answer.agency, answer.level, answer.format_id)
        self.window.show_report(report, None)
        self.window.show_page("info")  # contact details next
        return True

    def open_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        path = self.window.dialogs.open_file(self.window, "打开报告", self.folder(), open_filter())
        return self.open_path(path, confirm=False) if path else False

    def open_path(self, path: str, confirm: bool = True) -> bool:
        """Open a draft (saved back to it) or a Word/Excel report (as a new unsaved draft with its findings)."""
        if confirm and not self.maybe_save():
            return False
        from exporters.reading import ReadError
        from gui.background import ReadCancelledError

        try:
            report, draft_path, found, source = self.in_background(Path(path).name, lambda: read_report(path))
        except ReadError as exc:
            self.window.dialogs.error(self.window, "无法打开", str(exc))
            if not Path(path).exists():
                self.forget(path)
            return False
        except ReadCancelledError:
            self.window.statusBar().showMessage(f"已取消打开“{Path(path).name}”，本报告没有改动", 8000)
            return False
        self.window.show_report(report, draft_path, found, source)
        if draft_path:
            self.remember(draft_path)
        else:
            self.document.undo_stack.resetClean()  # a read-back document is a new draft, not yet saved
            self.read_back = path
        return True

    def in_background(self, name: str, work: Callable[[], T]) -> T:
        """``work()`` off the GUI thread, with 「正在读取 name…」 and 取消 when it takes a while (gui/background.py)."""
        from gui import background

        return background.run(work, self.window, background.reading_text(name), self.window.dialogs)

    def open_example(self) -> bool:
        if not self.maybe_save():
            return False
        from model.example import load_example

        self.window.show_report(load_example(), None, source="示例报告")
        return True

    # ---- save ----------------------------------------------------------------------------------
    def suggested_name(self, suffix: str, folder: str | None = None) -> str:
        """「{机关}{年份}年政府信息公开工作年度报告{suffix}」, valid on Windows and short enough for ``folder``."""
        return report_file_name(self.document.report, suffix, folder)

    def save(self) -> bool:
        path = self.document.path
        return self.save_to(path) if path else self.save_as()

    def save_as(self) -> bool:
        suggested = str(Path(self.folder()) / self.suggested_name(draft.SUFFIX, self.folder()))
        path = self.window.dialogs.save_file(self.window, "另存为", suggested, DRAFT_FILTER)
        if not path:
            return False
        if Path(path).suffix.lower() != draft.SUFFIX:
            path += draft.SUFFIX
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        try:
            self.window.guard.before_save(path)  # open elsewhere, or saved by another since: 另存为
            draft.save(self.document.report, path)
        except draft.DraftError as exc:  # full disk, no permission, a read-only draft: the reason in Chinese
            self.window.dialogs.error(self.window, "无法保存", str(exc))
            return self.save_as() if isinstance(exc, draft.ReadOnlyDraftError) else False
        self.window.guard.saved(path)
        self.document.mark_saved(path)
        self.window.autosave.discard()
        self.remember(path)
        self.window.statusBar().showMessage(f"已保存 {path}", 5000)
        return True

    def maybe_save(self) -> bool:
        """Before the report is closed or replaced: True when it may go (saved, or the clerk discards it)."""
        if not self.document.is_modified():
            return True
        if self.read_back and self.document.undo_stack.index() == 0:
            return True  # a Word/Excel report only looked at: nothing would be lost, the file is still there
        answer = self.window.dialogs.ask_save_changes(self.window, self.window.display_name())
        if answer == "save":
            return self.save()
        return answer == "discard"

    def import_clipboard(self) -> bool:
        """从剪贴板导入: a report copied from a browser becomes a new unsaved draft, like a Word report opened."""
        if not self.maybe_save():
            return False
        from PySide6.QtWidgets import QApplication

        from exporters.reading import ReadError, read_pasted
        from gui.background import ReadCancelledError

        data = QApplication.clipboard().mimeData()
        flavours = {"text/html": data.html() if data.hasHtml() else "", "text/plain": data.text()}
        try:
            report, found = self.in_background("剪贴板中的内容", lambda: read_pasted(flavours))
        except ReadError as exc:
            self.window.dialogs.error(self.window, "无法从剪贴板导入", str(exc))
            return False
        except ReadCancelledError:
            self.window.statusBar().showMessage("已取消从剪贴板导入，本报告没有改动", 8000)
            return False
        self.window.show_report(report, None, found, "剪贴板")
        self.document.undo_stack.resetClean()
        self.read_back = "剪贴板"
        return True

    # ---- last year's report --------------------------------------------------------------------
    def import_previous(self) -> bool:
        """Read last year's report and carry it forward into this one as one undo step."""
        path = self.window.dialogs.open_file(self.window, "导入上年报告", self.folder(), open_filter())
        return self.import_previous_from(path) if path else False

    def import_previous_from(self, path: str) -> bool:
        from exporters.reading import ReadError, read_any
        from gui.background import ReadCancelledError

        try:
            previous, _ = self.in_background(Path(path).name, lambda: read_any(path))
        except ReadError as exc:
            self.window.dialogs.error(self.window, "无法导入上年报告", str(exc))
            return False
        except ReadCancelledError:
            self.window.statusBar().showMessage("已取消导入上年报告，本报告没有改动", 8000)
            return False
        from model.import_check import checks_sentence, plan_import  # here: not needed at start-up

        plan = plan_import(self.document.report, previous, Path(path).name)
        dialogs = self.window.dialogs
        if plan.needs_confirmation and not dialogs.confirm_import(
            self.window, list(plan.reasons), list(plan.changes)
        ):
            self.window.statusBar().showMessage("已取消导入上年报告，本报告没有改动", 8000)
            return False
        self.document.apply_report(plan.after, "导入上年报告")
        self.window.statusBar().showMessage(
            f"已导入{previous.agency}{previous.year}年度报告，填入{len(plan.changed)}个单元格；"
            f"{checks_sentence(self.document.report.fmt)}",
            10000,
        )
        return True
