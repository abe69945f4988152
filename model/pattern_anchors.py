"""The words a pattern cannot match without: a text that has none of them is skipped without compiling the pattern
(the prose rule's 35 patterns cost more to compile than the whole first check of a report)."""

from __future__ import annotations

from functools import lru_cache

META = frozenset("\\[](){}.*+?^$|")
QUANTIFIERS = frozenset("?*+{")
ZERO_WIDTH = ("(?<!", "(?<=", "(?=", "(?!")
GROUP_OPENINGS = ("(?:", "(?P<", *ZERO_WIDTH)


def may_match(pattern: str, text: str) -> bool:
    """False only when the pattern cannot find anything in the text: none of its anchors stands in it."""
    words = anchors(pattern)
    return words is None or any(word in text for word in words)


@lru_cache(maxsize=256)
def anchors(pattern: str) -> tuple[str, ...] | None:
    """The literals of the pattern's first required part, one of which every match contains: a run of plain
    characters (「上年结转」), or a group of plain alternatives (「(?:受理|收到|新收)」); optional parts, lookarounds,
    classes and escapes before it are passed over. None when there is none, or the pattern has an alternative
    at its top level or inline flags (「(?i)」)."""
    if _has_flags(pattern) or _long_escape(pattern) or _top_level_bar(pattern):
        return None
    i = 0
    while i < len(pattern):
        end = _item_end(pattern, i)
        quantified = end < len(pattern) and pattern[end] in QUANTIFIERS
        if pattern[i] not in META:
            run = (
                pattern[i:end][:-1] if quantified else pattern[i:end]
            )  # 「审理中?」: the last one is optional
            if run:
                return (run,)
        elif pattern[i] == "(" and not quantified and not pattern.startswith(ZERO_WIDTH, i):
            choices = _plain_choices(pattern[i:end])
            if choices:
                return choices
        i = _after_quantifier(pattern, end)
    return None


def _plain_run(pattern: str, i: int) -> str:
    end = i
    while end < len(pattern) and pattern[end] not in META:
        end += 1
    return pattern[i:end]


def _plain_choices(group: str) -> tuple[str, ...] | None:
    """「(?:受理|收到)」 or 「(受理|收到)」 → ('受理', '收到'); None for a group with anything else in it."""
    inner = group[3:-1] if group.startswith("(?:") else group[1:-1] if not group.startswith("(?") else ""
    choices = tuple(inner.split("|"))
    if not inner or any(not c or any(ch in META for ch in c) for c in choices):
        return None
    return choices


def _item_end(pattern: str, i: int) -> int:
    """Where the item starting at ``i`` ends: a group, a class, an escape, a plain run or one metacharacter."""
    char = pattern[i]
    if char == "(":
        return _group_end(pattern, i)
    if char == "[":
        return _class_end(pattern, i)
    if char == "\\":
        return i + 2
    if char not in META:
        return i + len(_plain_run(pattern, i))
    return i + 1


def _after_quantifier(pattern: str, i: int) -> int:
    """Past any quantifier at ``i`` (「?」「*」「+」「{0,8}」, each perhaps lazy)."""
    if i < len(pattern) and pattern[i] == "{":
        i = pattern.find("}", i) + 1 or len(pattern)
    elif i < len(pattern) and pattern[i] in "?*+":
        i += 1
    else:
        return i
    return i + 1 if i < len(pattern) and pattern[i] in "?+" else i


def _group_end(pattern: str, i: int) -> int:
    """Past the group opened at ``i`` (its nested groups, classes and escapes included)."""
    depth = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(pattern, i)
            continue
        depth += (char == "(") - (char == ")")
        i += 1
        if depth == 0:
            return i
    return len(pattern)


def _class_end(pattern: str, i: int) -> int:
    """Past the class 「[^，。\\d]」 at ``i`` (a ``]`` first in it is a character of it)."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


def _has_flags(pattern: str) -> bool:
    """Inline flags or comments: 「(?i)」「(?x:…)」「(?#…)」 (a literal could then match otherwise)."""
    start = pattern.find("(?")
    while start >= 0:
        if not pattern.startswith(GROUP_OPENINGS, start) and not _escaped(pattern, start):
            return True
        start = pattern.find("(?", start + 1)
    return False


def _long_escape(pattern: str) -> bool:
    """An escape longer than two characters (「\\x41」「\\u4e00」「\\N{…}」) or a back reference (「\\1」)."""
    i = pattern.find("\\")
    while i >= 0:
        if i + 1 < len(pattern) and (pattern[i + 1] in "xuUN" or pattern[i + 1].isdigit()):
            return True
        i = pattern.find("\\", i + 2)
    return False


def _top_level_bar(pattern: str) -> bool:
    i = 0
    while i < len(pattern):
        if pattern[i] == "|":
            return True
        i = _item_end(pattern, i)
    return False


def _escaped(pattern: str, i: int) -> bool:
    slashes = 0
    while i - slashes - 1 >= 0 and pattern[i - slashes - 1] == "\\":
        slashes += 1
    return slashes % 2 == 1
