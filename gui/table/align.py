"""Lining up a pasted block by the labels copied with it (Qt-free): its rows by row labels, its columns by the
grid offset its labels agree on, by column headers, or in the row's order; a refusal when that cannot be done."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

from exporters.reading.grid_match import pad
from exporters.reading.label_match import canon, looks_like_value, match
from model.formats import GridCell, TableSpec, load_format, on_reload
from model.values import excerpt

Rows = list[list[str]]
Position = tuple[int, int]
# the share of a block's labels that must agree on one offset for the block to be a copy of the grid
AGREE = 0.9


@dataclass(frozen=True)
class Aligned:
    """Where the block's value texts go: (grid row, grid column, text); ``extra`` texts found no cell."""

    placed: list[tuple[int, int, str]]
    rows: int
    extra: int = 0


@dataclass(frozen=True)
class Refused:
    """The block carries labels that do not line up with the table: one Chinese sentence why."""

    message: str


class _RefusalError(Exception):
    pass


@dataclass(frozen=True)
class _Table:
    """What never changes about a table for lining up: its grid, its labels' places, its column headers."""

    spec: TableSpec
    grid: dict[Position, GridCell]
    anchors: dict[str, tuple[Position, ...]]  # canonical label -> positions of the label cells printing it
    leaves: dict[int, tuple[str, frozenset[str]]]  # value column -> (lowest header, the headers above it)


@cache
def _table(format_id: str, key: str) -> _Table:
    spec = load_format(format_id).table(key)
    grid: dict[Position, GridCell] = {}
    anchors: dict[str, list[Position]] = {}
    for row in spec.rows:
        for cell in row.cells:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    grid[(r, c)] = cell
            if cell.cell_id is None and cell.text:
                anchors.setdefault(canon(cell.text), []).append((cell.row, cell.col))
    leaves: dict[int, tuple[str, frozenset[str]]] = {}
    for col in range(spec.label_columns, spec.grid_columns):
        texts = [(r, grid[(r, col)]) for r in range(spec.header_rows)]
        own = [(r, cell) for r, cell in texts if (cell.row, cell.col) == (r, col) and cell.text]
        if own:
            low = own[-1][0]
            above = frozenset(canon(cell.text) for r, cell in texts if r < low and cell.text)
            leaves[col] = (canon(own[-1][1].text), above)
    return _Table(spec, grid, {k: tuple(v) for k, v in anchors.items()}, leaves)


on_reload(_table.cache_clear)


def _is_value(text: str) -> bool:
    return bool(text.strip()) and looks_like_value(text)


def _is_label(text: str) -> bool:
    return not looks_like_value(text)  # blanks look like values


def _leading(rows: Rows) -> tuple[int, int]:
    """Rows at the top and columns at the left that hold no value: where copied labels are."""
    height, width = len(rows), len(rows[0]) if rows else 0
    top = next((i for i, row in enumerate(rows) if any(_is_value(t) for t in row)), height)
    left = next((j for j in range(width) if any(_is_value(row[j]) for row in rows)), width)
    return top, left


def carries_labels(rows: Rows) -> bool:
    """Whether a block brings labels in its leading rows or columns (a block of plain numbers does not)."""
    rows = pad(rows)
    if len(rows) < 2 and (not rows or len(rows[0]) < 2):
        return False
    top, left = _leading(rows)
    return any(
        _is_label(text) and (i < top or j < left) for i, row in enumerate(rows) for j, text in enumerate(row)
    )


def align(rows: Rows, format_id: str, key: str, top: int) -> Aligned | Refused | None:
    """Where a block with labels goes in the table (rows without a label from grid row ``top``); None for a
    block without labels (pasted at the selection as it is)."""
    if not carries_labels(rows):
        return None
    try:
        return _Aligner(pad(rows), format_id, _table(format_id, key), top).run()
    except _RefusalError as refusal:
        return Refused(str(refusal))


