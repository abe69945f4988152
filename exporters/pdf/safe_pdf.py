"""Check a PDF before pdfium parses it: file size, object and stream counts, decompression bombs, form bombs.

pdfium decodes every content stream, font and object stream that a page needs, and expands a form XObject each
time it is drawn — a form that draws a form ten times, six levels deep, is a million objects, minutes of parsing.
So, as ``exporters/reading/safe_zip.py`` does for Office files, the raw bytes are scanned first: every stream that
is not an image is inflated (up to the limits, never further), and the forms drawn are counted through the names
their content draws. An encrypted file's streams cannot be inflated here: for those only the size, object and
page limits hold (pdfium itself still bounds nesting and page-tree depth).
"""

from __future__ import annotations

import base64
import binascii
import bisect
import os
import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from exporters.pdf.errors import PdfError
from exporters.pdf.syntax import MalformedError, PdfValue, name, parse, skip_space

MAX_FILE = 50 * 1024 * 1024  # bytes on disk, as for Office files
MAX_PAGES = 200  # annual reports have 3–40 pages
MAX_OBJECTS = 300_000  # object headers in the file
MAX_STREAMS = 30_000
MAX_CONTENT = 24 * 1024 * 1024  # inflated content, forms, object and xref streams (what pdfium parses)
MAX_FONTS = 96 * 1024 * 1024  # inflated embedded fonts (a full CJK face is 10–20 MB)
MAX_FORM_DRAWS = 20_000  # form XObjects drawn over the whole document, nested ones counted as often as drawn
CHUNK = 256 * 1024

TOO_BIG = "文件解压后过大，疑为压缩炸弹，已拒绝打开"
TOO_MANY = "文件中的对象过多，疑为恶意文件，已拒绝打开"

_OBJ = re.compile(rb"(\d{1,10})[ \t\r\n\f\x00]+\d{1,5}[ \t\r\n\f\x00]+obj\b")
_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")
_DO = re.compile(rb"/([^ \t\r\n\f\x00()<>\[\]{}/%]+)[ \t\r\n\f\x00]*Do(?![A-Za-z])")
_NAMED_REF = re.compile(
    rb"/([^ \t\r\n\f\x00()<>\[\]{}/%]+)[ \t\r\n\f\x00]*(\d{1,10})[ \t\r\n\f\x00]+\d{1,5}[ \t\r\n\f\x00]+R"
)
_FONT_SUBTYPES = {"Type1C", "CIDFontType0C", "OpenType"}
_IGNORED_TYPES = {"Metadata", "EmbeddedFile"}  # never parsed unless asked for


@dataclass
class _Scan:
    data: bytes
    content: int = 0  # bytes inflated so far, by budget
    fonts: int = 0
    draws: dict[int, Counter[str]] = field(default_factory=dict)  # form object -> names it draws
    page_draws: Counter[str] = field(default_factory=Counter)  # names drawn by other content
    texts: list[bytes] = field(default_factory=list)  # inflated object streams, where resources may live


