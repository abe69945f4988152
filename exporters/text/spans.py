"""Put the cells of copied table rows into grid columns: the widths of merged cells, inferred from the rows below.

A copied row lists each cell once, whatever its width, so the columns a cell covers are worked out:

- the widest row has one column per cell; a row with numbers in it (a data row) keeps its numbers in the last
  columns, its last label (the text before the numbers) covering the columns it lacks;
- a header row covers the row below it, each of its cells a run of that row's cells. The run boundaries are chosen
  so that an empty cell below (the place of a cell above spanning down) stands under one cell alone, then so that
  a cell above starts where the cells below change from spanning down to being split further (table 四's
  行政复议 over five columns that reach the bottom, 行政诉讼 over two that are split), then as even as can be;
- an empty header cell under a cell of the same columns is that cell spanning down and takes its text, and so is
  an empty cell left of a data row's label under a label of the row above (「三、本年度办理结果」 down its rows).

The grid has every merged cell's text in each position it covers, as the Word reader gives it.
"""

from __future__ import annotations

from functools import lru_cache

from exporters.reading.label_match import looks_like_value
from model.values import InputError, parse_value

Extent = tuple[int, int]  # first column, columns after the last
_Cost = tuple[int, int, int]  # empty cells in a run, boundaries not at a change, squared widths
MAX_PARTITION = 24  # cells below a header row up to which its widths are searched (beyond: packed left)


def grid(rows: list[list[str]]) -> list[list[str]]:
    """The rows as a grid of equal width, merged cells' texts repeated over the columns they cover."""
    rows = [row for row in rows if row]
    if not rows:
        return []
    width = max(len(row) for row in rows)
    data = [_is_data(row) for row in rows]
    extents: list[list[Extent]] = [[] for _ in rows]
    for index in reversed(range(len(rows))):
        row = rows[index]
        if len(row) == width or data[index] or index + 1 == len(rows):
            extents[index] = _label_wide(len(row), width, _label_at(row))
            continue
        below = extents[index + 1]
        if len(row) == len(below):
            extents[index] = list(below)
            continue
        spanning = _spanning_down(rows, extents, data, index + 1)
        groups = _partition(len(row), [b - a for a, b in below], [not t for t in rows[index + 1]], spanning)
        extents[index] = (
            [(below[first][0], below[last - 1][1]) for first, last in groups]
            if groups
            else _label_wide(len(row), width, 0)
        )
    texts = _spans_filled(rows, extents, data)
    return [
        [text for text, (a, b) in zip(row, spans) for _ in range(a, b)] for row, spans in zip(texts, extents)
    ]


def header_short(rows: list[list[str]]) -> bool:
    """Whether a header row right above a data row has fewer cells than that row has numbers: a copy that left
    no place for the cells spanning down (an HTML ``rowspan`` copied as it is), whose columns cannot be told."""
    for above, row in zip(rows, rows[1:]):
        if _is_data(row) and not _is_data(above) and len(above) < _numbers(row):
            return True
    return False


def _is_data(row: list[str]) -> bool:
    return any(text and is_value(text) for text in row)


def _numbers(row: list[str]) -> int:
    """The cells after the row's last label (all of them when it has none)."""
    label = _label_at(row)
    return len(row) - label - 1 if row and row[label] and not is_value(row[label]) else len(row)


@lru_cache(maxsize=4096)
def is_value(text: str) -> bool:
    """A number (「12」, 「12件」, 「3.5万元」), a zero word (「-」) or a blank: what a value cell holds."""
    if looks_like_value(text):
        return True
    try:
        parse_value(text, "signed")
    except InputError:
        return False
    return True


def _label_at(row: list[str]) -> int:
    """The position of the row's last label before its first number, 0 when the row has none."""
    first = next((i for i, text in enumerate(row) if text and is_value(text)), len(row))
    return max((i for i in range(first) if row[i] and not is_value(row[i])), default=0)


def _label_wide(count: int, width: int, wide: int) -> list[Extent]:
    """One column per cell, the cell at ``wide`` covering what the row lacks (numbers stay in the last columns)."""
    extra = max(0, width - count)
    return [(i + (extra if i > wide else 0), i + 1 + (extra if i >= wide else 0)) for i in range(count)]


def _spanning_down(
    rows: list[list[str]], extents: list[list[Extent]], data: list[bool], index: int
) -> list[bool]:
    """For each cell of row ``index``: whether the header row below holds an empty cell in exactly its columns."""
    below = index + 1
    if below >= len(rows) or data[below]:
        return [False] * len(rows[index])
    empty = {extent for text, extent in zip(rows[below], extents[below]) if not text}
    return [extent in empty for extent in extents[index]]


def _partition(
    count: int, widths: list[int], empty: list[bool], spanning: list[bool]
) -> list[tuple[int, int]] | None:
    """The cells below split into ``count`` runs (first, last + 1) at the least cost, or None when not possible.

    Cost, compared in order: empty cells below in a run of more than one; boundaries where the cells below do not
    change from spanning down to split (fewer wins); the sum of the runs' squared widths (evener wins)."""
    size = len(widths)
    if not 0 < count < size or size > MAX_PARTITION:
        return None
    prefix = [0]
    for w in widths:
        prefix.append(prefix[-1] + w)
    empties = [0]
    for e in empty:
        empties.append(empties[-1] + e)
    best: dict[tuple[int, int], tuple[_Cost, int]] = {(0, 0): ((0, 0, 0), -1)}
    for runs in range(1, count + 1):
        for end in range(runs, size - (count - runs) + 1):
            options = []
            for start in range(runs - 1, end):
                previous = best.get((start, runs - 1))
                if previous is None:
                    continue
                (bad, plain, spread), _ = previous
                run_empty = empties[end] - empties[start] if end - start > 1 else 0
                change = start > 0 and spanning[start - 1] != spanning[start]
                run_width = prefix[end] - prefix[start]
                cost = (bad + run_empty, plain + (start > 0 and not change), spread + run_width * run_width)
                options.append((cost, start))
            if options:
                best[(end, runs)] = min(options)
    if (size, count) not in best:
        return None
    groups = []
    end, runs = size, count
    while runs > 0:
        start = best[(end, runs)][1]
        groups.append((start, end))
        end, runs = start, runs - 1
    return groups[::-1]


def _spans_filled(rows: list[list[str]], extents: list[list[Extent]], data: list[bool]) -> list[list[str]]:
    """Empty cells that a cell above of the same columns spans down into take its text: in header rows under
    header rows, and in data rows left of their label under a label (never a value's place)."""
    out = [list(row) for row in rows]
    for index in range(1, len(rows)):
        if data[index]:
            labels = _label_at(rows[index])
            if data[index - 1] and labels:
                _fill(out[index][:labels], extents[index], out[index - 1], extents[index - 1], out[index])
        elif not data[index - 1] and any(rows[index]):
            _fill(out[index], extents[index], out[index - 1], extents[index - 1], out[index])
    return out


def _fill(
    cells: list[str], spans: list[Extent], above: list[str], above_spans: list[Extent], out: list[str]
) -> None:
    """Fill ``out`` where ``cells`` are empty and a label above covers the same columns."""
    over = dict(zip(above_spans, above))
    for position, text in enumerate(cells):
        label = over.get(spans[position], "")
        if not text and label and not is_value(label):
            out[position] = label
