"""Before 导入上年报告: whether the chosen report looks like the wrong one, and which filled cells it would change."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from model.carry import carry_forward
from model.formats import Format, RuleSpec
from model.report import Report, agency_key
from model.values import Value, excerpt, format_value

MAX_LISTED = 12


@dataclass(frozen=True)
class ImportPlan:
    """This report with last year's carried forward, and what the clerk should confirm first."""

    after: Report  # the state the import leads to (not yet shown)
    changed: tuple[str, ...]  # ids of the cells the import fills or changes
    reasons: tuple[str, ...]  # why the chosen report may not be this report's previous one
    changes: tuple[str, ...]  # the filled cells it would change: 「表三·自然人·上年结转：5 → 0」

    @property
    def needs_confirmation(self) -> bool:
        return bool(self.reasons or self.changes)


def plan_import(report: Report, previous: Report, source: str = "") -> ImportPlan:
    """What importing ``previous`` into ``report`` would do; ``report`` itself is left as it is."""
    after = report.copy()
    changed = carry_forward(after, previous, source)
    return ImportPlan(
        after,
        tuple(changed),
        tuple(source_reasons(report, previous)),
        tuple(overwritten(report, after, changed)),
    )


def source_reasons(report: Report, previous: Report) -> list[str]:
    """Sentences saying how ``previous`` differs from last year's report of this agency (none: it fits)."""
    reasons = []
    mine, theirs = agency_key(report.agency), agency_key(previous.agency)
    if mine and theirs and mine != theirs:
        reasons.append(f"所选报告是“{previous.agency}”的，本报告是“{report.agency}”的")
    if previous.year != report.year - 1:
        reasons.append(
            f"所选报告是{previous.year}年度的，本报告是{report.year}年度，上年报告应是{report.year - 1}年度的"
        )
    return reasons


def overwritten(report: Report, after: Report, changed: list[str]) -> list[str]:
    """The cells that hold something now and would hold something else: name, old → new."""
    lines = []
    for cell_id in changed:
        old = _shown(report, cell_id)
        if old:
            lines.append(f"{report.fmt.cells[cell_id].name}：{old} → {_shown(after, cell_id) or '空白'}")
    return lines


def _shown(report: Report, cell_id: str) -> str:
    invalid = report.invalid.get(cell_id)
    if invalid is not None:
        return f"“{excerpt(invalid)}”"
    return _number(report.value(cell_id))


def _number(value: Value | None) -> str:
    if isinstance(value, Decimal) and value != 0:
        value = value.normalize()
    return format_value(value)


def shortened(items: list[str], limit: int = MAX_LISTED) -> list[str]:
    """At most ``limit`` items, the last line then saying how many there are in all."""
    if len(items) <= limit:
        return list(items)
    return [*items[:limit], f"……等共{len(items)}处"]


def checks_sentence(fmt: Format) -> str:
    """In words, what this format checks against last year's report, e.g.
    「已核对与上年报告的衔接（表三“上年结转”、表二“现行有效件数”），并检查第一、五部分文字是否与上年雷同」."""
    figures = list(dict.fromkeys(w for w in (_figure(fmt, spec) for spec in fmt.rules) if w))
    prose = [s for spec in fmt.rules if spec.kind == "copied_prose" for s in spec.params["sections"]]
    parts = [f"已核对与上年报告的衔接（{'、'.join(figures)}）"] if figures else []
    if prose:
        numbers = "、".join(dict.fromkeys(fmt.section(key).number for key in prose))
        parts.append(f"检查第{numbers}部分文字是否与上年雷同")
    return "，并".join(parts)


def _figure(fmt: Format, spec: RuleSpec) -> str:
    """The figure a cross-year rule compares: 「表三“上年结转”」 (a row) or 「表二“现行有效件数”」 (a column)."""
    params = spec.params
    if spec.kind == "carry":
        table = fmt.table(params["table"])
        row = next((r.name for r in table.rows if r.key == params["this_row"]), "")
        return f"{table.short}“{row}”" if row else ""
    if spec.kind in ("running_total", "previous_count"):
        table = fmt.table(params["table"])
        column = table.columns.get(params["stock"], {}).get("label", "")
        return f"{table.short}“{column}”" if column else ""
    return ""
