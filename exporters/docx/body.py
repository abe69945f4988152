"""The body of a .docx as a sequence of paragraphs and tables, tables as grids with merged cells expanded."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator

from lxml import etree

from exporters.reading.blocks import Block
from exporters.reading.errors import UnsafeFileError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
DOCUMENT_PART, RELS_PART = "word/document.xml", "_rels/.rels"
MAX_SPAN = 64  # grid columns a cell may span
MAX_COLUMNS = 64  # the widest official table has 15 columns; beyond these limits nothing is read
MAX_ROWS = 600
MAX_TABLES = 300
MAX_PIECES = 100_000  # paragraphs and table cells read (a real report has fewer than 5,000); more is refused


class _Budget:
    """What is left to read: tables (beyond them nothing is read) and pieces (beyond them the file is refused)."""

    def __init__(self) -> None:
        self.tables = MAX_TABLES
        self.pieces = MAX_PIECES

    def spend(self, pieces: int) -> None:
        self.pieces -= pieces
        if self.pieces < 0:
            raise UnsafeFileError(f"文档过长（超过{MAX_PIECES}个段落和表格单元格），不是年度报告，已拒绝打开")


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


P, TBL, TR, TC, SDT, SDT_CONTENT = _q("p"), _q("tbl"), _q("tr"), _q("tc"), _q("sdt"), _q("sdtContent")
T, TAB, BR, CR = _q("t"), _q("tab"), _q("br"), _q("cr")
_WRAPPERS = {SDT, SDT_CONTENT, _q("customXml"), _q("smartTag"), _q("ins"), _q("moveTo")}
_VAL = _q("val")


def parser() -> etree.XMLParser:
    """An XML parser that loads no DTD, resolves no entity and touches no network."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, dtd_validation=False
    )


def main_part(archive: zipfile.ZipFile) -> str | None:
    """The main document part named by the package relationships (usually word/document.xml), if present."""
    names = set(archive.namelist())
    if RELS_PART in names:
        rels = etree.fromstring(archive.read(RELS_PART), parser())
        for rel in rels:
            if str(rel.get("Type", "")).endswith("/officeDocument"):
                target = str(rel.get("Target", "")).lstrip("/")
                if target in names:
                    return target
    return DOCUMENT_PART if DOCUMENT_PART in names else None


def read_body(path: str | os.PathLike[str]) -> list[Block] | None:
    """Paragraphs and tables of the main document part; None when there is none (checked package first)."""
    with zipfile.ZipFile(path) as archive:
        part = main_part(archive)
        if part is None:
            return None
        data = archive.read(part)
    root = etree.fromstring(data.replace(STRICT_W, W.encode()), parser())  # "Strict Open XML" as transitional
    body = root.find(_q("body"))
    if body is None:
        return []
    return list(_blocks(body))


def _children(element: etree._Element) -> Iterator[etree._Element]:
    """Direct children, looking through content controls and other wrappers."""
    for child in element:
        if child.tag in _WRAPPERS:
            yield from _children(child)
        else:
            yield child


def _blocks(element: etree._Element, budget: _Budget | None = None) -> Iterator[Block]:
    """Paragraphs and tables in reading order. A table holding tables is a layout table (a report copied from a
    web page): its cells are read as body text, so the title and prose inside it are found as well as the tables."""
    budget = _Budget() if budget is None else budget
    for child in _children(element):
        if child.tag == P:
            budget.spend(1)
            yield Block(text=paragraph_text(child))
        elif child.tag == TBL and budget.tables > 0:
            budget.tables -= 1
            if next(child.iterdescendants(TBL), None) is None:
                yield Block(grid=table_grid(child, budget))
                continue
            for tr in _children(child):
                for tc in _children(tr) if tr.tag == TR else ():
                    if tc.tag == TC:
                        budget.spend(1)
                        yield from _blocks(tc, budget)


def paragraph_text(p: etree._Element) -> str:
    """The visible text of a paragraph: text runs, tabs and line breaks (deleted text is not w:t)."""
    parts = []
    for node in p.iter(T, TAB, BR, CR):
        if node.tag == T:
            parts.append(node.text or "")
        elif node.tag == TAB:
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _int(element: etree._Element | None, default: int) -> int:
    if element is None:
        return default
    try:
        return max(0, min(int(element.get(_VAL, default)), MAX_SPAN))
    except (TypeError, ValueError):
        return default


def table_grid(tbl: etree._Element, budget: _Budget | None = None) -> list[list[str]]:
    """Rows of cell texts; a cell spanning columns (gridSpan) or rows (vMerge) fills every position it covers."""
    budget = _Budget() if budget is None else budget
    grid: list[list[str]] = []
    for tr in _children(tbl):
        if tr.tag != TR:
            continue
        if len(grid) >= MAX_ROWS:
            break
        row: list[str] = [""] * _int(tr.find(f"{_q('trPr')}/{_q('gridBefore')}"), 0)
        for tc in _children(tr):
            if tc.tag != TC:
                continue
            budget.spend(1)
            props = tc.find(_q("tcPr"))
            span = max(1, _int(props.find(_q("gridSpan")) if props is not None else None, 1))
            merge = props.find(_q("vMerge")) if props is not None else None
            if merge is not None and merge.get(_VAL, "continue") == "continue" and grid:
                above = grid[-1]
                start = len(row)
                texts = [above[c] if c < len(above) else "" for c in range(start, start + span)]
            else:
                text = "\n".join(paragraph_text(p) for p in _children(tc) if p.tag == P)
                texts = [text] * span
            row.extend(texts)
            if len(row) > MAX_COLUMNS:
                del row[MAX_COLUMNS:]
                break
        grid.append(row)
    return grid
