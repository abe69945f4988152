"""Reading published Word reports made by other offices (Word- and WPS-like tables) and checking the findings."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporters.docx.reader import read_docx
from exporters.reading import ReadError, read_any
from model.engine import evaluate
from model.example import load_example
from model.report import Contact, Report
from tests.support.factories import full_2021
from tests.support.office_docs import Style, build


def codes(findings) -> dict[str, list[str]]:
    """Errors and warnings by code (the 提示 — the reviewer's ratios, a missing web address — aside)."""
    out: dict[str, list[str]] = {}
    for finding in findings:
        if finding.severity != "info":
            out.setdefault(finding.code, []).append(finding.message)
    return out


def read_and_check(report: Report, path: Path, style: Style) -> tuple[Report, dict[str, list[str]]]:
    read, document = read_docx(build(report, path, style))
    return read, codes(document + evaluate(read))


def seed_2020() -> Report:
    """杭州市城市管理局, 2020, 2019 format: the figures of the seed report, typed in."""
    report = Report.new(2020, "杭州市城市管理局", "政府部门")
    t2 = {
        "regulations": (0, 0, 0),
        "normative": (5, 5, 6),
        "license": (28, 0, 11754),
        "other_services": (2, 0, 5302),
        "penalty": (237, 251, 416054),
        "coercion": (12, 0, 11368),
    }
    for row, figures in t2.items():
        cols = (
            ("made", "published", "total")
            if row in ("regulations", "normative")
            else ("prev", "delta", "decisions")
        )
        for col, value in zip(cols, figures):
            report.set_value(f"t2.{row}.{col}", value)
    report.set_value("t2.fees.prev", 2)
    report.set_value("t2.fees.delta", 0)
    report.set_value("t2.procurement.count", 0)
    report.set_value("t2.procurement.amount", Decimal(0))
    for cell_id in report.input_ids():
        if cell_id.startswith(("t3.", "t4.")):
            report.set_value(cell_id, 0)
    t3 = {
        "new": (28, 1, 1),
        "carry": (5, 0, 0),
        "open": (8, 1, 1),
        "deny_third": (2, 0, 0),
        "deny_internal": (1, 0, 0),
        "unable_nohold": (20, 0, 0),
        "unable_make": (2, 0, 0),
    }
    for row, (natural, business, research) in t3.items():
        report.set_value(f"t3.{row}.natural", natural)
        report.set_value(f"t3.{row}.business", business)
        report.set_value(f"t3.{row}.research", research)
    report.set_value("t4.cases.review_corrected", 1)
    report.prose = {
        "s1": "（1） 主动公开情况\n本年主动公开信息。\n（2） 依申请公开情况\n本年受理申请30件。",
        "s5": "一是培训不够；二是解读不足。下一步加强培训，丰富解读。",
    }
    return report


def test_a_report_in_the_layout_of_the_seed_has_no_errors(tmp_path):
    report = seed_2020()
    assert report.totals()["t3.total.total"] == 35 and report.totals()["t3.new.total"] == 30
    style = Style(
        zero="-",
        title_lines=2,
        opening="根据《中华人民共和国政府信息公开条例》要求，编制本报告。",
        headings={"s1": "1、 总体情况"},
    )
    read, found = read_and_check(report, tmp_path / "seed.docx", style)
    assert (read.agency, read.year, read.format_id, read.level) == (
        "杭州市城市管理局",
        2020,
        "2019",
        "政府部门",
    )
    assert read.values == report.values
    assert all(read.stated[c] == report.value(c) for c in read.fmt.totals)
    assert read.prose["s1"] == report.prose["s1"] and read.prose["s5"] == report.prose["s5"]
    assert set(found) == {"HYG-CONTACT"}  # its opening gives no address, phone or e-mail


WPS = Style(
    merged=False,
    numbering="1、 ",
    row_numbering="、",
    breaks=True,
    zero="-",
    extra_column=True,
    extra_row=True,
    title_lines=1,
)


@pytest.mark.parametrize(
    "style", [Style(), WPS, Style(numbering="", zero="—", title_lines=1)], ids=["word", "wps", "unnumbered"]
)
def test_word_and_wps_like_tables_read_back_the_same(tmp_path, style):
    report = full_2021()
    read, found = read_and_check(report, tmp_path / "r.docx", style)
    assert (read.agency, read.year, read.format_id) == (report.agency, report.year, "2021")
    assert read.values == report.values and read.units == report.units and not read.invalid
    assert {c: read.stated[c] for c in read.stated} == {c: report.value(c) for c in read.stated}
    assert set(read.stated) == set(read.fmt.totals)
    assert read.prose == report.prose and read.contact == report.contact
    assert found == {}


def test_table_four_total_printed_0_while_its_parts_sum_to_11(tmp_path):
    report = full_2021()
    for col, value in zip(("upheld", "corrected", "other", "pending"), (10, 1, 0, 0)):
        report.set_value(f"t4.cases.review_{col}", value)
    _, found = read_and_check(
        report, tmp_path / "t4.docx", Style(merged=False, texts={"t4.cases.review_total": "0"})
    )
    assert list(found) == ["T4-SUM"]
    assert "填报的总计为0，各项之和为11" in found["T4-SUM"][0]


def test_a_2023_report_with_2021_tables_but_the_single_2019_other_row(tmp_path):
    report = full_2021(year=2023)
    texts = {
        f"t3.other.{c}": str(report.value(f"t3.other_other.{c}") or 0) for c in report.fmt.table("t3").columns
    }
    read, found = read_and_check(report, tmp_path / "mixed.docx", Style(tables={"t3": "2019"}, texts=texts))
    assert read.format_id == "2021" and "FMT-YEAR" not in found
    assert len(found["FMT-MIXED"]) == 2 and "“3.其他”" in found["FMT-MIXED"][1]
    assert read.values["t3.other_other.natural"] == 3
    assert "t3.other_overdue.natural" not in read.values  # not printed: blank, not 0
    assert "T3-BAL" not in found and "T3-SUM" not in found


def test_the_total_column_left_empty_on_every_result_row(tmp_path):
    report = full_2021()
    rows = report.fmt.table("t3").data_row_keys()
    read, found = read_and_check(
        report, tmp_path / "blank.docx", Style(texts={f"t3.{r}.total": "" for r in rows})
    )
    assert all(read.stated[f"t3.{r}.total"] is None for r in rows)
    assert list(found) == ["BLANK"] and "表三有25个空白单元格" in found["BLANK"][0]


def test_misprinted_labels_in_a_2021_report(tmp_path):
    labels = {
        "2.其他法律行政法规禁止公开": "2.其他法律行政止公开",
        "现行有效件数": "现行有效件",
        "行政规范性文件": "规范性文件",
    }
    report = full_2021()
    read, found = read_and_check(report, tmp_path / "labels.docx", Style(labels=labels))
    assert read.format_id == "2021" and read.values == report.values
    assert list(found) == ["FMT-LABEL"]
    messages = "\n".join(found["FMT-LABEL"])
    for printed, official in labels.items():
        assert f"“{official}”" in messages and f"“{printed}”" in messages
    assert len(found["FMT-LABEL"]) == 3
    _, document = read_docx(tmp_path / "labels.docx")
    marked = {f.message.split("应为")[1]: f.cells for f in document}
    assert marked["“现行有效件数”"] == ("t2.regulations.valid", "t2.normative.valid")
    assert marked["“行政规范性文件”"] == (
        "t2.normative.issued",
        "t2.normative.repealed",
        "t2.normative.valid",
    )


def test_a_town_with_regulations(tmp_path):
    report = full_2021(agency="某某县某某镇人民政府", level="乡镇街道")
    report.set_value("t2.regulations.valid", 6)
    report.set_value("t2.regulations.issued", 6)
    read, found = read_and_check(report, tmp_path / "town.docx", Style())
    assert read.level == "乡镇街道"  # guessed from the name ending in 镇 (a heuristic)
    assert list(found) == ["REG-AUTH"] and "为6" in found["REG-AUTH"][0]


def test_blank_cells_and_text_that_is_no_number(tmp_path):
    report = full_2021()
    texts = {"t3.open.research": "", "t2.license.decisions": "", "t3.new.natural": "约40件"}
    read, found = read_and_check(report, tmp_path / "holes.docx", Style(texts=texts))
    assert "t3.open.research" not in read.values and "t2.license.decisions" not in read.values
    assert read.invalid == {"t3.new.natural": "约40件"}
    assert {"BLANK", "VALUE"} <= set(found)
    assert any("约40件" in m for m in found["VALUE"])


def test_2019_tables_in_a_2021_report_are_read_as_2019_and_flagged(tmp_path, example):
    example.year = 2021
    read, found = read_and_check(example, tmp_path / "old.docx", Style())
    assert read.format_id == "2019" and read.year == 2021
    assert "FMT-YEAR" in found and "FMT-MIXED" not in found


def test_prose_rules_apply_to_the_document(tmp_path):
    report = full_2021()
    report.prose["s5"] = "无"
    report.prose["s6"] = "无。"
    _, found = read_and_check(report, tmp_path / "prose.docx", Style())
    assert "SECTION" in found and "FEE-TEXT" in found


def test_title_on_two_lines_and_contact(tmp_path):
    report = full_2021(agency="某某省某某厅")
    report.contact = Contact("厅办公室", "某某市某某路（东段）8号", "310000", "0571-1234567", "a@b.cn", "")
    read, _ = read_and_check(report, tmp_path / "t.docx", Style(title_lines=2))
    assert read.agency == "某某省某某厅" and read.contact == report.contact


def test_a_word_file_that_is_no_report(tmp_path):
    path = tmp_path / "letter.docx"
    document = docx.Document()
    document.add_paragraph("关于报送材料的函")
    document.add_table(rows=2, cols=2).cell(0, 0).text = "序号"
    document.save(str(path))
    with pytest.raises(ReadError, match="没有找到年度报告的统计表"):
        read_any(path)


def test_tables_inside_a_layout_table_and_content_controls(tmp_path):
    from docx.oxml.ns import qn
    from lxml import etree

    path = build(full_2021(), tmp_path / "plain.docx", Style())
    document = docx.Document(str(path))
    body = document.element.body
    tables = list(body.iterchildren(qn("w:tbl")))
    layout = document.add_table(rows=1, cols=1)
    cell = layout.cell(0, 0)._tc
    cell.append(tables[1])  # table 三 now sits inside a one-cell layout table
    body.insert(list(body).index(tables[2]), layout._tbl)
    control = etree.SubElement(body, qn("w:sdt"))
    content = etree.SubElement(control, qn("w:sdtContent"))
    content.append(tables[2])  # table 四 inside a content control
    body.append(body.find(qn("w:sectPr")))
    document.save(str(tmp_path / "nested.docx"))
    read, found = read_docx(tmp_path / "nested.docx")
    assert read.values == full_2021().values and found == []


@settings(max_examples=25, deadline=None)
@given(
    st.builds(
        Style,
        merged=st.booleans(),
        numbering=st.sampled_from(["一、", "1、 ", ""]),
        row_numbering=st.sampled_from([".", "、"]),
        breaks=st.booleans(),
        zero=st.sampled_from(["0", "-", "—", "无", "/"]),
        extra_column=st.booleans(),
        extra_row=st.booleans(),
        title_lines=st.sampled_from([1, 2]),
        signature=st.booleans(),
    ),
    st.sampled_from(["2021", "2019"]),
)
def test_any_mix_of_office_habits_reads_back_the_same(style, format_id):
    report = full_2021() if format_id == "2021" else load_example()
    with tempfile.TemporaryDirectory() as folder:
        read, document = read_docx(build(report, Path(folder) / "r.docx", style))
    assert document == []
    assert (read.agency, read.year, read.format_id) == (report.agency, report.year, format_id)
    assert read.values == report.values and read.prose == report.prose and not read.invalid
