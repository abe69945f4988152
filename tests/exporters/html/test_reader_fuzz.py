"""Hostile and damaged pages thrown at the web page reader itself (not through ``read_any``, which turns any
exception into a ReadError): every outcome is a report or the reader's own error, quickly, never anything else."""

from __future__ import annotations

import tempfile
import time
from datetime import timedelta
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporters.html.errors import UnsafePageError
from exporters.html.reader import read_html, report_from_html
from exporters.reading.errors import DocumentError
from model.engine import evaluate
from model.report import Report
from tests.support.factories import full_2021
from tests.support.html_pages import Portal, mhtml_bytes, page_bytes

# A damaged page must be refused (or read) quickly too: each example within two seconds.
FUZZ = settings(max_examples=40, deadline=timedelta(seconds=2), suppress_health_check=[HealthCheck.too_slow])
_WORK = Path(tempfile.mkdtemp(prefix="nianbao-html-fuzz-"))


@cache
def good_page() -> bytes:
    return page_bytes(full_2021(), Portal(charset="gbk"))


@cache
def good_mhtml() -> bytes:
    return mhtml_bytes(full_2021())


def outcome(data: bytes, suffix: str) -> Report | None:
    """Read the bytes as a file: a report, or None for the reader's own error; anything else fails the test."""
    path = _WORK / f"case{suffix}"
    path.write_bytes(data)
    try:
        report, findings = read_html(path)
    except DocumentError as exc:
        assert str(exc) and "\n" not in str(exc)
        return None
    evaluate(report)  # the rules run on whatever was read
    assert all(f.code and f.message for f in findings)
    return report


def timed(data: bytes, suffix: str, limit: float = 2.0) -> Report | None:
    start = time.perf_counter()
    result = outcome(data, suffix)
    assert time.perf_counter() - start < limit
    return result


