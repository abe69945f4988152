"""The files the fuzzer starts from, by kind: the app's own exports of the example report (every writer in the
registry), documents as others publish them, and hostile files (bombs, deep trees) — all made here, none shipped."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from exporters import kinds
from model import draft
from model.example import load_example
from model.report import Report
from tests.support import pdf_files
from tests.support.copied_text import copied_text
from tests.support.factories import full_2021
from tests.support.html_pages import Portal, mhtml_bytes, page_bytes
from tests.support.office_docs import Style, build
from tests.support.zip_parts import package, parts_of

Seeds = dict[str, list[tuple[str, bytes]]]  # kind key → (name, bytes); the name's suffix is the file's


def make_seeds(work: Path) -> Seeds:
    """Every readable kind's seeds, written through ``work`` (a scratch folder)."""
    example, full = load_example(), full_2021()
    seeds: Seeds = {k.key: [] for k in kinds.readable()}
    for kind in kinds.readable():  # the app's own exports: a writer added to the registry is fuzzed too
        if kind.writer:
            target = work / f"export{kind.suffix}"
            kind.write(example, target)
            seeds[kind.key].append((target.name, target.read_bytes()))
    seeds["nianbao"] += [("example.nianbao", draft.dumps(example)), ("full.nianbao", draft.dumps(full))]
    seeds["docx"].append(
        ("published.docx", build(full, work / "published.docx", Style(merged=True)).read_bytes())
    )
    seeds["xlsx"].append(("labels.xlsx", _without_anchor(seeds["xlsx"][0][1], work)))
    seeds["html"] += _pages(example, full)
    seeds["txt"] += [
        ("copied.txt", copied_text(example).encode("utf-8")),
        ("copied-gbk.txt", copied_text(full).encode("gb18030")),
        ("copied-utf16.txt", copied_text(full).encode("utf-16")),
    ]
    seeds["pdf"] += _pdfs()
    return {key: found for key, found in seeds.items() if found}


def _without_anchor(workbook: bytes, work: Path) -> bytes:
    """The app's workbook without its hidden ``_meta``/``_cells`` sheets: read by its labels, as others' are."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(workbook))
    for name in ("_meta", "_cells"):
        if name in book.sheetnames:
            del book[name]
    out = io.BytesIO()
    book.save(out)
    book.close()
    return out.getvalue()


def _pages(example: Report, full: Report) -> list[tuple[str, bytes]]:
    return [
        ("page.html", page_bytes(example)),
        ("page-gbk.html", page_bytes(full, Portal(charset="gbk", layout_table=True))),
        ("page.mht", mhtml_bytes(example)),
        ("page-chrome.mhtml", mhtml_bytes(full, transfer="base64", part_charset=None)),
    ]


def _pdfs() -> list[tuple[str, bytes]]:
    """A page with text and ruling lines (the paths the reader walks), compressed and not, and the hostile files."""
    rules = b"".join(b"72 %d m 520 %d l S\n" % (y, y) for y in range(500, 760, 20))
    rules += b"".join(b"%d 500 m %d 740 l S\n" % (x, x) for x in (72, 200, 360, 520))
    text = b"".join(
        b"BT /F1 10 Tf %d %d Td (%d) Tj ET\n" % (x + 8, y + 6, x * y % 97)
        for x in (200, 360)
        for y in range(500, 740, 20)
    )
    content = rules + b"BT /F1 16 Tf 72 780 Td (2023 Report) Tj ET\n" + text
    font = b"/Font << /F1 5 0 R >>"
    pages = []
    for compress in (False, True):
        objects = pdf_files.one_page(content, font, compress=compress)
        objects[5] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
        pages.append((f"table{'-z' if compress else ''}.pdf", pdf_files.pdf_bytes(objects)))
    return pages + [
        ("bomb.pdf", pdf_files.deflate_bomb(40)),
        ("pages.pdf", pdf_files.page_count_bomb(2000)),
        ("forms.pdf", pdf_files.form_bomb(5, 8)),
        ("tree.pdf", pdf_files.deep_page_tree(400)),
        ("nested.pdf", pdf_files.deep_nesting(20_000)),
    ]


def zip_seed(data: bytes) -> dict[str, bytes] | None:
    """The entries of a seed that is a sound zip package, else None."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {name: archive.read(name) for name in archive.namelist()}
    except Exception:  # noqa: BLE001 - a package damaged by an earlier mutation is bytes to flip
        return None


def rezip(parts: dict[str, bytes], work: Path) -> bytes:
    """A package of these entries (``tests/support/zip_parts.package``), as bytes."""
    return package(work / "rezip.zip", parts).read_bytes()


__all__ = ["Seeds", "make_seeds", "parts_of", "rezip", "zip_seed"]
