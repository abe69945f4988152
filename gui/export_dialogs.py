"""The boxes around an export: 导出前请核对 (errors, blank cells), 文件已存在 (覆盖 / 另存为新名称), 导出完成.

Each ``*_box`` builds the box without showing it (tests and screenshots grab it); ``Dialogs`` runs it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

SHOWN_ERRORS = 12  # errors listed by name; the rest are counted
MIN_TEXT_EM = 30  # 「杭州市城市管理局2020年政府信息公开工作年度报告.docx」 fits on one line


def confirm_export_box(
    parent: QWidget | None, errors: list[str], blanks: int
) -> tuple[QMessageBox, QPushButton]:
    """Warn about the errors and blank cells left; the box and its 「仍然导出」 button."""
    parts = []
    if errors:
        shown = "\n".join(f"· {p}" for p in errors[:SHOWN_ERRORS])
        more = f"\n……等共{len(errors)}个错误" if len(errors) > SHOWN_ERRORS else ""
        parts.append(f"报告还有{len(errors)}个错误，导出的文件会包含这些错误：\n\n{shown}{more}")
    if blanks:
        parts.append(f"还有{blanks}个空白单元格（空白不等于0），导出的表格中会是空白。没有的请填0。")
    box = _box(QMessageBox.Icon.Warning, "导出前请核对", "\n\n".join([*parts, "仍要导出吗？"]), parent)
    go = box.addButton("仍然导出(&E)", QMessageBox.ButtonRole.AcceptRole)
    back = box.addButton("返回修改(&B)", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    return box, go


def _box(icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None) -> QMessageBox:
    """A message box wide enough for a report's long file name on one line."""
    box = QMessageBox(icon, title, text, parent=parent)
    box.setStyleSheet(f"QLabel#qt_msgbox_label {{ min-width: {MIN_TEXT_EM}em; }}")
    return box


def _listed(names: list[str]) -> str:
    return "\n".join(f"· {name}" for name in names)


def overwrite_box(parent: QWidget | None, names: list[str]) -> tuple[QMessageBox, dict[str, QPushButton]]:
    """The files exist already: the box and its buttons by answer ("overwrite", "rename")."""
    if len(names) == 1:
        text = f"“{names[0]}”已经存在。要覆盖它吗？"
    else:
        text = f"以下{len(names)}个文件已经存在：\n{_listed(names)}\n\n要覆盖这些文件吗？"
    box = _box(QMessageBox.Icon.Warning, "文件已存在", text, parent)
    which = "这个文件" if len(names) == 1 else "这些文件"
    box.setInformativeText(
        f"如果导出后在 Word、WPS 或 Excel 中改过{which}，覆盖会丢失这些改动。\n"
        f"“另存为新名称”保存为“…（2）”这样的新文件，原来的{which}保持不变。"
    )
    buttons = {
        "overwrite": box.addButton("覆盖(&O)", QMessageBox.ButtonRole.DestructiveRole),
        "rename": box.addButton("另存为新名称(&R)", QMessageBox.ButtonRole.AcceptRole),
    }
    cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(buttons["rename"])  # Enter never destroys a file
    box.setEscapeButton(cancel)
    return box, buttons


def exported_box(parent: QWidget | None, paths: list[Path]) -> tuple[QMessageBox, dict[str, QPushButton]]:
    """Say what was written and where; the box and its buttons by answer ("open", "folder")."""
    folders = {QDir.toNativeSeparators(str(path.parent)) for path in paths}
    where = f"保存在：{folders.pop()}" if len(folders) == 1 else ""
    files = "已导出：" if len(paths) > 1 else "已导出"
    text = f"{files}\n{_listed([p.name for p in paths])}" if len(paths) > 1 else f"{files}“{paths[0].name}”。"
    box = _box(QMessageBox.Icon.Information, "导出完成", text, parent)
    box.setInformativeText(where)
    buttons = {
        "open": box.addButton("打开文件(&O)", QMessageBox.ButtonRole.AcceptRole),
        "folder": box.addButton("打开所在文件夹(&F)", QMessageBox.ButtonRole.ActionRole),
    }
    close = box.addButton("关闭", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(buttons["open"])
    box.setEscapeButton(close)
    return box, buttons


def answer(box: QMessageBox, buttons: dict[str, QPushButton]) -> str | None:
    """Show the box; the key of the button clicked, None for the escape button (取消, 关闭)."""
    box.exec()
    clicked = box.clickedButton()
    return next((key for key, button in buttons.items() if button is clicked), None)
