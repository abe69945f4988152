"""The question after an edit of an opened Word/Excel report: use the sums for the totals kept as printed?"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

TITLE = "总计与各项之和不符"


def replace_totals_box(parent: QWidget | None, count: int) -> tuple[QMessageBox, QAbstractButton]:
    """The box (not shown yet) and its 「替换」 button."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        TITLE,
        f"这份报告读自 Word/Excel 文件，总计保留了文件中填报的数字。刚才的修改使{count}个总计与各项之和不符。"
        "\n\n用各项之和替换填报的总计？",
        parent=parent,
    )
    box.setInformativeText(
        "替换：总计随各项自动计算（可撤销）。\n保留：导出的文件仍印原来的总计，校验结果和导出前的提醒会指出这一点。"
    )
    replace = box.addButton("用各项之和替换(&R)", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("保留填报的数字(&K)", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(replace)
    return box, replace


def ask_replace_printed_totals(parent: QWidget, count: int) -> bool:
    """True when the clerk takes the sums of the parts for the totals kept as printed."""
    box, replace = replace_totals_box(parent, count)
    box.exec()
    return box.clickedButton() is replace
