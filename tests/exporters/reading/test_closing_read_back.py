"""A report that ends with its 落款, or the filed copy's signature block (备案稿), reads back as the same report:
the closing is no part of section 六."""

from __future__ import annotations

import pytest
from docx import Document

from exporters.kinds import ExportOptions, kind
from exporters.reading import read_any
from model.example import load_example
from model.vocabulary import SIGNATURE
from tests.exporters.reading.test_reading_roundtrip import same_report
from tests.support.factories import full_2021


@pytest.mark.parametrize("closing", ["sign_off", "filed"])
@pytest.mark.parametrize("key", ["docx", "html"])
@pytest.mark.parametrize("make", [load_example, full_2021], ids=["2019", "2021"])
def test_the_closing_is_left_out_when_read_back(tmp_path, closing, key, make):
    report = make()
    path = tmp_path / f"r{kind(key).suffix}"
    kind(key).write(report, path, ExportOptions(closing=closing))
    read, document = read_any(path)
    assert document == []
    same_report(read, report)


def test_the_word_filed_copy_ends_with_the_signature_block_the_published_one_does_not(tmp_path):
    report = load_example()
    ends = {}
    for closing in ("none", "sign_off", "filed"):
        path = tmp_path / f"{closing}.docx"
        kind("docx").write(report, path, ExportOptions(closing=closing))
        ends[closing] = [p.text for p in Document(str(path)).paragraphs][-5:]
    assert ends["none"][-1] == "无。" and not set(SIGNATURE) & set(ends["none"])
    assert ends["sign_off"][-2] == "杭州市城市管理局" and ends["sign_off"][-1].endswith("日")
    assert ends["filed"] == ["杭州市城市管理局", ends["sign_off"][-1], *SIGNATURE]
