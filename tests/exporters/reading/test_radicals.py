"""Every reader that ends in blocks (web page, copied text, Word) takes radicals and compatibility ideographs for the
ideographs they stand for — a report copied out of a PDF made by Qt or WPS carries 「⼈⺠」 for 「人民」 — in prose,
title and table labels alike; full-width punctuation stays as printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from exporters.docx.writer import write_docx
from exporters.html.writer import write_html
from exporters.reading import read_any
from exporters.text.reader import report_from_text
from model.example import load_example
from tests.exporters.reading.test_reading_roundtrip import findings, same_report
from tests.support import pdf_docs as pd
from tests.support.copied_text import copied_text
from tests.support.factories import full_2021

# ideograph → what such a text layer names it: Kangxi radicals, the Supplement, a compatibility ideograph (不)
AS_PRINTED = str.maketrans(
    {"人": "⼈", "民": "⺠", "工": "⼯", "门": "⻔", "户": "⼾", "一": "⼀", "长": "⻓", "不": "\uf967"}
)
CASES = {"example": load_example, "full_2021": full_2021}


def radicals(text: str) -> str:
    printed = text.translate(AS_PRINTED)
    assert printed != text
    return printed


def _html(report, folder: Path) -> Path:  # type: ignore[no-untyped-def]
    path = folder / "r.html"
    write_html(report, path)
    path.write_text(radicals(path.read_text(encoding="utf-8")), encoding="utf-8")
    return path


def _docx(report, folder: Path) -> Path:  # type: ignore[no-untyped-def]
    path = folder / "r.docx"
    write_docx(report, path)

    def edit(root) -> None:  # type: ignore[no-untyped-def]
        for t in root.iter(pd.q("t")):
            t.text = (t.text or "").translate(AS_PRINTED)

    return pd.edit_docx(path, edit)


@pytest.mark.parametrize("name", list(CASES))
@pytest.mark.parametrize("make", [_html, _docx], ids=["html", "docx"])
def test_web_pages_and_word_files_with_radicals_read_back_as_the_same_report(tmp_path, name, make):
    report = CASES[name]()
    read, document = read_any(make(report, tmp_path))
    assert document == []
    same_report(read, report)
    assert findings(read) == findings(report)


@pytest.mark.parametrize("name", list(CASES))
def test_copied_text_with_radicals_reads_back_with_its_punctuation(name):
    report = CASES[name]()
    read, document = report_from_text(radicals(copied_text(report)))
    assert document == []
    assert read.agency == report.agency and read.values == report.values
    assert {k: v for k, v in read.prose.items() if v} == {k: v for k, v in report.prose.items() if v}
    assert "（" in "".join(read.prose.values())  # full-width brackets kept, not NFKC'd to ASCII
