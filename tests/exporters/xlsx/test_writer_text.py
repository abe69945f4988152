"""Texts a clerk pasted from elsewhere: characters XML cannot hold do not break the Excel (or Word) export, and text
beginning like a formula — = + - @, a tab or a carriage return — stays text, with Excel's quote prefix."""

from __future__ import annotations

from openpyxl import load_workbook

from exporters.docx.writer import write_docx
from exporters.reading import read_any
from exporters.xlsx.writer import write_xlsx
from tests.support.factories import full_2021


def test_control_characters_are_left_out_of_both_exports(tmp_path):
    report = full_2021(agency="某某市\x0b某某局\x01")
    report.prose["s5"] = "第一行\x0b第二行\x0c\x00完"
    report.contact.office = "办公室\ud800"
    write_xlsx(report, tmp_path / "r.xlsx")
    write_docx(report, tmp_path / "r.docx")
    for name in ("r.xlsx", "r.docx"):
        read, _ = read_any(tmp_path / name)
        assert read.agency == "某某市某某局" and read.values == report.values
    read, _ = read_any(tmp_path / "r.xlsx")
    assert read.prose["s5"] == "第一行第二行完" and read.contact.office == "办公室"


def test_text_starting_with_a_tab_or_a_carriage_return_keeps_a_quote_prefix(tmp_path):
    report = full_2021()
    report.contact.office = "\t=1+1"
    report.contact.address = "\r@SUM(A1)"
    report.contact.phone = "0571-1234"
    write_xlsx(report, tmp_path / "r.xlsx")
    book = load_workbook(tmp_path / "r.xlsx")
    cells = {row[0]: row[2] for row in book["_cells"].iter_rows(min_row=2, values_only=True) if row[0]}
    info = book["基本信息"]
    for key in ("info.contact.office", "info.contact.address"):
        cell = info[cells[key]]
        assert cell.data_type == "s" and cell.quotePrefix, key
    assert not info[cells["info.contact.phone"]].quotePrefix
