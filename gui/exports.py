"""导出 Word / Excel / 全部导出: warn about errors and blanks, choose the file (or folder), never replace a file
without asking (覆盖 / 另存为新名称 / 取消), write atomically, then offer to open the file or its folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from exporters.kinds import DocumentKind, exportable, kind
from gui.export_files import export, file_name, renamed, write_all
from model.printed import export_note

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from gui.main_window import MainWindow

__all__ = ["closing", "export", "export_title", "file_name", "kinds", "run_export", "windows_fonts"]

WINDOWS_FONTS = (
    "export/windows_fonts"  # the setting: Word files use only the fonts of a stock Chinese Windows
)
LAST_FOLDER = "export/folder"  # the setting: where the last export went
CLOSING = "export/closing"  # the setting: 落款 and signature block on Word, PDF and print (model/document.py)


def export_title(entry: DocumentKind) -> str:
    """「导出 Word」, 「导出 PDF」, 「导出网页版」: the menu entry and the save dialog's title."""
    name = entry.export_name
    return f"导出 {name}" if name.isascii() else f"导出{name}"


def kinds() -> list[str]:
    """What 导出 offers, from the registry of document kinds (exporters/kinds.py), in menu order."""
    return [k.key for k in exportable()]


def run_export(window: MainWindow, keys: list[str]) -> list[Path]:
    """The menu action: warn, choose where, ask before replacing, export, say what was written."""
    if not _confirm(window):
        return []
    targets = _choose(window, keys)
    if targets:
        _remember(window, targets[0][1].parent)
        targets = _resolve_existing(window, targets)
    if not targets:
        return []
    report = window.document.report
    settings = window.files.settings
    written, problems = write_all(report, targets, windows_fonts(settings), closing(settings))
    if problems:
        window.dialogs.error(window, "导出未完成", "\n".join(problems))
    if written:
        window.statusBar().showMessage("已导出 " + "、".join(p.name for p in written), 8000)
        _offer_to_open(window, written)
    return written


def blank_cells(window: MainWindow) -> int:
    """Cells left blank, from the findings of the format's 「blank」 rules (blank is not 0)."""
    codes = {spec.code for spec in window.document.report.fmt.rules if spec.kind == "blank"}
    return len({cell for f in window.all_findings() if f.code in codes for cell in f.cells})


def _confirm(window: MainWindow) -> bool:
    errors = [f.message for f in window.all_findings() if f.severity == "error"]
    printed_note = export_note(window.document.report)  # never a printed total that contradicts, unsaid
    if printed_note:
        errors.insert(0, printed_note)
    blanks = blank_cells(window)
    return not (errors or blanks) or window.dialogs.confirm_export(window, errors, blanks)


def _start_folder(window: MainWindow) -> str:
    last = str(window.files.settings.value(LAST_FOLDER, "") or "")
    if last and Path(last).is_dir():
        return last
    path = window.document.path
    return str(Path(path).parent) if path else window.files.folder()


def _choose(window: MainWindow, keys: list[str]) -> list[tuple[str, Path]]:
    """One kind: a save dialog with the proposed name; 全部导出: a folder, each file under its proposed name."""
    report, start = window.document.report, Path(_start_folder(window))
    if len(keys) != 1:
        folder = window.dialogs.choose_folder(window, "导出到文件夹", str(start))
        return [(key, Path(folder) / file_name(report, key, Path(folder))) for key in keys] if folder else []
    entry = kind(keys[0])
    chosen = window.dialogs.save_file(
        window,
        export_title(entry),
        str(start / file_name(report, entry.key, start)),
        f"{entry.name} (*{entry.suffix})",
        confirm_overwrite=False,  # asked below, once, with 另存为新名称
    )
    if not chosen:
        return []
    target = Path(chosen)
    if target.suffix.lower() != entry.suffix:
        target = target.with_name(target.name + entry.suffix)
    return [(entry.key, target)]


def _resolve_existing(window: MainWindow, targets: list[tuple[str, Path]]) -> list[tuple[str, Path]]:
    """Targets that exist: one question listing them all; overwrite, save beside them as 「…（2）」, or nothing."""
    existing = [path.name for _, path in targets if path.exists()]
    if not existing:
        return targets
    answer = window.dialogs.ask_overwrite(window, existing)
    if answer == "overwrite":
        return targets
    return renamed(targets) if answer == "rename" else []


def _offer_to_open(window: MainWindow, written: list[Path]) -> None:
    from gui import reveal  # on first use: start-up needs no subprocess (benchmarks/bench_gui.py)

    answer = window.dialogs.exported(window, written)
    if answer == "open":
        for path in written:
            reveal.open_file(path)
    elif answer == "folder":
        reveal.show_in_folder(written[0])


def _remember(window: MainWindow, folder: Path) -> None:
    if window.files.persist:
        window.files.settings.setValue(LAST_FOLDER, str(folder))


def closing(settings: QSettings) -> str:
    """The 落款 setting (gui/printing/actions.py): "none", "sign_off" or "filed" (备案稿)."""
    from model.closings import CLOSINGS

    value = str(settings.value(CLOSING, "none"))
    return value if value in CLOSINGS else "none"


def windows_fonts(settings: QSettings) -> bool:
    """The 「导出Word时只用Windows自带字体」 setting (an .ini file gives it back as text)."""
    return str(settings.value(WINDOWS_FONTS, False)).lower() in ("true", "1")
