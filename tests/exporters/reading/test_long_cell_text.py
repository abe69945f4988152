"""Cell texts far longer than any label (found by ``tests/fuzz``: a page or a copied text whose cells held megabytes
took 3–9 s and 230 MB, every comparison normalising and indexing the whole text): no label work on them."""

from __future__ import annotations

import difflib

import pytest

from exporters.reading import label_match
from exporters.reading.label_match import MAX_LABEL_TEXT, canon, looks_like_value, match

LONG = "（四）无法提供" + "的" * 100_000


@pytest.fixture
def compared(monkeypatch) -> list[int]:  # type: ignore[no-untyped-def]
    """The lengths of the texts difflib is given to index."""
    lengths: list[int] = []

    class Counting(difflib.SequenceMatcher):  # type: ignore[type-arg]
        def set_seq2(self, b):  # type: ignore[no-untyped-def]
            lengths.append(len(b))
            super().set_seq2(b)

    monkeypatch.setattr(label_match.difflib, "SequenceMatcher", Counting)
    label_match._match.cache_clear()
    return lengths


def test_a_text_too_long_for_a_label_is_no_label_and_never_indexed(compared):
    assert match("2021", "t3", LONG) is None
    assert match("2021", "t3", "（四）无法提供" + "的" * 40) is None
    assert all(length <= MAX_LABEL_TEXT for length in compared)


def test_a_misprinted_label_is_still_matched(compared):
    hit = match("2021", "t3", "（四）无法提供的")
    assert hit is not None and hit.label.text == "（四）无法提供" and compared


def test_normalising_a_long_text_looks_at_its_beginning_only():
    assert len(canon(LONG)) <= MAX_LABEL_TEXT and canon(LONG).startswith("(四)无法提供")
    assert looks_like_value("9" * 5001) and looks_like_value("9" * 12)
    assert not looks_like_value(LONG)


def test_the_title_search_never_normalises_a_huge_paragraph_whole(monkeypatch):
    """Found by ``tests/fuzz``: a page whose first paragraph held 4 MB spent 4 s in NFKC looking for its title."""
    from exporters.reading import document_text

    seen: list[int] = []
    real = document_text.flat

    def counting(text: str) -> str:
        seen.append(len(text))
        return real(text)

    monkeypatch.setattr(document_text, "flat", counting)
    huge = "说明" * 1_000_000
    found = document_text.find_title(["某某市某某局2023年政府信息公开工作年度报告", huge, huge, huge])
    assert found is not None and found[:2] == ("某某市某某局", 2023)
    assert max(seen) <= 3 * document_text.TITLE_CHARS
    assert document_text.find_title([huge, huge, huge]) is None and max(seen) <= 3 * document_text.TITLE_CHARS
