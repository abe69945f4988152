"""The anchors of a pattern: every text the pattern matches has one of them, for every prose pattern of the formats."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.formats import format_ids, load_format
from model.pattern_anchors import anchors, may_match
from model.prose_rules import _matches

PROSE_PATTERNS = sorted(
    {
        check["pattern"]
        for format_id in format_ids()
        for rule in load_format(format_id).rules
        if rule.kind == "prose_numbers"
        for check in rule.params["checks"]
    }
)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("上年结转[^，。；;、\\d]{0,8}?(?P<n>\\d+)\\s*(?:件|宗)", ("上年结转",)),
        ("(?:共|累计)?(?:受理|收到|新收)[^，。]{0,15}?申请", ("受理", "收到", "新收")),
        ("(?<!申请)予以公开(?:的)?(?P<n>\\d+)", ("予以公开",)),
        ("(受理|收到)x", ("受理", "收到")),
        ("审理中?", ("审理",)),  # the last character is optional
        ("中?x", ("x",)),
        ("[^a]{0,3}?上年", ("上年",)),
        ("(?=公开)公开", ("公开",)),  # a lookahead consumes nothing
        ("\\d+件", ("件",)),
        ("(?:共)+计", ("计",)),  # a repeated group is passed over, not taken
        ("a|b", None),  # an alternative at the top level: nothing is required
        ("(?i)abc", None),  # a flag: 「ABC」 matches too
        ("(?x) a b", None),
        ("\\x41bc", None),  # 「Abc」: the escape is a character, not 「41」
        ("(a)\\1", None),
        ("(?P<n>\\d+)", None),
        ("", None),
    ],
)
def test_anchors(pattern: str, expected: tuple[str, ...] | None) -> None:
    assert anchors(pattern) == expected


def test_every_prose_pattern_has_anchors() -> None:
    """Else the first check of a report compiles them all again."""
    assert PROSE_PATTERNS
    assert [p for p in PROSE_PATTERNS if anchors(p) is None] == []


@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_a_matched_text_has_an_anchor(data: st.DataObject) -> None:
    pattern = data.draw(st.sampled_from(PROSE_PATTERNS))
    text = data.draw(st.from_regex(pattern))
    assert re.search(pattern, text)
    assert may_match(pattern, text)


@settings(max_examples=200, deadline=None)
@given(
    pattern=st.sampled_from(PROSE_PATTERNS),
    text=st.text(alphabet="受理收到申请上年结转予以公开行政复议维持12件宗，。%的"),
)
def test_without_an_anchor_nothing_matches(pattern: str, text: str) -> None:
    if not may_match(pattern, text):
        assert re.search(pattern, text) is None


def test_a_text_without_the_words_is_not_searched() -> None:
    pattern = "上年结转(?P<n>\\d+)件"
    assert _matches(pattern, "本年新收申请30件") == ()
    assert _matches(pattern, "上年结转3件") == ((0, "上年结转3件", 3),)
