"""The figures reviewers rank reports on (实质公开率, 复议/诉讼纠错率, 结转 growth), computed from the format's cells.

Which cells make each ratio is data: the format's rule of kind ``reviewer_ratios`` (code RATIO) lists, per ratio,
its ``key``, ``name``, the cells summed over the ``numerator`` and ``denominator`` (less any ``minus`` cells), or for a
growth the ``cells`` of this year compared with the same cells of last year's report (``"growth": true``), and
``min_requests`` with the ``requests`` cells: below that many requests no ratio is shown; a ratio's own ``min_cases``
(its denominator: concluded cases, last year's figure) keeps 「纠错率100%」 of one case from being shown. The rule
turns the shown ratios into 提示 findings; they never block anything.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from model.formats import RuleSpec
from model.report import Report
from model.rules import Finding, rule, unreadable

RATIO_KIND = "reviewer_ratios"
MIN_REQUESTS = 30


class Ratio(NamedTuple):
    """One reviewer's figure: ``value`` = numerator / denominator (None when it cannot be computed)."""

    key: str
    name: str  # 实质公开率, 复议纠错率, 诉讼纠错率, 结转增长率
    value: float | None
    numerator: int
    denominator: int
    shown: bool  # False below the format's minimum of requests (30) or of its own cases, or without a value
    cells: tuple[str, ...] = ()
    explain: str = ""  # the figures in words, from the format: 「予以公开与部分公开{n}件，办结{d}件」

    @property
    def percent(self) -> str:
        """「85.7%」, or 「—」 when there is no value."""
        return "—" if self.value is None else f"{self.value * 100:.1f}%"

    @property
    def text(self) -> str:
        """「实质公开率85.7%（予以公开与部分公开36件，办结42件）」."""
        figures = {"n": self.numerator, "d": self.denominator, "now": self.numerator + self.denominator}
        detail = self.explain.format(**figures) if self.explain else ""
        return f"{self.name}{self.percent}{f'（{detail}）' if detail else ''}"


def ratio_spec(report: Report) -> RuleSpec | None:
    """The format's RATIO rule (its parameters say which cells make each ratio), if it has one."""
    return next((spec for spec in report.fmt.rules if spec.kind == RATIO_KIND), None)


def reviewer_ratios(report: Report, previous: Report | None = None) -> list[Ratio]:
    """Every ratio the format defines, shown or not; ``previous`` defaults to the report's attached last year."""
    spec = ratio_spec(report)
    if spec is None:
        return []
    last = previous if previous is not None else report.previous
    enough = _sum(report, spec.params.get("requests", ())) >= int(
        spec.params.get("min_requests", MIN_REQUESTS)
    )
    return [_ratio(report, last, item, enough) for item in spec.params.get("ratios", ())]


def _sum(report: Report, cells: Sequence[str]) -> int:
    return int(sum((report.effective(c) or 0) for c in cells if c in report.fmt.cells))


def _readable(report: Report, cells: Sequence[str]) -> bool:
    """Every cell exists in the format, one at least holds a value, and none is a misprint."""
    known = [c for c in cells if c in report.fmt.cells]
    return (
        len(known) == len(cells)
        and any(report.effective(c) is not None for c in known)
        and not any(unreadable(report, c) for c in known)
    )


def _ratio(report: Report, last: Report | None, item: dict[str, Any], enough: bool) -> Ratio:
    if item.get("growth"):
        return _growth(report, last, item, enough)
    top, bottom, minus = item["numerator"], item["denominator"], item.get("minus", [])
    cells = tuple(dict.fromkeys([*top, *bottom, *minus]))
    numerator = _sum(report, top) if _readable(report, top) else 0
    denominator = _sum(report, bottom) - _sum(report, minus) if _readable(report, bottom) else 0
    value = numerator / denominator if denominator > 0 and _readable(report, top) else None
    return Ratio(
        item["key"],
        item["name"],
        value,
        numerator,
        denominator,
        enough and value is not None and denominator >= _min_cases(item),
        cells,
        item.get("explain", ""),
    )


def _min_cases(item: dict[str, Any]) -> int:
    """The fewest cases under the ratio (its denominator) for it to mean something: 1 unless the format says."""
    return int(item.get("min_cases", 1))


def _growth(report: Report, last: Report | None, item: dict[str, Any], enough: bool) -> Ratio:
    cells = tuple(item["cells"])
    now = _sum(report, cells)
    before = _sum(last, cells) if last is not None and _readable(last, cells) else 0
    value = None
    if last is not None and before > 0 and _readable(report, cells) and _readable(last, cells):
        value = (now - before) / before
    return Ratio(
        item["key"],
        item["name"],
        value,
        now - before,
        before,
        enough and value is not None and before >= _min_cases(item),
        cells,
        item.get("explain", ""),
    )


@rule(RATIO_KIND)
def ratio_findings(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """One 提示 naming every shown ratio: 「供参考：实质公开率85.7%（…）；行政复议纠错率…」 (no cells: a 提示 would
    tint them; one line, so the list of findings stays short)."""
    shown = [ratio.text for ratio in reviewer_ratios(report) if ratio.shown]
    if shown:
        yield Finding(spec.code, spec.severity, f"供参考：{'；'.join(shown)}")
