"""The undo steps of gui/document.py: a cell's whole state (CellState), a step that sets several cells
(CellsCommand: an edit, a paste, a clear) and one that swaps whole report states (ReportCommand)."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Final, NamedTuple, TypeVar

from PySide6.QtGui import QUndoCommand

from model.report import Report
from model.values import Value

if TYPE_CHECKING:
    from gui.document import ReportDocument


class Missing(Enum):
    """A cell with no printed total (None is a total printed blank)."""

    MISSING = "missing"


MISSING: Final = Missing.MISSING
_T = TypeVar("_T")


class CellState(NamedTuple):
    """Everything the report stores about one cell, so an edit can be undone exactly."""

    value: Value | None = None
    unit: str | None = None
    invalid: str | None = None
    stated: Value | None | Missing = MISSING  # MISSING: no printed total; None: printed blank

    @classmethod
    def of(cls, report: Report, cell_id: str) -> CellState:
        return cls(
            report.values.get(cell_id),
            report.units.get(cell_id),
            report.invalid.get(cell_id),
            report.stated.get(cell_id, MISSING),
        )

    def apply(self, report: Report, cell_id: str) -> None:
        _put(report.values, cell_id, self.value)
        _put(report.units, cell_id, self.unit)
        _put(report.invalid, cell_id, self.invalid)
        if self.stated is MISSING:
            report.stated.pop(cell_id, None)
        else:
            report.stated[cell_id] = self.stated
        report.changed()


def _put(store: dict[str, _T], key: str, item: _T | None) -> None:
    if item is None:
        store.pop(key, None)
    else:
        store[key] = item


class CellsCommand(QUndoCommand):
    """One undo step that sets several cells at once (an edit, a paste, a clear)."""

    def __init__(
        self,
        doc: ReportDocument,
        before: dict[str, CellState],
        after: dict[str, CellState],
        description: str,
        follows: CellsCommand | None = None,
    ) -> None:
        super().__init__(description)
        self._doc, self._before, self._after, self._follows = doc, before, after, follows
        self._pushed = False

    def id(self) -> int:
        return 2

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        # a step that follows this very edit (用各项之和替换总计, answered after it) becomes part of it
        if not isinstance(other, CellsCommand) or other._follows is not self:
            return False
        for cell_id, state in other._after.items():
            self._before.setdefault(cell_id, other._before[cell_id])
            self._after[cell_id] = state
        return True

    def redo(self) -> None:
        again = self._pushed  # a redo, not the edit itself: its refusals are history
        if again:
            self._doc._set_refused({})
        self._pushed = True
        self._doc._apply_cells(self._after)
        if again:
            self._doc.cellsRestored.emit(list(self._after))

    def undo(self) -> None:
        self._doc._set_refused({})
        self._doc._apply_cells(self._before)
        self._doc.cellsRestored.emit(list(self._before))


class ReportCommand(QUndoCommand):
    """One undo step that swaps whole report states (metadata, prose, a change of format)."""

    def __init__(
        self,
        doc: ReportDocument,
        before: Report,
        after: Report,
        description: str,
        merge_key: str | None = None,
    ) -> None:
        super().__init__(description)
        self._doc, self._before, self._after, self._key = doc, before, after, merge_key
        self._pushed = False

    def id(self) -> int:
        return 1 if self._key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        # successive keystrokes in the same prose section or field become one undo step
        if not isinstance(other, ReportCommand) or other._key != self._key or self._key is None:
            return False
        self._after = other._after
        return True

    def redo(self) -> None:
        ids = self._doc._restore(self._after)
        if self._pushed and ids:
            self._doc.cellsRestored.emit(ids)
        self._pushed = True

    def undo(self) -> None:
        ids = self._doc._restore(self._before)
        if ids:
            self._doc.cellsRestored.emit(ids)
