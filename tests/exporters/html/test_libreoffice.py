"""The app's Word report saved as a web page by another office suite (LibreOffice) reads back as the same report."""

from __future__ import annotations

import pytest

from exporters.docx.writer import write_docx
from exporters.html.reader import read_html
from model.example import load_example
from tests.exporters.html.test_reader import awkward_2021, findings, same_report
from tests.support.factories import full_2021
from tests.support.libreoffice import convert

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]
REPORTS = {"example": load_example, "full_2021": full_2021, "awkward": awkward_2021}


@pytest.mark.parametrize("which", REPORTS, ids=str)
def test_word_export_converted_to_html_by_libreoffice(tmp_path, soffice, which):
    report = REPORTS[which]()
    source = tmp_path / "报告.docx"
    write_docx(report, source)
    out = tmp_path / "html"
    out.mkdir()
    page = convert(
        source, "html", out
    )  # tables as rowspan/colspan, text in <font>/<span>, page footers in divs
    read, document = read_html(page)
    assert document == []
    same_report(read, report)
    assert set(read.stated) == set(read.fmt.totals)  # every printed total is kept as printed
    assert findings(read) == findings(report)
