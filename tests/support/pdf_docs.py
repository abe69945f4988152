"""Published PDFs made for real: the app's Word export, edited the ways offices lay out their reports, printed to
PDF by LibreOffice (many files in one run), and poppler's view of the result to check the layout came out so."""

from __future__ import annotations

import copy
import io
import re
import subprocess
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

from lxml import etree

from model.report import Report
from tests.support.libreoffice import convert_many

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT = "word/document.xml"
Edit = Callable[[etree._Element], None]


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def edit_docx(path: Path, *edits: Edit) -> Path:
    """Apply edits to the document part of a .docx in place."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    root = etree.fromstring(parts[DOCUMENT])
    for edit in edits:
        edit(root)
    parts[DOCUMENT] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


def text_of(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(q("t")))


def cell(root: etree._Element, text: str) -> etree._Element:
    """The first table cell whose text is ``text``."""
    return next(tc for tc in root.iter(q("tc")) if text_of(tc) == text)


def paragraph(root: etree._Element, text: str) -> etree._Element:
    """The first body paragraph (not in a table) whose text is ``text``."""
    body = root.find(q("body"))
    assert body is not None
    return next(p for p in body.iter(q("p")) if text_of(p) == text and p.getparent() is body)


def let_rows_split(root: etree._Element) -> None:
    """As WPS leaves a table by default: no repeated header rows, rows that may break, no keep-with-next."""
    for tag in ("tblHeader", "cantSplit", "keepNext"):
        for element in list(root.iter(q(tag))):
            element.getparent().remove(element)


def taller_row(label: str, extra_twips: int) -> Edit:
    """Make the row holding ``label`` taller (moves the page break further up the table)."""

    def edit(root: etree._Element) -> None:
        height = cell(root, label).getparent().find(f"{q('trPr')}/{q('trHeight')}")
        height.set(q("val"), str(int(height.get(q("val"))) + extra_twips))

    return edit


def _borders(tc: etree._Element) -> etree._Element:
    props = tc.find(q("tcPr"))
    borders = props.find(q("tcBorders"))
    if borders is None:
        borders = etree.Element(q("tcBorders"))
        width = props.find(q("tcW"))
        span = props.find(q("gridSpan"))
        merge = props.find(q("vMerge"))
        anchor = merge if merge is not None else span if span is not None else width
        anchor.addnext(borders)
    return borders


def _border(tc: etree._Element, side: str, value: str, color: str = "auto") -> None:
    borders = _borders(tc)
    for old in borders.findall(q(side)):
        borders.remove(old)
    element = etree.SubElement(borders, q(side))
    element.set(q("val"), value)
    if value != "nil":
        element.set(q("sz"), "4")
        element.set(q("space"), "0")
        element.set(q("color"), color)
    order = ("top", "left", "start", "bottom", "right", "end", "insideH", "insideV", "tl2br", "tr2bl")
    for child in sorted(borders, key=lambda c: order.index(etree.QName(c).localname)):
        borders.append(child)


def phantom_split(label: str) -> Edit:
    """The merged header cell ``label`` printed as two cells, the line between them drawn white: it looks merged
    (WPS and hand-made tables do this), the text sits in the first cell, the second is empty."""

    def edit(root: etree._Element) -> None:
        first = cell(root, label)
        span = first.find(f"{q('tcPr')}/{q('gridSpan')}")
        columns = int(span.get(q("val")))
        width = first.find(f"{q('tcPr')}/{q('tcW')}")
        total = int(width.get(q("w")))
        left = columns // 2
        second = copy.deepcopy(first)
        for p in second.findall(q("p")):
            for run in p.findall(q("r")):
                p.remove(run)
        span.set(q("val"), str(left))
        width.set(q("w"), str(total * left // columns))
        second.find(f"{q('tcPr')}/{q('gridSpan')}").set(q("val"), str(columns - left))
        second.find(f"{q('tcPr')}/{q('tcW')}").set(q("w"), str(total - total * left // columns))
        if columns - left == 1:
            spanned = second.find(f"{q('tcPr')}/{q('gridSpan')}")
            spanned.getparent().remove(spanned)
        first.addnext(second)
        _border(first, "right", "single", "FFFFFF")
        _border(second, "left", "single", "FFFFFF")

    return edit


def _grid_column(tc: etree._Element) -> int:
    col = 0
    for before in tc.itersiblings(q("tc"), preceding=True):
        span = before.find(f"{q('tcPr')}/{q('gridSpan')}")
        col += int(span.get(q("val"))) if span is not None else 1
    return col


def _set_text(tc: etree._Element, text: str) -> None:
    ts = list(tc.iter(q("t")))
    ts[0].text = text
    for extra in ts[1:]:
        extra.text = ""


def continued_table(label: str, cut: dict[str, tuple[str, str]]) -> Edit:
    """The table holding ``label`` printed as two tables, the second starting with that row on a new page, as
    offices continue a long table: without its header rows and without a top rule. ``cut`` splits merged labels
    over the break: {label: (text above, text below)} (「（四）无法提供」 → 「（四）无」, 「法提供」)."""

    def edit(root: etree._Element) -> None:
        row = cell(root, label).getparent()
        table = row.getparent()
        second = etree.Element(q("tbl"))
        second.append(copy.deepcopy(table.find(q("tblPr"))))
        second.append(copy.deepcopy(table.find(q("tblGrid"))))
        moved = [row, *row.itersiblings(q("tr"))]
        at_column: dict[int, str] = {}
        for whole, (above, below) in cut.items():
            tc = cell(root, whole)
            _set_text(tc, above)
            at_column[_grid_column(tc)] = below
        for tr in moved:
            second.append(tr)
        for tc in row.findall(q("tc")):
            merge = tc.find(f"{q('tcPr')}/{q('vMerge')}")
            if merge is not None and merge.get(q("val"), "continue") == "continue":
                merge.set(q("val"), "restart")
                text = at_column.get(_grid_column(tc), "")
                p = tc.find(q("p"))
                run = etree.SubElement(p, q("r"))
                etree.SubElement(run, q("t")).text = text
            _border(tc, "top", "nil")
        top = second.find(f"{q('tblPr')}/{q('tblBorders')}/{q('top')}")
        for name in list(top.attrib):
            del top.attrib[name]
        top.set(q("val"), "nil")
        breaker = etree.fromstring(
            f'<w:p xmlns:w="{W}"><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
            '</w:pPr><w:r><w:br w:type="page"/></w:r></w:p>'
        )
        table.addnext(breaker)
        breaker.addnext(second)

    return edit


def in_frame(text: str) -> Edit:
    """The body paragraph ``text`` put in a bordered box (a table of one cell), as offices box a note."""

    def edit(root: etree._Element) -> None:
        p = paragraph(root, text)
        table = etree.fromstring(
            f'<w:tbl xmlns:w="{W}"><w:tblPr><w:tblW w:w="8800" w:type="dxa"/><w:tblBorders>'
            + "".join(
                f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                for s in ("top", "left", "bottom", "right")
            )
            + '</w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w="8800"/></w:tblGrid>'
            '<w:tr><w:tc><w:tcPr><w:tcW w:w="8800" w:type="dxa"/></w:tcPr></w:tc></w:tr></w:tbl>'
        )
        p.addprevious(table)
        table.find(f"{q('tr')}/{q('tc')}").append(p)

    return edit


def heading_in_table(heading: str) -> Edit:
    """The heading paragraph before a table moved into a first, full-width row of that table."""

    def edit(root: etree._Element) -> None:
        p = paragraph(root, heading)
        table = p.getnext()
        assert table.tag == q("tbl")
        columns = len(table.find(q("tblGrid")))
        width = sum(int(g.get(q("w"))) for g in table.find(q("tblGrid")))
        row = etree.fromstring(
            f'<w:tr xmlns:w="{W}"><w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
            f'<w:gridSpan w:val="{columns}"/></w:tcPr></w:tc></w:tr>'
        )
        row.find(q("tc")).append(p)
        table.find(q("tr")).addprevious(row)

    return edit


def retext(mapping: dict[str, str]) -> Edit:
    """Table texts printed otherwise: every run whose text is a key gets the value ("\\n" is a line break)."""

    def edit(root: etree._Element) -> None:
        for t in list(root.iter(q("t"))):
            if t.text not in mapping:
                continue
            run = t.getparent()
            pieces = mapping[t.text].split("\n")
            t.text = pieces[0]
            anchor = t
            for piece in pieces[1:]:
                br = etree.Element(q("br"))
                anchor.addnext(br)
                new = etree.Element(q("t"))
                new.text = piece
                new.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                br.addnext(new)
                anchor = new
            assert run is not None

    return edit


def convert_all(sources: Iterable[Path], out_dir: Path, timeout: int = 600) -> dict[str, Path]:
    """Print every .docx to PDF in one LibreOffice run; {stem: pdf}."""
    return convert_many(sources, "pdf", out_dir, timeout)


def page_texts(pdf: Path) -> list[str]:
    """Each page's text as poppler's pdftotext reads it (an independent view of where the page breaks fall)."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


_PAGE_FOOTER = re.compile(r"^\s*[—-]\s*\d+\s*[—-]\s*$")


def printed_text(pdf: Path) -> str:
    """All the text poppler finds, without white space and page numbers: what the PDF really holds."""
    lines = [line for page in page_texts(pdf) for line in page.splitlines() if not _PAGE_FOOTER.match(line)]
    return "".join("".join(lines).split())


def as_printed(report: Report, pdf: Path) -> Report:
    """The report as its PDF shows it: a prose character that LibreOffice left out of the PDF (7.4 drops a comma
    squeezed onto the end of a page's last line) is left out here too — only where poppler does not find it
    either, and only one character a line."""
    text = printed_text(pdf)
    out = copy.deepcopy(report)
    for key, prose in report.prose.items():
        lines = []
        for line in prose.splitlines():
            flat = "".join(line.split())
            if flat and flat not in text:
                shorter = (flat[:i] + flat[i + 1 :] for i in range(len(flat)))
                line = next((s for s in shorter if s in text), line)
            lines.append(line)
        out.prose[key] = "\n".join(lines)
    return out
