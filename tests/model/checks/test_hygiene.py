"""The document's hygiene (HYG-*): title wording, the six parts, the notice cited, the 统计期限, contact and web
address — on text read back (both formats) and on drafts."""

from __future__ import annotations

import pytest

from exporters.text.reader import report_from_text
from model.engine import evaluate
from model.example import load_example
from model.report import Report
from tests.support.copied_text import copied_text
from tests.support.factories import full_2021
from tests.support.office_docs import Style

PARTS = (
    "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、"
    "存在的主要问题及改进情况、其他需要报告的事项六个部分。"
)
CONTACT = "如对本报告有疑问，请与局办公室联系，电话：010-12345678。本报告电子版可在某某市人民政府门户网站（www.example.gov.cn）查阅。"


def report_of(fmt: str) -> Report:
    """A clean report of each format: 2021 (the factory's) or 2019 (the example, 2020)."""
    return full_2021(year=2025) if fmt == "2021" else load_example()


def opening(report: Report, cite: str | None = None, period: int | None = None, parts: str = PARTS) -> str:
    notice = report.fmt.notice if cite is None else cite
    year = report.year if period is None else period
    return (
        f"本报告依据《中华人民共和国政府信息公开条例》和{report.fmt.document}（{notice}）编制，{parts}"
        f"报告所列数据的统计期限为{year}年1月1日至12月31日。{CONTACT}"
    )


def hygiene(report: Report, text: str, title: str | None = None) -> dict[str, list[str]]:
    page = copied_text(report, Style(zero="-", title_lines=1, opening=text))
    if title is not None:
        page = page.replace(report.title, title, 1)
    read, _ = report_from_text(page)
    out: dict[str, list[str]] = {}
    for finding in evaluate(read):
        if finding.code.startswith("HYG-"):
            out.setdefault(finding.code, []).append(finding.message)
    return out


@pytest.mark.parametrize("fmt", ["2021", "2019"])
def test_a_clean_opening_raises_nothing(fmt: str) -> None:
    report = report_of(fmt)
    assert hygiene(report, opening(report)) == {}


@pytest.mark.parametrize("fmt", ["2021", "2019"])
def test_a_title_without_nian_du(fmt: str) -> None:
    report = report_of(fmt)
    wrong = f"{report.agency}{report.year}年政府信息公开工作报告"
    (message,) = hygiene(report, opening(report), wrong)["HYG-TITLE"]
    assert f"应为“{report.agency}{report.year}年政府信息公开工作年度报告”" in message


@pytest.mark.parametrize("fmt", ["2021", "2019"])
def test_an_opening_naming_five_parts(fmt: str) -> None:
    report = report_of(fmt)
    five = "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况等五部分。"
    (message,) = hygiene(report, opening(report, parts=five))["HYG-PARTS"]
    assert "“五部分”" in message and "六个部分" in message


def test_an_opening_that_lists_the_parts_but_leaves_one_out() -> None:
    report = report_of("2021")
    short = "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题及改进情况、其他需要报告的事项。"
    (message,) = hygiene(report, opening(report, parts=short))["HYG-PARTS"]
    assert "漏了“政府信息公开行政复议、行政诉讼情况”" in message


@pytest.mark.parametrize(
    "fmt,garbled",
    [("2021", "国办公开办函202130 号"), ("2019", "国办公开办函201960号"), ("2021", "国办公开办函2021〕30号")],
)
def test_a_garbled_citation(fmt: str, garbled: str) -> None:
    report = report_of(fmt)
    (message,) = hygiene(report, opening(report, cite=garbled))["HYG-NOTICE"]
    assert f"“{garbled}”写法有误：应为“{report.fmt.notice}”" in message


def test_a_citation_with_other_brackets_or_spaces_is_right() -> None:
    report = report_of("2021")
    for cite in ("国办公开办函〔2021〕 30号", "国办公开办函[2021]30号", "国办公开办函（2021）30号"):
        assert hygiene(report, opening(report, cite=cite)) == {}, cite


def test_the_notice_of_the_other_format() -> None:
    report = report_of("2021")
    (message,) = hygiene(report, opening(report, cite="国办公开办函〔2019〕60号"))["HYG-NOTICE"]
    assert "2019年格式（试行）的通知" in message and "应引用“国办公开办函〔2021〕30号”" in message


@pytest.mark.parametrize("fmt", ["2021", "2019"])
def test_a_period_of_another_year(fmt: str) -> None:
    report = report_of(fmt)
    (message,) = hygiene(report, opening(report, period=report.year - 1))["HYG-PERIOD"]
    assert f"{report.year - 1}年1月1日至12月31日" in message and f"本报告是{report.year}年度的" in message


def test_a_period_written_with_both_years() -> None:
    report = report_of("2021")
    text = opening(report).replace(
        "统计期限为2025年1月1日至12月31日", "统计期限自2025年1月1日起至2024年12月31日止"
    )
    assert "HYG-PERIOD" in hygiene(report, text)
    right = opening(report).replace(
        "统计期限为2025年1月1日至12月31日", "统计期限自2025年1月1日起至2025年12月31日止"
    )
    assert "HYG-PERIOD" not in hygiene(report, right)


@pytest.mark.parametrize("fmt", ["2021", "2019"])
def test_no_contact_and_no_web_address(fmt: str) -> None:
    report = report_of(fmt)
    found = hygiene(report, opening(report).replace(CONTACT, ""))
    assert set(found) == {"HYG-CONTACT", "HYG-WEB"}


def test_a_web_address_in_a_sentence_counts() -> None:
    report = report_of("2021")
    text = opening(report).replace(
        CONTACT, "电话：010-12345678。本报告电子版可以在http://www.example.gov.cn下载。"
    )
    assert hygiene(report, text) == {}


def test_on_a_draft_only_the_contact_details_are_the_clerks() -> None:
    report = full_2021()
    assert {f.code for f in evaluate(report) if f.code.startswith("HYG-")} == {"HYG-WEB"}  # no 网站 given
    report.contact.website = "www.example.gov.cn"
    report.contact.phone = report.contact.address = report.contact.email = ""
    (finding,) = [f for f in evaluate(report) if f.code.startswith("HYG-")]
    assert finding.code == "HYG-CONTACT" and finding.severity == "warning" and "基本信息" in finding.message


def test_a_word_document_read_back_is_checked_too(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from exporters.docx.reader import read_docx
    from tests.support.office_docs import build

    report = report_of("2021")
    five = opening(report).replace("六个部分", "五个部分")
    read, _ = read_docx(build(report, tmp_path / "r.docx", Style(opening=five)))
    assert [f.code for f in evaluate(read) if f.code.startswith("HYG-")] == ["HYG-PARTS"]
