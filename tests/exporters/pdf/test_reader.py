"""Reading published PDFs: the app's own Word export printed by LibreOffice, and the layouts that make published
PDFs hard (a table broken across pages, a continued table without its top rule, white borders, prose in a frame,
a heading inside a table, spaced and broken labels, a number wrapped from its unit)."""

from __future__ import annotations

import re

import pypdf
import pypdfium2 as pdfium
import pytest

from exporters.pdf import layout, page
from exporters.pdf.reader import read_pages, read_pdf
from exporters.pdf.safe_pdf import check_pdf
from exporters.reading import read_any
from model.engine import evaluate
from tests.exporters.reading.test_reading_roundtrip import findings, same_report
from tests.support.pdf_docs import as_printed, page_texts
from tests.support.pdf_files import overlay

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]


def bare_text(pdf) -> str:
    document = pdfium.PdfDocument(pdf)
    try:
        return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()


def read_back(case):
    read, document = read_pdf(case.pdf)
    return read, [(f.code, f.message) for f in document]


@pytest.mark.parametrize("name", ["example", "full", "awkward"])
def test_the_apps_word_export_printed_to_pdf_reads_back(published, name):
    case = published[name]
    read, document = read_back(case)
    assert document == []
    same_report(read, as_printed(case.report, case.pdf))
    assert read.stated == {k: v for k, v in read.stated.items() if k in read.fmt.totals}
    for cell_id in read.fmt.totals:  # every printed total is read as printed
        assert read.stated.get(cell_id) == case.report.effective(cell_id), cell_id
    assert findings(read) == findings(case.report)


def test_the_example_keeps_both_formats_apart(published):
    assert read_back(published["example"])[0].format_id == "2019"
    assert read_back(published["full"])[0].format_id == "2021"


def _break_inside_table_three(pdf) -> int:
    """The page where table 三 breaks inside group （四）: 「（四）无」 on it, 「法提供」 on the next (poppler's view)."""
    pages = page_texts(pdf)
    for number, (text, following) in enumerate(zip(pages, pages[1:]), start=1):
        if "1.本机关不掌握相关政府信息" in text and "2.没有现成信息需要另行制作" in following:
            assert "（四）无" in text and "法提供" in following and "法提供" not in text
            assert "（七）总计" in following and "申请人情况" not in following  # no repeated header
            return number
    raise AssertionError("the page break does not fall inside table 三")


@pytest.mark.parametrize("name", ["split", "continued"])
def test_table_three_broken_across_pages_with_a_label_cut_in_two(published, name):
    case = published[name]
    _break_inside_table_three(case.pdf)
    read, document = read_back(case)
    assert document == []
    same_report(read, as_printed(case.report, case.pdf))


def test_the_continued_table_really_has_no_top_rule(published):
    case = published["continued"]
    number = _break_inside_table_three(case.pdf)
    continued = read_pages(check_pdf(case.pdf))[number]  # the page after the break
    first_row = min(c.top for c in continued.chars if c.text == "2")
    tops = [r.at for r in continued.rules if r.horizontal]
    assert tops and min(tops) > first_row  # nothing drawn above the first row
    assert read_back(case)[0].values == read_back(published["split"])[0].values


def _white_line_through(pdf, label: str, after: int, out):
    """``pdf`` with a white line drawn through ``label`` after its first ``after`` characters, over the height of
    its row — as an Excel sheet printed with white grid lines under text that runs over into the next cell."""
    pages = read_pages(check_pdf(pdf))
    for index, shown in enumerate(pages):
        text = "".join(c.text for c in shown.chars)
        if label not in text:
            continue
        at = text.index(label) + after
        left, right = shown.chars[at - 1], shown.chars[at]
        x = (left.right + right.left) / 2
        rules = [r.at for r in shown.rules if r.horizontal and r.start <= x <= r.end]
        top = max(y for y in rules if y < right.cy)
        bottom = min(y for y in rules if y > right.cy)
        h = shown.height
        line = f"1 1 1 RG 0.5 w {x:.2f} {h - top:.2f} m {x:.2f} {h - bottom:.2f} l S".encode()
        return overlay(pdf, out, index, line)
    raise AssertionError(f"{label} not printed")


def test_white_lines_are_no_borders(published, tmp_path, monkeypatch):
    case = published["white_border"]  # header cells split in two by a white line (WPS, hand-made tables)
    read, document = read_back(case)
    assert document == []
    same_report(read, as_printed(case.report, case.pdf))
    crossed = _white_line_through(case.pdf, "一、本年新收政府信息公开申请数量", 8, tmp_path / "crossed.pdf")
    read, document = read_pdf(crossed)
    assert document == []
    same_report(read, as_printed(case.report, case.pdf))
    monkeypatch.setattr(page, "DARK", 1.01)  # were the white line a border, the row label would be cut in two
    phantom, _ = read_pdf(crossed)
    assert "t3.new.natural" not in phantom.values and phantom.values != case.report.values


def test_prose_in_a_frame_is_prose(published):
    case = published["framed_prose"]
    read, document = read_back(case)
    assert document == []
    same_report(read, as_printed(case.report, case.pdf))


def test_a_heading_printed_inside_table_two_goes_before_it(published):
    case = published["heading_in_table"]
    blocks = layout.page_blocks(read_pages(check_pdf(case.pdf)))
    at = next(i for i, b in enumerate(blocks) if b.text == "二、主动公开政府信息情况")
    assert blocks[at + 1].is_table and "二、主动公开政府信息情况" not in str(blocks[at + 1].grid)
    read, document = read_back(case)
    assert document == []
    same_report(read, as_printed(case.report, case.pdf))


def test_spaced_labels_and_a_number_wrapped_from_its_unit(published):
    case = published["spaced_labels"]
    texts = page_texts(case.pdf)
    assert any(line.rstrip().endswith("申请 47") for text in texts for line in text.splitlines())
    bare = bare_text(case.pdf)  # pdfium's own text: the spaces and line breaks are printed
    assert "总 计" in bare and "结 果" in bare and re.search(r"只计这一情\s*\n\s*形", bare)
    read, document = read_back(case)
    assert document == []  # no FMT-LABEL: spaces and breaks are no misprint
    same_report(read, as_printed(case.report, case.pdf))
    assert "申请47件" in read.prose["s1"]
    assert findings(read) == findings(case.report)
    assert not [f for f in evaluate(read) if f.code in ("TXT-NUM", "FEE-TEXT", "COPY")]


def test_read_any_opens_a_pdf(published):
    read, _ = read_any(published["full"].pdf)
    assert read.agency == "某某市某某局" and read.year == 2023


def test_a_landscape_page_stored_turned_by_rotate(published, tmp_path):
    """Table 四's landscape page stored as a portrait page shown turned (/Rotate 90), as some printers write it."""
    case = published["landscape"]
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(case.pdf))
    turned = 0
    for shown in writer.pages:
        width, height = float(shown.mediabox.width), float(shown.mediabox.height)
        if width > height:
            shown.add_transformation(pypdf.Transformation().rotate(90).translate(height, 0))
            shown.mediabox = shown.cropbox = pypdf.generic.RectangleObject([0, 0, height, width])
            shown.rotation = 90
            turned += 1
    out = tmp_path / "turned.pdf"
    with out.open("wb") as handle:
        writer.write(handle)
    assert turned == 1 and "行政复议" in page_texts(out)[3]
    read, document = read_pdf(out)
    assert document == []
    same_report(read, as_printed(case.report, case.pdf))
