"""Reports copied from their web page read back: both formats and the example, blank cells, both copy shapes, a
portal's lines above the title, encodings and line ends, the registry's row; texts that are not reports."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from exporters.kinds import folder_suffixes, kind, kind_of, readable_suffixes
from exporters.reading import ReadError, read_any
from exporters.reading.errors import NoReportError, UnsafeFileError
from exporters.text.decode import MAX_BYTES, MAX_CHARS
from exporters.text.reader import TextError, blocks_from_text, read_text, report_from_text
from model.engine import evaluate
from model.example import load_example
from model.report import Report
from tests.support.copied_text import copied_text
from tests.support.factories import full_2021
from tests.support.office_docs import Style


def distinct(format_id: str) -> Report:
    """Every input a different number: a value read from a wrong column cannot pass for the right one."""
    report = Report.new(2020 if format_id == "2019" else 2023, "某某市某某局", "政府部门", format_id)
    for index, cell_id in enumerate(report.input_ids(), 1):
        report.set_value(cell_id, Decimal(index) if report.fmt.cells[cell_id].kind == "amount" else index)
    return report


REPORTS = {
    "example": load_example,
    "2021": full_2021,
    "2019-distinct": lambda: distinct("2019"),
    "2021-distinct": lambda: distinct("2021"),
}


def assert_same(back: Report, report: Report) -> None:
    assert (back.agency, back.year, back.format_id) == (report.agency, report.year, report.format_id)
    assert back.values == report.values and back.invalid == {}
    totals = report.totals()
    assert back.stated == {cell: totals[cell] for cell in report.fmt.totals if totals[cell] is not None}


def one_row_a_line(text: str) -> str:
    """The other copy shape: a table row on one line, its cells between tabs (no empty line after a row)."""
    out: list[str] = []
    row: list[str] | None = None
    for line in text.split("\n"):
        if line.startswith("\t"):
            row = [*(row or []), line[1:]]
        elif row is not None:
            out.append("\t".join(row))
            row = None
        else:
            out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("zero", ["-", "0"])
@pytest.mark.parametrize("name", REPORTS)
def test_copied_reports_read_back(name, zero):
    report = REPORTS[name]()
    back, findings = report_from_text(copied_text(report, Style(zero=zero)))
    assert findings == []
    assert_same(back, report)
    assert {k: v for k, v in back.prose.items() if v} == {k: v for k, v in report.prose.items() if v}


@pytest.mark.parametrize("name", ["2019-distinct", "2021-distinct", "example"])
def test_one_row_a_line_reads_back(name):
    report = REPORTS[name]()
    back, findings = report_from_text(one_row_a_line(copied_text(report)))
    assert findings == []
    assert_same(back, report)


def test_a_copy_without_the_places_of_cells_spanning_down_is_flagged():
    """An HTML ``rowspan`` copied with no empty cell in its place: the header's columns cannot be told apart."""
    back, findings = report_from_text(copied_text(load_example(), spanned=False))
    assert [f.code for f in findings] == ["DOC-TABLE"] and "错列" in findings[0].message
    assert back.agency == "杭州市城市管理局"


def test_blank_cells_stay_blank():
    report = full_2021()
    for cell_id in ("t3.new.natural", "t3.next.others", "t2.normative.issued", "t4.cases.review_upheld"):
        report.set_value(cell_id, None)
    back, _ = report_from_text(copied_text(report))
    assert back.values == report.values
    assert "t3.new.natural" not in back.values and back.values["t3.new.business"] == 6


def test_contact_title_and_findings_of_a_whole_page_copy():
    """A page copied whole: navigation and a phone number above the title, a date line under it."""
    report = full_2021()
    header = ("首页 > 政务公开 > 政府信息公开年报", "网站支持IPv6  无障碍  电话：0000-99999999", "")
    text = copied_text(report, Style(zero="-", title_lines=1), header=header)
    text = text.replace(report.title + "\n", report.title + "\n发布日期：2024-01-20\n", 1)
    back, findings = report_from_text(text, "网页.txt")
    assert findings == []
    assert (back.agency, back.year, back.level) == ("某某市某某局", 2023, "政府部门")
    assert back.contact == report.contact
    assert back.values == report.values
    blocks = blocks_from_text(text)
    assert blocks[0].text == report.title


