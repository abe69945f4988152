"""The ledger vocabulary (resources/ledger_vocabulary.json) and the one way ledger texts are compared."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

_SPACE = re.compile(r"\s+")
_NUMBERING = re.compile(r"^(?:[(（]?[一二三四五六七八九十]+[)）、.．]|[(（]?\d{1,2}[)）、.．])+")
_SEPARATORS = re.compile(r"[·・\-—–_/\\、:：,，;；()（）\[\]【】<>《》\"'“”‘’]+")


def norm(text: object) -> str:
    """A cell's text for comparison: full-width forms folded, white space dropped, Latin in lower case."""
    if text is None:
        return ""
    return _SPACE.sub("", unicodedata.normalize("NFKC", str(text))).lower()


def bare(text: str) -> str:
    """A label without its numbering (「（一）」「1.」) and separators: 「不予公开-国家秘密」 → 不予公开国家秘密."""
    return _SEPARATORS.sub("", _NUMBERING.sub("", norm(text)))


@dataclass(frozen=True)
class Rule:
    """A word rule: any of ``any`` in the text (or ``pattern`` matching it), none of ``none`` → ``to``; ``means`` says
    in words what a pattern takes (「像姓名的」)."""

    any: tuple[str, ...]
    none: tuple[str, ...]
    pattern: re.Pattern[str] | None
    to: tuple[str, ...]
    means: str = ""

    def matches(self, text: str) -> bool:
        if any(word in text for word in self.none):
            return False
        if self.pattern is not None and self.pattern.search(text):
            return True
        return any(word in text for word in self.any)


@dataclass(frozen=True)
class Role:
    """One column the counting needs: its name for the clerk and the header words that name it."""

    key: str
    label: str
    exact: tuple[str, ...]
    contains: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    header_search_rows: int
    sample_rows: int
    roles: tuple[Role, ...]
    applicant_exact: dict[str, str]
    applicant_rules: tuple[Rule, ...]
    name_rules: tuple[Rule, ...]
    outcome_exact: dict[str, str]
    outcome_rules: tuple[Rule, ...]

    def role(self, key: str) -> Role:
        return next(r for r in self.roles if r.key == key)


def _rule(data: dict[str, Any]) -> Rule:
    target = data["to"]
    pattern = data.get("pattern")
    return Rule(
        tuple(norm(w) for w in data.get("any", ())),
        tuple(norm(w) for w in data.get("none", ())),
        re.compile(pattern) if pattern else None,
        (target,) if isinstance(target, str) else tuple(target),
        str(data.get("means", "")),
    )


def build(data: dict[str, Any]) -> Vocabulary:
    """A vocabulary from its JSON object."""
    roles = tuple(
        Role(
            key,
            data["roles"][key]["label"],
            tuple(norm(w) for w in data["roles"][key]["exact"]),
            tuple(norm(w) for w in data["roles"][key]["contains"]),
        )
        for key in data["role_order"]
    )
    applicants, outcomes = data["applicants"], data["outcomes"]
    return Vocabulary(
        int(data["header_search_rows"]),
        int(data["sample_rows"]),
        roles,
        {norm(k): v for k, v in applicants["exact"].items()},
        tuple(_rule(r) for r in applicants["contains"]),
        tuple(_rule(r) for r in applicants["by_name"]),
        {norm(k): v for k, v in outcomes["exact"].items()},
        tuple(_rule(r) for r in outcomes["rules"]),
    )


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary shipped in resources/, read once."""
    text = resources.files("resources").joinpath("ledger_vocabulary.json").read_text(encoding="utf-8")
    return build(json.loads(text))
