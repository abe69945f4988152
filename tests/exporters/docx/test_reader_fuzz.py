"""Damaged files thrown at the readers themselves (not through ``read_any``, which turns any exception into a
ReadError): every outcome is a report or the reader's own error, never anything else."""

from __future__ import annotations

import io
import tempfile
import zipfile
from datetime import timedelta
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporters.docx.reader import read_docx
from exporters.reading.errors import DocumentError
from exporters.reading.grid_report import read_grids
from exporters.xlsx.reader import read_xlsx
from model import draft
from model.engine import evaluate
from model.report import Report
from tests.support.factories import full_2021
from tests.support.office_docs import Style, build

# A damaged file must be refused quickly too: each example (up to three reads) within two seconds.
FUZZ = settings(max_examples=40, deadline=timedelta(seconds=2), suppress_health_check=[HealthCheck.too_slow])
READERS = {".docx": read_docx, ".xlsx": read_xlsx, ".nianbao": lambda path: (draft.load(path), [])}
_WORK = Path(tempfile.mkdtemp(prefix="nianbao-fuzz-"))


@cache
def good_docx() -> bytes:
    return build(full_2021(), _WORK / "good.docx", Style(merged=True)).read_bytes()


@cache
def good_xlsx() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in (
        ["行政复议", "", "", "", "", "行政诉讼"],
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
        [1, 2, 0, 0, 3],
    ):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def outcome(data: bytes, suffix: str) -> Report | None:
    """Read the bytes as a file: a report, or None for the reader's own error; anything else fails the test."""
    path = _WORK / f"case{suffix}"
    path.write_bytes(data)
    try:
        report, findings = READERS[suffix](path)
    except (DocumentError, draft.DraftError) as exc:
        assert str(exc) and "\n" not in str(exc)
        return None
    evaluate(report)  # the rules run on whatever was read
    assert all(f.code and f.message for f in findings)
    return report


def replace_part(data: bytes, name: str, new: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, new if info.filename == name else source.read(info.filename))
    return buffer.getvalue()


@FUZZ
@given(st.binary(max_size=4000), st.sampled_from([".docx", ".xlsx", ".nianbao"]))
def test_random_bytes(data, suffix):
    outcome(data, suffix)
    outcome(b"PK\x03\x04" + data, suffix)


@FUZZ
@given(st.floats(0.0, 1.0))
def test_truncated_packages(fraction):
    data = good_docx()
    outcome(data[: int(len(data) * fraction)], ".docx")
    book = good_xlsx()
    outcome(book[: int(len(book) * fraction)], ".xlsx")


@FUZZ
@given(st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(0, 255)), min_size=1, max_size=4))
def test_flipped_bytes_in_the_packages(flips):
    """A few bytes changed anywhere, also inside a compressed part (a broken deflate stream, a wrong CRC)."""
    for data, suffix in ((good_docx(), ".docx"), (good_xlsx(), ".xlsx")):
        damaged = bytearray(data)
        for where, byte in flips:
            damaged[int((len(data) - 1) * where)] = byte
        outcome(bytes(damaged), suffix)


@FUZZ
@given(st.lists(st.tuples(st.floats(0.0, 1.0), st.binary(min_size=0, max_size=8)), min_size=1, max_size=6))
def test_corrupted_document_xml(edits):
    xml = bytearray(zipfile.ZipFile(io.BytesIO(good_docx())).read("word/document.xml"))
    for where, junk in edits:
        at = int(len(xml) * where)
        xml[at : at + len(junk)] = junk
    outcome(replace_part(good_docx(), "word/document.xml", bytes(xml)), ".docx")


@FUZZ
@given(
    st.lists(st.tuples(st.floats(0.0, 1.0), st.binary(min_size=0, max_size=8)), min_size=1, max_size=4),
    st.sampled_from(["xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/styles.xml", "[Content_Types].xml"]),
)
def test_corrupted_workbook_parts(edits, part):
    xml = bytearray(zipfile.ZipFile(io.BytesIO(good_xlsx())).read(part))
    for where, junk in edits:
        at = int(len(xml) * where)
        xml[at : at + len(junk)] = junk
    outcome(replace_part(good_xlsx(), part, bytes(xml)), ".xlsx")


@FUZZ
@given(st.integers(0, 2**32 - 1), st.integers(0, 200))
def test_false_sizes_in_the_central_directory(size, entry):
    data = bytearray(good_docx())
    starts = [i for i in range(len(data) - 4) if data[i : i + 4] == b"PK\x01\x02"]
    start = starts[entry % len(starts)]
    data[start + 24 : start + 28] = size.to_bytes(4, "little")
    outcome(bytes(data), ".docx")


cell_text = st.one_of(
    st.sampled_from(
        [
            "",
            "-",
            "0",
            "12",
            "总计",
            "自然人",
            "行政复议",
            "结果维持",
            "规章",
            "3.其他",
            "（六）其他处理",
            "一、本年新收政府信息公开申请数量",
            "第二十条第（一）项",
        ]
    ),
    st.text(max_size=12),
)


@FUZZ
@given(
    st.lists(st.lists(st.lists(cell_text, max_size=16), max_size=30), max_size=4),
    st.none() | st.integers(1990, 2100),
)
def test_any_grid(grids, year):
    reading = read_grids(grids, year)
    report = Report.new(year or 2023, format_id=reading.format_id)
    from exporters.reading.grid_report import fill_values

    fill_values(report, reading.texts)
    evaluate(report)


def test_the_undamaged_files_read():
    report = outcome(good_docx(), ".docx")
    assert report is not None and report.values == full_2021().values
    book = outcome(good_xlsx(), ".xlsx")
    assert (
        book is not None
        and book.values["t4.cases.review_corrected"] == 2
        and book.stated["t4.cases.review_total"] == 3
    )