def test_a_mislabelled_copy_is_read_with_findings():
    report = full_2021()
    back, findings = report_from_text(copied_text(report, Style(zero="-", labels={"自然人": "自然 人员"})))
    assert back.values == report.values
    assert [f.code for f in findings] == ["FMT-LABEL"]


@pytest.mark.parametrize(
    "encoding,newline",
    [("utf-8", "\n"), ("utf-8-sig", "\r\n"), ("gbk", "\r\n"), ("gb18030", "\r"), ("utf-16", "\r\n")],
)
def test_encodings_and_line_ends(tmp_path, encoding, newline):
    report = full_2021()
    path = tmp_path / "报告.txt"
    path.write_bytes(copied_text(report).replace("\n", newline).encode(encoding))
    back, findings = read_text(path)
    assert findings == []
    assert_same(back, report)
    assert back.prose["s1"] == report.prose["s1"]


def test_text_that_holds_no_report():
    with pytest.raises(TextError, match="文件是空的"):
        report_from_text(" \n\t\n")
    text = "某某局2023年政府信息公开工作年度报告\n一、总体情况\n本年公开信息1200条。\n"
    with pytest.raises(NoReportError, match="没有找到年度报告的统计表"):
        report_from_text(text)
    with pytest.raises(NoReportError):
        report_from_text("\t姓名\n\t张三\n\n\t电话\n\t123\n\n")  # a table, but none of the report's


def test_files_that_are_no_text_or_too_large(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(TextError, match="文件是空的"):
        read_text(empty)
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(TextError, match="编码无法识别"):
        read_text(binary)
    large = tmp_path / "large.txt"
    large.write_bytes(b"a" * (MAX_BYTES + 1))
    with pytest.raises(UnsafeFileError, match="过大"):
        read_text(large)
    with pytest.raises(UnsafeFileError, match="过大"):
        report_from_text("a" * (MAX_CHARS + 1))
    cells = ("\t".join(["0"] * 64) + "\n") * 100 + "\n"
    with pytest.raises(UnsafeFileError, match="单元格过多"):
        report_from_text(("标题\n" + cells) * 3)
    with pytest.raises(TextError, match="无法读取"):
        read_text(tmp_path / "missing.txt")


def test_the_registry_row_and_read_any(tmp_path):
    entry = kind("txt")
    assert kind_of("报告.TXT") is entry and ".txt" in readable_suffixes() and ".txt" not in folder_suffixes()
    assert entry.writer is None and entry.mime == "text/plain"
    path = tmp_path / "报告.txt"
    path.write_text(copied_text(full_2021()), encoding="gbk")
    report, findings = read_any(path)
    assert report.values == full_2021().values and findings == []
    assert entry.paste(copied_text(full_2021()))[0].values == full_2021().values
    (tmp_path / "notes.txt").write_text("会议记录\n", encoding="utf-8")
    with pytest.raises(ReadError, match="无法打开“notes.txt”：文档中没有找到年度报告的统计表"):
        read_any(tmp_path / "notes.txt")


def test_evaluate_runs_on_what_is_read():
    back, _ = report_from_text(copied_text(full_2021()))
    assert [f for f in evaluate(back) if f.severity == "error"] == []


def test_a_cell_line_after_a_paragraph_starts_a_table_and_text_lines_end_it():
    blocks = blocks_from_text("甲\n\t1\n\t2\n\n\t3\n乙\n\n\t4\n\n\n\t5\n")
    shape = [b.grid if b.is_table else b.text for b in blocks]
    assert shape == ["甲", [["1", "2"], ["3", "3"]], "乙", [["4"]], [["5"]]]


def test_paths_are_strings_or_paths(tmp_path: Path):
    path = tmp_path / "报告.txt"
    path.write_text(copied_text(full_2021()), encoding="utf-8")
    assert read_text(str(path))[0].values == read_text(path)[0].values
