"""The document's hygiene: title wording, the six parts the opening names, the notice it cites, the 统计期限, contact
and web address (HYG-*). A document read back keeps its title and opening (``Report.printed_title``/``opening``); a
draft's are written by the app from its data, so only the contact details there are the clerk's. Words and patterns
are parameters of the rules in the format files."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from model.formats import RuleSpec, format_ids, format_summary
from model.info_rules import meta_value
from model.prose_rules import compiled
from model.report import Report
from model.rules import Finding, rule

_SPACE = re.compile(r"\s+")
_HAN = dict(zip("一二三四五六七八九十", range(1, 11)))


def _flat(text: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


@rule("title_wording")
def title_wording(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """The printed title says 「…政府信息公开工作年度报告」, not 「…政府信息公开工作报告」."""
    title = _flat(report.printed_title)
    wording = spec.params["wording"]
    if title and wording not in title:
        yield Finding(
            spec.code,
            spec.severity,
            f"报告标题“{report.printed_title}”与规定的写法不符：应为“{report.agency}{report.year}年{wording}”",
        )


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text in _HAN:
        return _HAN[text]
    return None


@rule("opening_parts")
def opening_parts(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """The opening paragraph, where it says what the report holds, names the format's six parts: no other count
    (「五个部分」), none left out; an opening that does not list the parts is not reported."""
    opening = _flat(report.opening)
    if not opening:
        return
    sections = report.fmt.sections
    listing = "、".join(s.heading for s in sections)
    counted = compiled(spec.params["count_pattern"]).search(opening)
    stated = _number(counted.group("n")) if counted else None
    named = [s for s in sections if _flat(s.title) in opening]
    if stated is not None and stated != len(sections):
        yield Finding(
            spec.code,
            spec.severity,
            f"开头段落说报告有“{counted.group('count') if counted else ''}”，"
            f"而报告应有{sections[-1].number}个部分（{listing}）",
        )
    elif len(named) >= spec.params.get("min_named", 2) and len(named) < len(sections):
        missing = "、".join(f"“{s.title}”" for s in sections if s not in named)
        yield Finding(spec.code, spec.severity, f"开头段落列举报告的组成部分时漏了{missing}（应为{listing}）")


def _cited(text: str, pattern: str) -> tuple[str, str] | None:
    found = compiled(pattern).search(text)
    return None if found is None else (found.group("year"), found.group("number"))


@rule("notice_citation")
def notice_citation(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """Each citation of a format notice in the opening is printed right (〔2021〕30号) and is the format's own."""
    loose, strict = spec.params["citation"], spec.params["printed"]
    own = _cited(report.fmt.notice, loose)
    if not report.opening or own is None:
        return
    for found in compiled(loose).finditer(report.opening):
        printed = found.group(0)
        if not compiled(strict).fullmatch(_flat(printed)):
            yield Finding(
                spec.code, spec.severity, f"开头段落引用的“{printed}”写法有误：应为“{report.fmt.notice}”"
            )
        elif (found.group("year"), found.group("number")) != own:
            other = _other_format(found.group("year"), found.group("number"), loose)
            yield Finding(
                spec.code,
                spec.severity,
                f"开头段落引用了“{printed}”{f'（{other}的通知）' if other else ''}，"
                f"本报告使用{report.fmt.name}，应引用“{report.fmt.notice}”",
            )


def _other_format(year: str, number: str, pattern: str) -> str:
    for format_id in format_ids():
        summary = format_summary(format_id)
        if summary.extends is None and _cited(summary.notice, pattern) == (year, number):
            return summary.name
    return ""


@rule("statistical_period")
def statistical_period(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """The 统计期限 the opening states is the report's year (1 January to 31 December)."""
    opening = _flat(report.opening)
    found = compiled(spec.params["pattern"]).search(opening) if opening else None
    if found is None:
        return
    years = {int(y) for y in (found.group("first"), found.group("last")) if y}
    if years != {report.year}:
        yield Finding(
            spec.code,
            spec.severity,
            f"开头段落写明的统计期限为“{found.group('period')}”，而本报告是{report.year}年度的："
            f"应为{report.year}年1月1日至12月31日",
        )


@rule("contact_present")
def contact_present(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """The opening (a draft: 基本信息) gives a way to ask — any field of each group, or text the group's
    ``or_pattern`` finds in the opening (a web address written in a sentence)."""
    for group in spec.params["groups"]:
        if any(meta_value(report, name).strip() for name in group["fields"]):
            continue
        alternative = group.get("or_pattern")
        if alternative and report.opening and compiled(alternative).search(report.opening):
            continue
        yield Finding(
            spec.code, spec.severity, f"报告开头没有写明{group['name']}：{group['why']}（在基本信息中填写）"
        )
