"""One zip entry as an XML parser would see it: its encoding, and a scan of its text for DTDs and for its elements.

The scan looks at what the content is, not at the entry's name: python-docx, openpyxl and our readers open the parts
that the relationships and [Content_Types].xml name, whatever their extension. An entry whose first character is no
``<`` (after a byte-order mark and blanks) is no XML to any parser (images, fonts, embedded files): it is skipped.
Every other entry is decoded as the parser would decode it — UTF-8, or UTF-16 told by its byte-order mark or by the
zero bytes of ``<\\0`` / ``\\0<``, or the encoding its XML declaration names — and the decoded text is scanned, so a
DTD written in UTF-16 without a byte-order mark, or in UTF-7, is found too. OOXML allows only UTF-8 and UTF-16
(ECMA-376 Part 2, 8.1.4); a few ASCII-compatible encodings other tools write are accepted, any other is refused.
"""

from __future__ import annotations

import codecs
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from exporters.reading.errors import UnsafeFileError

CHUNK = 1024 * 1024
_DTD = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_DECLARED = re.compile(rb"""^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")
_BLANK = b" \t\r\n"
# codecs.lookup() names of the encodings a part may use: OOXML's two, and ASCII-compatible ones seen in the wild
ALLOWED = frozenset(
    {"utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "ascii", "latin-1", "iso8859-1", "cp1252"}
    | {"gb2312", "gbk", "gb18030", "big5"}
)
_WIDE = (b"\x00\x00\x00<", b"<\x00\x00\x00", b"\x00\x00<\x00", b"\x00<\x00\x00")  # UCS-4 in any byte order
_EBCDIC = b"\x4c\x6f\xa7\x94"  # 「<?xm」 in EBCDIC
REFUSED = "文件中的 XML 部件使用了不支持的字符编码，已拒绝打开"
TOO_MUCH = "文件中的 XML 内容过大，已拒绝打开"


@dataclass
class Scanned:
    """What the scan of one XML entry found: its size in bytes and how many elements (tags) it opens."""

    size: int
    elements: int


def encoding_of(head: bytes) -> str | None:
    """The codec an XML parser reads this entry in; None when the entry is no XML (raises for unknown encodings)."""
    if (
        head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"))
        or head[:4] in _WIDE
        or head[:4] == _EBCDIC
    ):
        raise UnsafeFileError(REFUSED)
    if head.startswith(codecs.BOM_UTF8):
        return _if_markup("utf-8-sig", head[3:].lstrip(_BLANK))
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if head[:1] == b"\x00" or head[1:2] == b"\x00":  # UTF-16 without a byte-order mark, as expat guesses it
        wide = "utf-16-be" if head[:1] == b"\x00" else "utf-16-le"
        text = head[: len(head) // 2 * 2].decode(wide, "replace").lstrip(" \t\r\n")
        return wide if text[:1] in ("<", "") else None
    start = head.lstrip(_BLANK)
    declared = _DECLARED.match(start)
    if declared is None:
        return _if_markup("utf-8", start)
    try:
        name = codecs.lookup(declared.group(1).decode("ascii")).name
    except LookupError:
        raise UnsafeFileError(REFUSED) from None
    if name.startswith("utf-16"):  # declared, but the bytes are 8-bit: the parsers read them as UTF-8
        return "utf-8"
    if name not in ALLOWED:
        raise UnsafeFileError(REFUSED)
    return name


def _if_markup(codec: str, start: bytes) -> str | None:
    """The codec when the text begins as markup does (or is all blanks so far), else None: no parser takes it."""
    return codec if start[:1] in (b"<", b"") else None


def scan(archive: zipfile.ZipFile, info: zipfile.ZipInfo, room: int) -> Scanned | None:
    """Scan one entry (at most its declared size); None when it is no XML. Raises UnsafeFileError for a DTD, or
    for XML larger than ``room`` (the bytes of XML the package may still hold)."""
    seen = elements = 0
    tail = ""
    decode: Callable[[bytes], str] | None = None
    wide = False
    with archive.open(info) as part:
        while chunk := part.read(CHUNK):
            seen += len(chunk)
            if seen > info.file_size:
                raise UnsafeFileError("文件部件的实际大小与声明不符，已拒绝打开")
            if decode is None:
                codec = encoding_of(chunk[:1024])
                if codec is None:
                    return None
                if info.file_size > room:
                    raise UnsafeFileError(TOO_MUCH)
                decode = _decoder(codec)
                wide = codec.startswith("utf-16")
            text = decode(chunk)
            if wide:
                elements += text.count("<") - text.count("</")
            else:  # markup is ASCII in the 8-bit codecs, and bytes count faster than text
                elements += chunk.count(b"<") - chunk.count(b"</")
            window = tail + text
            if _DTD.search(window):
                raise UnsafeFileError("文件包含 DTD 或实体声明，出于安全原因已拒绝打开")
            tail = window[-32:]
    return Scanned(seen, elements)


def _decoder(codec: str) -> Callable[[bytes], str]:
    """Chunks to text, a character cut between two chunks kept for the next."""
    decode: Callable[[bytes], str] = codecs.getincrementaldecoder(codec)("replace").decode
    return decode
