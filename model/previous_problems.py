"""XY-FIX: with last year's report attached, 五 says how last year's problems were dealt with — it has the wording
(整改, 上年 …: the rule's ``wording``) and names at least one of the problems last year's 五 listed."""

from __future__ import annotations

import re
from collections.abc import Iterator

from model.formats import RuleSpec
from model.pack_rules import section_text
from model.prose_rules import compiled
from model.report import Report
from model.rules import Finding, rule
from model.values import excerpt

_ITEM = (  # compiled when last year's report is there (model/prose_rules.py compiled)
    r"[一二三四五六七八九十]是|[（(][一二三四五六七八九十\d]+[）)]|(?<!\d)\d+[.、．]|[；;。\n：:]"
)
RUN = 5  # characters in a row that name a problem again


def listed_problems(text: str, measures: str, generic: str, shortest: int = 6) -> list[str]:
    """The problems a 五 lists: its clauses (「一是…」「（一）…」「1.…」) before the measures (``measures``)."""
    cut = compiled(measures).search(text) if measures else None
    problems = text[: cut.start()] if cut else text
    clauses = [c.strip(" ，,、") for c in compiled(_ITEM).split(problems)]
    return [c for c in clauses if len(_core(c, generic)) >= shortest]


def _core(text: str, generic: str) -> str:
    """The clause without its generic words (政府信息, 有待, 进一步 …), which any 五 has."""
    text = re.sub(r"\s+", "", text)
    return compiled(generic).sub("|", text) if generic else text


def names(text: str, problem: str, generic: str) -> bool:
    """This year's text names the problem: ``RUN`` characters of its core in a row."""
    flat = re.sub(r"\s+", "", text)
    core = _core(problem, generic)
    runs = {core[i : i + RUN] for i in range(max(len(core) - RUN + 1, 0))}
    return any("|" not in run and run in flat for run in runs)


@rule("previous_problems")
def previous_problems(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """五 without any word on last year's problems, or naming none of those last year's 五 listed."""
    previous = report.previous
    key = spec.params["section"]
    if previous is None or key not in {s.key for s in previous.fmt.sections}:
        return
    text, earlier = section_text(report, key), section_text(previous, key)
    if not text.strip() or not earlier.strip():
        return
    heading = report.fmt.section(key).heading
    generic, measures = spec.params.get("generic", ""), spec.params.get("measures", "")
    if not compiled(spec.params["wording"]).search(text):
        yield Finding(
            spec.code,
            spec.severity,
            f"“{heading}”没有说明{previous.year}年报告所提问题的整改情况（如“上年报告提出的……问题，已……”）",
        )
        return
    problems = listed_problems(earlier, measures, generic)
    if problems and not any(names(text, p, generic) for p in problems):
        shown = "；".join(f"“{excerpt(p, 20)}”" for p in problems[:2])
        yield Finding(
            spec.code,
            spec.severity,
            f"“{heading}”没有提到{previous.year}年报告列出的问题（如{shown}）：请逐条写明改进情况",
        )
