"""Visible text of an HTML tree in reading order: paragraphs split at block elements and ``<br>``, tables as grids."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree


def _words(text: str) -> list[str]:
    return text.split()


# Elements that start and end a paragraph (everything else is inline: span, font, b, a …).
BLOCK = frozenset(
    _words(
        "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset "
        "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html legend li main menu nav ol p pre "
        "section summary table tbody td tfoot th thead tr ul"
    )
)
# Elements whose content is never text of the page.
SKIP = frozenset(
    _words(
        "applet audio button canvas datalist embed frame frameset head iframe input link map math meta "
        "noframes noscript object option script select source style svg template textarea title track video"
    )
)
CELLS = frozenset({"td", "th"})
SECTIONS = frozenset({"thead", "tbody", "tfoot"})
MAX_SPAN = 64  # columns (or rows) a cell may span
MAX_COLUMNS = 64  # the widest official table has 15 columns; beyond these limits nothing is read
MAX_ROWS = 600
MAX_TABLES = 300
MAX_CELLS = 60_000  # grid positions over all tables of a page
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WHITE = re.compile(r"[ \t\n\r\f]+")
_SPACES = re.compile(r"[ \u00a0]+")


def tag(element: etree._Element) -> str:
    name = element.tag
    return name if isinstance(name, str) else ""  # the HTML parser gives tag names in lower case


def hidden(element: etree._Element) -> bool:
    """Not shown: ``hidden``, or an inline ``display: none`` / ``visibility: hidden``."""
    style = element.get("style")
    if style is not None and ("none" in style or "hidden" in style) and _HIDDEN.search(style):
        return True
    return element.get("hidden") is not None


# Characters of East Asian width W, F or H (CJK, kana, Hangul, full-width forms), for the segment-break rule.
_WIDE = (
    "\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffe6\U00020000-\U0002fffd\U00030000-\U0003fffd"
)
_SEGMENT_BREAK = re.compile(f"(?<=[{_WIDE}])[ \t\f]*[\r\n][ \t\n\r\f]*(?=[{_WIDE}])")


def collapse(raw: str) -> str:
    """HTML white space: runs become one space, and a line break in the source between two Chinese characters
    nothing (CSS Text 3's segment-break rule, as browsers render it); non-breaking spaces become spaces."""
    if BREAK in raw:  # a cell's line ends, in a table read as text
        raw = raw.replace(BREAK, "")
    if "\n" in raw or "\r" in raw:
        raw = _SEGMENT_BREAK.sub("", raw)
    elif "  " not in raw and "\t" not in raw and "\f" not in raw and "\u00a0" not in raw:
        return raw.strip()
    return _SPACES.sub(" ", _WHITE.sub(" ", raw)).strip()


@dataclass
class Budget:
    """Limits shared by every table of a page."""

    tables: int = MAX_TABLES
    cells: int = MAX_CELLS


@dataclass
class Line:
    """A paragraph or a table of the page, with where it stands: ``region`` -1 before the content, 0 in it, 1 after;
    ``heading`` when it is (in) a heading or title element."""

    text: str = ""
    grid: list[list[str]] | None = None
    region: int = 0
    heading: bool = False
    element: etree._Element | None = field(default=None, repr=False)


def is_layout(table: etree._Element) -> bool:
    """A table that holds tables, or a frame of one column: its cells are read as the page's body."""
    if table.find(".//table") is not None:
        return True
    return all(sum(1 for cell in row if tag(cell) in CELLS) <= 1 for row in rows(table))


def rows(table: etree._Element) -> list[etree._Element]:
    """The table's own rows, also inside thead / tbody / tfoot (not those of a table inside a cell)."""
    out: list[etree._Element] = []
    for child in table:
        name = tag(child)
        if name == "tr":
            out.append(child)
        elif name in SECTIONS:
            out.extend(row for row in child if tag(row) == "tr")
        if len(out) >= MAX_ROWS:
            break
    return out[:MAX_ROWS]


BREAK = "\ufdd0"  # marks a line break inside a cell: a noncharacter, dropped from pages before parsing
_EDGES = BREAK + " \t\n\r\f"
_INNER_BLOCKS = tuple(sorted(BLOCK - CELLS - SECTIONS - {"tr", "table"}))
_MAYBE_HIDDEN = etree.XPath(".//*[@hidden or contains(@style, 'none') or contains(@style, 'hidden')]")


def cell_texts(table: etree._Element) -> dict[etree._Element, str]:
    """The lines of every cell in the table's first ``MAX_ROWS`` rows (its paragraphs and ``<br>``-broken lines)
    joined by line breaks, for a table that holds no table. Done in lxml rather than element by element: what is
    never shown (scripts, hidden text) is taken out of the tree, ``BREAK`` put where a line ends, and each cell's
    text taken at once."""
    unseen = list(table.iter(*SKIP))
    markup = etree.tostring(table)
    if b"none" in markup or b"hidden" in markup:  # most tables: no need to look for hidden elements
        unseen += [e for e in _MAYBE_HIDDEN(table) if isinstance(e, etree._Element) and hidden(e)]
    for element in unseen:
        if element.tag not in CELLS and element.tag != "tr":
            _remove(element)
    for element in table.iter("br", *_INNER_BLOCKS):  # the table holds no table: every line end is its own
        if element.tag != "br":
            element.text = BREAK + (element.text or "")
        element.tail = BREAK + (element.tail or "")
    texts: dict[etree._Element, str] = {}
    for tr in rows(table):
        for cell in tr:
            if cell.tag not in CELLS:
                continue
            raw = _text_of(cell).strip(_EDGES)  # a cell of one paragraph has breaks only at its ends
            if BREAK in raw:
                texts[cell] = "\n".join(line for line in map(collapse, raw.split(BREAK)) if line)
            else:
                texts[cell] = collapse(raw)
    return texts


def _text_of(cell: etree._Element) -> str:
    """All the text inside an element (serialised by libxml2: several times quicker than joining ``itertext``)."""
    return etree.tostring(cell, method="text", encoding=str, with_tail=False)


def _remove(element: etree._Element) -> None:
    """Take an element out of the tree, keeping the text after it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _span(cell: etree._Element, name: str) -> int:
    value = cell.get(name)
    if value is None:
        return 1
    try:
        return max(1, min(int(value.strip() or 1), MAX_SPAN))
    except ValueError:
        return 1


def _fill_from_above(row: list[str], above: list[tuple[int, str] | None]) -> None:
    """Continue the row with the cells that rows above cover here (their rowspan)."""
    while len(row) < len(above) and (covering := above[len(row)]) is not None:
        left, text = covering
        above[len(row)] = (left - 1, text) if left > 1 else None
        row.append(text)


class Walker:
    """Reads paragraphs and tables under an element; ``skip`` names further elements to leave out (chrome)."""

    def __init__(self, skip: Callable[[etree._Element], bool] | None = None, budget: Budget | None = None):
        self.skip = skip
        self.budget = budget or Budget()
        self.grids: dict[etree._Element, list[list[str]]] = {}
        self.layouts: dict[etree._Element, bool] = {}

    def is_layout(self, table: etree._Element) -> bool:
        """``is_layout``, remembered per table (asked while finding the article and again while reading it)."""
        known = self.layouts.get(table)
        if known is None:
            known = self.layouts[table] = is_layout(table)
        return known

    def grid(self, table: etree._Element) -> list[list[str]] | None:
        """Rows of cell texts; a cell spanning rows or columns fills every position it covers (as Word's grids are
        read). None once the page's limits are spent."""
        if table in self.grids:
            return self.grids[table]
        if self.budget.tables <= 0 or self.budget.cells <= 0:
            return None
        self.budget.tables -= 1
        texts = cell_texts(table)
        grid: list[list[str]] = []
        above: list[tuple[int, str] | None] = []  # per column: rows still covered from above, and the text
        for tr in rows(table):
            row: list[str] = []

            for cell in tr:
                if tag(cell) not in CELLS:
                    continue
                _fill_from_above(row, above)
                text = texts.get(cell, "")
                down = _span(cell, "rowspan")
                for _ in range(_span(cell, "colspan")):
                    if len(row) >= MAX_COLUMNS:
                        break
                    while len(above) <= len(row):
                        above.append(None)
                    above[len(row)] = (down - 1, text) if down > 1 else None
                    row.append(text)
            _fill_from_above(row, above)
            grid.append(row)
            self.budget.cells -= max(len(row), 1)
            if self.budget.cells <= 0:
                break
        self.grids[table] = grid
        return grid

    def lines(self, top: etree._Element, mark: Mark | None = None) -> list[Line]:
        """Paragraphs and grids under ``top`` in reading order. With a ``mark``, lines are told by
        region and heading, and only tables inside the content are read as grids (elsewhere their text is lines)."""
        out: list[Line] = []
        buffer: list[str] = []
        headings: list[etree._Element] = []

        def flush(element: etree._Element) -> None:
            if buffer:
                text = collapse("".join(buffer))
                buffer.clear()
                if text:
                    out.append(Line(text, None, mark.region if mark else 0, bool(headings), element))

        walker = etree.iterwalk(top, events=("start", "end"))
        for event, element in walker:
            name = tag(element)
            if event == "start":
                if name in BLOCK or name == "br":
                    flush(element)
                if mark is not None:
                    mark.enter(element)
                if name in SKIP or hidden(element) or (self.skip is not None and self.skip(element)):
                    walker.skip_subtree()
                    continue
                if name == "table" and (mark is None or mark.region == 0) and not self.is_layout(element):
                    grid = self.grid(element)
                    if grid is not None:
                        out.append(Line("", grid, 0, False, element))
                    walker.skip_subtree()
                    continue
                if mark is not None and mark.region != 0 and mark.is_heading(element):
                    headings.append(element)
                if element.text:
                    buffer.append(element.text)
            else:
                if name in BLOCK:
                    flush(element)
                if headings and headings[-1] is element:
                    headings.pop()
                if mark is not None:
                    mark.leave(element)
                if element is not top and element.tail:
                    buffer.append(element.tail)
        flush(top)
        return out


class Mark:
    """Where a walk of the whole page is: before (-1), in (0) or after (1) the content element; what a heading is."""

    def __init__(self, content: etree._Element, is_heading: Callable[[etree._Element], bool]):
        self.content = content
        self.region = -1
        self.is_heading = is_heading

    def enter(self, element: etree._Element) -> None:
        if element is self.content:
            self.region = 0

    def leave(self, element: etree._Element) -> None:
        if element is self.content:
            self.region = 1
