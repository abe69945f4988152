"""Totals kept as printed in a document read back (``Report.stated``): which contradict their parts, which an
edit of some cells touches, and what an export says about them."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from model.formats import load_format, on_reload
from model.report import Report
from model.rules import Finding

EXPORT_NOTE = "总计按原文件填报的数字导出（与各项之和不符）"
FINDING_NOTE = "导出时仍按原文件填报的数字（右键点此可改用各项之和）"


@cache
def _dependents(format_id: str) -> dict[str, frozenset[str]]:
    """Cell id -> every total that sums it, directly or through other totals (any definition of a total)."""
    direct: dict[str, set[str]] = {}
    for total in load_format(format_id).checks:
        for part in total.parts:
            direct.setdefault(part, set()).add(total.cell_id)
    out: dict[str, frozenset[str]] = {}

    def above(cell_id: str, seen: frozenset[str] = frozenset()) -> frozenset[str]:
        if cell_id not in out:
            found: set[str] = set()
            for total in direct.get(cell_id, ()):
                if total not in seen:
                    found |= {total} | above(total, seen | {cell_id})
            out[cell_id] = frozenset(found)
        return out[cell_id]

    for cell_id in list(direct):
        above(cell_id)
    return out


on_reload(_dependents.cache_clear)


def printed(report: Report) -> list[str]:
    """The totals kept as printed in the file the report was read from."""
    totals = report.fmt.totals
    return [c for c in report.stated if c in totals]


def contradicting(report: Report) -> list[str]:
    """The totals kept as printed that differ from the sum of their parts (shown as 「40→41」)."""
    return [c for c in printed(report) if report.stated[c] != report.value(c)]


def touched(report: Report, cell_ids: Iterable[str]) -> list[str]:
    """The totals kept as printed that sum any of these cells."""
    dependents = _dependents(report.format_id)
    found: set[str] = set()
    for cell_id in cell_ids:
        found |= dependents.get(cell_id, frozenset())
    return [c for c in printed(report) if c in found]


def explain(report: Report, findings: list[Finding]) -> list[Finding]:
    """The findings, where a total kept as printed contradicts its parts saying that it is exported as printed."""
    codes = {rule.code for rule in report.fmt.rules if rule.kind == "stated_total"}
    kept = set(contradicting(report)) if codes else set()
    return [
        f._replace(message=f"{f.message}；{FINDING_NOTE}")
        if f.code in codes and f.cells[:1] and f.cells[0] in kept
        else f
        for f in findings
    ]


def export_note(report: Report) -> str:
    """The sentence an export warning gives when printed totals contradict their parts, naming them; else ""."""
    ids = contradicting(report)
    if not ids:
        return ""
    names = "、".join(report.fmt.cells[c].name for c in ids[:3]) + (f"等{len(ids)}个" if len(ids) > 3 else "")
    return f"{EXPORT_NOTE}：{names}"
