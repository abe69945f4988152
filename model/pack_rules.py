"""The kinds of rule local packs add (model/packs.py): a section's length limit (SEC-LEN) and the items a section must
state — with a number (一's counts: 政府网站、政务新媒体、政策解读 …) or without (六's sub-items) (SEC-ITEMS)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from model.formats import RuleSpec
from model.prose_rules import SENTENCE_END, compiled
from model.report import Report
from model.rules import Finding, rule

_SPACE = re.compile(r"\s+")
NUMBER = r"\d+(?:\.\d+)?\s*(?:万|余|多)?\s*(?:条|篇|件|个|期|次|项|份|场|部|家|人次|余条|余篇)"
WINDOW = 40  # characters after a keyword where its number is looked for, within the sentence


def section_text(report: Report, key: str) -> str:
    """The section's text without the template's placeholder (「（文字描述）」 left in place says nothing)."""
    text = report.prose.get(key, "")
    placeholder = report.fmt.section(key).placeholder.strip()
    return text.replace(placeholder, "") if placeholder else text


def _basis(spec: RuleSpec) -> str:
    basis = spec.params.get("basis", "")
    return f"（{basis}）" if basis else ""


@rule("section_length")
def section_length(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """A prose section longer than the pack allows: characters without white space."""
    for limit in spec.params["limits"]:
        sec = report.fmt.section(limit["section"])
        length = len(_SPACE.sub("", section_text(report, sec.key)))
        if length > limit["max"]:
            yield Finding(
                spec.code,
                spec.severity,
                f"“{sec.heading}”有{length}字，超过了规定的{limit['max']}字{_basis(spec)}，"
                f"多{length - limit['max']}字：请精简",
            )


def _states(text: str, item: dict[str, Any], number: str) -> bool:
    """The text names the item (any keyword) — with a number after it in the same sentence when it needs one."""
    for keyword in item["keywords"]:
        for found in re.finditer(re.escape(keyword), text):
            if not item.get("number", False):
                return True
            end = SENTENCE_END.search(text, found.end())
            window = text[found.end() : min(found.end() + WINDOW, end.start() if end else len(text))]
            if compiled(number).search(window):
                return True
    return False


@rule("required_items")
def required_items(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """The section states every item the pack lists; one finding names those missing."""
    sec = report.fmt.section(spec.params["section"])
    text = section_text(report, sec.key)
    if not text.strip():
        return  # an empty section is SECTION's finding
    number = spec.params.get("number_pattern", NUMBER)
    missing = [item for item in spec.params["items"] if not _states(text, item, number)]
    if not missing:
        return
    counted = [item["name"] for item in missing if item.get("number", False)]
    topics = [item["name"] for item in missing if not item.get("number", False)]
    parts = []
    if counted:
        parts.append(f"没有写明{'、'.join(counted)}的具体数量")
    if topics:
        parts.append(f"没有写到{'、'.join(topics)}")
    yield Finding(spec.code, spec.severity, f"“{sec.heading}”{'，'.join(parts)}{_basis(spec)}")
