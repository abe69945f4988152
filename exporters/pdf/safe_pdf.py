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
from exporters.pdf.syntax import MalformedError, PdfValue, Ref, name, parse, skip_space

MAX_FILE = 50 * 1024 * 1024  # bytes on disk, as for Office files
MAX_PAGES = 200  # annual reports have 3–40 pages
MAX_OBJECTS = 300_000  # object headers in the file
MAX_STREAMS = 30_000
MAX_CONTENT = 24 * 1024 * 1024  # inflated content, forms, object and xref streams (what pdfium parses)
MAX_FONTS = 96 * 1024 * 1024  # inflated embedded fonts (a full CJK face is 10–20 MB)
MAX_FORM_DRAWS = 20_000  # form XObjects drawn over the whole document, nested ones counted as often as drawn
# streams whose data overlap (false lengths: each one's data then runs to an ``endstream`` far on, which pdfium's
# repair searches for again and again): bytes counted twice; in a sound file streams never overlap
MAX_OVERLAP = 8 * 1024 * 1024
# objects (arrays, dictionaries, names, strings, numbers) outside the streams' data, object streams included: a real
# report has tens of thousands; pdfium spends 50–85 bytes on each it parses
MAX_TOKENS = 3_000_000
OWNERS = 4  # objects before a stream keyword whose dictionary may end there (pdfium reads each by its offset)
CHUNK = 256 * 1024

TOO_BIG = "文件解压后过大，疑为压缩炸弹，已拒绝打开"
TOO_MANY = "文件中的对象过多，疑为恶意文件，已拒绝打开"
DAMAGED = "文件已严重损坏（大量数据流的长度与内容不符），已拒绝打开"

# Tokens as pdfium reads them: blanks and comments between any two; a number is any run of digits, signs and dots
# (the generation of a reference or an object header is not checked at all: 「13 -1 R」 and
# 「4 99999999999999999999 R」 are references), an object number the digits it begins with.
_WS = rb"(?:[ \t\r\n\f\x00]|%[^\r\n]*)"
_NUMBER = rb"[+\-.0-9]+"
_NAME = rb"/([^ \t\r\n\f\x00()<>\[\]{}/%]+)"
_OBJ = re.compile(rb"(?<![0-9.+\-])\+?(\d{1,10})[.0-9]*" + _WS + rb"+" + _NUMBER + _WS + rb"+obj\b")
_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")
_ENDSTREAM = re.compile(rb"endstream")
_NUMBER_CHARS = bytes.maketrans(
    bytes(range(256)), bytes(49 if chr(b) in "+-.0123456789" else 48 for b in range(256))
)
_DO = re.compile(_NAME + _WS + rb"*Do(?![A-Za-z])")
_NAMED_REF = re.compile(_NAME + _WS + rb"*\+?(\d{1,10})[.0-9]*" + _WS + rb"+" + _NUMBER + _WS + rb"+R")
_FONT_SUBTYPES = {"Type1C", "CIDFontType0C", "OpenType"}
_IGNORED_TYPES = {"Metadata", "EmbeddedFile"}  # never parsed unless asked for


@dataclass
class _Scan:
    data: bytes
    content: int = 0  # bytes inflated so far, by budget
    fonts: int = 0
    draws: dict[int, Counter[str]] = field(default_factory=dict)  # form object -> names it draws
    page_draws: Counter[str] = field(default_factory=Counter)  # names drawn by other content
    # form object -> its own /Resources /XObject, name -> objects, where the form's dictionary holds them itself
    # (None: somewhere else, so its names resolve through any reference in the file)
    own: dict[int, dict[str, set[int]] | None] = field(default_factory=dict)
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
    ends = [m.start() for m in _ENDSTREAM.finditer(data)]
    streams = searched = 0
    bodies: list[tuple[int, int]] = []
    for found in _STREAM.finditer(data):
        if data[found.start() - 3 : found.start()] == b"end":
            continue
        streams += 1
        if streams > MAX_STREAMS:
            raise PdfError(TOO_MANY)
        owners = _dictionaries_before(data, headers, starts, found.start())
        dictionary = owners[0] if owners else None
        body = _search_cost(data, ends, found.end(), dictionary)
        bodies.append((found.end(), found.end() + body))
        searched += body
        if searched > len(data) + MAX_OVERLAP:
            raise PdfError(DAMAGED)
        for (
            number,
            owner,
        ) in owners:  # a damaged file may give one stream to several objects, as pdfium reads it
            _measure(scan, number, owner, data[found.end() : found.end() + body])
    if _objects_outside(data, bodies) + sum(map(_tokens, scan.texts)) > MAX_TOKENS:
        raise PdfError(TOO_MANY)


def _objects_outside(data: bytes, bodies: list[tuple[int, int]]) -> int:
    """Objects pdfium may build from the file's bytes outside the streams' data (an upper bound)."""
    count, at = 0, 0
    for start, end in bodies:
        if start > at:
            count += _tokens(data[at:start])
        at = max(at, end)
    return count + _tokens(data[at:])


def _tokens(text: bytes) -> int:
    """Arrays, dictionaries, names, strings and numbers that begin in ``text`` (each a few dozen bytes in pdfium,
    whose memory grows with them: 4 MB of 「[」 took 425 MB)."""
    marks = sum(text.count(mark) for mark in (b"[", b"<", b"/", b"("))
    return marks + (b"0" + text.translate(_NUMBER_CHARS)).count(b"01")


