"""The Word export rendered by LibreOffice: A4 pages, the expected page count, every table label and value present."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from exporters.docx.tables import table_texts
from exporters.docx.writer import write_docx
from tests.exporters.docx.test_writer import varied_2021
from tests.support.libreoffice import convert

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, soffice):
    """Each report written and converted to PDF once: {name: (report, pdf path)}."""
    if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        pytest.skip("poppler-utils (pdftotext, pdfinfo) is not installed")
    from model.example import load_example

    folder = tmp_path_factory.mktemp("docx-pdf")
    out = {}
    for name, report in (("example", load_example()), ("2021", varied_2021())):
        source = folder / f"{name}.docx"
        write_docx(report, source)
        out[name] = (report, convert(source, "pdf", folder))
    return out


def _pages(pdf) -> list[tuple[float, float]]:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "99", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


def _text(pdf) -> str:
    return subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


BOTH = pytest.mark.parametrize("name", ["example", "2021"])


@BOTH
def test_a4_portrait_pages_and_page_count(name, rendered):
    _, pdf = rendered[name]
    pages = _pages(pdf)
    assert 4 <= len(pages) <= 8, pages
    a4 = [(round(w), round(h)) for w, h in pages]
    assert all(size == (595, 842) for size in a4), a4  # table 四 fits the portrait page at 小五


@BOTH
def test_tables_text_present(name, rendered):
    report, pdf = rendered[name]
    text = re.sub(r"\s+", "", _text(pdf))
    assert re.sub(r"\s+", "", report.title) in text
    for section in report.fmt.sections:
        assert section.heading in text
    for table in report.fmt.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.text:  # -raw keeps a cell's wrapped lines together
                    assert cell.text in text, (table.key, cell.text)
        for value in table_texts(table, report).values():
            if value:
                assert value in text


def test_page_numbers_in_dash_style(rendered):
    _, pdf = rendered["example"]
    text = _text(pdf)
    assert re.search(r"—\s*1\s*—", text) and re.search(r"—\s*2\s*—", text)
