"""Drafts edited or damaged by hand: a 5,001-digit number is one DraftError, a lone surrogate (「\\ud800」 in the
JSON) is replaced on load so every save still works, and no message carries what UTF-8 cannot print."""

from __future__ import annotations

import pytest

from model import draft
from tests.support.factories import full_2021


def _text() -> str:
    return draft.dumps(full_2021()).decode("utf-8")


def test_an_integer_of_5001_digits():
    raw = _text().replace('"year": 2023', '"year": ' + "1" * 5001, 1).encode("utf-8")
    with pytest.raises(draft.DraftError, match="位数过多"):
        draft.loads(raw, "长.nianbao")


def test_lone_surrogates_are_replaced_on_load_and_the_draft_saves(tmp_path):
    raw = _text().replace('"agency": "', '"agency": "\\ud800', 1).replace('"s1": "', '"s1": "\\udfff', 1)
    report = draft.loads(raw.encode("utf-8"))
    assert report.agency.startswith("\ufffd") and report.prose["s1"].startswith("\ufffd")
    draft.save(report, tmp_path / "存.nianbao")
    assert draft.load(tmp_path / "存.nianbao") == report


def test_the_message_about_an_unknown_key_is_printable_and_short():
    raw = _text().replace('"values": {', '"values": {"\\ud800' + "x" * 5000 + '": 1, ', 1)
    with pytest.raises(draft.DraftError) as caught:
        draft.loads(raw.encode("utf-8"))
    message = str(caught.value)
    message.encode("utf-8")  # no lone surrogate left in it
    assert "不符合草稿格式" in message and len(message) < 200