class _Aligner:
    """One block against one table."""

    def __init__(self, rows: Rows, format_id: str, table: _Table, top: int) -> None:
        self.rows, self.format_id, self.table, self.top = rows, format_id, table, top
        self.head, self.left = _leading(rows)
        spec = table.spec
        heading = load_format(format_id).section(spec.key).heading
        ignored = {canon(heading), canon(spec.short), canon(spec.title)}
        self.hits: dict[Position, str] = {}  # block position -> canonical official label
        self.roles: dict[Position, str] = {}
        self.strangers: list[tuple[Position, str]] = []
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                if not _is_label(text) or canon(text) in ignored:
                    continue
                hit = match(format_id, spec.key, text)
                if hit is None:
                    self.strangers.append(((i, j), text))
                else:
                    self.hits[(i, j)] = canon(hit.label.text)
                    self.roles[(i, j)] = hit.label.role

    def run(self) -> Aligned:
        if not self.hits:
            raise _RefusalError(self._foreign())
        d_row, rows_agree = self._offset(0)
        d_col, cols_agree = self._offset(1)
        targets = self._rows(d_row if rows_agree else None)
        if cols_agree and self._fits(targets, d_col):
            placed = [
                (r, j + d_col, self.rows[i][j])
                for i, r in targets.items()
                for j in range(len(self.rows[i]))
                if self._value_place(r, j + d_col)
            ]
            return Aligned(placed, len(targets))
        columns = self._by_headers(targets)
        if columns is not None:
            placed = [(r, columns[j], self.rows[i][j]) for i, r in targets.items() for j in columns]
            return Aligned(placed, len(targets))
        return self._in_order(targets)

    # ---- offsets and rows ----------------------------------------------------------------------
    def _offset(self, axis: int) -> tuple[int, bool]:
        """The row (0) or column (1) offset most labels agree on, and whether nearly all of them do."""
        votes: Counter[int] = Counter()
        for position, label in self.hits.items():
            offsets = {at[axis] - position[axis] for at in self.table.anchors.get(label, ())}
            votes.update(offsets)
        if not votes:
            return 0, False
        offset, support = votes.most_common(1)[0]
        return offset, support >= AGREE * len(self.hits)

    def _rows(self, d_row: int | None) -> dict[int, int]:
        """Block row -> grid row, for the rows that carry values (by their row label; else by the offset the
        labels agree on when it puts them on data rows; else from the selection)."""
        labelled = any(role == "row" for role in self.roles.values())
        rows = [i for i, row in enumerate(self.rows) if i >= self.head and any(_is_value(t) for t in row)]
        named = {i: self._row_of(i, d_row) for i in rows}
        unnamed = [i for i, target in named.items() if target is None]
        if d_row is not None and not all(self._is_data(i + d_row) for i in unnamed):
            d_row = None
        if unnamed and labelled and d_row is None:
            raise _RefusalError("复制的内容中有的行没有栏目名称，无法与本表对齐，未粘贴。")
        targets: dict[int, int] = {}
        for i, target in named.items():
            if target is None:
                target = i + d_row if d_row is not None else self.top + i - self.head
            if target in targets.values():
                name = self._name(i) or "同一行"
                raise _RefusalError(f"复制的内容中“{name}”出现了不止一次，无法确定用哪一行，未粘贴。")
            targets[i] = target
        return targets

    def _is_data(self, r: int) -> bool:
        rows = self.table.spec.rows
        return 0 <= r < len(rows) and rows[r].role == "data"

    def _row_of(self, i: int, d_row: int | None) -> int | None:
        """The grid row a block row's label names; None for a row without labels before its values."""
        first = next((j for j, t in enumerate(self.rows[i]) if _is_value(t)), len(self.rows[i]))
        named = sorted(j for (r, j), role in self.roles.items() if r == i and role == "row")
        if named:
            label = self.hits[(i, named[-1])]
            rows = sorted({r for r, _ in self.table.anchors[label]})
            if len(rows) > 1 and d_row is not None and i + d_row in rows:
                return i + d_row
            if len(rows) == 1:
                return rows[0]
            raise _RefusalError(f"复制的内容中“{self._name(i)}”对应本表的哪一行不明确，未粘贴。")
        group = sorted(j for (r, j) in self.hits if r == i and j < first)
        if group:
            raise _RefusalError(
                f"复制的内容中“{_short(self.rows[i][group[-1]])}”在本表中分为几行，无法对应，未粘贴。"
            )
        stranger = next((text for (r, j), text in self.strangers if r == i and j < first), None)
        if stranger is not None:
            raise _RefusalError(f"复制的内容中“{_short(stranger)}”在本表中找不到对应的行，未粘贴。")
        return None

    def _name(self, i: int) -> str:
        named = [j for (r, j) in self.hits if r == i]
        return _short(self.rows[i][max(named)]) if named else ""

    # ---- columns -------------------------------------------------------------------------------
    def _value_place(self, r: int, c: int) -> bool:
        cell = self.table.grid.get((r, c))
        return c >= self.table.spec.grid_columns or (cell is not None and cell.cell_id is not None)

    def _fits(self, targets: dict[int, int], d_col: int) -> bool:
        """Whether, shifted by ``d_col``, every value of the block lands on a value cell (a copy of the grid)."""
        for i, r in targets.items():
            for j, text in enumerate(self.rows[i]):
                c = j + d_col
                if _is_value(text) and (c < 0 or not self._value_place(r, c)):
                    return False
        return True

    def _by_headers(self, targets: dict[int, int]) -> dict[int, int] | None:
        """Block column -> grid column by the column headers copied above the values; None without headers."""
        width = len(self.rows[0])
        columns: dict[int, int] = {}
        used = [j for j in range(width) if any(_is_value(self.rows[i][j]) for i in targets)]
        headed = False
        for j in range(width):
            leaf = self._leaf(j)
            if leaf is None:
                continue
            headed = True
            found = self._column_for(j, leaf)
            if found is not None:
                columns[j] = found
        if not headed or not self.head:
            return None
        for j in used:
            if j not in columns:
                header = next((t for t in (r[j] for r in self.rows[: self.head][::-1]) if t.strip()), "")
                what = f"“{_short(header)}”一栏" if header else "没有栏目名称的一列"
                raise _RefusalError(f"复制的内容中{what}在本表中找不到对应的列，未粘贴。")
        return columns

    def _leaf(self, j: int) -> tuple[int, str] | None:
        for i in range(self.head - 1, -1, -1):
            if (i, j) in self.hits and self.roles[(i, j)] == "header":
                return i, self.hits[(i, j)]
        return None

    def _column_for(self, j: int, leaf: tuple[int, str]) -> int | None:
        low, label = leaf
        candidates = [c for c, (text, _) in self.table.leaves.items() if text == label]
        if len(candidates) > 1:
            above = {self._filled(i, j) for i in range(low)} - {None}
            candidates = [c for c in candidates if above <= self.table.leaves[c][1]]
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            raise _RefusalError(f"复制的内容中“{_short(self.rows[low][j])}”对应本表的哪一列不明确，未粘贴。")
        return None

    def _filled(self, i: int, j: int) -> str | None:
        """The header over column ``j`` in row ``i``: its own, or that of a merged cell to its left."""
        for col in range(j, -1, -1):
            if (i, col) in self.hits:
                return self.hits[(i, col)]
            if self.rows[i][col].strip():
                return None
        return None

    def _in_order(self, targets: dict[int, int]) -> Aligned:
        """No grid to follow and no headers: each row's values after its label, in the table row's order."""
        placed: list[tuple[int, int, str]] = []
        extra = 0
        for i, r in targets.items():
            labels = [j for (row, j) in self.hits if row == i]
            start = max(labels) + 1 if labels else self.left
            cells = sorted(
                {cell for (gr, _), cell in self.table.grid.items() if gr == r and cell.cell_id},
                key=lambda cell: cell.col,
            )
            values = self.rows[i][start:]
            for cell, text in zip(cells, values, strict=False):
                placed.append((r, cell.col, text))
            extra += sum(1 for text in values[len(cells) :] if text.strip())
        return Aligned(placed, len(targets), extra)

    def _foreign(self) -> str:
        """The refusal for labels that match nothing here, naming the table they belong to if they do."""
        spec = self.table.spec
        texts = [text for _, text in self.strangers]
        if not texts:
            return f"复制的内容与{spec.short}的栏目对不上，未粘贴。"
        example = f"（如“{_short(texts[0])}”）"
        for other in load_format(self.format_id).tables:
            if other.key != spec.key and sum(
                1 for t in texts if match(self.format_id, other.key, t)
            ) * 2 >= len(texts):
                return f"复制的是{other.short}的内容{example}，未粘贴；请到{other.short}中粘贴。"
        return f"复制的内容带有栏目名称{example}，与{spec.short}的栏目对不上，未粘贴；只复制数字即可按所选位置粘贴。"


def _short(text: str) -> str:
    return excerpt("".join(text.split()), 24)
