"""Tables from ruling lines: the visible lines of a page merged, grouped into grids, merged cells found where a
cell side has no line, and the characters put into their cells.

A grid's column boundaries are its vertical lines plus the ends of its horizontal lines, its row boundaries the
horizontal lines plus the ends of the vertical ones — so a table continued from the page before, drawn without its
top rule, still has its first row. Lines that are not drawn dark (a white border splitting a header cell that looks
merged) never get here (``page.DARK``). A grid of one column is a frame around prose, not a table.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from exporters.pdf.page import Char, Rule
from exporters.pdf.text import cell_text

TOLERANCE = 2.0  # points: lines this close are one line, line ends this close meet
COVER = 0.5  # share of a cell side a line must cover to separate the two cells
MAX_RULES = 2000  # merged lines of one direction on a page; more is a drawing, not a table
INSIDE = 1.0  # points a character's centre may lie outside a table's frame and still be in it


def merge(rules: Sequence[Rule]) -> list[Rule]:
    """Lines of one direction: those at (nearly) the same position that touch or overlap become one."""
    out: list[Rule] = []
    for rule in sorted(rules, key=lambda r: (r.at, r.start)):
        group_start = len(out)
        while group_start > 0 and abs(out[group_start - 1].at - rule.at) <= TOLERANCE:
            group_start -= 1
        for index in range(group_start, len(out)):
            other = out[index]
            if rule.start <= other.end + TOLERANCE and other.start <= rule.end + TOLERANCE:
                out[index] = Rule(
                    other.horizontal, other.at, min(other.start, rule.start), max(other.end, rule.end)
                )
                break
        else:
            out.append(rule)
    return out


def positions(values: list[float]) -> list[float]:
    """Distinct positions: values closer than TOLERANCE are one (their mean)."""
    out: list[list[float]] = []
    for value in sorted(values):
        if out and value - out[-1][-1] <= TOLERANCE:
            out[-1].append(value)
        else:
            out.append([value])
    return [sum(group) / len(group) for group in out]


@dataclass
class Table:
    """A ruled table on one page: boundaries, which merged cell covers each grid position, the cells' texts."""

    page: int
    xs: list[float]  # column boundaries, left to right
    ys: list[float]  # row boundaries, top to bottom
    owner: list[list[int]]  # [row][col] -> merged cell
    chars: dict[int, list[Char]] = field(default_factory=dict)

    @property
    def left(self) -> float:
        return self.xs[0]

    @property
    def right(self) -> float:
        return self.xs[-1]

    @property
    def top(self) -> float:
        return self.ys[0]

    @property
    def bottom(self) -> float:
        return self.ys[-1]

    def contains(self, char: Char) -> bool:
        return (
            self.left - INSIDE <= char.cx <= self.right + INSIDE
            and self.top - INSIDE <= char.cy <= self.bottom + INSIDE
        )

    def add(self, char: Char) -> None:
        row = min(max(bisect.bisect_right(self.ys, char.cy) - 1, 0), len(self.ys) - 2)
        col = min(max(bisect.bisect_right(self.xs, char.cx) - 1, 0), len(self.xs) - 2)
        self.chars.setdefault(self.owner[row][col], []).append(char)

    def grid(self) -> list[list[str]]:
        """Rows of cell texts; a merged cell's text in every position it covers (as the Word reader gives them)."""
        texts = {cell: cell_text(chars) for cell, chars in self.chars.items()}
        return [[texts.get(cell, "") for cell in row] for row in self.owner]


def _covered(segments: list[Rule], low: float, high: float) -> bool:
    """Whether lines cover at least COVER of the span from ``low`` to ``high``."""
    if high - low <= 0:
        return True
    covered = sum(max(0.0, min(s.end, high) - max(s.start, low)) for s in segments)
    return covered >= COVER * (high - low)


class _Cells:
    """Union-find over grid positions."""

    def __init__(self, count: int) -> None:
        self.parent = list(range(count))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def _grid(page: int, horizontal: list[Rule], vertical: list[Rule]) -> Table | None:
    left = min(min(h.start for h in horizontal), min(v.at for v in vertical))
    right = max(max(h.end for h in horizontal), max(v.at for v in vertical))
    top = min(min(v.start for v in vertical), min(h.at for h in horizontal))
    bottom = max(max(v.end for v in vertical), max(h.at for h in horizontal))
    xs = positions([v.at for v in vertical] + [left, right])
    ys = positions([h.at for h in horizontal] + [top, bottom])
    if len(xs) < 3 or len(ys) < 2:
        return None  # one column: a frame around prose
    at_x: dict[int, list[Rule]] = {}
    for v in vertical:
        at_x.setdefault(min(range(len(xs)), key=lambda j: abs(xs[j] - v.at)), []).append(v)
    at_y: dict[int, list[Rule]] = {}
    for h in horizontal:
        at_y.setdefault(min(range(len(ys)), key=lambda i: abs(ys[i] - h.at)), []).append(h)
    rows, cols = len(ys) - 1, len(xs) - 1
    cells = _Cells(rows * cols)
    for i in range(rows):
        for j in range(cols):
            if j + 1 < cols and not _covered(at_x.get(j + 1, []), ys[i], ys[i + 1]):
                cells.union(i * cols + j, i * cols + j + 1)
            if i + 1 < rows and not _covered(at_y.get(i + 1, []), xs[j], xs[j + 1]):
                cells.union(i * cols + j, (i + 1) * cols + j)
    owner = [[cells.find(i * cols + j) for j in range(cols)] for i in range(rows)]
    return Table(page, xs, ys, owner)


def find_tables(page: int, rules: Sequence[Rule]) -> list[Table]:
    """The ruled tables of a page, top to bottom."""
    horizontal = merge([r for r in rules if r.horizontal])
    vertical = merge([r for r in rules if not r.horizontal])
    if not horizontal or not vertical or len(horizontal) > MAX_RULES or len(vertical) > MAX_RULES:
        return []
    links = _Cells(len(horizontal) + len(vertical))
    by_x = sorted(range(len(vertical)), key=lambda k: vertical[k].at)
    xs = [vertical[k].at for k in by_x]
    for i, h in enumerate(horizontal):
        low = bisect.bisect_left(xs, h.start - TOLERANCE)
        high = bisect.bisect_right(xs, h.end + TOLERANCE)
        for k in by_x[low:high]:
            v = vertical[k]
            if v.start - TOLERANCE <= h.at <= v.end + TOLERANCE:
                links.union(i, len(horizontal) + k)
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, h in enumerate(horizontal):
        groups.setdefault(links.find(i), ([], []))[0].append(h)
    for k, v in enumerate(vertical):
        groups.setdefault(links.find(len(horizontal) + k), ([], []))[1].append(v)
    tables = []
    for hs, vs in groups.values():
        if len(hs) >= 1 and len(vs) >= 2 or len(hs) >= 2 and len(vs) >= 1:
            table = _grid(page, hs, vs)
            if table is not None:
                tables.append(table)
    return sorted(tables, key=lambda t: (t.top, t.left))


def place(chars: Sequence[Char], tables: Sequence[Table]) -> list[Char]:
    """Put each character into the (smallest) table whose frame holds it; returns the characters outside tables."""
    outside = []
    by_size = sorted(tables, key=lambda t: (t.right - t.left) * (t.bottom - t.top))
    for char in chars:
        table = next((t for t in by_size if t.contains(char)), None)
        if table is None:
            outside.append(char)
        else:
            table.add(char)
    return outside
