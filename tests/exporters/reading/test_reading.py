"""read_any: which files it opens, and the refusal of hostile or broken .docx/.xlsx files with one clear message."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest

from exporters.kinds import readable_suffixes
from exporters.reading import ReadError, read_any, safe_zip
from model import draft
from tests.support.factories import full_2021
from tests.support.office_docs import Style, build

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/'
    '2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def package(path: Path, parts: dict[str, bytes | str], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def document(body: str, prolog: str = "") -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'


def refused(path: Path, words: str) -> str:
    with pytest.raises(ReadError) as caught:
        read_any(path)
    message = str(caught.value)
    assert f"“{path.name}”" in message and words in message, message
    assert "\n" not in message and "Traceback" not in message
    return message


def test_readable_kinds():
    assert {".nianbao", ".docx", ".xlsx", ".txt"} <= set(readable_suffixes())


def test_the_three_kinds_open(tmp_path):
    report = full_2021()
    draft.save(report, tmp_path / "a.nianbao")
    build(report, tmp_path / "a.docx", Style())
    for name in ("a.nianbao", "a.docx"):
        read, _ = read_any(tmp_path / name)
        assert read.values == report.values


def test_unsupported_and_missing_files(tmp_path):
    (tmp_path / "a.odt").write_bytes(b"PK\x03\x04")
    refused(tmp_path / "a.odt", "不支持的文件类型")
    refused(tmp_path / "none.docx", "文件不存在")


def test_an_old_doc_renamed_or_an_encrypted_file(tmp_path):
    path = tmp_path / "old.docx"
    path.write_bytes(safe_zip.OLE_MAGIC + b"\0" * 1000)
    refused(path, "另存为新版格式")


def test_random_bytes_and_text(tmp_path):
    (tmp_path / "text.docx").write_text("这不是文档", encoding="utf-8")
    refused(tmp_path / "text.docx", "不是有效的 Office 文档")
    (tmp_path / "cut.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    refused(tmp_path / "cut.xlsx", "已损坏")


def test_missing_parts(tmp_path):
    path = package(tmp_path / "empty.docx", {"[Content_Types].xml": CONTENT_TYPES, "word/other.xml": "<a/>"})
    refused(path, "缺少必需的部件")
    path = package(tmp_path / "book.xlsx", {"[Content_Types].xml": CONTENT_TYPES})
    refused(path, "缺少必需的部件")


def test_zip_bomb_by_compression_ratio(tmp_path):
    path = package(
        tmp_path / "bomb.docx",
        {
            "[Content_Types].xml": CONTENT_TYPES,
            "word/document.xml": document(""),
            "word/media/zeros.bin": b"\0" * (20 * 1024 * 1024),
        },
    )
    refused(path, "压缩炸弹")


def test_limits_on_size_and_entries(tmp_path, monkeypatch):
    path = build(full_2021(), tmp_path / "r.docx", Style())
    monkeypatch.setattr(safe_zip, "MAX_UNPACKED", 20_000)
    refused(path, "解压后过大")
    monkeypatch.setattr(safe_zip, "MAX_UNPACKED", 200 * 1024 * 1024)
    monkeypatch.setattr(safe_zip, "MAX_ENTRIES", 3)
    refused(path, "部件过多")
    monkeypatch.setattr(safe_zip, "MAX_ENTRIES", 5000)
    monkeypatch.setattr(safe_zip, "MAX_XML", 20_000)
    refused(path, "XML 内容过大")
    monkeypatch.setattr(safe_zip, "MAX_XML", 30 * 1024 * 1024)
    monkeypatch.setattr(safe_zip, "MAX_FILE", 1000)
    refused(path, "文件过大")


def _patch_central_sizes(data: bytes, name: bytes, size: int) -> bytes:
    """Rewrite the uncompressed size the central directory declares for one entry."""
    out = bytearray(data)
    start = 0
    while (start := out.find(b"PK\x01\x02", start)) >= 0:
        name_length = struct.unpack_from("<H", out, start + 28)[0]
        if bytes(out[start + 46 : start + 46 + name_length]) == name:
            struct.pack_into("<I", out, start + 24, size)
        start += 4
    return bytes(out)


def test_huge_or_false_declared_sizes(tmp_path):
    good = build(full_2021(), tmp_path / "good.docx", Style()).read_bytes()
    huge = tmp_path / "huge.docx"
    huge.write_bytes(_patch_central_sizes(good, b"word/document.xml", 0x7FFF_FFFF))
    refused(huge, "过大")
    small = tmp_path / "small.docx"
    small.write_bytes(_patch_central_sizes(good, b"word/document.xml", 100))
    refused(small, "损坏")


@pytest.mark.parametrize(
    "prolog",
    [
        '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE w:document SYSTEM "http://example.com/evil.dtd">',
        '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>',
    ],
    ids=["external-entity", "external-dtd", "entity-expansion"],
)
def test_dtds_and_entities_are_refused_before_parsing(tmp_path, prolog):
    path = package(
        tmp_path / "evil.docx",
        {
            "[Content_Types].xml": CONTENT_TYPES,
            "word/document.xml": document("<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>", prolog),
        },
    )
    refused(path, "DTD")


def test_a_dtd_hidden_in_utf16(tmp_path):
    xml = document("", '<!DOCTYPE w:document [<!ENTITY a "b">]>').replace("UTF-8", "UTF-16")
    path = package(
        tmp_path / "wide.docx",
        {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": xml.encode("utf-16")},
    )
    refused(path, "DTD")


def test_a_dtd_in_a_workbook_part(tmp_path):
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    with zipfile.ZipFile(buffer) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    evil = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/hostname">]>'
    head, sep, rest = parts[sheet].partition(b"?>")
    parts[sheet] = head + sep + evil + rest if sep else evil + parts[sheet]
    refused(package(tmp_path / "evil.xlsx", parts), "DTD")


def test_deeply_nested_xml(tmp_path):
    body = "<w:sdt><w:sdtContent>" * 3000 + "</w:sdtContent></w:sdt>" * 3000
    path = package(
        tmp_path / "deep.docx", {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": document(body)}
    )
    refused(path, "")


def test_encrypted_entries(tmp_path):
    data = bytearray(build(full_2021(), tmp_path / "r.docx", Style()).read_bytes())
    start = data.find(b"PK\x01\x02")
    struct.pack_into("<H", data, start + 8, struct.unpack_from("<H", data, start + 8)[0] | 1)
    path = tmp_path / "locked.docx"
    path.write_bytes(bytes(data))
    refused(path, "加密")


def test_a_workbook_that_is_no_report(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active["A1"] = "采购清单"
    book.save(tmp_path / "list.xlsx")
    refused(tmp_path / "list.xlsx", "没有找到年度报告的统计表")


def test_a_huge_table_of_label_like_junk_is_refused_not_ground_through(tmp_path):
    words = "规章行政许可处罚强制总计其他自然人公开结转"
    rows = "".join(
        "<w:tr>"
        + "".join(
            f"<w:tc><w:p><w:r><w:t>{words[(r * 7 + c) % 12 :][: 2 + (r + c) % 9]}{r}-{c}"
            f"</w:t></w:r></w:p></w:tc>"
            for c in range(90)
        )
        + "</w:tr>"
        for r in range(800)
    )
    path = package(
        tmp_path / "junk.docx",
        {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": document(f"<w:tbl>{rows}</w:tbl>" * 2)},
    )
    refused(path, "没有找到年度报告的统计表")


def test_the_main_part_is_found_through_the_package_relationships(tmp_path):
    good = build(full_2021(), tmp_path / "good.docx", Style())
    with zipfile.ZipFile(good) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["word/document2.xml"] = parts.pop("word/document.xml")
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(b"word/document.xml", b"word/document2.xml")
    read, _ = read_any(package(tmp_path / "moved.docx", parts))
    assert read.values == full_2021().values


def test_a_strict_open_xml_document(tmp_path):
    good = build(full_2021(), tmp_path / "good.docx", Style())
    with zipfile.ZipFile(good) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        W.encode(), b"http://purl.oclc.org/ooxml/wordprocessingml/main"
    )
    read, _ = read_any(package(tmp_path / "strict.docx", parts))
    assert read.values == full_2021().values
