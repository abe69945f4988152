"""Pages saved in any charset: declared in a <meta>, declared wrongly, not declared, with a byte-order mark."""

from __future__ import annotations

import codecs

import pytest

from exporters.html.decode import declared_charset, decode_page
from exporters.html.reader import read_html
from tests.support.factories import full_2021
from tests.support.html_pages import Portal, page_bytes, page_html

CASES = {
    "utf-8": Portal(charset="utf-8"),
    "gbk meta charset": Portal(charset="gbk"),
    "gb2312 http-equiv": Portal(charset="gbk", declared="gb2312", http_equiv=True),
    "gb18030 declared gb2312": Portal(charset="gb18030", declared="gb2312"),
    "gbk declared utf-8": Portal(charset="gbk", declared="utf-8"),
    "utf-8 declared gbk": Portal(charset="utf-8", declared="gbk", http_equiv=True),
    "gbk declared iso-8859-1": Portal(charset="gbk", declared="iso-8859-1"),
    "gbk declared nonsense": Portal(charset="gbk", declared="x-unknown-charset"),
    "gbk not declared": Portal(charset="gbk", declared=""),
    "utf-8 not declared": Portal(charset="utf-8", declared=""),
}


@pytest.mark.parametrize("case", CASES, ids=str)
def test_every_charset_reads(tmp_path, case):
    report = full_2021(agency="䶮城市某某局")  # 䶮 (U+4DAE): in GB18030, not in GBK
    portal = CASES[case]
    if portal.charset == "gbk":
        report.agency = "某某市某某局"
    path = tmp_path / "page.htm"
    path.write_bytes(page_bytes(report, portal))
    read, document = read_html(path)
    assert document == [] and read.agency == report.agency
    assert read.values == report.values and read.prose == report.prose and read.contact == report.contact


@pytest.mark.parametrize("bom", ["utf-8-sig", "utf-16"])
def test_a_byte_order_mark_decides(tmp_path, bom):
    report = full_2021()
    path = tmp_path / "page.html"
    path.write_bytes(page_html(report, Portal(declared="gbk")).encode(bom))
    read, _ = read_html(path)
    assert read.values == report.values and read.agency == report.agency


def test_the_declared_charset_is_found_in_its_forms():
    assert declared_charset(b'<html><head><meta charset="GB2312">') == "gb2312"
    assert declared_charset(b"<meta http-equiv='Content-Type' content='text/html; charset=gbk'>") == "gbk"
    assert declared_charset(b'<?xml version="1.0" encoding="UTF-8"?><html>') == "utf-8"
    assert declared_charset(b"<html><p>charset=gbk</p>") is None


def test_text_valid_in_no_charset_is_decoded_with_replacements():
    data = "<p>政府信息公开</p>".encode("gbk") + b"\xff\x80\xfe" + "<p>年度报告</p>".encode("gbk")
    text = decode_page(b'<meta charset="gbk">' + data)
    assert "政府信息公开" in text and "年度报告" in text and "\ufffd" in text
    assert (
        decode_page(codecs.BOM_UTF8 + b"<p>\xe4\xb8\xad\x00</p>") == "<p>中</p>"
    )  # control characters dropped
