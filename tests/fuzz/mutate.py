"""Mutations of a seed file, each drawn from a ``random.Random`` so that a case's seed gives back the same bytes.

Byte-level ones for every kind (flips, truncation, a region repeated or spliced, random bytes), and ones that know
the container: zip entries swapped, dropped, renamed, tampered with inside or given huge declared sizes; XML, HTML
and JSON nested deeply or given hostile text (long, control characters, surrogates, huge numbers, far cells, spans).
"""

from __future__ import annotations

import json
import random
import re
import struct
import zipfile
from collections.abc import Callable
from typing import Any

from tests.fuzz.seeds import zip_seed

Mutator = Callable[[bytes, random.Random], bytes]
MAX_GROWTH = 4 * 1024 * 1024  # a mutation adds at most this much, so a case stays quick to write

HOSTILE_TEXT = (
    "9" * 5001,
    "1e400",
    "-1",
    "NaN",
    "０．５",
    "\ud800",
    "\x0b\x00\x1f",
    "=cmd|' /C calc'!A0",
    "\t开头",
    "字" * 250,
    "字" * 600,
    "【" * 3000,
    "12件\r\n34",
    "\u202e\ufeff\ufffe",
    "",
)


def flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 32)):
        if out:
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(max(len(data), 1))]


def repeat(data: bytes, rng: random.Random) -> bytes:
    """A region repeated many times in place (long runs of the same structure)."""
    start = rng.randrange(max(len(data), 1))
    region = data[start : start + rng.randint(1, 400)] or b"<"
    times = min(rng.choice((10, 1000, 100_000)), MAX_GROWTH // len(region))
    return data[:start] + region * times + data[start:]


def splice(data: bytes, rng: random.Random) -> bytes:
    """A region copied over another place."""
    if len(data) < 2:
        return data
    a, b = sorted(rng.randrange(len(data)) for _ in range(2))
    at = rng.randrange(len(data))
    return data[:at] + data[a:b] + data[at + (b - a) :]


def noise(data: bytes, rng: random.Random) -> bytes:
    """Random bytes behind the seed's first bytes (its magic number), so the reader gets past its first check."""
    return data[: rng.choice((0, 4, 8, 64))] + rng.randbytes(rng.choice((0, 1, 100, 10_000, 300_000)))


def numbers(data: bytes, rng: random.Random) -> bytes:
    """Some numbers replaced by huge, negative or zero ones (a PDF's /Count, /Length and offsets, a span)."""
    found = list(re.finditer(rb"\d+", data))
    out = bytearray(data)
    for match in sorted(rng.sample(found, min(len(found), rng.randint(1, 8))), key=lambda m: -m.start()):
        out[match.start() : match.end()] = rng.choice((b"2147483647", b"99999999999999999999", b"-1", b"0"))
    return bytes(out)


BYTES: tuple[Mutator, ...] = (flip, truncate, repeat, splice, noise, numbers)


def _markup(text: str, rng: random.Random) -> str:
    """Hostile XML/HTML text: deep nesting, a hostile text node, huge spans and far references."""
    choice = rng.randrange(5)
    spots = [m.end() for m in re.finditer(r">", text)] or [0]
    at = rng.choice(spots)
    if choice == 0:
        tag = rng.choice(("w:p", "w:tbl", "w:tc", "c", "row", "div", "table", "td", "span", "x"))
        depth = rng.choice((300, 5000, 100_000))
        return text[:at] + f"<{tag}>" * depth + f"</{tag}>" * depth + text[at:]
    if choice == 1:
        texts = [m.start(1) for m in re.finditer(r">([^<]{1,200})<", text)] or [at]
        where = rng.choice(texts)
        end = text.find("<", where)
        hostile = rng.choice(HOSTILE_TEXT).replace("\ud800", "&#xD800;")
        return text[:where] + hostile + text[end if end >= 0 else where :]
    if choice == 2:
        return re.sub(
            r'(colspan|rowspan|gridSpan w:val|r|ref|count|numRows)="[^"]*"',
            lambda m: (
                f'{m.group(1)}="{rng.choice(("1000000", "0", "-5", "XFD1048576", "A1:XFD1048576", "9" * 40))}"'
            ),
            text,
            count=rng.randint(1, 20),
        )
    if choice == 3:  # a far cell, a huge merge
        extra = rng.choice(
            (
                '<row r="1048576"><c r="F1048576" t="inlineStr"><is><t>x</t></is></c></row>',
                '<mergeCell ref="A1:XFD1048576"/>',
                '<c r="XFD1"><v>1</v></c>',
                '<dimension ref="A1:XFD1048576"/>',
            )
        )
        return text[:at] + extra + text[at:]
    return (
        text[:at]
        + rng.choice(("<!DOCTYPE x>", "<?xml-stylesheet?>", "<![CDATA[", "&amp", "&#0;"))
        + text[at:]
    )


def xml_text(data: bytes, rng: random.Random) -> bytes:
    """HTML, text or a PDF's body treated as text and given hostile markup."""
    text = data.decode("utf-8", "surrogateescape")
    return _markup(text, rng).encode("utf-8", "surrogateescape")[: len(data) + MAX_GROWTH]


def _xml_parts(parts: dict[str, bytes]) -> list[str]:
    return sorted(n for n, b in parts.items() if b.lstrip()[:1] == b"<" or n.endswith((".xml", ".rels")))


def zip_entries(data: bytes, rng: random.Random) -> bytes:
    """The package's entries tampered with: one's XML made hostile, two swapped, one dropped, renamed or
    re-encoded as UTF-16 without a byte-order mark."""
    parts = zip_seed(data)
    if not parts:
        return flip(data, rng)
    names = sorted(parts)
    xml = _xml_parts(parts) or names
    name = rng.choice(xml)
    choice = rng.randrange(6)
    if choice == 0:
        parts[name] = _markup(parts[name].decode("utf-8", "replace"), rng).encode("utf-8")
    elif choice == 1:
        other = rng.choice(names)
        parts[name], parts[other] = parts[other], parts[name]
    elif choice == 2:
        del parts[name]
    elif choice == 3:
        parts[name.rsplit(".", 1)[0] + ".bin"] = parts.pop(name)
        parts["[Content_Types].xml"] = parts.get("[Content_Types].xml", b"").replace(b".xml", b".bin", 1)
    elif choice == 4:
        parts[name] = parts[name].decode("utf-8", "replace").encode("utf-16-le")
    else:
        parts[name] = flip(parts[name], rng)
    return _pack(parts)


OFFICE_NESTS = (
    ("word/document.xml", b"</w:body>", b"<w:tbl><w:tr><w:tc>", b"<w:p/></w:tc></w:tr></w:tbl>"),
    ("word/document.xml", b"</w:body>", b"<w:sdt><w:sdtContent>", b"</w:sdtContent></w:sdt>"),
    ("xl/workbook.xml", b"</sheets>", b'<sheet name="s" sheetId="9" r:id="rId1"/>', b""),
    (
        "xl/worksheets/sheet1.xml",
        b"</sheetData>",
        b'<row r="7"><c r="A7" t="s"><v>999999999</v></c></row>',
        b"",
    ),
)


def office_structure(data: bytes, rng: random.Random) -> bytes:
    """Word tables or content controls nested deep, a workbook naming one sheet thousands of times, rows that
    repeat one row number or point at shared strings that do not exist."""
    parts = zip_seed(data)
    if not parts:
        return flip(data, rng)
    choices = [n for n in OFFICE_NESTS if n[0] in parts and n[1] in parts[n[0]]]
    if not choices:
        return zip_entries(data, rng)
    name, before, opening, closing = rng.choice(choices)
    times = rng.choice((50, 1000, 20_000))
    parts[name] = parts[name].replace(before, opening * times + closing * times + before, 1)
    return _pack(parts)


def _pack(parts: dict[str, bytes]) -> bytes:
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, body in parts.items():
            archive.writestr(name, body)
    return out.getvalue()


def zip_sizes(data: bytes, rng: random.Random) -> bytes:
    """Huge or false declared sizes in the local and central headers (the data left as it is)."""
    out = bytearray(data)
    size = rng.choice((0xFFFFFFFF, 0x7FFFFFFF, 0, 1, 4096))
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        found = [m.start() for m in re.finditer(re.escape(signature), data)]
        for at in rng.sample(found, min(len(found), rng.randint(1, 3))):
            if at + offset + 4 <= len(out):
                struct.pack_into("<I", out, at + offset, size)
    return bytes(out)


def json_values(data: bytes, rng: random.Random) -> bytes:
    """A draft with a hostile value at a random place, a key gone, or nested far too deep."""
    try:
        tree = json.loads(data)
    except (ValueError, RecursionError):  # an earlier mutation's damage
        return flip(data, rng)
    places = list(_places(tree, ()))
    path = rng.choice(places) if places else ()
    choice = rng.randrange(4)
    if choice == 3:
        depth = rng.choice((1000, 100_000))
        return (
            data.replace(b"{", b"[" * depth + b"{", 1) if rng.random() < 0.5 else b"[" * depth + b"]" * depth
        )
    value: Any = rng.choice((*HOSTILE_TEXT, _HUGE, 10**400, -(10**13), 1.5e308, None, [], {}, True, 0.1))
    _set(tree, path, value, remove=choice == 2)
    text = json.dumps(tree, ensure_ascii=rng.random() < 0.5).replace(f'"{_HUGE}"', "9" * 5001)
    return text.encode("utf-8", "surrogatepass")


_HUGE = "\x00huge"  # stands for an integer of 5,001 digits, which json.dumps cannot write


def _places(node: Any, path: tuple[Any, ...]) -> Any:
    yield path
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in children:
        yield from _places(child, (*path, key))


def _set(tree: Any, path: tuple[Any, ...], value: Any, remove: bool) -> None:
    if not path:
        return
    parent = tree
    for key in path[:-1]:
        parent = parent[key]
    if remove and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = value


BY_KIND: dict[str, tuple[Mutator, ...]] = {
    "nianbao": (*BYTES, json_values, json_values, json_values),
    "docx": (*BYTES, zip_entries, zip_entries, zip_entries, zip_sizes, office_structure, office_structure),
    "xlsx": (*BYTES, zip_entries, zip_entries, zip_entries, zip_sizes, office_structure, office_structure),
    "pdf": (*BYTES, numbers, numbers, xml_text),
    "html": (*BYTES, xml_text, xml_text, xml_text),
    "txt": (*BYTES, xml_text),
}


def mutate(kind: str, data: bytes, rng: random.Random) -> tuple[str, bytes]:
    """(the mutation's name, the mutated bytes); sometimes two mutations in a row."""
    chosen = [rng.choice(BY_KIND.get(kind, BYTES)) for _ in range(1 if rng.random() < 0.8 else 2)]
    for mutation in chosen:
        data = mutation(data, rng)
    return "+".join(m.__name__ for m in chosen), data