@FUZZ
@given(st.binary(max_size=4000), st.sampled_from([".html", ".htm", ".mhtml", ".mht"]))
def test_random_bytes(data, suffix):
    outcome(data, suffix)
    outcome(b"<html><body>" + data, suffix)
    outcome(b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n--x\r\n" + data, suffix)


@FUZZ
@given(st.floats(0.0, 1.0))
def test_truncated_pages(fraction):
    for data, suffix in ((good_page(), ".html"), (good_mhtml(), ".mht")):
        outcome(data[: int(len(data) * fraction)], suffix)


@FUZZ
@given(st.lists(st.tuples(st.floats(0.0, 1.0), st.binary(min_size=0, max_size=8)), min_size=1, max_size=6))
def test_mutated_pages(edits):
    """Bytes replaced anywhere: inside tags, in the middle of a GBK character, in the MIME headers."""
    for data, suffix in ((good_page(), ".html"), (good_mhtml(), ".mht")):
        damaged = bytearray(data)
        for where, junk in edits:
            at = int(len(damaged) * where)
            damaged[at : at + len(junk)] = junk
        outcome(bytes(damaged), suffix)


markup = st.sampled_from(
    [
        "<table>",
        "</table>",
        "<tr>",
        "</tr>",
        "<td rowspan=99999>",
        '<td colspan="-3">',
        "<td colspan=x>",
        "</td>",
        "<div>",
        "</div>",
        "<br>",
        "<p>",
        "<span>",
        "<script>",
        "<style>",
        "<!--",
        "-->",
        "<![CDATA[",
        "&nbsp;",
        "&#0;",
        "&#xD800;",
        "<!DOCTYPE x [<!ENTITY a 'b'>]>",
        "&a;",
        "总计",
        "自然人",
        "12",
        "发布日期：2025-02-30",
    ]
)


@FUZZ
@given(st.lists(st.tuples(st.floats(0.0, 1.0), markup), min_size=1, max_size=12))
def test_markup_inserted_into_a_real_page(inserts):
    text = good_page().decode("gbk")
    for where, piece in inserts:
        at = int(len(text) * where)
        text = text[:at] + piece + text[at:]
    try:
        report, _ = report_from_html(text)
    except DocumentError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    evaluate(report)


@pytest.mark.parametrize("levels", [300, 100_000])
def test_deep_nesting_is_refused(levels):
    page = b"<html><body>" + b"<div>" * levels + b"x"  # never closed, as a hostile page would be
    path = _WORK / "deep.html"
    path.write_bytes(page)
    start = time.perf_counter()
    with pytest.raises(UnsafePageError, match="嵌套过深"):
        read_html(path)
    assert time.perf_counter() - start < 2


def test_deeply_nested_tables_are_refused():
    assert timed(b"<table><tr><td>" * 100_000, ".html") is None


def test_a_huge_table_is_refused_or_read_within_the_limits():
    row = "<tr>" + "<td>总计</td><td>12</td>" * 10 + "</tr>"
    too_many_tags, read_to_the_limits = row * 20_000, row * 3_000
    assert timed(f"<html><body><table>{too_many_tags}</table></body></html>".encode(), ".html") is None
    assert timed(f"<html><body><table>{read_to_the_limits}</table></body></html>".encode(), ".html") is None
    spans = "<table>" + '<tr><td rowspan="64" colspan="64">自然人</td></tr>' * 600 + "</table>"
    assert timed(f"<html><body>{spans * 40}</body></html>".encode(), ".html") is None


@pytest.mark.parametrize(
    "piece",
    [
        "<table><tr><td>x</td></tr></table>",  # frames of one cell
        "<table><tr><td>自然人</td><td>1</td></tr></table>",  # small tables to identify
        "<div class=TRS_Editor><table><tr><td>总计</td><td>1</td></tr></table></div>",  # containers × tables
        '<div class="title"><h1>2024年政府信息公开工作年度报告</h1></div>',  # title candidates
        "<p>发布日期：2025-01-20<br>",
    ],
)
def test_many_small_things_stay_within_the_time_bound(piece):
    count = 140_000 // (piece.count("<") or 1)
    assert timed(f"<html><body>{piece * count}</body></html>".encode(), ".html") is None


def test_a_huge_table_inside_a_real_page_leaves_the_report_readable():
    page = good_page().decode("gbk")
    row = "<tr>" + "<td>x</td>" * 40 + "</tr>"
    page = page.replace('<div class="related">', f'<table>{row * 1000}</table><div class="related">')
    report = timed(page.encode("gbk"), ".html")
    assert report is not None and report.values == full_2021().values


def test_many_mime_parts_and_deep_multiparts_are_refused():
    part = b"--x\r\nContent-Type: image/png\r\n\r\nAAAA\r\n"
    many = (
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n"
        + part * 6000
        + b"--x--\r\n"
    )
    with pytest.raises(UnsafePageError, match="部件过多"):
        read_html(_write("many.mht", many))
    nested = b"MIME-Version: 1.0\r\n" + b"".join(
        f"Content-Type: multipart/related; boundary=b{i}\r\n\r\n--b{i}\r\n".encode() for i in range(5000)
    )
    start = time.perf_counter()
    with pytest.raises(UnsafePageError, match="嵌套过深"):
        read_html(_write("nested.mht", nested))
    assert time.perf_counter() - start < 2


def test_entities_are_not_expanded_and_nothing_is_fetched():
    page = (
        good_page()
        .decode("gbk")
        .replace(
            "<html",
            '<!DOCTYPE html [<!ENTITY boom "BOOM"><!ENTITY ext SYSTEM "http://127.0.0.1:9/x">]>\n<html',
            1,
        )
    )
    page = page.replace("本年度未收取信息处理费", "&boom;&ext;本年度未收取信息处理费")
    report, _ = report_from_html(page)
    assert "BOOM" not in report.prose["s6"] and report.values == full_2021().values


def test_a_page_too_large_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.html"
    with path.open("wb") as handle:
        handle.truncate(51 * 1024 * 1024)
    with pytest.raises(UnsafePageError, match="文件过大"):
        read_html(path)


def test_the_undamaged_pages_read():
    for data, suffix in ((good_page(), ".html"), (good_mhtml(), ".mht")):
        report = outcome(data, suffix)
        assert report is not None and report.values == full_2021().values


def _write(name: str, data: bytes) -> Path:
    path = _WORK / name
    path.write_bytes(data)
    return path