def _dictionaries_before(
    data: bytes, headers: list[tuple[int, int, int]], starts: list[int], keyword: int
) -> list[tuple[int, dict[str, PdfValue]]]:
    """(object number, stream dictionary) of each of the last few objects whose dictionary ends at the stream
    keyword at ``keyword``, nearest first; none for "stream" inside another stream's data or a damaged object."""
    found: list[tuple[int, dict[str, PdfValue]]] = []
    nearest = bisect.bisect_left(starts, keyword) - 1
    for owner in range(nearest, max(nearest - OWNERS, -1), -1):
        _, after_header, number = headers[owner]
        if owner < nearest and data.find(b"endobj", after_header, keyword) >= 0:
            break  # an earlier object that ended before: a sound file's case, one parse per stream
        try:
            dictionary, end = parse(data, after_header)
        except (MalformedError, ValueError, OverflowError):
            continue
        if isinstance(dictionary, dict) and skip_space(data, end) == keyword:
            found.append((number, dictionary))
    return found


def _search_cost(
    data: bytes, ends: list[int], start: int, dictionary: tuple[int, dict[str, PdfValue]] | None
) -> int:
    """The stream's data as pdfium takes it: its /Length when an ``endstream`` follows there, else up to the next
    ``endstream`` (a false /Length 0 hides nothing); also the bytes pdfium scans to find the end (many streams with
    false lengths make pdfium's repair quadratic)."""
    declared = dictionary[1].get("Length") if dictionary else None
    length = declared if isinstance(declared, int) and 0 <= declared <= len(data) - start else -1
    if length >= 0 and data.startswith(b"endstream", skip_space(data, start + length)):
        return length
    following = bisect.bisect_left(ends, start)
    return (ends[following] if following < len(ends) else len(data)) - start


def _measure(scan: _Scan, number: int, dictionary: dict[str, PdfValue], raw: bytes) -> None:
    """Inflate one stream within its budget; keep what forms and other content draw."""
    subtype, kind = dictionary.get("Subtype"), dictionary.get("Type")
    if subtype == "Image" or kind in _IGNORED_TYPES:
        return  # never decoded: the reader renders nothing
    font = "Length1" in dictionary or subtype in _FONT_SUBTYPES
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
    if subtype == "Form":  # two objects of one number (a damaged file): what either draws
        scan.draws[number] = scan.draws.get(number, Counter()) | names
        own = _own_forms(dictionary)
        if number in scan.own:  # a second object of this number: the names of either
            before = scan.own[number]
            scan.own[number] = None if own is None or before is None else _union(before, own)
        else:
            scan.own[number] = own
    else:
        scan.page_draws.update(names)


def _own_forms(dictionary: dict[str, PdfValue]) -> dict[str, set[int]] | None:
    """Name -> objects of a form's /Resources /XObject when its dictionary holds them itself, else None."""
    resources = dictionary.get("Resources")
    objects = resources.get("XObject") if isinstance(resources, dict) else None
    if resources is not None and not isinstance(resources, dict):
        return None
    if objects is None:
        return {}
    if not isinstance(objects, dict):
        return None
    return {key: {value.number} for key, value in objects.items() if isinstance(value, Ref)}


def _union(a: dict[str, set[int]], b: dict[str, set[int]]) -> dict[str, set[int]]:
    return {key: a.get(key, set()) | b.get(key, set()) for key in a.keys() | b.keys()}


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
    in the file (a name shared by several forms counts as the largest, a name no reference gives may be any form:
    an upper bound, never an under-count)."""
    if not scan.draws:
        return
    by_name: dict[str, set[int]] = {}
    named: set[str] = set()
    for text in (scan.data, *scan.texts):
        for found in _NAMED_REF.finditer(text):
            number, key = int(found.group(2)), name(found.group(1))
            named.add(key)
            if number in scan.draws:
                by_name.setdefault(key, set()).add(number)
    drawn_names = set(scan.page_draws).union(*scan.draws.values())
    for unseen in drawn_names - named:  # drawn, but no reference names it that this scan can see: any form
        by_name[unseen] = set(scan.draws)
    sizes = _form_sizes(scan.draws, _targets(scan, by_name))

    def drawn(names: Counter[str]) -> int:
        return sum(
            count * max((sizes[f] for f in by_name.get(n, ())), default=0) for n, count in names.items()
        )

    if drawn(scan.page_draws) > MAX_FORM_DRAWS:
        raise PdfError(TOO_MANY)


def _targets(scan: _Scan, by_name: dict[str, set[int]]) -> dict[int, dict[str, set[int]]]:
    """For each form, the forms each name it draws may be: by its own resources where it holds them, else by any
    reference in the file."""
    out: dict[int, dict[str, set[int]]] = {}
    for form, names in scan.draws.items():
        own = scan.own.get(form)
        out[form] = {
            drawn: (
                {t for t in own[drawn] if t in scan.draws}
                if own is not None and drawn in own
                else by_name.get(drawn, set())
            )
            for drawn in names
        }
    return out


def _form_sizes(draws: dict[int, Counter[str]], targets_of: dict[int, dict[str, set[int]]]) -> dict[int, int]:
    """Forms drawn when each form is drawn once, itself included; past the limit the count stops growing and the
    file is refused. A form that draws itself, at any depth, is refused: pdfium follows such a loop until its
    memory runs out (found by ``tests/fuzz``: a form drawing itself twice aborted the process)."""
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
                    if targets_of[form][drawn_name] & (active | {form}):
                        raise PdfError(TOO_MANY)
                    targets = [sizes.get(t, 1) for t in targets_of[form][drawn_name]]
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
                for target in targets_of[form][drawn_name]:
                    if target not in sizes and target not in active:
                        stack.append((target, False))
    return sizes
