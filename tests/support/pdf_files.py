"""PDF files written byte by byte for the tests: scanned pages (JPEG images), and hostile files (bombs, deep trees)."""

from __future__ import annotations

import io
import subprocess
import tempfile
import zlib
from pathlib import Path


def pdf_bytes(
    objects: dict[int, bytes], trailer: bytes = b"/Root 1 0 R", header: bytes = b"%d 0 obj"
) -> bytes:
    """A PDF of the given objects (number → body) with a correct cross-reference table; ``header`` writes an
    object's header from its number."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += header % number + b"\n" + objects[number] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n" % size
    for number in range(size):
        out += (b"%010d 00000 n \n" % offsets[number]) if number in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d %s >>\nstartxref\n%d\n%%%%EOF\n" % (size, trailer, xref)
    return bytes(out)


def bare_text(source: bytes | Path) -> str:
    """Every page's text as pdfium extracts it, nothing mended (what copying the text out of a reader gives)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(source)
    try:
        return "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()


def stream(body: bytes, dictionary: bytes = b"", compress: bool = False) -> bytes:
    if compress:
        body = zlib.compress(body, 9)
        dictionary += b" /Filter /FlateDecode"
    return b"<< /Length %d %s >>\nstream\n" % (len(body), dictionary) + body + b"\nendstream"


def one_page(content: bytes, resources: bytes = b"", compress: bool = False) -> dict[int, bytes]:
    """Catalog (1), pages (2), one A4 page (3) drawing ``content`` (4)."""
    return {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << %s >> /Contents 4 0 R >>"
        % resources,
        4: stream(content, compress=compress),
    }


def _jpeg_size(data: bytes) -> tuple[int, int]:
    """Width and height from a JPEG's start-of-frame marker."""
    at = 2
    while at < len(data):
        marker, length = data[at + 1], int.from_bytes(data[at + 2 : at + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2):
            height = int.from_bytes(data[at + 5 : at + 7], "big")
            width = int.from_bytes(data[at + 7 : at + 9], "big")
            return width, height
        at += 2 + length
    raise ValueError("no JPEG frame")


def scanned(pdf: Path, out: Path, resolution: int = 60) -> Path:
    """The PDF as a scan: every page rendered (pdftoppm) and only the pictures kept, one per page."""
    with tempfile.TemporaryDirectory(prefix="scan-") as folder:
        subprocess.run(
            ["pdftoppm", "-jpeg", "-r", str(resolution), str(pdf), f"{folder}/page"], check=True, timeout=120
        )
        images = [p.read_bytes() for p in sorted(Path(folder).glob("page*.jpg"))]
    objects: dict[int, bytes] = {1: b"<< /Type /Catalog /Pages 2 0 R >>"}
    kids = []
    for index, image in enumerate(images):
        page, content, picture = 10 + 3 * index, 11 + 3 * index, 12 + 3 * index
        width, height = _jpeg_size(image)
        objects[picture] = stream(
            image,
            b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
            b"/BitsPerComponent 8 /Filter /DCTDecode" % (width, height),
        )
        objects[content] = stream(b"q 595 0 0 842 0 0 cm /Im0 Do Q")
        objects[page] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /XObject << /Im0 %d 0 R >> >> >>" % (content, picture)
        )
        kids.append(b"%d 0 R" % page)
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    out.write_bytes(pdf_bytes(objects))
    return out


def deflate_bomb(megabytes: int = 400) -> bytes:
    """One page whose content stream inflates to ``megabytes`` of spaces (about a thousandth of that on disk)."""
    inflater = zlib.compressobj(9)
    chunk = b" " * (1024 * 1024)
    body = b"".join(inflater.compress(chunk) for _ in range(megabytes)) + inflater.flush()
    objects = one_page(b"")
    objects[4] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream"
    return pdf_bytes(objects)


def page_count_bomb(pages: int = 300_000) -> bytes:
    """A page tree naming the same page ``pages`` times."""
    objects = one_page(b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET", b"/Font << /F1 5 0 R >>")
    objects[5] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    objects[2] = b"<< /Type /Pages /Kids [" + b"3 0 R " * pages + b"] /Count %d >>" % pages
    return pdf_bytes(objects)


def form_bomb(
    levels: int = 6,
    fan: int = 10,
    reference: bytes = b"%d 0 R",
    draw: bytes = b"/X Do\n",
    header: bytes = b"%d 0 obj",
) -> bytes:
    """Each form draws the next ``fan`` times, ``levels`` deep: fan ** levels objects once expanded. ``reference``
    writes a reference from an object number, ``draw`` the operator drawing the form, ``header`` an object's header."""
    objects = one_page(draw * fan, b"/XObject << /X %s >>" % (reference % 10))
    for number in range(10, 11 + levels):
        if number == 10 + levels:
            objects[number] = stream(b"0 0 m 1 1 l S", b"/Type /XObject /Subtype /Form /BBox [0 0 10 10]")
        else:
            objects[number] = stream(
                draw * fan,
                b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X %s >> >>"
                % (reference % (number + 1)),
                compress=True,
            )
    return pdf_bytes(objects, header=header)


def deep_page_tree(depth: int = 3000) -> bytes:
    """A page tree nested ``depth`` levels deep above its only page."""
    objects = one_page(b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET")
    objects[2] = b"<< /Type /Pages /Kids [10 0 R] /Count 1 >>"
    for number in range(10, 10 + depth):
        parent = number - 1 if number > 10 else 2
        objects[number] = b"<< /Type /Pages /Parent %d 0 R /Kids [%d 0 R] /Count 1 >>" % (parent, number + 1)
    objects[10 + depth] = objects.pop(3).replace(b"/Parent 2 0 R", b"/Parent %d 0 R" % (9 + depth))
    return pdf_bytes(objects)


def deep_nesting(depth: int = 100_000) -> bytes:
    """A page whose resources nest arrays ``depth`` deep."""
    return pdf_bytes(one_page(b"", b"/Deep " + b"[" * depth + b"]" * depth))


def overlay(source: Path, out: Path, page: int, content: bytes) -> Path:
    """``source`` with ``content`` (PDF drawing operators, PDF coordinates) drawn over page ``page`` (from 0)."""
    import pypdf

    reader = pypdf.PdfReader(source)
    box = reader.pages[page].mediabox
    drawing = pdf_bytes(one_page(content))
    drawing = drawing.replace(b"/MediaBox [0 0 595 842]", b"/MediaBox [0 0 %d %d]" % (box.width, box.height))
    writer = pypdf.PdfWriter(clone_from=reader)
    writer.pages[page].merge_page(pypdf.PdfReader(io.BytesIO(drawing)).pages[0])
    with out.open("wb") as handle:
        writer.write(handle)
    return out
