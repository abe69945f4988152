"""The Qt adapter over one Qt-free Report: undoable edits, live findings and cell marks, change signals."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from gui.undo_commands import MISSING, CellsCommand, CellState, ReportCommand
from model import limits, printed
from model.engine import Finding, cell_marks, evaluate
from model.formats import format_for_year
from model.packs import fits
from model.report import Contact, Report
from model.values import InputError, parse_value

META_FIELDS = (
    "agency",
    "level",
    "year",
    "format_id",
    "pack",
    "sign_off_date",
    *(f"contact.{f}" for f in Contact.FIELDS),
)


class ReportDocument(QObject):
    """The one Qt state over a Report: every change goes through here and is one undo step."""

    cellsChanged = Signal(list)  # noqa: N815 - cell ids whose shown value changed (totals included)
    findingsChanged = Signal()  # noqa: N815 - after re-evaluation; see findings and marks
    changed = Signal()  # any change of values, prose or metadata
    reportReplaced = Signal()  # noqa: N815 - a new Report object (open, new); views reset
    formatChanged = Signal()  # noqa: N815 - same Report, other format (year changed); table views reset
    proseChanged = Signal(str)  # noqa: N815 - prose key changed (by an edit, undo or redo)
    metaChanged = Signal()  # noqa: N815 - agency, level, year, format or contact changed
    cellsRestored = Signal(list)  # noqa: N815 - cells an undo or redo set back (the grid selects them)
    printedTotalsTouched = Signal(int)  # noqa: N815 - an edit made n totals kept as printed contradict their parts

    def __init__(
        self,
        report: Report,
        path: str | None = None,
        parent: QObject | None = None,
        document_findings: list[Finding] | tuple[Finding, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.report = report
        self.path = path
        self.undo_stack = QUndoStack(self)
        # findings about the file the report was read from (FMT-LABEL, FMT-MIXED, DOC-TITLE, DOC-TABLE):
        # listed, counted and marked with the rules' findings until another report is shown
        self.document_findings: list[Finding] = list(document_findings)
        self.findings: list[Finding] = []
        self.marks: dict[str, tuple[str, str]] = {}
        self.refused: dict[str, str] = {}  # cell id -> the Chinese message of the last refused input
        self.mark_codes: dict[str, set[str]] = {}  # cell id -> codes of the findings that name it
        self._last_edit: CellsCommand | None = None
        self._evaluate()

    # ---- reading -----------------------------------------------------------------------------
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def mark_saved(self, path: str | None = None) -> None:
        if path is not None:
            self.path = path
        self.undo_stack.setClean()
        self.changed.emit()

    def is_input(self, cell_id: str) -> bool:
        fmt = self.report.fmt
        return cell_id in fmt.cells and cell_id not in fmt.totals

    # ---- cell edits --------------------------------------------------------------------------
    def set_cells(self, changes: dict[str, str], description: str = "编辑") -> tuple[list[str], list[str]]:
        """Parse and store typed or pasted texts as one undo step; returns (refusal messages, skipped ids)."""
        fmt = self.report.fmt
        messages: list[str] = []
        skipped: list[str] = []
        after: dict[str, CellState] = {}
        refused_now: dict[str, str] = {}
        for cell_id, text in changes.items():
            spec = fmt.cells.get(cell_id)
            if spec is None or cell_id in fmt.totals:
                skipped.append(cell_id)
                continue
            try:
                value, unit = parse_value(text, spec.kind, spec.name)
            except InputError as exc:
                messages.append(str(exc))
                refused_now[cell_id] = str(exc)
                continue
            old = CellState.of(self.report, cell_id)
            if value is None:
                unit = None
            elif unit is None and spec.kind == "money":
                unit = old.unit  # a bare number keeps the unit the cell already shows
            new = CellState(value, unit, None, old.stated)
            if new != old:
                after[cell_id] = new
        self._set_refused(refused_now)
        self._push_cells(after, description)
        return messages, skipped

    def clear_cells(self, ids: list[str], description: str = "清除") -> None:
        """Empty the input cells (one undo step); a computed cell forgets a total printed in a read-back file."""
        fmt = self.report.fmt
        after: dict[str, CellState] = {}
        for cell_id in ids:
            if cell_id not in fmt.cells:
                continue
            old = CellState.of(self.report, cell_id)
            new = CellState(stated=MISSING) if cell_id in fmt.totals else CellState(stated=old.stated)
            if new != old:
                after[cell_id] = new
        self._set_refused({})
        self._push_cells(after, description)

    def _push_cells(
        self, after: dict[str, CellState], description: str, follows: CellsCommand | None = None
    ) -> None:
        if not after:
            return
        before = {cell_id: CellState.of(self.report, cell_id) for cell_id in after}
        command = CellsCommand(self, before, after, description, follows)
        self.undo_stack.push(command)
        contradicting = set(printed.contradicting(self.report))
        if follows is None and contradicting & set(printed.touched(self.report, after)):
            self._last_edit = command  # the step a 「用各项之和替换」 answered now becomes part of
            self.printedTotalsTouched.emit(len(contradicting))

    def use_computed_totals(self, follow: bool = False) -> int:
        """Totals kept as printed in a read-back file are computed from now on: one undo step, or (``follow``)
        part of the edit that made them contradict their parts; how many totals changed."""
        after = {c: CellState() for c in printed.printed(self.report)}
        self._push_cells(after, "用各项之和替换总计", self._last_edit if follow else None)
        return len(after)

    def forget_refused(self) -> None:
        """The clerk moved on (a value committed unchanged): earlier refusals and their red frames go."""
        self._set_refused({})

    def _set_refused(self, refused: dict[str, str]) -> None:
        """Refusals last until the next change: the red frame of a refused input goes with the next edit, paste,
        clear, undo or redo (the cell still holds its last valid value)."""
        touched = list(dict.fromkeys([*self.refused, *refused]))
        self.refused = dict(refused)
        if touched:
            self.cellsChanged.emit(touched)

    def _apply_cells(self, states: dict[str, CellState]) -> None:
        old_totals = dict(self.report.totals())
        for cell_id, state in states.items():
            state.apply(self.report, cell_id)
        new_totals = self.report.totals()
        ids = list(states) + [c for c, v in new_totals.items() if old_totals.get(c) != v]
        self.cellsChanged.emit(ids)
        self._evaluate()
        self.changed.emit()

    # ---- prose and metadata ------------------------------------------------------------------
    def set_prose(self, key: str, text: str, description: str = "编辑正文", merge: bool = True) -> None:
        """Store a prose section's text; successive edits of one section merge into one undo step (``merge``
        False: this edit is a step of its own, such as an insertion of last year's text). A text over the limit
        is refused: InputError with the sentence for the clerk, nothing changed."""
        refusal = limits.prose_refusal(text)
        if refusal:
            raise InputError(refusal)
        text = limits.clean(text, limits.MAX_PROSE)
        if self.report.prose.get(key, "") == text:
            return
        after = self.report.copy()
        after.prose[key] = text
        merge_key = f"prose.{key}" if merge else None
        self.undo_stack.push(ReportCommand(self, self.report.copy(), after, description, merge_key))

    def set_meta(
        self, field: str, value: str | int, description: str = "修改基本信息", keep_format: bool = False
    ) -> None:
        """Change agency, level, year, format_id, pack, sign_off_date ("2025-01-20", "" for 导出当天) or
        contact.<field>; a new year brings its format unless ``keep_format`` (基本信息 then offers the change,
        saying what it would drop)."""
        if field not in META_FIELDS:
            raise KeyError(field)
        after = self.report.copy()
        if field.startswith("contact."):
            setattr(after.contact, field.split(".", 1)[1], limits.clean(str(value), limits.MAX_CONTACT_FIELD))
        elif field == "year":
            if not limits.MIN_YEAR <= int(value) <= limits.MAX_YEAR:
                raise InputError(f"报告年度应在{limits.MIN_YEAR}—{limits.MAX_YEAR}年之间")
            after.year = int(value)
            if not keep_format and not after.fmt.fits_year(after.year):  # a variant that fits stays
                after = _in_format(after, format_for_year(after.year).id)
        elif field == "format_id":
            after = _in_format(after, str(value))
        elif field == "pack":  # 执行口径: "" for the national rules, else a pack that fits (model/packs.py)
            after.pack = str(value)
        elif field == "sign_off_date":  # 落款日期: "2025-01-20", or "" for the day of export
            after.sign_off_date = datetime.date.fromisoformat(str(value)) if value else None
        else:  # agency, level: cut at the limit as the fields do
            limit = limits.MAX_AGENCY if field == "agency" else limits.MAX_LEVEL
            setattr(after, field, limits.clean(str(value), limit))
        if _state(after) == _state(self.report):
            return
        key = field if field in ("agency",) or field.startswith("contact.") else None
        self.undo_stack.push(
            ReportCommand(self, self.report.copy(), after, description, f"meta.{key}" if key else None)
        )

    def _restore(self, state: Report) -> list[str]:
        """Make ``state`` the report's; the input cells whose value this changed (none after a new format)."""
        report = self.report
        ids: list[str] = []
        old_format, old_prose, old_meta = report.format_id, dict(report.prose), _meta(report)
        old_previous = (id(report.previous), report.previous_source)
        old_cells = {c: report.value(c) for c in report.fmt.cells}
        names = (
            "format_id",
            "year",
            "agency",
            "level",
            "previous",
            "previous_source",
            "ledger",
            "pack",
            "sign_off_date",
        )
        for name in names:
            setattr(report, name, getattr(state, name))
        report.contact = Contact(**{f: getattr(state.contact, f) for f in Contact.FIELDS})
        for name in ("prose", "values", "units", "stated", "invalid"):
            setattr(report, name, dict(getattr(state, name)))
        report.changed()
        if report.format_id != old_format:
            self.refused.clear()
            self.formatChanged.emit()
        else:
            self._set_refused({})
            ids = [c for c in report.fmt.cells if report.value(c) != old_cells.get(c)]
            if ids:
                self.cellsChanged.emit(ids)
        for key in sorted(set(old_prose) | set(report.prose)):
            if old_prose.get(key, "") != report.prose.get(key, ""):
                self.proseChanged.emit(key)
        if _meta(report) != old_meta or (id(report.previous), report.previous_source) != old_previous:
            self.metaChanged.emit()  # 基本信息 also shows which previous report was imported
        self._evaluate()
        self.changed.emit()
        return [c for c in ids if c not in report.fmt.totals]

    # ---- whole reports -----------------------------------------------------------------------
    def apply_report(self, after: Report, description: str) -> None:
        """Make ``after`` this report's state as one undo step (an import); the Report object stays the same."""
        self.undo_stack.push(ReportCommand(self, self.report.copy(), after.copy(), description))

    def replace_report(
        self,
        report: Report,
        path: str | None = None,
        document_findings: list[Finding] | tuple[Finding, ...] = (),
    ) -> None:
        """Show another report (new, opened, restored) with the findings about its file: a fresh undo history,
        clean."""
        self.report, self.path = report, path
        self.document_findings = list(document_findings)
        self.refused.clear()
        self._last_edit = None
        self.undo_stack.clear()
        self._evaluate(emit=False)
        self.reportReplaced.emit()
        self.findingsChanged.emit()
        self.changed.emit()

    def _evaluate(self, emit: bool = True) -> None:
        self.findings = printed.explain(self.report, self.document_findings + evaluate(self.report))
        self.marks = cell_marks(self.findings)
        self.mark_codes = {}
        for finding in self.findings:
            for cell_id in finding.cells:
                self.mark_codes.setdefault(cell_id, set()).add(finding.code)
        if emit:
            self.findingsChanged.emit()


def _meta(report: Report) -> tuple[object, ...]:
    return (
        report.format_id,
        report.pack,
        report.sign_off_date,
        report.year,
        report.agency,
        report.level,
        tuple(getattr(report.contact, f) for f in Contact.FIELDS),
    )


def _state(report: Report) -> tuple[object, ...]:
    return (_meta(report), report.prose, report.values, report.units, report.stated, report.invalid)


def _in_format(report: Report, format_id: str) -> Report:
    """The report moved to another format, keeping the cells whose ids exist there."""
    if format_id == report.format_id:
        return report
    report.format_id = format_id
    if report.pack and not fits(report.pack, format_id):
        report.pack = ""  # a pack written for the other format does not follow the report there
    cells = report.fmt.cells
    for store in (report.values, report.units, report.stated, report.invalid):
        for cell_id in [c for c in store if c not in cells]:
            del store[cell_id]
    report.changed()
    return report
