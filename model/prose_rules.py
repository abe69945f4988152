"""Rules on the prose: numbers that contradict the tables (TXT-NUM: the patterns, and the share checks, are the format
files'), text repeated from last year's report (COPY: each section's share, the repeated sentences)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any, NamedTuple

from model.formats import RuleSpec
from model.pattern_anchors import may_match
from model.report import Report
from model.rules import Finding, rule, unreadable

SHINGLE = 8


@lru_cache(maxsize=128)
def compiled(text: str) -> re.Pattern[str]:
    """A pattern of a format file, compiled once (every rule that reads patterns from the formats uses it)."""
    return re.compile(text)


@rule("prose_numbers")
def prose_numbers(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """A number stated in the prose (「共受理…申请30件」, 「予以公开12件」, 「占42.86%」) differs from the table cells it
    describes; the message names the section the text stands in. One finding per check, at its first contradiction.
    A figure given for another year, or for other units (「全市共受理…」, the format's ``others``), is not checked."""
    texts = [(key, report.prose.get(key, "")) for key in spec.params["sections"]]
    if not any(text for _, text in texts):
        return
    skip = Skip(report.year, spec.params.get("others", ""), spec.params.get("own", ""))
    for check in spec.params["checks"]:
        cells = check["cells"]
        if any(c not in report.fmt.cells for c in cells) or _unusable(report, cells):
            continue
        if "over" in check:
            yield from _percent(report, spec, check, texts, skip)
            continue
        values = [report.effective(c) for c in cells]
        table_value = sum(v for v in values if v is not None)
        computed = [report.value(c) for c in cells]  # a misprinted total (T3/T4 rules report it) does not
        agreeing = {table_value, sum(v for v in computed if v is not None)}  # make right text wrong
        if check.get("parts_agree"):  # 「保护第三方合法权益不予公开2件」: one item of the 不予公开 group
            agreeing |= {v for v in values if v is not None}
        found = _contradiction(report, texts, check["pattern"], agreeing.__contains__, skip)
        if found is not None:
            heading, phrase, stated = found
            yield Finding(
                spec.code,
                spec.severity,
                f"“{heading}”中的“{phrase}”与表格不符：{check['what']}为{table_value}，"
                f"正文为{stated}，相差{stated - table_value}",
                tuple(cells),
            )


def _unusable(report: Report, cells: list[str]) -> bool:
    return all(report.effective(c) is None for c in cells) or any(unreadable(report, c) for c in cells)


def _percent(
    report: Report, spec: RuleSpec, check: dict[str, Any], texts: list[tuple[str, str]], skip: Skip
) -> Iterator[Finding]:
    """「予以公开12件，占34.29%」: the share of the cells over any of the ``over`` totals, to the printed decimals
    (at most one)."""
    top = sum((report.effective(c) or 0) for c in check["cells"])
    bottoms = [
        sum((report.effective(c) or 0) for c in over)
        for over in check["over"]
        if all(c in report.fmt.cells for c in over) and not _unusable(report, over)
    ]
    shares = [Decimal(top) * 100 / Decimal(b) for b in bottoms if b]
    if not shares:
        return
    found = _contradiction(report, texts, check["pattern"], lambda p: any(_same(p, s) for s in shares), skip)
    if found is not None:
        heading, phrase, stated = found
        cells = tuple(dict.fromkeys([*check["cells"], *(c for over in check["over"] for c in over)]))
        yield Finding(
            spec.code,
            spec.severity,
            f"“{heading}”中的“{phrase}”与表格不符：{check['what']}按表格计算为{_one_decimal(shares[0])}%，"
            f"正文为{stated}%",
            cells,
        )


def _same(printed: Decimal, share: Decimal) -> bool:
    places = min(max(-printed.as_tuple().exponent, 0), 1)  # type: ignore[operator]
    quantum = Decimal(1).scaleb(-places)
    return printed.quantize(quantum, ROUND_HALF_UP) == share.quantize(quantum, ROUND_HALF_UP)


def _one_decimal(share: Decimal) -> str:
    return str(share.quantize(Decimal("0.1"), ROUND_HALF_UP))


def _contradiction(
    report: Report,
    texts: list[tuple[str, str]],
    pattern: str,
    agrees: Callable[[Any], bool],
    skip: Skip,
) -> tuple[str, str, Any] | None:
    """The first phrase in the sections' texts whose number the table does not agree with: (heading, phrase,
    number); the number is group ``n`` (an integer) or ``p`` (a percentage, a Decimal)."""
    for key, text in texts:
        for start, phrase, stated in _matches(pattern, text):
            if not agrees(stated) and not skip(text, start):
                return report.fmt.section(key).heading, phrase, stated
    return None


@lru_cache(maxsize=1024)
def _matches(pattern: str, text: str) -> tuple[tuple[int, str, Any], ...]:
    """Where the pattern finds a figure in the text: (start, phrase, number), kept while the text is unchanged
    (the rules run on every edit of a cell; the prose changes less often). A text without the pattern's words is
    not searched, and the pattern not compiled for it."""
    if not may_match(pattern, text):
        return ()
    out = []
    for match in compiled(pattern).finditer(text):
        groups = match.groupdict()
        stated: Any = int(groups["n"]) if groups.get("n") is not None else Decimal(groups["p"])
        out.append((match.start(), match.group(0), stated))
    return tuple(out)


SENTENCE_END = re.compile(r"[。；;！!？?\n]")
_YEAR = re.compile(r"((?:19|20)\d\d)年")


def _sentence_before(text: str, start: int) -> str:
    ends = list(SENTENCE_END.finditer(text, 0, start))
    return text[ends[-1].end() if ends else 0 : start]


def _year_before(text: str, start: int) -> int | None:
    """The last year named in the sentence before ``start`` (「2024年共受理…」 gives 2024), if any."""
    years = _YEAR.findall(_sentence_before(text, start))
    return int(years[-1]) if years else None


class Skip(NamedTuple):
    """Whether a phrase gives a figure of this report: not when its sentence names another year before it, or
    other units (``others``: 「全市」「各部门」) and not this one again after them (``own``: 「其中本机关」)."""

    year: int
    others: str = ""
    own: str = ""

    def __call__(self, text: str, start: int) -> bool:
        if _year_before(text, start) not in (None, self.year):
            return True
        if not self.others:
            return False
        before = _sentence_before(text, start)
        last_other = max((m.end() for m in compiled(self.others).finditer(before)), default=-1)
        if last_other < 0:
            return False
        return not (self.own and compiled(self.own).search(before, last_other))


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


def repeated_spans(text: str, earlier: str, least: float = 0.8) -> list[tuple[int, int]]:
    """Where this text repeats the earlier one: (start, end) of each sentence of which at least ``least`` of the
    8-character runs stand in the earlier text (the prose page highlights them)."""
    theirs = _shingles(earlier)
    if not theirs:
        return []
    spans, begin = [], 0
    for end in [m.end() for m in SENTENCE_END.finditer(text)] + [len(text)]:
        mine = _shingles(text[begin:end])
        if mine and len(mine & theirs) >= least * len(mine):
            spans.append((begin, end))
        begin = end
    return spans


@rule("copied_prose")
def copied_prose(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """Each section's share of text repeated from last year's report: a warning above ``threshold`` (内容雷同; a pack
    may set another than 50 %), a 提示 with the share from ``note_from`` on."""
    previous = report.previous
    if previous is None:
        return
    threshold, note_from = spec.params["threshold"], spec.params.get("note_from", 1.0)
    for key in spec.params["sections"]:
        text, earlier = report.prose.get(key, ""), previous.prose.get(key, "")
        if len(text) < 40 or not earlier:
            continue
        share = copied_share(text, earlier)
        heading = report.fmt.section(key).heading
        if share > threshold:
            yield Finding(
                spec.code,
                spec.severity,
                f"“{heading}”有{share:.0%}的文字与{previous.year}年报告相同（内容雷同会被通报），请按本年实际情况重写",
            )
        elif share >= note_from:
            yield Finding(
                spec.code,
                "info",
                f"“{heading}”有{share:.0%}的文字与{previous.year}年报告相同"
                f"（超过{threshold:.0%}即为内容雷同；相同的句子在正文中以底色标出）",
            )
