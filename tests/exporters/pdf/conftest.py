"""Published PDFs for the reader's tests, printed once per session by LibreOffice (one run for all of them)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from exporters.docx.writer import DocxLayout, write_docx
from model.example import load_example
from model.report import Report
from tests.exporters.reading.test_reading_roundtrip import awkward_2021
from tests.support import pdf_docs as pd
from tests.support.factories import full_2021

BREAK_LABEL = "一、本年新收政府信息公开申请数量"  # its row made taller: the page breaks inside （四）
ROW_HEIGHT_TWIPS = 312  # one more row's height
FILLER = "本年度持续推进政务公开标准化规范化建设。"
FILLER_LINES = 2  # with the contact lines after the opening, table 三 then breaks inside （四）
WRAPPED = "经统计汇总全年各类渠道，"  # puts 「47」 at the end of a line and 「件」 on the next (LibreOffice, Noto CJK)


@dataclass(frozen=True)
class Published:
    report: Report
    pdf: Path


def _long_before_table_three() -> Report:
    report = full_2021()
    report.prose["s1"] += "\n" + "\n".join([FILLER] * FILLER_LINES)
    return report


def _wrapped_number() -> Report:
    report = full_2021()
    report.prose["s1"] = report.prose["s1"].replace(
        "本年新收政府信息公开申请47件", WRAPPED + "本年新收政府信息公开申请47件"
    )
    return report


SPACED = {
    "总计": "总 计",
    "结果维持": "结 果\n维持",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": "（二）部分公开（区分处理的，只计这一情\n形，不计其他情形）",
}

CASES: dict[str, tuple[Callable[[], Report], tuple[pd.Edit, ...]]] = {
    "example": (load_example, ()),
    "full": (full_2021, ()),
    "awkward": (awkward_2021, ()),
    # WPS-like: rows may split, no repeated header; the break cuts 「（四）无法提供」 in two
    "split": (_long_before_table_three, (pd.let_rows_split, pd.taller_row(BREAK_LABEL, ROW_HEIGHT_TWIPS))),
    # … and as offices continue a table: a second table on the next page, no header, no top rule
    "continued": (
        _long_before_table_three,
        (
            pd.let_rows_split,
            pd.continued_table("2.没有现成信息需要另行制作", {"（四）无法提供": ("（四）无", "法提供")}),
        ),
    ),
    "white_border": (full_2021, (pd.phantom_split("行政复议"), pd.phantom_split("法人或其他组织"))),
    "framed_prose": (full_2021, (pd.in_frame("存在的问题：解读形式单一。改进措施：增加图解和视频解读。"),)),
    "heading_in_table": (full_2021, (pd.heading_in_table("二、主动公开政府信息情况"),)),
    "spaced_labels": (_wrapped_number, (pd.retext(SPACED),)),
    "landscape": (full_2021, ()),  # table 四 on a landscape page, as the Word export printed it before
}
LAYOUTS = {"landscape": DocxLayout(portrait_when_fits=False)}


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory, soffice: str) -> dict[str, Published]:
    """Every case written by the app's Word writer, edited, and printed to PDF: {name: (report, pdf)}."""
    if shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils (pdftotext, pdftoppm) is not installed")
    folder = tmp_path_factory.mktemp("published-pdf")
    reports = {}
    sources = []
    for name, (make, edits) in CASES.items():
        reports[name] = make()
        source = folder / f"{name}.docx"
        write_docx(reports[name], source, layout=LAYOUTS.get(name))
        pd.edit_docx(source, *edits)
        sources.append(source)
    pdfs = pd.convert_all(sources, folder)
    return {name: Published(reports[name], pdfs[name]) for name in CASES}
