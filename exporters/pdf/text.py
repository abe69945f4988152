"""Lines and paragraphs from a page's characters, the way a reader sees them.

A PDF knows glyphs at positions, not words or paragraphs: characters are grouped into lines by their height on the
page; a line's text is its characters left to right, with a space where one is printed, but the gaps between
glyphs that extractors turn into spaces only between two Latin words or numbers (「21 件」 is 「21件」: the PDF has
no space there, the digits are merely in another font); a paragraph is lines until an indent, a short line, a gap,
a change of size or a numbered heading, its lines joined without a space (「351⏎件」 is 「351件」). Table labels
need none of this care: they are compared without spaces or line breaks (``label_match.canon``).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from exporters.pdf.page import Char

SAME_LINE = 0.45  # share of the height two characters' centres may differ by on one line
WORD_GAP = 0.25  # share of the height a gap between two Latin characters must reach to be a space
OVERPRINT = 0.4  # the same character again within this share of its width: printed twice (fake bold)
INDENT = 0.8  # a line starting this many characters right of the margin begins a paragraph
SHORT = 1.5  # a line ending this many characters before the right margin ends its paragraph
GAP = 0.6  # extra space between lines, in characters, that separates paragraphs
SIZE_CHANGE = 0.2  # a change of character height by this share starts a paragraph (title → body)
EDGE_BIN = 2.0  # points: line starts and ends are counted in bins this wide to find the margins
EDGE_SHARE = 0.1  # a margin is where at least this share of the lines start (or end)

_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]{1,2}\s*[)）]|第[一二三四五六七八九十]+部分)"
)


@dataclass
class Line:
    """One line of text on a page."""

    page: int
    text: str
    left: float
    top: float
    right: float
    bottom: float
    height: float  # the usual character height of the line (its "em")


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def group_lines(chars: Iterable[Char]) -> list[list[Char]]:
    """Characters in lines, top to bottom, each line left to right."""
    lines: list[list[Char]] = []
    centre = height = 0.0
    for char in sorted(chars, key=lambda c: c.cy):
        if lines and abs(char.cy - centre) <= SAME_LINE * max(height, char.height):
            lines[-1].append(char)
            continue
        lines.append([char])
        centre, height = char.cy, char.height
    return [sorted(line, key=lambda c: c.left) for line in lines]


def line_text(chars: Sequence[Char]) -> str:
    """A line's text: a space where one is printed, or where a gap separates Latin letters or digits (never
    between Chinese characters, or between a number and its unit); a character printed twice, once."""
    out: list[str] = []
    previous: Char | None = None
    spaced = False
    for char in chars:
        if char.text == " ":
            spaced = True
            continue
        if previous is not None:
            if char.text == previous.text and char.left - previous.left < OVERPRINT * (
                previous.right - previous.left
            ):
                continue
            gap = char.left - previous.right
            if spaced or (
                gap > WORD_GAP * max(char.height, previous.height)
                and _latin(previous.text[-1])
                and _latin(char.text[0])
            ):
                out.append(" ")
        out.append(char.text)
        previous, spaced = char, False
    return "".join(out)


def join_wrapped(first: str, second: str) -> str:
    """Two pieces of one paragraph or cell broken by a line end: a space only between two Latin words."""
    if (
        first
        and second
        and first[-1].isascii()
        and first[-1].isalpha()
        and second[0].isascii()
        and second[0].isalpha()
    ):
        return f"{first} {second}"
    return first + second


def cell_text(chars: Iterable[Char]) -> str:
    """The text of a table cell: its lines joined as wrapped text (labels wrap anywhere, numbers too)."""
    text = ""
    for line in group_lines(chars):
        text = join_wrapped(text, line_text(line))
    return text


def make_lines(chars: Iterable[Char], page: int) -> list[Line]:
    out = []
    for line in group_lines(chars):
        text = line_text(line)
        if not text:
            continue
        visible = [c for c in line if c.text != " "]
        out.append(
            Line(
                page,
                text,
                visible[0].left,
                min(c.top for c in visible),
                visible[-1].right,
                max(c.bottom for c in visible),
                statistics.median(c.height for c in visible),
            )
        )
    return out


def _edge(values: list[float], lowest: bool) -> float:
    """The margin: the lowest (or highest) position where a good share of the lines start (or end)."""
    bins = Counter(round(v / EDGE_BIN) for v in values)
    need = max(2, EDGE_SHARE * len(values))
    common = sorted(b for b, n in bins.items() if n + bins.get(b - 1, 0) + bins.get(b + 1, 0) >= need)
    if not common:
        return min(values) if lowest else max(values)
    return (common[0] if lowest else common[-1]) * EDGE_BIN


@dataclass(frozen=True)
class Margins:
    left: float
    right: float


def margins(lines: Sequence[Line], page_width: dict[int, float]) -> dict[int, Margins]:
    """The text margins of each page, found over all pages of the same width (portrait pages, landscape pages)."""
    by_width: dict[int, list[Line]] = {}
    for line in lines:
        by_width.setdefault(round(page_width[line.page]), []).append(line)
    found = {
        width: Margins(_edge([x.left for x in group], True), _edge([x.right for x in group], False))
        for width, group in by_width.items()
    }
    return {page: found[round(width)] for page, width in page_width.items() if round(width) in found}


def typical_gap(lines: Sequence[Line]) -> float:
    """The usual space between two lines of a paragraph (the median over consecutive lines of a page)."""
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:]) if a.page == b.page and b.top > a.bottom]
    return statistics.median(gaps) if gaps else 0.0


def starts_paragraph(previous: Line, line: Line, edges: dict[int, Margins], gap: float) -> bool:
    """Whether ``line`` begins a new paragraph after ``previous`` (the line before it, perhaps on the page before)."""
    here, there = edges.get(line.page), edges.get(previous.page)
    em = max(line.height, 1.0)
    if here is not None and line.left > here.left + INDENT * em:
        return True
    if there is not None and previous.right < there.right - SHORT * max(previous.height, 1.0):
        return True
    if abs(line.height - previous.height) > SIZE_CHANGE * max(line.height, previous.height):
        return True
    if line.page == previous.page and line.top - previous.bottom > gap + GAP * em:
        return True
    return bool(_HEADING.match(line.text))


def paragraphs(run: Sequence[Line], edges: dict[int, Margins], gap: float) -> list[str]:
    """The paragraphs of a run of lines that nothing (no table) interrupts."""
    out: list[str] = []
    previous: Line | None = None
    for line in run:
        if previous is None or starts_paragraph(previous, line, edges, gap):
            out.append(line.text)
        else:
            out[-1] = join_wrapped(out[-1], line.text)
        previous = line
    return out
