"""The Word export's 落款 carries the report's 落款日期, in the published copy with a 落款 and in the filed copy."""

from __future__ import annotations

import datetime

from docx import Document

from exporters.kinds import ExportOptions, kind
from exporters.reading import read_any
from model.vocabulary import SIGNATURE
from tests.exporters.reading.test_reading_roundtrip import same_report
from tests.support.factories import full_2021


def test_the_word_sign_off_is_dated_with_the_reports_date(tmp_path):
    report = full_2021()
    report.sign_off_date = datetime.date(2025, 1, 20)
    ends = {}
    for closing in ("sign_off", "filed"):
        path = tmp_path / f"{closing}.docx"
        kind("docx").write(report, path, ExportOptions(closing=closing))
        ends[closing] = [p.text for p in Document(str(path)).paragraphs][-5:]
    assert ends["sign_off"][-2:] == [report.agency, "2025年1月20日"]
    assert ends["filed"] == [report.agency, "2025年1月20日", *SIGNATURE]
    read, document = read_any(tmp_path / "filed.docx")  # the dated closing is still no part of section 六
    assert document == []
    report.sign_off_date = None  # a Word file does not bring its 落款日期 back
    same_report(read, report)


def test_the_web_version_with_a_sign_off_is_dated_too(tmp_path):
    report = full_2021()
    report.sign_off_date = datetime.date(2025, 1, 20)
    path = tmp_path / "r.html"
    kind("html").write(report, path, ExportOptions(closing="filed"))
    page = path.read_text("utf-8")
    assert "2025年1月20日" in page and SIGNATURE[0] not in page
