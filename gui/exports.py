"""导出 Word / Excel / 全部导出: a folder, file names from agency and year, a warning about remaining errors."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from exporters.kinds import ExportOptions, exportable, kind
from model.report import Report

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from gui.main_window import MainWindow


def kinds() -> list[str]:
    """What 导出 offers, from the registry of document kinds (exporters/kinds.py), in menu order."""
    return [k.key for k in exportable()]


def file_name(report: Report, key: str) -> str:
    """{机关}{年份}年政府信息公开工作年度报告.docx, with characters Windows forbids replaced."""
    name = report.title if report.agency else f"未命名{report.year}年政府信息公开工作年度报告"
    for bad in '\\/:*?"<>|':
        name = name.replace(bad, "_")
    return name + kind(key).suffix


WINDOWS_FONTS = (
    "export/windows_fonts"  # the setting: Word files use only the fonts of a stock Chinese Windows
)


def export(
    report: Report, keys: list[str], folder: Path, windows_fonts: bool = False
) -> tuple[list[Path], list[str]]:
    """Write each kind into the folder (Word with only Windows' own fonts if asked); (written paths, problems)."""
    written: list[Path] = []
    problems: list[str] = []
    options = ExportOptions(windows_fonts=windows_fonts)
    for key in keys:
        entry = kind(key)
        target = folder / file_name(report, key)
        try:
            entry.write(report, target, options)
        except OSError as exc:
            problems.append(
                f"无法写入“{target.name}”：{exc.strerror or exc}（文件是否正在 Word/WPS 中打开？）"
            )
            continue
        except Exception as exc:  # noqa: BLE001 - a fault in one exporter must not lose the report or the others
            problems.append(
                f"导出 {entry.short} 时出错（{type(exc).__name__}: {exc}），请把报告草稿发给技术支持"
            )
            target.unlink(missing_ok=True)
            continue
        written.append(target)
    return written, problems


def run_export(window: MainWindow, kinds: list[str]) -> list[Path]:
    """The menu action: warn about errors, choose a folder, export, say what was written."""
    document = window.document
    errors = [f.message for f in window.all_findings() if f.severity == "error"]
    if errors and not window.dialogs.confirm_export(window, errors):
        return []
    start = str(Path(document.path).parent) if document.path else window.files.folder()
    folder = window.dialogs.choose_folder(window, "导出到文件夹", start)
    if not folder:
        return []
    written, problems = export(document.report, kinds, Path(folder), windows_fonts(window.files.settings))
    if problems:
        window.dialogs.error(window, "导出未完成", "\n".join(problems))
    if written:
        window.statusBar().showMessage("已导出 " + "、".join(p.name for p in written), 8000)
    return written


def windows_fonts(settings: QSettings) -> bool:
    """The 「导出Word时只用Windows自带字体」 setting (an .ini file gives it back as text)."""
    return str(settings.value(WINDOWS_FONTS, False)).lower() in ("true", "1")
