"""The roll-up (汇总): a new draft of the government's report whose tables are the units' sums, with provenance.

Tables of ``sum_tables`` (三, 四) are summed whole; those of ``partial_tables`` (二) where the figures add up: the
规章 row only from units whose level may make 规章 (not the levels of the format's rule ``regulations``), and the
``stock_columns`` (现行有效件数) and amounts summed but flagged for review. Each summed cell keeps, in
``Report.provenance``, each unit's contribution and file. Refused with one sentence: reports of different formats
or years. A unit with errors is left out unless asked for (and then listed); a region-wide report (a government's
own, ``region_levels``) is never summed; scope 「本级机关」 leaves out the ``lower_levels`` too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from model.formats import Format
from model.report import Report
from model.review.entry import Entry
from model.review.settings import desk_settings
from model.values import Value, format_value
from model.vocabulary import DEFAULT_LEVEL

REGION, OWN = "region", "own"


class RollUpError(ValueError):
    """The units chosen cannot be summed: one Chinese sentence."""


@dataclass
class RollUp:
    report: Report
    included: list[Entry]
    with_errors: list[str] = field(default_factory=list)  # units with errors the user chose to include
    left_out: list[str] = field(default_factory=list)  # 「某某县人民政府（全区域报告，不与所属单位相加）」
    flagged: list[str] = field(default_factory=list)  # cells to check by hand (现行有效件数, amounts)


def roll_up(
    entries: list[Entry],
    scope: str = REGION,
    include_errors: bool = False,
    agency: str = "",
    level: str = DEFAULT_LEVEL,
) -> RollUp:
    """Sum ``entries`` (each unit once: the caller passes the counted rows) into a new report."""
    settings = desk_settings()
    left_out: list[str] = []
    in_scope: list[Entry] = []
    for entry in entries:
        if entry.error is not None:
            continue
        if entry.level in settings.region_levels:
            left_out.append(f"{entry.agency}（本区域的报告，不与所属单位相加）")
        elif scope == OWN and entry.level in settings.lower_levels:
            left_out.append(f"{entry.agency}（{entry.level}，不属于本级机关）")
        else:
            in_scope.append(entry)
    if in_scope:
        _refuse_mixed(in_scope)  # a unit of another format is said, even when its errors would leave it out
    chosen = [e for e in in_scope if include_errors or not e.errors]
    left_out += [f"{e.agency}（有{e.errors}个错误）" for e in in_scope if e.errors and not include_errors]
    if not chosen:
        raise RollUpError("没有可以汇总的报告：所选单位都有错误或不在汇总范围内")
    first = chosen[0]
    report = Report.new(first.year, agency, level, first.format_id)
    flagged = _sum_into(report, chosen)
    with_errors = [f"{e.agency}（有{e.errors}个错误）" for e in chosen if e.errors]
    return RollUp(report, chosen, with_errors, left_out, flagged)


def _refuse_mixed(chosen: list[Entry]) -> None:
    families = {e.family for e in chosen}
    if len(families) > 1:
        first = chosen[0]
        other = [e for e in chosen if e.family != first.family]
        names = "、".join(f"{e.agency}（{e.format_name}）" for e in other[:5])
        raise RollUpError(
            f"所选报告的格式不同，不能汇总：{names}与{first.agency}等单位的{first.format_name}不是同一格式。"
            "请只选同一格式的报告，或请这些单位按同一格式重新报送。"
        )
    years = sorted({e.year for e in chosen})
    if len(years) > 1:
        raise RollUpError(f"所选报告不是同一年度的（{'、'.join(map(str, years))}年度），不能汇总")


def summed_cells(fmt: Format, entry_level: str) -> tuple[list[str], set[str]]:
    """(the input cells a unit of this level contributes to, the cells flagged for review)."""
    settings = desk_settings()
    no_regulations: set[str] = set()
    for rule_spec in fmt.rules:
        if rule_spec.kind == "regulations":
            no_regulations |= set(rule_spec.params.get("levels", ()))
    cells, flagged = [], set()
    for cell_id in fmt.input_ids():
        spec = fmt.cells[cell_id]
        if spec.table in settings.sum_tables:
            cells.append(cell_id)
        elif spec.table in settings.partial_tables:
            if spec.regulations and entry_level in no_regulations:
                continue
            cells.append(cell_id)
            if spec.col in settings.stock_columns or spec.kind in ("amount", "money"):
                flagged.add(cell_id)
    return cells, flagged


def _sum_into(report: Report, chosen: list[Entry]) -> list[str]:
    fmt = report.fmt
    sums: dict[str, list[tuple[str, str, Value]]] = {}
    flagged: set[str] = set()
    units: dict[str, set[str]] = {}
    for entry in chosen:
        cells, flags = summed_cells(fmt, entry.level)
        flagged |= flags
        unit_report = entry.report()
        for cell_id in cells:
            value = entry.values.get(cell_id)
            if value is not None:
                sums.setdefault(cell_id, []).append((entry.agency, entry.name, value))
                units.setdefault(cell_id, set()).add(entry.units.get(cell_id, ""))
        for cell_id in fmt.totals:
            total = unit_report.value(cell_id)
            if total is not None and fmt.cells[cell_id].table in _tables():
                sums.setdefault(cell_id, []).append((entry.agency, entry.name, total))
    for cell_id, parts in sums.items():
        report.provenance[cell_id] = tuple((u, f, format_value(v)) for u, f, v in parts)
        if cell_id in fmt.totals:
            continue
        if len(units.get(cell_id, set())) > 1:  # 元 and 万元 side by side: summed as numbers, flagged
            flagged.add(cell_id)
        unit = next(iter(units.get(cell_id, {""})))
        report.set_value(cell_id, _total([v for _, _, v in parts]), unit or None)
    return [c for c in fmt.cells if c in flagged and c in sums]


def _tables() -> tuple[str, ...]:
    settings = desk_settings()
    return (*settings.sum_tables, *settings.partial_tables)


def _total(values: list[Value]) -> Value:
    if any(isinstance(v, Decimal) for v in values):
        return sum((Decimal(v) for v in values), Decimal(0))
    return sum(v for v in values if isinstance(v, int))


def provenance_text(report: Report, cell_id: str) -> str:
    """The tooltip's lines: 「汇总自3个单位：」 and each unit's contribution and file."""
    parts = report.provenance.get(cell_id)
    if not parts:
        return ""
    lines = [f"汇总自{len(parts)}个单位："]
    lines += [f"{unit}：{value}（{file}）" for unit, file, value in parts]
    return "\n".join(lines)
