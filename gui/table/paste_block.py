"""A paste onto the grid: a block lined up by its labels, or laid at the selection; the note at the cell."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel

from gui.table.align import Refused, align
from gui.table.paste import PastePlan, paste_note, plan_paste, plan_placed, tiled

if TYPE_CHECKING:
    from gui.table.view import GridView

Rect = tuple[int, int, int, int]


def paste_block(view: GridView, rows: list[list[str]]) -> None:
    """Paste a block of texts as one undo step: a block copied with its labels (row labels in its leading
    columns, column headers in its leading rows) goes where its labels say, wherever the selection is; a block
    whose labels do not line up is refused with one sentence; plain numbers go at the selection."""
    rect = view.selected_rect()
    if rect is None or not rows:
        return
    view.balloon.hide()  # the note of an earlier paste does not outlive the next one
    grid, document = view.grid, view.document
    aligned = align(rows, document.report.format_id, grid.table_key, rect[0])
    if isinstance(aligned, Refused):
        view.show_message(grid.index(rect[0], rect[1]), aligned.message)
        return
    if aligned is None:
        fill = [(i.row(), i.column()) for i in view.selectedIndexes()]
        rows = tiled(rows, rect[2] - rect[0] + 1, rect[3] - rect[1] + 1)
        plan = plan_paste(grid, rows, rect[0], rect[1], fill)
    else:
        plan = plan_placed(grid, aligned.placed, aligned.extra)
    messages, _ = document.set_cells(plan.changes, "粘贴")
    first = _select_pasted(view, plan, rect, aligned is not None)
    note = paste_note(document.report, plan, messages, aligned.rows if aligned else 0)
    if note:
        at = next((c for c in plan.changes if c in document.refused), first)
        view.show_message(grid.index_of(at) if at else grid.index(rect[0], rect[1]), note)


def _select_pasted(view: GridView, plan: PastePlan, rect: Rect, aligned: bool) -> str | None:
    """Select what the paste covered (for a lined-up block, the cells it went to); where its note goes."""
    grid = view.grid
    if aligned:
        ids = sorted(
            [*plan.changes, *plan.computed], key=lambda c: (grid.index_of(c).row(), grid.index_of(c).column())
        )
        view.select_cells(ids)
        if not ids:
            return None
        last = grid.index_of(ids[-1]).row()  # the note goes under the block, not over what it brought
        return next(c for c in ids if grid.index_of(c).row() == last)
    if plan.rows > 1 or plan.cols > 1:
        bottom = min(rect[0] + plan.rows, grid.rowCount()) - 1
        right = min(rect[1] + plan.cols, grid.columnCount()) - 1
        view.selectionModel().select(
            QItemSelection(grid.index(rect[0], rect[1]), grid.index(bottom, right)),
            QItemSelectionModel.SelectionFlag.ClearAndSelect,
        )
    return None
