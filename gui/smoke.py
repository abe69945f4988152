"""``nianbao --smoke DIR [FILE]``: open the window without a screen, save every page as PNG, run the exports."""

from __future__ import annotations

import contextlib
import json
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

from gui import exports
from gui.dialogs import Dialogs, NewReport
from gui.glyphs import boxes_in

GLYPHS = "glyphs.json"  # per page: how many characters it shows, and those drawn as boxes (installer/check_outputs.py)

if TYPE_CHECKING:
    from gui.main_window import MainWindow


class QuietDialogs(Dialogs):
    """Answers every question without showing anything: for smoke runs, benchmarks and tests."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def open_file(self, parent: QWidget, title: str, folder: str, filters: str) -> str | None:
        return None

    def save_file(
        self, parent: QWidget, title: str, suggested: str, filters: str, confirm_overwrite: bool = True
    ) -> str | None:
        return None

    def choose_folder(self, parent: QWidget, title: str, folder: str) -> str | None:
        return None

    def info(self, parent: QWidget, title: str, text: str) -> None:
        self.messages.append(text)

    def error(self, parent: QWidget, title: str, text: str) -> None:
        self.messages.append(text)
        print(text, file=sys.stderr)

    def ask_save_changes(self, parent: QWidget, name: str) -> str:
        return "discard"

    def confirm_export(self, parent: QWidget, problems: list[str], blanks: int = 0) -> bool:
        return True

    def ask_overwrite(self, parent: QWidget, names: list[str]) -> str:
        return "cancel"

    def exported(self, parent: QWidget, paths: list[Path]) -> str | None:
        return None

    def offer_restore(self, parent: QWidget | None, description: str) -> bool:
        return False

    def open_locked(self, parent: QWidget, text: str) -> bool:
        self.messages.append(text)
        return False  # read-only: a smoke run never takes a draft from whoever has it open

    def new_report(self, parent: QWidget, year: int) -> NewReport | None:
        return None

    def about(self, parent: QWidget, text: str) -> None:
        self.messages.append(text)


def settle(rounds: int = 3) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def grab_pages(window: MainWindow, folder: Path) -> list[Path]:
    """Show each page in turn and save the whole window as NN-key.png; write which characters came out as boxes
    on each page to ``GLYPHS``."""
    written = []
    glyphs = {}
    for number, key in enumerate(window.keys, 1):
        window.show_page(key)
        settle()
        target = folder / f"{number:02d}-{key}.png"
        if not window.grab().save(str(target)):
            raise OSError(f"无法写入 {target}")
        written.append(target)
        count, boxes = boxes_in(window)
        glyphs[target.name] = {"characters": count, "boxes": boxes}
    try:
        (folder / GLYPHS).write_text(json.dumps(glyphs, ensure_ascii=False, indent=1), encoding="utf-8")
    except OSError as exc:
        raise OSError(f"无法写入 {folder / GLYPHS}") from exc
    return written


def run_smoke(folder: Path, file: str | None = None) -> int:
    """Open the example (or FILE), write a PNG per page and the exports that exist into folder; print each."""
    from gui.main_window import MainWindow

    for stream in (
        sys.stdout,
        sys.stderr,
    ):  # file names are Chinese; a console in another code page must not fail
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"无法创建“{folder}”：{exc.strerror or exc}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="nianbao-smoke-") as recovery:
        window = MainWindow(dialogs=QuietDialogs(), recovery_folder=Path(recovery))
        window.files.persist = False  # a smoke run leaves no recent files or window size behind
        opened = window.files.open_path(file, confirm=False) if file else window.files.open_example()
        if not opened:
            window.autosave.close()
            return 2
        window.resize(1600, 1000)
        window.place_findings()
        window.show()
        settle()
        try:
            written = grab_pages(window, folder)
            files, problems = exports.export(window.document.report, exports.kinds(), folder)
        except OSError as exc:
            print(str(exc), file=sys.stderr)
            return 2
        finally:
            window.autosave.close()
            window.document.undo_stack.setClean()
            window.close()
        for path in written + files:
            print(path)
        for problem in problems:
            print(problem, file=sys.stderr)
    return 1 if problems else 0
