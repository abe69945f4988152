"""Scanned, encrypted, damaged and hostile PDFs thrown at the reader itself (not through ``read_any``, which turns
any exception into a ReadError): every outcome is a report or a DocumentError with one sentence, in bounded time."""

from __future__ import annotations

import tempfile
import time
import zlib
from datetime import timedelta
from pathlib import Path

import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporters.pdf.errors import PdfError
from exporters.pdf.reader import read_pdf
from exporters.pdf.safe_pdf import MAX_FILE
from exporters.reading.errors import DocumentError
from model.engine import evaluate
from model.report import Report
from tests.exporters.reading.test_reading_roundtrip import same_report
from tests.support import pdf_files
from tests.support.pdf_docs import as_printed

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]

# A damaged file must be refused quickly too: each example (up to three reads) within two seconds.
FUZZ = settings(max_examples=40, deadline=timedelta(seconds=2), suppress_health_check=[HealthCheck.too_slow])
BOUND = 3.0  # seconds for one hostile file
_WORK = Path(tempfile.mkdtemp(prefix="nianbao-pdf-fuzz-"))


def outcome(data: bytes) -> Report | None:
    """Read the bytes as a .pdf: a report, or None for the reader's own error; anything else fails the test."""
    path = _WORK / "case.pdf"
    path.write_bytes(data)
    try:
        report, findings = read_pdf(path)
    except DocumentError as exc:
        assert str(exc) and "\n" not in str(exc)
        return None
    evaluate(report)
    assert all(f.code and f.message for f in findings)
    return report


def refused(data: bytes, words: str) -> str:
    start = time.monotonic()
    path = _WORK / "hostile.pdf"
    path.write_bytes(data)
    with pytest.raises(PdfError, match=words) as caught:
        read_pdf(path)
    assert time.monotonic() - start < BOUND
    return str(caught.value)


@pytest.fixture(scope="module")
def good(published) -> bytes:
    return published["full"].pdf.read_bytes()


def test_a_scanned_report_is_named_so(published, tmp_path):
    scan = pdf_files.scanned(published["example"].pdf, tmp_path / "scan.pdf")
    message = refused(scan.read_bytes(), "扫描件")
    assert message.startswith("这是扫描件（图片），无法读取文字")


def test_a_report_with_scanned_tables_names_the_pages(published, tmp_path):
    """Typed first page, the rest scanned: no table can be read, and the message says which pages are pictures."""
    case = published["example"].pdf
    scan = pdf_files.scanned(case, tmp_path / "scan.pdf")
    writer = pypdf.PdfWriter()
    writer.append(str(case), pages=[0])
    count = len(pypdf.PdfReader(scan).pages)
    writer.append(str(scan), pages=list(range(1, count)))
    mixed = tmp_path / "mixed.pdf"
    with mixed.open("wb") as handle:
        writer.write(handle)
    assert count >= 4  # pages 2, 3, 4 … as printed by LibreOffice
    scanned = "、".join(str(n) for n in range(2, count + 1))
    assert f"第 {scanned} 页是扫描件" in refused(mixed.read_bytes(), "扫描件")


def _encrypted(source: Path, out: Path, user: str) -> Path:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(source))
    writer.encrypt(user_password=user, owner_password="owner-secret", algorithm="RC4-128")
    with out.open("wb") as handle:
        writer.write(handle)
    return out


def test_a_password_protected_report_is_named_so(published, tmp_path):
    locked = _encrypted(published["full"].pdf, tmp_path / "locked.pdf", user="secret")
    assert "加密" in refused(locked.read_bytes(), "需要密码")


def test_a_report_restricted_by_its_owner_only_still_reads(published, tmp_path):
    """No password to open it, only 禁止复制/打印 and the like (common in published reports): it reads as usual."""
    case = published["full"]
    restricted = _encrypted(case.pdf, tmp_path / "restricted.pdf", user="")
    report, document = read_pdf(restricted)
    assert document == []
    same_report(report, as_printed(case.report, case.pdf))


def test_hostile_files_are_refused_quickly():
    assert "压缩炸弹" in refused(pdf_files.deflate_bomb(400), "压缩炸弹")
    assert "300000 页" in refused(pdf_files.page_count_bomb(300_000), "页数过多")
    refused(pdf_files.form_bomb(6, 10), "对象过多")
    refused(pdf_files.form_bomb(30, 2), "对象过多")
    refused(pdf_files.deep_page_tree(3000), "损坏")
    assert outcome(pdf_files.deep_nesting(100_000)) is None
    refused(b"%PDF-1.4\n" + b"\0" * 100, "损坏")
    refused(b"PK\3\4 not a pdf", "不是有效的 PDF")


def test_a_file_over_the_size_limit_is_not_read(tmp_path):
    big = tmp_path / "big.pdf"
    with big.open("wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.truncate(MAX_FILE + 1)
    with pytest.raises(PdfError, match="文件过大"):
        read_pdf(big)


@FUZZ
@given(st.binary(max_size=4000))
def test_random_bytes(data):
    outcome(data)
    outcome(b"%PDF-1.7\n" + data)


@FUZZ
@given(fraction=st.floats(0.0, 1.0))
def test_truncated_reports(good, fraction):
    outcome(good[: int(len(good) * fraction)])


@FUZZ
@given(flips=st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(0, 255)), min_size=1, max_size=6))
def test_flipped_bytes(good, flips):
    """A few bytes changed anywhere: in the cross-reference table, an object, a compressed stream, a font."""
    damaged = bytearray(good)
    for where, byte in flips:
        damaged[int((len(good) - 1) * where)] = byte
    outcome(bytes(damaged))


tokens = st.sampled_from(
    [
        b"<<",
        b">>",
        b"[",
        b"]",
        b"obj",
        b"endobj",
        b"stream\n",
        b"endstream",
        b"/Length 99999999",
        b"0 0 R",
        b"/Filter /FlateDecode",
        b"/Type /Page",
        b"/Subtype /Form",
        b"/Count 999999",
        b"(",
        b")",
        b"%",
        b"\0",
    ]
)


@FUZZ
@given(
    edits=st.lists(
        st.tuples(st.floats(0.0, 1.0), st.one_of(tokens, st.binary(max_size=8))), min_size=1, max_size=6
    )
)
def test_pdf_syntax_spliced_in(good, edits):
    damaged = bytearray(good)
    for where, junk in edits:
        at = int(len(damaged) * where)
        damaged[at:at] = junk
    outcome(bytes(damaged))


def test_the_undamaged_report_reads(good):
    report = outcome(good)
    assert report is not None and report.agency == "某某市某某局"


def test_the_limits_add_up_over_many_streams():
    """Many streams each well under the limit, together over it: refused as well (fonts and content alike)."""
    inflater = zlib.compressobj(9)
    body = inflater.compress(b" " * (4 * 1024 * 1024)) + inflater.flush()
    objects = pdf_files.one_page(b"")
    for number in range(10, 40):  # 30 font programs of 4 MB each: 120 MB inflated
        objects[number] = b"<< /Length %d /Length1 4194304 /Filter /FlateDecode >>\nstream\n" % len(body)
        objects[number] += body + b"\nendstream"
    refused(pdf_files.pdf_bytes(objects), "压缩炸弹")
    objects = pdf_files.one_page(b"")
    for number in range(10, 20):  # 10 content streams of 4 MB: 40 MB of content
        objects[number] = (
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream"
        )
    refused(pdf_files.pdf_bytes(objects), "压缩炸弹")