def check_pdf(path: str | os.PathLike[str]) -> bytes:
    """The file's bytes, once its size, objects, streams and forms are within the limits; else PdfError."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            raise PdfError(f"文件过大（{size // (1024 * 1024)} MB，上限 {MAX_FILE // (1024 * 1024)} MB）")
        data = path.read_bytes()
    except OSError as exc:
        raise PdfError(f"文件无法读取（{exc.strerror or exc}）") from exc
    if b"%PDF-" not in data[:1024]:
        raise PdfError("文件不是有效的 PDF（内容已损坏或不是此类型）")
    scan = _Scan(data)
    _scan_streams(scan)
    _check_forms(scan)
    return data


def _scan_streams(scan: _Scan) -> None:
    data = scan.data
    headers = [(m.start(), m.end(), int(m.group(1))) for m in _OBJ.finditer(data)]
    if len(headers) > MAX_OBJECTS:
        raise PdfError(TOO_MANY)
    starts = [h[0] for h in headers]
    streams = 0
    for found in _STREAM.finditer(data):
        if data[found.start() - 3 : found.start()] == b"end":
            continue
        streams += 1
        if streams > MAX_STREAMS:
            raise PdfError(TOO_MANY)
        owner = bisect.bisect_left(starts, found.start()) - 1
        if owner < 0:
            continue
        _, after_header, number = headers[owner]
        try:
            dictionary, end = parse(data, after_header)
        except (MalformedError, ValueError, OverflowError):
            continue
        if not isinstance(dictionary, dict) or skip_space(data, end) != found.start():
            continue  # "stream" inside another stream's data, or a damaged object
        _measure(scan, number, dictionary, found.end())


def _measure(scan: _Scan, number: int, dictionary: dict[str, PdfValue], start: int) -> None:
    """Inflate one stream within its budget; keep what forms and other content draw."""
    subtype, kind = dictionary.get("Subtype"), dictionary.get("Type")
    if subtype == "Image" or kind in _IGNORED_TYPES:
        return  # never decoded: the reader renders nothing
    font = "Length1" in dictionary or subtype in _FONT_SUBTYPES
    raw = _raw_data(scan.data, dictionary, start)
    limit = MAX_FONTS - scan.fonts if font else MAX_CONTENT - scan.content
    decoded, size = _decode(raw, dictionary.get("Filter"), limit, keep=not font)
    if font:
        scan.fonts += size
        return
    scan.content += size
    if kind == "ObjStm":
        scan.texts.append(decoded)
        return
    names = Counter(name(m.group(1)) for m in _DO.finditer(decoded))
    if subtype == "Form":
        scan.draws[number] = names
    else:
        scan.page_draws.update(names)


def _raw_data(data: bytes, dictionary: dict[str, PdfValue], start: int) -> bytes:
    length = dictionary.get("Length")
    if isinstance(length, int) and 0 <= length <= len(data) - start:
        return data[start : start + length]
    end = data.find(b"endstream", start)
    return data[start : end if end >= 0 else len(data)]


def _filters(value: PdfValue) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _decode(raw: bytes, filters: PdfValue, limit: int, keep: bool) -> tuple[bytes, int]:
    """The decoded bytes (when ``keep``) and their size; a filter this scan does not know stops decoding there.

    Raises PdfError as soon as the size passes ``limit``."""
    data, size = raw, len(raw)
    names = _filters(filters)
    for index, kind in enumerate(names):
        try:
            if kind in ("FlateDecode", "Fl"):
                data, size = _inflate(data, limit, keep or index < len(names) - 1)
            elif kind in ("ASCIIHexDecode", "AHx"):
                data = binascii.unhexlify(_even(data.split(b">", 1)[0].translate(None, b" \t\r\n\f\x00")))
                size = len(data)
            elif kind in ("ASCII85Decode", "A85"):
                data = base64.a85decode(
                    data.split(b"~>", 1)[0].translate(None, b" \t\r\n\f\x00") + b"~>", adobe=False
                )
                size = len(data)
            else:
                break  # LZW, RunLength, a crypt filter…: measured as far as decoded
        except (binascii.Error, ValueError):
            break
        if size > limit:
            raise PdfError(TOO_BIG)
    if size > limit:
        raise PdfError(TOO_BIG)
    return (data if keep else b""), size


def _even(digits: bytes) -> bytes:
    return digits + b"0" * (len(digits) % 2)


def _inflate(raw: bytes, limit: int, keep: bool) -> tuple[bytes, int]:
    """Inflate in chunks, never past ``limit``: the bytes (when ``keep``) and their size. A damaged stream gives
    what was inflated before the damage (as pdfium does)."""
    inflater = zlib.decompressobj()
    parts: list[bytes] = []
    size = 0
    pending = raw
    try:
        while pending and not inflater.eof:
            out = inflater.decompress(pending, CHUNK)
            pending = inflater.unconsumed_tail
            size += len(out)
            if size > limit:
                raise PdfError(TOO_BIG)
            if keep:
                parts.append(out)
            if not out and pending:
                break
        tail = inflater.flush()
        size += len(tail)
        if keep:
            parts.append(tail)
    except zlib.error:
        pass
    if size > limit:
        raise PdfError(TOO_BIG)
    return b"".join(parts), size


def _check_forms(scan: _Scan) -> None:
    """Count the forms drawn, each with everything it draws; names resolve to forms through any ``/Name N 0 R``
    in the file (a name shared by several forms counts as the largest: an upper bound, never an under-count)."""
    if not scan.draws:
        return
    by_name: dict[str, set[int]] = {}
    for text in (scan.data, *scan.texts):
        for found in _NAMED_REF.finditer(text):
            number = int(found.group(2))
            if number in scan.draws:
                by_name.setdefault(name(found.group(1)), set()).add(number)
    sizes = _form_sizes(scan.draws, by_name)

    def drawn(names: Counter[str]) -> int:
        return sum(
            count * max((sizes[f] for f in by_name.get(n, ())), default=0) for n, count in names.items()
        )

    if drawn(scan.page_draws) > MAX_FORM_DRAWS:
        raise PdfError(TOO_MANY)


def _form_sizes(draws: dict[int, Counter[str]], by_name: dict[str, set[int]]) -> dict[int, int]:
    """Forms drawn when each form is drawn once, itself included (a form drawing itself counts once: pdfium stops
    such recursion); past the limit the count stops growing and the file is refused."""
    sizes: dict[int, int] = {}
    for root in draws:
        if root in sizes:
            continue
        stack: list[tuple[int, bool]] = [(root, False)]
        active: set[int] = set()
        while stack:
            form, done = stack.pop()
            if done:
                active.discard(form)
                total = 1
                for drawn_name, count in draws[form].items():
                    targets = [sizes.get(t, 1) for t in by_name.get(drawn_name, ()) if t not in active]
                    total += count * max(targets, default=0)
                    if total > MAX_FORM_DRAWS:
                        raise PdfError(TOO_MANY)
                sizes[form] = total
                continue
            if form in sizes or form in active:
                continue
            active.add(form)
            stack.append((form, True))
            for drawn_name in draws[form]:
                for target in by_name.get(drawn_name, ()):
                    if target not in sizes and target not in active:
                        stack.append((target, False))
    return sizes
