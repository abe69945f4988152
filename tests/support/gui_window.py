"""Helpers for the window tests: a dialog seam that answers from a script, and a window built on it."""

from __future__ import annotations

from pathlib import Path

from gui.dialogs import NewReport


class FakeDialogs:
    """Answers every question from queues set by the test and records what was asked; never shows anything."""

    def __init__(self) -> None:
        self.open_paths: list[str | None] = []
        self.save_paths: list[str | None] = []
        self.folders: list[str | None] = []
        self.save_changes = "cancel"
        self.export_anyway = True
        self.import_anyway = True
        self.restore = True
        self.edit_locked = False  # a draft open elsewhere: False opens it read-only, True 仍然编辑
        self.replace_totals = True  # 用各项之和替换填报的总计？
        self.new: NewReport | None = None
        self.overwrite: list[str] = []  # answers to ask_overwrite: "overwrite", "rename" or "cancel"
        self.after_export: str | None = None  # the answer to exported: "open", "folder" or None (关闭)
        self.blanks: list[int] = []  # the blank cells each confirm_export was told of
        self.confirm_overwrite: list[bool] = []  # save_file's flag, call by call
        self.asked: list[tuple[str, object]] = []
        self.print_to: Path | None = None  # 打印 goes to this PDF file; None cancels the print dialog
        self.rollups: list[object] = []  # answers to rollup_options (gui.review.rollup_dialog.RollUpChoice)
        self.progress: list = []  # the 正在读取 dialogs made for slow reads (real ones: they never block)

    def _next(self, queue: list, what: str):  # type: ignore[no-untyped-def]
        assert queue, f"the test did not script an answer for {what}"
        return queue.pop(0)

    def open_file(self, parent, title, folder, filters):  # type: ignore[no-untyped-def]
        self.asked.append(("open_file", filters))
        return self._next(self.open_paths, "open_file")

    def save_file(self, parent, title, suggested, filters, confirm_overwrite=True):  # type: ignore[no-untyped-def]
        self.asked.append(("save_file", suggested))
        self.confirm_overwrite.append(confirm_overwrite)
        return self._next(self.save_paths, "save_file")

    def choose_folder(self, parent, title, folder):  # type: ignore[no-untyped-def]
        self.asked.append(("choose_folder", folder))
        return self._next(self.folders, "choose_folder")

    def info(self, parent, title, text):  # type: ignore[no-untyped-def]
        self.asked.append(("info", text))

    def error(self, parent, title, text):  # type: ignore[no-untyped-def]
        self.asked.append(("error", text))

    def ask_save_changes(self, parent, name):  # type: ignore[no-untyped-def]
        self.asked.append(("ask_save_changes", name))
        return self.save_changes

    def confirm_export(self, parent, problems, blanks=0):  # type: ignore[no-untyped-def]
        self.asked.append(("confirm_export", list(problems)))
        self.blanks.append(blanks)
        return self.export_anyway

    def ask_overwrite(self, parent, names):  # type: ignore[no-untyped-def]
        self.asked.append(("ask_overwrite", list(names)))
        return self._next(self.overwrite, "ask_overwrite")

    def exported(self, parent, paths):  # type: ignore[no-untyped-def]
        self.asked.append(("exported", [Path(p).name for p in paths]))
        return self.after_export

    def confirm_import(self, parent, reasons, changes):  # type: ignore[no-untyped-def]
        self.asked.append(("confirm_import", (list(reasons), list(changes))))
        return self.import_anyway

    def reading(self, parent, text):  # type: ignore[no-untyped-def]
        from gui.background import progress_dialog

        dialog = progress_dialog(parent, text)
        self.progress.append(dialog)
        return dialog

    def replace_printed_totals(self, parent, count):  # type: ignore[no-untyped-def]
        self.asked.append(("replace_printed_totals", count))
        return self.replace_totals

    def rollup_options(self, parent, with_errors, selected):  # type: ignore[no-untyped-def]
        self.asked.append(("rollup_options", (with_errors, selected)))
        return self._next(self.rollups, "rollup_options")

    def offer_restore(self, parent, description):  # type: ignore[no-untyped-def]
        self.asked.append(("offer_restore", description))
        return self.restore

    def open_locked(self, parent, text):  # type: ignore[no-untyped-def]
        self.asked.append(("open_locked", text))
        return self.edit_locked

    def damaged_recovery(self, parent, text):  # type: ignore[no-untyped-def]
        self.asked.append(("damaged_recovery", text))

    def choose_printer(self, parent, printer):  # type: ignore[no-untyped-def]
        """Prints to ``print_to`` (a PDF file) when the test set it, else cancels."""
        self.asked.append(("choose_printer", self.print_to))
        if self.print_to is None:
            return False
        printer.setOutputFormat(printer.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.print_to))
        return True

    def new_report(self, parent, year):  # type: ignore[no-untyped-def]
        self.asked.append(("new_report", year))
        return self.new

    def about(self, parent, text):  # type: ignore[no-untyped-def]
        self.asked.append(("about", text))

    def kinds(self) -> list[str]:
        return [kind for kind, _ in self.asked]


def isolate(tmp_path: Path, monkeypatch) -> Path:  # type: ignore[no-untyped-def]
    """Point settings and recovery files at the test's folder; returns the recovery folder."""
    recovery = tmp_path / "recovery"
    monkeypatch.setenv("NIANBAO_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.setenv("NIANBAO_RECOVERY_DIR", str(recovery))
    return recovery


def make_window(qtbot, report=None, path=None, dialogs=None):  # type: ignore[no-untyped-def]
    """A shown main window on the fake seam; closed without questions at the end of the test."""
    from gui.main_window import MainWindow

    window = MainWindow(report, path, dialogs or FakeDialogs())
    qtbot.addWidget(window, before_close_func=_quiet_close)
    window.show()
    return window


def _quiet_close(window) -> None:  # type: ignore[no-untyped-def]
    window.document.undo_stack.setClean()
    window.autosave.close()


def drop_event(path: Path):  # type: ignore[no-untyped-def]
    """A file dropped on a window (at its top left corner), as Explorer's drag and drop delivers it."""
    from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    event.mime = mime  # the event does not own its data: keep it alive as long as the event
    return event


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type any text, Chinese included, as key events (QTest.keyClicks knows only ASCII)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )
