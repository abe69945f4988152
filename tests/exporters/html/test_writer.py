"""The web version (exporters/html/writer.py): a clean page — UTF-8, no scripts, no classes, inline styles — whose
tables account for every cell of the grid, read back by the HTML reader as the same report."""

from __future__ import annotations

from html.parser import HTMLParser

import lxml.html
import pytest

from exporters.html.writer import article_html, page_html, write_html
from exporters.kinds import ExportOptions, kind
from exporters.reading import read_any
from model.document import report_document
from model.example import load_example
from model.vocabulary import SIGNATURE
from tests.exporters.reading.test_reading_roundtrip import awkward_2021, findings, same_report
from tests.support.factories import full_2021

CASES = {"example": load_example, "full_2021": full_2021, "awkward": awkward_2021}


@pytest.mark.parametrize("name", list(CASES))
def test_the_page_reads_back_as_the_same_report(tmp_path, name):
    report = CASES[name]()
    path = tmp_path / "report.html"
    kind("html").write(report, path, ExportOptions())
    read, document = read_any(path)
    assert document == []
    same_report(read, report)
    assert [code for code, _ in findings(read)] == [code for code, _ in findings(report)]


class _Strict(HTMLParser):
    """Every start tag closed in order (void elements aside): well-formed enough for any CMS editor."""

    VOID = {"meta", "br"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.tags.add(tag)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        assert self.stack and self.stack.pop() == tag, tag


@pytest.mark.parametrize("name", ["example", "full_2021"])
def test_clean_markup_inline_styles_and_every_cell_in_the_grid(tmp_path, name):
    report = CASES[name]()
    path = tmp_path / "r.html"
    write_html(report, path)
    data = path.read_bytes()
    text = data.decode("utf-8")
    assert text.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in text
    strict = _Strict()
    strict.feed(text)
    strict.close()
    assert strict.stack == [] and not strict.tags & {"script", "style", "link", "iframe", "object", "img"}
    root = lxml.html.fromstring(data)
    assert not root.xpath("//@class | //@id | //@onclick | //@onload | //script | //style")
    assert all(el.get("style") for el in root.iter("p", "h1", "h2", "table", "td"))
    tables = root.xpath("//table")
    described = report_document(report).tables()
    assert len(tables) == len(described) == len(report.fmt.tables)
    for element, table in zip(tables, described):
        covered: set[tuple[int, int]] = set()
        for r, tr in enumerate(element.xpath("./tbody/tr")):
            col = 0
            for td in tr.xpath("./td"):
                while (r, col) in covered:
                    col += 1
                rowspan, colspan = int(td.get("rowspan", 1)), int(td.get("colspan", 1))
                for rr in range(r, r + rowspan):
                    for cc in range(col, col + colspan):
                        assert (rr, cc) not in covered
                        covered.add((rr, cc))
                col += colspan
        assert covered == {(r, c) for r in range(table.rows) for c in range(table.columns)}, table.key
        cells = [td.text_content() for td in element.xpath(".//td")]
        assert cells == [cell.text for cell in table.cells]  # the official labels and the values, in order


def test_the_web_version_keeps_the_sign_off_but_never_the_signature_block(tmp_path):
    report = load_example()
    published = page_html(report_document(report))
    assert "单位负责人" not in published and "盖章" not in published
    path = tmp_path / "filed.html"
    kind("html").write(report, path, ExportOptions(closing="filed"))
    text = path.read_text(encoding="utf-8")
    assert "杭州市城市管理局</p>" in text and not any(line in text for line in SIGNATURE)


def test_markup_in_the_clerks_text_is_escaped():
    report = load_example()
    report.prose["s6"] = "<script>alert(1)</script> & 其他"
    html = article_html(report_document(report))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; 其他" in html
