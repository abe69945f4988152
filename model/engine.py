"""The rule engine: runs every rule the report's format names and returns the findings."""

from __future__ import annotations

from model import hygiene, info_rules, pack_rules, previous_problems, prose_rules, ratios  # noqa: F401  (rule kinds)
from model.report import Report
from model.rules import RULES, SEVERITIES, Finding

__all__ = ["RULES", "Finding", "evaluate", "counts", "has_errors", "cell_marks"]


def evaluate(report: Report) -> list[Finding]:
    """All findings for the report (and its previous year's report, when one is attached), errors first."""
    findings: list[Finding] = []
    for spec in report.fmt.rules:
        findings.extend(RULES[spec.kind](report, spec))
    findings.sort(key=lambda f: SEVERITIES.index(f.severity))
    return findings


def counts(findings: list[Finding]) -> dict[str, int]:
    """How many findings of each severity."""
    out = dict.fromkeys(SEVERITIES, 0)
    for finding in findings:
        out[finding.severity] += 1
    return out


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)


def cell_marks(findings: list[Finding]) -> dict[str, tuple[str, str]]:
    """For each cell involved, the worst severity and the messages that name it (for colouring and tooltips)."""
    marks: dict[str, tuple[str, str]] = {}
    for finding in findings:
        for cell in finding.cells:
            if cell in marks:
                severity, text = marks[cell]
                worst = min(severity, finding.severity, key=SEVERITIES.index)
                marks[cell] = (worst, text + "\n" + finding.message)
            else:
                marks[cell] = (finding.severity, finding.message)
    return marks
