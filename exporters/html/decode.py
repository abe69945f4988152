"""A saved page's bytes as text: by its byte-order mark, else the decoding that gives valid text (declared charset)."""

from __future__ import annotations

import codecs
import re

HEAD = (
    16384  # bytes searched for a <meta> charset (browsers look at 1024; some pages put a long <title> first)
)
_META = re.compile(
    rb"""<meta[^>]{0,400}?charset\s*=\s*["']?\s*([A-Za-z0-9._:+-]{1,40})""", re.IGNORECASE | re.DOTALL
)
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:+-]{1,40})""")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Chinese labels browsers read as GBK (the WHATWG encoding standard); GB18030 is its superset.
_GBK = {
    "gb2312",
    "gbk",
    "gb18030",
    "cp936",
    "x-gbk",
    "euc-cn",
    "csgb2312",
    "gb_2312-80",
    "iso-ir-58",
    "chinese",
}
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufdd0-\ufdef\ufffe\uffff]")  # and noncharacters


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta charset>``, http-equiv, an XML declaration)."""
    head = data[:HEAD]
    found = _XML_DECLARATION.match(head) or _META.search(head)
    return found.group(1).decode("ascii").lower() if found else None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    if label in _GBK:
        return "gb18030"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name  # as browsers do


def decode_page(data: bytes, declared: str | None = None) -> str:
    """The page's text; ``declared`` is a charset given outside the page (an MHTML part's header).

    A byte-order mark decides. Otherwise valid UTF-8 is taken first — a legacy multibyte decoding "succeeds" on
    UTF-8 bytes as nonsense while GBK text is practically never valid UTF-8 — then the declared charset, then
    GB18030; a page valid in none of them is decoded as declared (else GB18030) with replacement characters."""
    text = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = data.decode(codec, errors="replace")
            break
    if text is None:
        text = _decode(data, _codec(declared) or _codec(declared_charset(data)))
    return CONTROL.sub("", text)


def _decode(data: bytes, codec: str | None) -> str:
    if data.isascii():
        return data.decode("ascii")
    if codec is None and len(data) > 1 and data[1:2] == b"\x00" and data[:1] == b"<":
        codec = "utf-16-le"  # UTF-16 without a byte-order mark
    single_byte = codec is not None and _single_byte(codec)
    order = ["utf-8"]
    if codec and not single_byte:
        order.append(codec)
    order.append("gb18030")
    if codec and single_byte:
        order.append(codec)
    for candidate in dict.fromkeys(order):
        try:
            return data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode(codec if codec and not single_byte else "gb18030", errors="replace")


def _single_byte(codec: str) -> bool:
    """A charset of one byte per character (windows-1252, koi8-r…), told by two byte pairs that a multibyte charset
    (GBK, Big5, Shift_JIS, EUC-KR) reads as one character."""
    if codec.startswith(("utf", "gb18030")):
        return False
    try:
        return all(len(pair.decode(codec, errors="replace")) == 2 for pair in (b"\x81\x40", b"\xb0\xa1"))
    except LookupError:
        return False
