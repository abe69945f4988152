"""The GUI entry point: arguments, QApplication with Chinese translations, a CJK font, the icon, the first report."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from model.engine import Finding
from model.report import Report

if TYPE_CHECKING:
    from gui.dialogs import Dialogs
    from gui.main_window import MainWindow

FONTS = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Noto Sans SC",
    "SimSun",
    "Droid Sans Fallback",
)


def parse(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and the rest for Qt (``-platform offscreen`` and friends)."""
    parser = argparse.ArgumentParser(prog="nianbao", description="政府信息公开工作年度报告填报助手")
    parser.add_argument("file", nargs="?", help="要打开的报告（.nianbao 草稿，或 Word / Excel 报告）")
    parser.add_argument("--example", action="store_true", help="打开示例报告")
    parser.add_argument("--smoke", metavar="DIR", help="不显示窗口：把每一页截图并导出到 DIR，然后退出")
    parser.add_argument("-platform", "--platform", dest="platform", help="Qt 平台插件，如 offscreen")
    options, rest = parser.parse_known_args(argv)
    qt_args = list(rest)
    if options.smoke and not options.platform and not os.environ.get("QT_QPA_PLATFORM"):
        options.platform = "offscreen"  # smoke runs never need a screen
    if options.platform:
        qt_args += ["-platform", options.platform]
    return options, qt_args


def application(qt_args: list[str] | None = None) -> QApplication:
    """The QApplication, set up once: names, Chinese Qt dialogs, a font with Chinese glyphs, the icon."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(["nianbao", *(qt_args or [])])
    if app.property("nianbao_ready"):
        return app
    qInstallMessageHandler(_quiet_messages)
    app.setOrganizationName("nianbao")
    app.setApplicationName("nianbao")
    app.setApplicationDisplayName("年报助手")
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translator = QTranslator(app)
    if translator.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    family = cjk_family()
    if family:
        font = QFont(family)
        font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
        app.setFont(font)
    from gui.app_icon import app_icon

    app.setWindowIcon(app_icon())
    app.setProperty("nianbao_ready", True)
    return app


NOISE = ("propagateSizeHints",)  # harmless notes of the offscreen platform


def _quiet_messages(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if not any(n in message for n in NOISE):
        print(message, file=sys.stderr)


def cjk_family() -> str | None:
    """The first installed font family that has Chinese glyphs."""
    installed = set(QFontDatabase.families())
    for family in FONTS:
        if family in installed:
            return family
    for family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return family
    return None


def run(argv: list[str]) -> int:
    """``nianbao [FILE] [--example] [--smoke DIR] [-platform offscreen]``: the app; returns the exit status."""
    options, qt_args = parse(argv)
    app = application(qt_args)
    if options.smoke:
        gc.enable()
        from gui.smoke import run_smoke

        return run_smoke(Path(options.smoke), options.file)
    window = start_window(options.file, options.example)
    show_first(window)
    QTimer.singleShot(GC_AFTER_MS, gc.enable)  # nianbao/cli.py held collections back until now
    return app.exec()


def run_review(folder: str, roster: str | None = None) -> int:
    """``nianbao review FOLDER``: the 审核 window over the folder."""
    app = application([])
    from gui.dialogs import Dialogs
    from gui.review.window import ReviewWindow

    window = ReviewWindow(folder, Dialogs(), roster)
    window.show()
    window.start()
    return app.exec()


GC_AFTER_MS = 1000  # the first paint is long done by then
SMALL_SCREEN = 900  # pixels of available height: a 1366×768 laptop gets the whole screen


def show_first(window: MainWindow) -> None:
    """Show the window; maximised on a small screen when no size was kept from an earlier session."""
    screen = window.screen()
    small = screen is not None and 0 < screen.availableGeometry().height() < SMALL_SCREEN
    if small and window.files.settings.value("geometry") is None:
        window.showMaximized()
    else:
        window.show()


def start_window(
    file: str | None = None, example: bool = False, dialogs: Dialogs | None = None
) -> MainWindow:
    """The main window with a crashed session's report (if the clerk restores it), FILE, the example,
    the most recent file, or a blank report — built once, with that report."""
    from gui.autosave import leftovers
    from gui.dialogs import Dialogs
    from gui.main_window import INFO, MainWindow

    dialogs = dialogs or Dialogs()
    left = leftovers()
    found, note = left.recoveries, left.note()  # note: where unreadable recovery files were set aside
    if found:
        for other in found[1:]:
            other.lock.unlock()
        if dialogs.offer_restore(None, found[0].describe() + (f"\n\n{note}" if note else "")):
            window = MainWindow(found[0].report, dialogs=dialogs)
            window.restore(found[0])
            return window
        found[0].discard()
    elif note:
        dialogs.damaged_recovery(None, note)
    first = first_report(file, example, dialogs)
    window = MainWindow(first.report, first.path, dialogs, found=first.found, source=first.source)
    if first.report is not None and not first.path and not example:
        window.document.undo_stack.resetClean()  # a Word or Excel report: a new draft, not saved yet
        window.files.read_back = file
    if first.path:
        window.files.remember(first.path)
    if first.problem:
        dialogs.error(window, "无法打开", first.problem)
    if first.report is None:
        window.show_page(INFO)
    return window


@dataclass
class FirstReport:
    """What the first window shows; report None means a blank report."""

    report: Report | None = None
    path: str | None = None
    found: list[Finding] = field(default_factory=list)
    source: str = ""
    problem: str = ""


def first_report(file: str | None, example: bool, dialogs: Dialogs) -> FirstReport:
    """FILE, else the example, else the most recent draft that still exists, else nothing; a slow file is read
    with 「正在读取…」 and 取消 (which starts with a blank report)."""
    if file is None and example:
        from model.example import load_example

        return FirstReport(load_example(), source="示例报告")
    from functools import partial

    from exporters.reading import ReadError
    from gui.background import ReadCancelledError, reading_text, run
    from gui.files import app_settings, read_report, recent_files

    candidates = [file] if file else [p for p in recent_files(app_settings()) if Path(p).is_file()][:1]
    for candidate in candidates:
        gc.enable()  # reading a file takes longer than collections: as usual (see run)
        try:
            return FirstReport(
                *run(partial(read_report, candidate), None, reading_text(Path(candidate).name), dialogs)
            )
        except ReadError as exc:
            return FirstReport(problem=str(exc) if file else "")
        except ReadCancelledError:
            return FirstReport()
    return FirstReport()


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
