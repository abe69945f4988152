"""Pages → blocks: paragraphs in reading order and tables as grids, as ``report_from_blocks`` takes them.

Besides finding lines and tables page by page (``text``, ``ruling``), this is where what a page break does to a
report is undone: page numbers and running headers are dropped, a paragraph goes on over the break, a table that
ends one page and starts the next is one table (its columns lined up, whatever lines each part draws), and a
merged label the break cut in two (「（四）无」 above, 「法提供」 below) is whole again — judged by the format's
labels, never by wording in code. A full-width first row of a table that is no label of it is the paragraph
printed inside the table's frame (a heading put in the table's first row), and goes before the table.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from exporters.pdf.page import Page
from exporters.pdf.ruling import Table, find_tables, place, positions
from exporters.pdf.text import Line, make_lines, margins, paragraphs, typical_gap
from exporters.reading.blocks import Block
from exporters.reading.grid_match import identify
from exporters.reading.label_match import looks_like_value, match

MARGIN_ZONE = 0.16  # share of the page height at the top and bottom where page numbers are looked for
RUNNING_ZONE = 0.08  # … and running headers or footers (the same line on most pages)
SAME_EDGE = 4.0  # points: a table continued on the next page has its left and right edges here too
MIN_REPEAT = 2

_DASHES = "-—–－―~～·•"
_PAGE_NUMBER = re.compile(
    rf"^[{_DASHES}\s]*(?:第\s*)?\d{{1,4}}\s*(?:页)?\s*(?:[/／]\s*(?:共\s*)?\d{{1,4}}\s*页?|[,，]?\s*共\s*\d{{1,4}}\s*页)?[{_DASHES}\s]*$"
    r"|^\s*page\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")


@dataclass
class _Printed:
    """A table as printed: one part per page it runs over."""

    parts: list[Table]

    @property
    def first(self) -> Table:
        return self.parts[0]

    @property
    def last(self) -> Table:
        return self.parts[-1]


Item = tuple[float, Line | _Printed]


def page_blocks(pages: Sequence[Page]) -> list[Block]:
    """The document's blocks in reading order."""
    items: list[list[Item]] = []
    all_lines: list[Line] = []
    for page in pages:
        tables = find_tables(page.number, page.rules)
        lines = make_lines(place(page.chars, tables), page.number)
        all_lines.extend(lines)
        page_items: list[Item] = [(line.top, line) for line in lines]
        page_items += [(table.top, _Printed([table])) for table in tables]
        items.append(sorted(page_items, key=lambda item: item[0]))
    dropped = _page_furniture(all_lines, pages)
    items = [[item for item in page_items if id(item[1]) not in dropped] for page_items in items]
    _join_across_pages(items)
    prose = [line for line in all_lines if id(line) not in dropped]
    edges = margins(prose, {page.number: page.width for page in pages})
    gap = typical_gap(prose)
    blocks: list[Block] = []
    run: list[Line] = []
    for page_items in items:
        for _, item in page_items:
            if isinstance(item, Line):
                run.append(item)
                continue
            blocks.extend(Block(text=text) for text in paragraphs(run, edges, gap))
            run = []
            blocks.extend(_table_blocks(item))
    blocks.extend(Block(text=text) for text in paragraphs(run, edges, gap))
    return blocks


def _page_furniture(lines: Sequence[Line], pages: Sequence[Page]) -> set[int]:
    """Page numbers near the top or bottom of a page, and lines repeated in the margins of most pages."""
    height = {page.number: page.height for page in pages}
    dropped: set[int] = set()
    repeated: Counter[str] = Counter()
    marginal: list[tuple[Line, str]] = []
    for line in lines:
        h = height[line.page]
        near = line.bottom < MARGIN_ZONE * h or line.top > (1 - MARGIN_ZONE) * h
        if near and _PAGE_NUMBER.match(line.text):
            dropped.add(id(line))
        elif line.bottom < RUNNING_ZONE * h or line.top > (1 - RUNNING_ZONE) * h:
            key = _DIGITS.sub("#", "".join(line.text.split()))
            marginal.append((line, key))
            repeated[key] += 1
    if len(pages) >= MIN_REPEAT:
        for line, key in marginal:
            if repeated[key] >= max(MIN_REPEAT, len(pages) / 2):
                dropped.add(id(line))
    return dropped


def _join_across_pages(items: list[list[Item]]) -> None:
    """A table that ends a page and one that starts the next page with the same edges are one table."""
    for index in range(len(items) - 1, 0, -1):
        before, after = items[index - 1], items[index]
        if not before or not after:
            continue
        last, first = before[-1][1], after[0][1]
        if not isinstance(last, _Printed) or not isinstance(first, _Printed):
            continue
        upper, lower = last.last, first.first
        if abs(upper.left - lower.left) > SAME_EDGE or abs(upper.right - lower.right) > SAME_EDGE:
            continue
        kinds = identify(_grid(last.parts)), identify(_grid(first.parts))
        if kinds[0] is not None and kinds[1] is not None and kinds[0][0] != kinds[1][0]:
            continue  # two different tables that happen to be as wide
        last.parts.extend(first.parts)
        after.pop(0)


def _grid(parts: Sequence[Table]) -> list[list[str]]:
    """The rows of all parts on common columns (a part that lacks a column line spans both columns)."""
    xs = positions([x for part in parts for x in part.xs])
    middles = [(a + b) / 2 for a, b in zip(xs, xs[1:])]
    rows: list[list[str]] = []
    for part in parts:
        columns = [min(max(bisect.bisect_right(part.xs, m) - 1, 0), len(part.xs) - 2) for m in middles]
        rows.extend([row[c] for c in columns] for row in part.grid())
    return rows


def _table_blocks(printed: _Printed) -> list[Block]:
    rows = _grid(printed.parts)
    found = identify(rows)
    if found is None:
        return [Block(grid=rows)]
    key, scores = found
    format_id = max(scores, key=lambda f: scores[f])
    seams = []
    at = 0
    for part in printed.parts[:-1]:
        at += len(part.owner)
        seams.append(at)
    for seam in seams:
        _mend_seam(rows, seam, format_id, key)
    out: list[Block] = []
    while len(rows) > 1 and len(set(rows[0])) == 1 and rows[0][0].strip():
        text = rows[0][0]
        if looks_like_value(text) or match(format_id, key, text) is not None:
            break
        out.append(Block(text=text))
        rows.pop(0)
    return [*out, Block(grid=rows)]


def _mend_seam(rows: list[list[str]], seam: int, format_id: str, key: str) -> None:
    """A label cut by the page break: the part above and the part below, when only together they are a label
    of the table, become the whole label in every row of both parts."""
    if not 0 < seam < len(rows):
        return
    for col in range(len(rows[seam])):
        above, below = rows[seam - 1][col], rows[seam][col]
        if not above.strip() or not below.strip() or above == below:
            continue
        if looks_like_value(above) or looks_like_value(below):
            continue
        whole = match(format_id, key, above + below)
        if whole is None or whole.ratio < 0.9:
            continue
        if any(
            (part := match(format_id, key, text)) is not None and part.ratio >= whole.ratio
            for text in (above, below)
        ):
            continue
        row = seam - 1
        while row >= 0 and rows[row][col] == above:
            rows[row][col] = above + below
            row -= 1
        row = seam
        while row < len(rows) and rows[row][col] == below:
            rows[row][col] = above + below
            row += 1
