"""Round trip: export a report to Word or Excel with the app's writers, read it back, get the same report."""

from __future__ import annotations

from decimal import Decimal

import pytest

from exporters.docx import writer as docx_writer
from exporters.reading import read_any
from exporters.xlsx import writer as xlsx_writer
from model.engine import evaluate
from model.report import Contact, Report
from tests.support.factories import full_2021


def awkward_2021() -> Report:
    """Blanks, a stated total that disagrees, text that is no number, a website, prose over several lines."""
    report = full_2021(year=2024, agency="某某县某某镇人民政府", level="乡镇街道")
    report.set_value("t3.open.research", None)
    report.set_value("t2.fees.amount", Decimal("12.3456"))
    report.stated["t4.cases.review_total"] = 9
    report.invalid["t3.new.legal"] = "约1件"
    report.values.pop("t3.new.legal")
    report.contact = Contact(
        "镇党政办",
        "某某镇（东街）1号",
        "311000",
        "0571-8888888",
        "zhen@example.cn",
        "http://www.example.gov.cn",
    )
    report.prose["s6"] = "本年度收取信息处理费0元。\n其他事项：无。"
    report.changed()
    return report


def cases(example: Report) -> list[Report]:
    return [example, full_2021(), awkward_2021()]


def same_report(read: Report, report: Report) -> None:
    assert (read.format_id, read.year, read.agency, read.level) == (
        report.format_id,
        report.year,
        report.agency,
        report.level,
    )
    assert read.contact == report.contact
    assert {k: v for k, v in read.prose.items() if v} == {k: v for k, v in report.prose.items() if v}
    assert read.values == report.values and read.units == report.units
    assert read.invalid == report.invalid
    for cell_id in read.fmt.totals:  # totals: computed alike, and any printed total is the one exported
        assert read.effective(cell_id) == report.effective(cell_id), cell_id


def findings(report: Report) -> list[tuple[str, str]]:
    return sorted((f.code, f.message) for f in evaluate(report))


@pytest.mark.parametrize("index", [0, 1, 2], ids=["example", "full_2021", "awkward"])
def test_word_round_trip(tmp_path, example, index):
    report = cases(example)[index]
    path = tmp_path / "report.docx"
    docx_writer.write_docx(report, path)
    read, document = read_any(path)
    assert document == []
    same_report(read, report)
    assert set(read.stated) == set(read.fmt.totals)  # every printed total is kept as printed
    assert findings(read) == findings(report)


@pytest.mark.parametrize("index", [0, 1, 2], ids=["example", "full_2021", "awkward"])
def test_excel_round_trip(tmp_path, example, index):
    report = cases(example)[index]
    path = tmp_path / "report.xlsx"
    xlsx_writer.write_xlsx(report, path)
    read, document = read_any(path)
    assert document == []
    same_report(read, report)
    assert read.stated == {k: v for k, v in report.stated.items() if v != report.value(k)}
    assert findings(read) == findings(report)


def test_word_export_opened_and_saved_again_by_another_office_suite(tmp_path, soffice):
    from tests.support.libreoffice import convert

    report = full_2021()
    source = tmp_path / "report.docx"
    docx_writer.write_docx(report, source)
    out = tmp_path / "resaved"
    out.mkdir()
    resaved = convert(source, "docx:MS Word 2007 XML", out)  # LibreOffice rewrites every table and paragraph
    read, document = read_any(resaved)
    assert document == []
    same_report(read, report)
    assert findings(read) == findings(report)
