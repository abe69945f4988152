"""Bring a report read from a document within ``model.limits``: cut what is too long and say so in a finding."""

from __future__ import annotations

from model.limits import (
    MAX_AGENCY,
    MAX_CELL_TEXT,
    MAX_CONTACT_FIELD,
    MAX_LEVEL,
    MAX_PROSE,
    MAX_SOURCE,
    MAX_UNIT,
    MAX_YEAR,
    MIN_YEAR,
    clean,
)
from model.report import Contact, Report
from model.rules import Finding

CODE = "DOC-LONG"  # the finding of a document whose text was cut


def clamp(report: Report) -> list[Finding]:
    """Bring a report read from a document within the limits, in place: a warning for every text cut."""
    out: list[Finding] = []

    def cut(text: str, limit: int, what: str, cells: tuple[str, ...] = ()) -> str:
        kept = clean(text, limit)
        if len(text) > limit:
            out.append(
                Finding(CODE, "warning", f"{what}过长（{len(text)}字），只保留了前{limit}字，请核对", cells)
            )
        return kept

    report.agency = cut(report.agency, MAX_AGENCY, "机关名称")
    report.level = cut(report.level, MAX_LEVEL, "机关层级")
    for name, label in zip(Contact.FIELDS, Contact.LABELS):
        setattr(
            report.contact, name, cut(getattr(report.contact, name), MAX_CONTACT_FIELD, f"联系方式“{label}”")
        )
    fmt = report.fmt
    for key, text in list(report.prose.items()):
        report.prose[key] = cut(text, MAX_PROSE, f"“{fmt.section(key).heading}”的正文")
    for cell_id, text in list(report.invalid.items()):
        report.invalid[cell_id] = cut(text, MAX_CELL_TEXT, f"“{fmt.cells[cell_id].name}”中的文字", (cell_id,))
    for cell_id, unit in list(report.units.items()):
        report.units[cell_id] = clean(unit, MAX_UNIT)
    report.previous_source = clean(report.previous_source, MAX_SOURCE)
    out += _dates(report)
    if report.previous is not None:
        report.previous.previous, report.previous.previous_source = None, ""  # a draft keeps one year back
        out += clamp(report.previous)
    return out


def _dates(report: Report) -> list[Finding]:
    out = []
    if not MIN_YEAR <= report.year <= MAX_YEAR:
        year = report.fmt.years[0]
        out.append(
            Finding(
                CODE,
                "warning",
                f"报告年度“{report.year}”无效（应在{MIN_YEAR}—{MAX_YEAR}年之间），已按{year}年读取，请核对",
            )
        )
        report.year = year
    published = report.published
    if published is not None and not MIN_YEAR <= published.year <= MAX_YEAR:
        out.append(Finding(CODE, "info", f"发布日期“{published.isoformat()}”无效，未采用"))
        report.published = None
    return out
