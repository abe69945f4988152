"""Small files that would eat gigabytes: every part a parser could take for XML is checked whatever its name, and
each hostile file, made here, is refused with a clear sentence (or read right) within 500 MB and 10 s of CPU."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from exporters.reading import ReadError, read_any
from exporters.reading.errors import UnsafeFileError
from exporters.reading.xml_scan import encoding_of
from tests.support.bounded import read_bounded
from tests.support.factories import full_2021
from tests.support.office_docs import Style, build
from tests.support.zip_parts import package, parts_of

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def document(body: bytes) -> bytes:
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>'.encode()
    return head + body + b"</w:body></w:document>"


def moved_main_part(tmp_path: Path, body: bytes, name: str = "word/document.bin") -> Path:
    """A real report whose main part is renamed (relationships and content types follow) and replaced."""
    parts = parts_of(build(full_2021(), tmp_path / "good.docx", Style()))
    del parts["word/document.xml"]
    parts[name] = document(body)
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(b"word/document.xml", name.encode())
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"/word/document.xml", b"/" + name.encode()
    )
    return package(tmp_path / "hostile.docx", parts)


def noise(size: int) -> bytes:
    """Text that does not compress much (a zip bomb would be refused for its ratio alone)."""
    return os.urandom(size // 2).hex().encode()


def paragraphs(count: int) -> bytes:
    """``count`` empty paragraphs, a random character after each so that the part does not compress 200-fold."""
    letters = noise(count + 1)
    return b"".join(b"<w:p/>" + letters[i : i + 1] for i in range(count))


def test_a_main_part_named_bin_counts_as_xml(tmp_path):
    rows = b"<w:p><w:r><w:t>" + noise(31 * 1024 * 1024) + b"</w:t></w:r></w:p>"
    result = read_bounded(moved_main_part(tmp_path, rows))
    assert "XML 内容过大" in result["error"]


def test_a_main_part_named_bin_with_a_million_paragraphs(tmp_path):
    result = read_bounded(moved_main_part(tmp_path, paragraphs(1_200_000)))
    assert "XML 元素过多" in result["error"]


def test_paragraphs_within_the_element_limit_are_refused_once_past_what_a_report_has(tmp_path):
    result = read_bounded(moved_main_part(tmp_path, paragraphs(900_000), "word/document.xml"))
    assert "文档过长" in result["error"]


def test_images_fonts_and_embedded_files_are_no_xml(tmp_path):
    parts = parts_of(build(full_2021(), tmp_path / "good.docx", Style()))
    parts["word/media/image1.png"] = b"\x89PNG\r\n\x1a\n" + os.urandom(16 * 1024 * 1024)
    parts["word/fonts/font1.odttf"] = os.urandom(16 * 1024 * 1024)  # obfuscated: no magic at all
    parts["word/embeddings/oleObject1.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(1024)
    read, _ = read_any(package(tmp_path / "media.docx", parts))
    assert read.values == full_2021().values


def test_a_dtd_in_utf16_without_a_byte_order_mark(tmp_path):
    xml = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w:document [<!ENTITY a "b">]><w:document/>'
    for codec in ("utf-16-le", "utf-16-be"):
        path = moved_main_part(tmp_path, b"")
        parts = parts_of(path)
        parts["word/document.bin"] = xml.encode(codec)
        with pytest.raises(ReadError, match="DTD"):
            read_any(package(tmp_path / f"{codec}.docx", parts))


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE x+AD4-<x/>',
        "<?xml version='1.0' encoding='cp037'?><x/>".encode("cp037"),
        "<x/>".encode("utf-32-le"),
        b'<?xml version="1.0" encoding="no-such-codec"?><x/>',
    ],
    ids=["utf-7", "ebcdic", "ucs-4", "unknown"],
)
def test_encodings_that_could_hide_a_dtd_are_refused(tmp_path, data):
    parts = parts_of(moved_main_part(tmp_path, b""))
    parts["word/document.bin"] = data
    with pytest.raises(ReadError, match="不支持的字符编码"):
        read_any(package(tmp_path / "encoded.docx", parts))


@pytest.mark.parametrize(
    ("head", "codec"),
    [
        (b"<?xml version='1.0'?><a/>", "utf-8"),
        (b"\xef\xbb\xbf<a/>", "utf-8-sig"),
        ("<a/>".encode("utf-16"), "utf-16"),
        ("  <a/>".encode("utf-16-le"), "utf-16-le"),
        (b'<?xml version="1.0" encoding="GBK"?><a/>', "gbk"),
        (b'<?xml version="1.0" encoding="UTF-16"?><a/>', "utf-8"),  # 8-bit bytes: parsers read UTF-8
        (b"\x89PNG\r\n\x1a\n", None),
        (b"\xff\xd8\xff\xe0", None),
        (b"\x00\x01\x00\x00\x00\x0f", None),  # a TrueType font
        (b"PK\x03\x04", None),
        (b"   \r\n", "utf-8"),  # blanks so far: scanned, to be safe
    ],
)
def test_encoding_of_an_entry(head, codec):
    assert encoding_of(head) == codec


def test_encoding_of_refuses_ucs4():
    with pytest.raises(UnsafeFileError):
        encoding_of(b"\x00\x00\x00<")
