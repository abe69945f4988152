"""One report of a reviewed folder as the desk keeps it: what the rows, the workbook and the roll-up need.

An Entry comes back from a worker process (pickled), a thousand of them for a large folder, so it carries only
that: the values (数据 sheet, roll-up), the printed totals (the roll-up's totals as the unit printed them), the
findings, and of the prose only the sections the overlap with last year's report is measured on (rule COPY's).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from model.engine import Finding
from model.formats import load_format
from model.ratios import Ratio
from model.report import Report
from model.review.figures import figures_of
from model.values import Value


@dataclass
class Entry:
    """A file of the folder: read (the report's values, prose and findings) or not (``error``, one sentence)."""

    path: str
    kind: str = ""  # the registry's short name: 草稿 / Word / Excel / PDF / 网页
    modified: float = 0.0  # the file's time, for 「the newest wins」 when no 发布日期 tells
    agency: str = ""
    year: int = 0
    format_id: str = ""
    family: str = ""  # the official format at its root: reports of one family may be summed
    format_name: str = ""
    level: str = ""
    published: datetime.date | None = None
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    values: dict[str, Value] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    stated: dict[str, Value | None] = field(default_factory=dict)
    invalid: dict[str, str] = field(default_factory=dict)
    prose: dict[str, str] = field(default_factory=dict)  # the sections of ``overlap_sections`` only
    figures: dict[str, Value | None] = field(default_factory=dict)
    ratios: dict[str, tuple[str, str]] = field(default_factory=dict)  # key → (name, 「85.7%」)

    @property
    def name(self) -> str:
        return Path(self.path).name

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def has_errors(self) -> bool:
        return self.errors > 0

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)

    @property
    def newer_key(self) -> tuple[datetime.date, float]:
        """What 「newer」 means: the 发布日期 where known, then the file's time."""
        return (self.published or datetime.date.min, self.modified)

    def report(self) -> Report:
        """The report again (no previous year attached, prose only as kept), for the roll-up's totals."""
        report = Report(self.format_id, self.year, self.agency, self.level)
        report.values, report.units = dict(self.values), dict(self.units)
        report.stated, report.invalid = dict(self.stated), dict(self.invalid)
        report.prose, report.published = dict(self.prose), self.published
        report.changed()
        return report


def entry_of(
    path: str, kind: str, modified: float, report: Report, findings: list[Finding], ratios: list[Ratio]
) -> Entry:
    """The desk's copy of a report read from ``path``, with the reviewer's ratios (「—」 where not shown)."""
    fmt = report.fmt
    shown = {r.key: (r.name, r.percent if r.shown else "—") for r in ratios}
    return Entry(
        path,
        kind,
        modified,
        report.agency,
        report.year,
        report.format_id,
        fmt.family or fmt.id,
        fmt.name,
        report.level,
        report.published,
        list(findings),
        None,
        dict(report.values),
        dict(report.units),
        dict(report.stated),
        dict(report.invalid),
        {key: text for key in overlap_sections(report.format_id) if (text := report.prose.get(key))},
        figures_of(report),
        shown,
    )


COPY_KIND = "copied_prose"  # the rule whose sections the overlap with last year's report is measured on


@cache
def overlap_sections(format_id: str) -> tuple[str, ...]:
    """The prose sections rule COPY compares with last year's report (none when the format has no such rule)."""
    spec = next((r for r in load_format(format_id).rules if r.kind == COPY_KIND), None)
    return tuple(spec.params.get("sections", ())) if spec else ()
