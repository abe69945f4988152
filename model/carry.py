"""Start this year's report from last year's: carried-over applications, baselines, agency and contact."""

from __future__ import annotations

from model.limits import MAX_SOURCE, clean
from model.report import Contact, Report
from model.values import Value


def carry_forward(report: Report, previous: Report, source: str = "") -> list[str]:
    """Fill what last year's report determines and attach it; returns the ids of the cells that changed.

    What is carried is read from the rules of this year's format (XY-CARRY, XY-VALID, XY-PREV), so a format file that
    names other rows carries those.
    """
    planned: dict[str, Value] = {}
    for spec in report.fmt.rules:
        params = spec.params
        if spec.kind == "carry":
            table = report.fmt.table(params["table"])
            for col in table.columns:
                this_id = f"{table.key}.{params['this_row']}.{col}"
                last = previous.effective(f"{table.key}.{params['last_row']}.{col}")
                if last is not None and this_id in report.fmt.cells and not report.fmt.is_computed(this_id):
                    planned[this_id] = last
        elif spec.kind == "running_total":
            for row in params["rows"]:
                last = _get(previous, f"{params['table']}.{row}.{params['last_stock']}")
                target = f"{params['table']}.{row}.{params['stock']}"
                if last is not None and report.value(target) is None:
                    planned[target] = last
        elif spec.kind == "previous_count":
            for row in params["rows"]:
                key = f"{params['table']}.{row}"
                last = _get(previous, f"{key}.{params['last_stock']}")
                change = _get(previous, f"{key}.{params['last_change']}")
                if last is not None:
                    planned[f"{key}.{params['stock']}"] = last + (change or 0)
    changed = [cell for cell, value in planned.items() if report.value(cell) != value]
    for cell in changed:
        report.set_value(cell, planned[cell])
    _reuse_details(report, previous)
    if previous.previous is not None or previous.previous_source:  # a draft keeps one year back, no more
        previous = previous.copy()
        previous.previous, previous.previous_source = None, ""
    report.previous = previous
    report.previous_source = clean(source, MAX_SOURCE)
    return changed


def _get(report: Report, cell_id: str) -> Value | None:
    return report.effective(cell_id) if cell_id in report.fmt.cells else None


def _reuse_details(report: Report, previous: Report) -> None:
    if not report.agency:
        report.agency, report.level = previous.agency, previous.level
    for name in Contact.FIELDS:
        if not getattr(report.contact, name):
            setattr(report.contact, name, getattr(previous.contact, name))
