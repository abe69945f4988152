"""A long agency name is broken into balanced title lines (no lone character on a line), and reads back whole."""

from __future__ import annotations

from exporters.docx.prose import TITLE_LINE_EM, display_width, title_lines
from exporters.docx.writer import write_docx
from exporters.reading import read_any
from tests.support.factories import full_2021

LONG = "某某省某某市某某区人民政府办公室政务公开科"  # 21 characters: wider than one 二号 title line


def test_an_agency_wider_than_a_line_is_split_in_balanced_lines():
    report = full_2021(year=2025, agency=LONG)
    lines = title_lines(report)
    assert "".join(lines) == LONG + "2025年政府信息公开工作年度报告"
    assert lines[-1] == "2025年政府信息公开工作年度报告"
    agency_lines = lines[:-1]
    assert len(agency_lines) == 2
    assert all(display_width(line) <= TITLE_LINE_EM for line in lines)
    assert min(len(line) for line in agency_lines) >= 5  # not 「…政务公开」 + a lone 「科」


def test_a_long_agency_reads_back_whole(tmp_path):
    report = full_2021(year=2025, agency=LONG)
    path = tmp_path / "long.docx"
    write_docx(report, path)
    read, _ = read_any(path)
    assert read.agency == LONG and read.year == 2025
