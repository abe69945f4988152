"""The PDF's 落款 carries the report's 落款日期 (the print preview and printing paint the same document)."""

from __future__ import annotations

import datetime

from exporters.kinds import ExportOptions, kind
from tests.gui.printing.test_pdf import page_texts, poppler  # noqa: F401 - the fixture
from tests.support.factories import full_2021


def test_the_pdf_sign_off_is_dated_with_the_reports_date(qapp, tmp_path, poppler):  # noqa: F811
    report = full_2021()
    report.sign_off_date = datetime.date(2025, 1, 20)
    path = tmp_path / "filed.pdf"
    kind("pdf").write(report, path, ExportOptions(closing="filed"))
    tail = "".join("".join(page_texts(path)).split())
    tail = tail[tail.rindex("六、") :]
    assert report.agency + "2025年1月20日" in tail
