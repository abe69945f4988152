"""The question before 导入上年报告 when the chosen report looks wrong or would change what the clerk typed."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from model.import_check import shortened


def question_text(reasons: list[str], changes: list[str]) -> str:
    """The box's text: why the report may be the wrong one, then the filled cells it would change."""
    parts = []
    if reasons:
        listed = "\n".join(f"· {r}" for r in reasons)
        parts.append(f"所选的报告可能不是本报告的上年报告：\n{listed}")
    if changes:
        listed = "\n".join(f"· {c}" for c in shortened(changes))
        parts.append(f"导入会改写以下已填写的内容：\n{listed}")
    parts.append("仍要导入吗？（导入后可用“撤销”恢复）")
    return "\n\n".join(parts)


def import_question(parent: QWidget | None, reasons: list[str], changes: list[str]) -> QMessageBox:
    """The box, not yet shown: 「仍然导入(&I)」 or 「取消」 (the default, also Esc)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, "导入上年报告前请核对", question_text(reasons, changes), parent=parent
    )
    box.addButton("仍然导入(&I)", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box


def confirm_import(parent: QWidget | None, reasons: list[str], changes: list[str]) -> bool:
    """Ask once; True to import anyway."""
    box = import_question(parent, reasons, changes)
    box.exec()
    return box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.AcceptRole
