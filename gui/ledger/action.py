"""文件 → 导入依申请台账…: pick the ledger, map it in the dialog, put the counts into table 三 as one undo step."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings

if TYPE_CHECKING:
    from gui.main_window import MainWindow
    from model.ledger.session import LedgerSession

MEMORY_KEY, FOLDER_KEY = "ledger/memory", "ledger/folder"
DESCRIPTION = "导入依申请台账"


def memory(settings: QSettings) -> dict[str, Any]:
    """What earlier imports remembered (layouts, the clerk's words); nothing when unreadable."""
    text = settings.value(MEMORY_KEY, "")
    try:
        data = json.loads(text) if isinstance(text, str) and text else {}
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def remember(settings: QSettings, session: LedgerSession) -> None:
    settings.setValue(MEMORY_KEY, json.dumps(session.remembered(), ensure_ascii=False))
    settings.sync()


def import_ledger(window: MainWindow) -> bool:
    """Ask for the ledger file, then import it."""
    from exporters.ledger.reader import FILTER

    files = window.files
    folder = str(files.settings.value(FOLDER_KEY, "") or files.folder())
    path = window.dialogs.open_file(window, DESCRIPTION, folder, FILTER)
    return import_ledger_from(window, path) if path else False


def import_ledger_from(window: MainWindow, path: str) -> bool:
    """Read, map (the dialog through the seam), then one undo step; False when nothing changed."""
    from exporters.ledger.reader import read_ledger
    from exporters.reading.errors import DocumentError
    from model.ledger.session import LedgerSession
    from model.ledger.targets import NoLedgerTableError

    dialogs, report = window.dialogs, window.document.report
    try:
        sheet = read_ledger(path)
        session = LedgerSession(sheet, report.fmt, report.year, memory(window.files.settings))
    except (DocumentError, NoLedgerTableError) as exc:
        dialogs.error(window, "无法导入台账", f"无法读取“{Path(path).name}”：{exc}")
        return False
    if window.files.persist:
        window.files.settings.setValue(FOLDER_KEY, str(Path(path).parent))
    if not dialogs.ledger_mapping(window, session) or session.ready():
        window.statusBar().showMessage("已取消导入台账，本报告没有改动", 8000)
        return False
    if window.files.persist:
        remember(window.files.settings, session)
    window.document.apply_report(session.apply(report), DESCRIPTION)
    window.show_page(session.targets.table)
    counted = session.counted()
    left = f"，{len(counted.problems)}行未计入" if counted.problems else ""
    window.statusBar().showMessage(
        f"已按台账“{sheet.file}”填写表三：计入{counted.counted}行{left}（可撤销）", 12000
    )
    return True
