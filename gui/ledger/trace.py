"""Which ledger rows a cell of table 三 counts: a line in its tooltip, and 「查看台账行…」 on a right click."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from model.report import Report
from model.values import format_value

if TYPE_CHECKING:
    from gui.table.page import TablePage

SHOWN_ROWS = 8


def _parts(report: Report, cell_id: str) -> list[str]:
    """The input cells behind a cell (itself, or a total's parts all the way down)."""
    totals = report.fmt.totals
    if cell_id not in totals:
        return [cell_id]
    out: list[str] = []
    for part in totals[cell_id].parts:
        out.extend(_parts(report, part))
    return out


def ledger_rows(report: Report, cell_id: str) -> list[int] | None:
    """The ledger rows a cell counts; None when its table was not counted from a ledger."""
    source = report.ledger
    if source is None or cell_id not in report.fmt.cells:
        return None
    parts = _parts(report, cell_id)
    if not any(p in source.cells or _counted_table(report, p) for p in parts):
        return None
    return source.rows_for(parts)


def _counted_table(report: Report, cell_id: str) -> bool:
    source = report.ledger
    cells = report.fmt.cells
    table = cells[cell_id].table
    return source is not None and any(c in cells and cells[c].table == table for c in source.cells)


def tooltip_lines(report: Report, cell_id: str) -> list[str]:
    """「依申请台账“x.xlsx”：计入12行（第3、5、9…行）」, and the change when the value was edited since."""
    rows = ledger_rows(report, cell_id)
    if rows is None or report.ledger is None:
        return []
    shown = "、".join(str(r) for r in rows[:SHOWN_ROWS]) + ("…" if len(rows) > SHOWN_ROWS else "")
    lines = [f"依申请台账“{report.ledger.file}”：计入{len(rows)}行" + (f"（第{shown}行）" if rows else "")]
    value = report.value(cell_id)
    if value != len(rows):
        lines.append(f"台账计得{len(rows)}件，现为{'空白' if value is None else format_value(value)}")
    if rows:
        lines.append("右键“查看台账行…”列出这些行")
    return lines


def install(page: TablePage) -> None:
    """Add 「查看台账行…」 to the grid's context menu."""
    view = page.view
    action = QAction("查看台账行…", view)
    action.setObjectName("ledger_rows")
    action.triggered.connect(lambda _checked=False: show_rows(page))
    view.addAction(action)
    if view.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu:
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)


def show_rows(page: TablePage) -> bool:
    """List the rows behind the current cell (through the window's dialog seam); False when there are none."""
    report = page.document.report
    index = page.view.currentIndex()
    cell = page.model.cell_at(index.row(), index.column()) if index.isValid() else None
    window = page.window()
    rows = ledger_rows(report, cell.cell_id) if cell is not None and cell.cell_id else None
    if not rows or report.ledger is None or cell is None or cell.cell_id is None:
        status = getattr(window, "statusBar", None)
        if status is not None:
            status().showMessage("所选单元格不是按依申请台账统计的，或没有计入任何台账行", 8000)
        return False
    names = report.ledger.names
    title = f"{report.fmt.cells[cell.cell_id].name}：依申请台账“{report.ledger.file}”中的{len(rows)}行"
    window.dialogs.ledger_rows(window, title, [(r, names.get(r, "")) for r in rows])  # type: ignore[attr-defined]
    return True
