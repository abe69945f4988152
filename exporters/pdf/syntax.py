"""The little of PDF syntax that the limits in ``safe_pdf`` need: objects (dictionaries, arrays, names, numbers,
strings, references), read from bytes by regular expressions, with a depth limit and no recursion into streams."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_DEPTH = 32  # nesting of dictionaries and arrays (real files stay under 8)
MAX_ITEMS = 20_000  # values in one object (a font's width array has a few thousand)


class MalformedError(Exception):
    """Bytes that are no PDF object where one was expected (damaged files, or binary data that looked like one)."""


@dataclass(frozen=True)
class Ref:
    """An indirect reference ``N G R``."""

    number: int


PdfValue = dict[str, "PdfValue"] | list["PdfValue"] | str | int | float | bytes | Ref | bool | None

_SPACE = re.compile(rb"(?:[ \t\r\n\f\x00]+|%[^\r\n]*)*")
_NAME = re.compile(rb"/([^ \t\r\n\f\x00()<>\[\]{}/%]*)")
# A reference as pdfium reads one: two number tokens (digits, signs, dots) and R, blanks or comments between; the
# generation is never checked (「13 -1 R」) and the object number is the digits the first token begins with.
_GAP = rb"(?:[ \t\r\n\f\x00]|%[^\r\n]*)+"
_REF = re.compile(
    rb"\+?(\d+)[+\-.0-9]*" + _GAP + rb"[+\-.0-9]+" + _GAP + rb"R(?![^ \t\r\n\f\x00()<>\[\]{}/%])"
)
_NUMBER = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)")
_KEYWORD = re.compile(rb"[A-Za-z]+")
_WORD = re.compile(rb"[^ \t\r\n\f\x00()<>\[\]{}/%]+")
_HEX = re.compile(rb"<([0-9A-Fa-f \t\r\n\f\x00]*)>")
_STRING_PART = re.compile(rb"[()\\]")
_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_KEYWORDS: dict[bytes, PdfValue] = {b"true": True, b"false": False, b"null": None}


def name(raw: bytes) -> str:
    """A name's text, with ``#xx`` escapes decoded (``/P#61ge`` is ``/Page``)."""
    return _ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), raw).decode("latin-1")


def skip_space(data: bytes, pos: int) -> int:
    found = _SPACE.match(data, pos)
    return found.end() if found else pos


def parse(data: bytes, pos: int) -> tuple[PdfValue, int]:
    """The object starting at ``pos`` (after white space and comments) and the position after it."""
    budget = [MAX_ITEMS]
    return _value(data, skip_space(data, pos), 0, budget)


def _value(data: bytes, pos: int, depth: int, budget: list[int]) -> tuple[PdfValue, int]:
    budget[0] -= 1
    if budget[0] < 0 or depth > MAX_DEPTH:
        raise MalformedError("too deep or too long")
    if pos >= len(data):
        raise MalformedError("end of data")
    head = data[pos : pos + 1]
    if head == b"<":
        if data.startswith(b"<<", pos):
            return _dictionary(data, pos + 2, depth, budget)
        hexed = _HEX.match(data, pos)
        if not hexed:
            raise MalformedError("bad hex string")
        digits = hexed.group(1).translate(None, b" \t\r\n\f\x00")
        return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii")), hexed.end()
    if head == b"[":
        items: list[PdfValue] = []
        pos = skip_space(data, pos + 1)
        while not data.startswith(b"]", pos):
            item, pos = _value(data, pos, depth + 1, budget)
            items.append(item)
            pos = skip_space(data, pos)
        return items, pos + 1
    if head == b"(":
        return _string(data, pos + 1)
    if head == b"/":
        found = _NAME.match(data, pos)
        assert found is not None  # "/" alone is the empty name
        return name(found.group(1)), found.end()
    reference = _REF.match(data, pos)
    if reference:
        return Ref(int(reference.group(1))), reference.end()
    number = _NUMBER.match(data, pos)
    if number:
        text = number.group()
        return (float(text) if b"." in text else int(text)), number.end()
    keyword = _KEYWORD.match(data, pos)
    if keyword and keyword.group() in _KEYWORDS:
        return _KEYWORDS[keyword.group()], keyword.end()
    raise MalformedError("unexpected byte")


def _dictionary(data: bytes, pos: int, depth: int, budget: list[int]) -> tuple[PdfValue, int]:
    out: dict[str, PdfValue] = {}
    pos = skip_space(data, pos)
    while not data.startswith(b">>", pos):
        key = _NAME.match(data, pos)
        if not key:  # pdfium skips a word where a key should be (so 「<<」 there merges the inner dictionary)
            pos = skip_space(data, _skip_word(data, pos, budget))
            continue
        value, pos = _value(data, skip_space(data, key.end()), depth + 1, budget)
        out[name(key.group(1))] = value
        pos = skip_space(data, pos)
    return out, pos + 2


def _skip_word(data: bytes, pos: int, budget: list[int]) -> int:
    """The position after one word: a run of regular characters, or one delimiter (``<<`` as one)."""
    budget[0] -= 1
    if budget[0] < 0 or pos >= len(data):
        raise MalformedError("too long")
    if data.startswith(b"<<", pos):
        return pos + 2
    word = _WORD.match(data, pos)
    return word.end() if word else pos + 1


def _string(data: bytes, pos: int) -> tuple[PdfValue, int]:
    """A literal string's raw bytes (escapes left as they are: the limits never read strings)."""
    start, level = pos, 1
    while True:
        found = _STRING_PART.search(data, pos)
        if found is None:
            raise MalformedError("unterminated string")
        pos = found.end()
        mark = found.group()
        if mark == b"\\":
            pos += 1
        elif mark == b"(":
            level += 1
        else:
            level -= 1
            if level == 0:
                return data[start : pos - 1], pos
