"""「网页，单个文件」: .mhtml / .mht as Internet Explorer and Chrome save them (MIME multipart/related)."""

from __future__ import annotations

import pytest

from exporters.html.errors import HtmlError
from exporters.html.reader import read_html
from tests.support.factories import full_2021
from tests.support.html_pages import Portal, mhtml_bytes, page_bytes


def test_internet_explorers_mht_quoted_printable_gbk(tmp_path):
    report = full_2021()
    data = mhtml_bytes(report)
    assert b'charset="gb2312"' in data and b"=D5=FE" in data  # 「政」 in GBK, quoted-printable
    path = tmp_path / "年报.mht"
    path.write_bytes(data)
    read, document = read_html(path)
    assert document == [] and read.values == report.values and read.prose == report.prose
    assert read.agency == report.agency and str(read.published) == "2024-01-20"


def test_chromes_mhtml_utf8_charset_only_in_the_page(tmp_path):
    report = full_2021()
    path = tmp_path / "年报.mhtml"
    path.write_bytes(mhtml_bytes(report, Portal(charset="utf-8"), part_charset=None))
    read, _ = read_html(path)
    assert read.values == report.values and read.agency == report.agency


def test_base64_and_a_frame_before_the_page(tmp_path):
    report = full_2021()
    path = tmp_path / "年报.mht"
    path.write_bytes(mhtml_bytes(report, transfer="base64", frame_first=True))
    read, _ = read_html(path)
    assert read.values == report.values and read.prose == report.prose


def test_the_suffix_does_not_decide(tmp_path):
    report = full_2021()
    renamed = tmp_path / "年报.html"
    renamed.write_bytes(mhtml_bytes(report))
    assert read_html(renamed)[0].values == report.values
    plain = tmp_path / "年报.mht"
    plain.write_bytes(page_bytes(report))
    assert read_html(plain)[0].values == report.values


def test_a_message_without_a_page(tmp_path):
    path = tmp_path / "x.mht"
    path.write_bytes(
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n"
        b"--b\r\nContent-Type: image/png\r\n\r\nAAAA\r\n--b--\r\n"
    )
    with pytest.raises(HtmlError, match="没有网页内容"):
        read_html(path)
