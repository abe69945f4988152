"""Rules on the prose: numbers that contradict the tables (TXT-NUM) and text copied from last year (COPY)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from model.formats import RuleSpec
from model.report import Report
from model.rules import Finding, rule, unreadable
from model.values import Value

SHINGLE = 8


@lru_cache(maxsize=64)
def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text)


@rule("prose_numbers")
def prose_numbers(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """A number stated in the prose (「共受理…申请30件」) differs from the table cell it describes; the message
    names the section the text stands in. One finding per check, at its first contradiction."""
    texts = [(key, report.prose.get(key, "")) for key in spec.params["sections"]]
    if not any(text for _, text in texts):
        return
    for check in spec.params["checks"]:
        cells = check["cells"]
        values = [report.effective(c) for c in cells]
        if all(v is None for v in values) or any(unreadable(report, c) for c in cells):
            continue
        table_value = sum(v for v in values if v is not None)
        computed = [report.value(c) for c in cells]  # a misprinted total (T3/T4 rules report it) does not
        agreeing = {table_value, sum(v for v in computed if v is not None)}  # make right text wrong
        found = _contradiction(report, texts, check["pattern"], agreeing)
        if found is not None:
            heading, phrase, stated = found
            yield Finding(
                spec.code,
                spec.severity,
                f"“{heading}”中的“{phrase}”与表格不符：{check['what']}为{table_value}，"
                f"正文为{stated}，相差{stated - table_value}",
                tuple(cells),
            )


def _contradiction(
    report: Report, texts: list[tuple[str, str]], pattern: str, agreeing: set[Value]
) -> tuple[str, str, int] | None:
    """The first phrase in the sections' texts whose number is none of the table's: (heading, phrase, number)."""
    for key, text in texts:
        for match in _pattern(pattern).finditer(text):
            stated = int(match.group("n"))
            if stated not in agreeing and _year_before(text, match.start()) in (None, report.year):
                return report.fmt.section(key).heading, match.group(0), stated
    return None


_SENTENCE_END = re.compile(r"[。；;！!？?\n]")
_YEAR = re.compile(r"((?:19|20)\d\d)年")


def _year_before(text: str, start: int) -> int | None:
    """The last year named in the sentence before ``start`` (「2024年共受理…」 gives 2024), if any."""
    ends = list(_SENTENCE_END.finditer(text, 0, start))
    sentence = text[ends[-1].end() if ends else 0 : start]
    years = _YEAR.findall(sentence)
    return int(years[-1]) if years else None


@lru_cache(maxsize=32)
def _shingles(text: str) -> frozenset[str]:
    flat = re.sub(r"\s+", "", text)
    return frozenset(flat[i : i + SHINGLE] for i in range(max(len(flat) - SHINGLE + 1, 0)))


def copied_share(text: str, earlier: str) -> float:
    """The share of this text's 8-character runs that stand in the earlier text too."""
    mine = _shingles(text)
    if not mine:
        return 0.0
    return len(mine & _shingles(earlier)) / len(mine)


@rule("copied_prose")
def copied_prose(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """Prose of 一 or 五 more than half identical to last year's report (内容雷同)."""
    previous = report.previous
    if previous is None:
        return
    for key in spec.params["sections"]:
        text, earlier = report.prose.get(key, ""), previous.prose.get(key, "")
        if len(text) < 40 or not earlier:
            continue
        share = copied_share(text, earlier)
        if share > spec.params["threshold"]:
            heading = report.fmt.section(key).heading
            yield Finding(
                spec.code,
                spec.severity,
                f"“{heading}”有{share:.0%}的文字与{previous.year}年报告相同（内容雷同会被通报），请按本年实际情况重写",
            )
