"""Find which official table a grid of cell texts is, by its labels, and where each value cell's text is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from exporters.reading.label_match import Hit, canon, inventory, looks_like_value, match
from model.formats import family_ids, load_format, on_reload
from model.values import InputError, parse_value

Grid = Sequence[Sequence[str]]
MIN_LABELS = 3  # distinct official labels a grid must show to count as one of the tables
NEUTRAL = 0.02  # fit scores closer than this do not tell the formats apart
MAX_TEXTS = 400  # distinct label-like texts looked at to identify a grid


@dataclass
class Layout:
    """A grid analysed against one table: rows named by their labels and the header paths above each row."""

    hits: list[list[Hit | None]]
    kinds: list[str]  # "data", "header", "title", "group", "other"
    row_hit: dict[int, Hit] = field(default_factory=dict)  # data and group rows: the label that names them
    groups: dict[int, list[int]] = field(default_factory=dict)  # data row -> header rows above it
    _paths: dict[tuple[tuple[int, ...], int], tuple[str, ...]] = field(default_factory=dict)
    _under: dict[tuple[tuple[int, ...], str], list[tuple[int, frozenset[str]]]] = field(default_factory=dict)

    def path(self, row: int, col: int) -> tuple[str, ...]:
        """The official header labels over a column, top to bottom, for the header group above ``row``."""
        group = tuple(self.groups.get(row, ()))
        key = (group, col)
        if key not in self._paths:
            self._paths[key] = self._path(group, col)
        return self._paths[key]

    def columns_under(self, row: int, last: str) -> list[tuple[int, frozenset[str]]]:
        """The columns whose header path above ``row`` ends in ``last``, with the labels of each path."""
        group = tuple(self.groups.get(row, ()))
        key = (group, last)
        found = self._under.get(key)
        if found is None:
            found = []
            for col in range(len(self.hits[row])):
                here = self.path(row, col)
                if here and here[-1] == last:
                    found.append((col, frozenset(here)))
            self._under[key] = found
        return found

    def _path(self, group: tuple[int, ...], col: int) -> tuple[str, ...]:
        out: list[str] = []
        for r in group:
            hit = self.hits[r][col]
            if hit is not None and hit.label.role == "header" and (not out or out[-1] != hit.label.text):
                out.append(hit.label.text)
        return tuple(out)


@dataclass
class TableRead:
    """What one grid gave for one table of one format."""

    format_id: str
    table_key: str
    texts: dict[str, str]  # cell id -> printed text
    approximate: list[Hit]
    notes: list[
        tuple[str, tuple[str, ...]]
    ]  # what was made of a row printed the other format's way, its cells


def pad(grid: Grid) -> list[list[str]]:
    width = max((len(r) for r in grid), default=0)
    return [[str(t or "") for t in r] + [""] * (width - len(r)) for r in grid]


def _classify(row: list[Hit | None]) -> tuple[str, Hit | None]:
    found = [(h.ratio, c, h) for c, h in enumerate(row) if h is not None]
    named = [f for f in found if f[2].label.role == "row"]
    if named:
        return "data", max(named, key=lambda f: (f[0], f[1]))[2]
    roles = {f[2].label.role for f in found}
    if "group" in roles:
        return "group", max((f for f in found if f[2].label.role == "group"), key=lambda f: (f[0], f[1]))[2]
    if "header" in roles:
        return "header", None
    if "title" in roles:
        return "title", None
    return "other", None


def layout(grid: Grid, format_id: str, table_key: str) -> Layout:
    """Label every row of the grid: data rows by the official row label they print, header groups above."""
    rows = pad(grid)
    hits = [[match(format_id, table_key, t) if t.strip() else None for t in r] for r in rows]
    out = Layout(hits, [])
    group: list[int] = []
    last = ""
    for index, row in enumerate(hits):
        kind, hit = _classify(row)
        out.kinds.append(kind)
        if kind == "header":
            group = group + [index] if last == "header" else [index]
        elif kind == "title":
            group = []
        if hit is not None:
            out.row_hit[index] = hit
        out.groups[index] = group
        if kind != "other" or any(t.strip() for t in rows[index]):
            last = kind
    return out


@dataclass(frozen=True)
class SpecCell:
    cell_id: str
    row_label: str | None  # the official label naming its row; None for rows without labels (table 四)
    path: tuple[str, ...]
    col: int  # grid column in the format


@cache
def spec_cells(format_id: str, table_key: str) -> tuple[SpecCell, ...]:
    """Every value cell of a table with the official row label and header path that locate it."""
    table = load_format(format_id).table(table_key)
    grid = [[""] * table.grid_columns for _ in table.rows]
    for row in table.rows:
        for cell in row.cells:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    grid[r][c] = cell.text
    lay = layout(grid, format_id, table_key)
    out = []
    for row in table.rows:
        for cell in row.cells:
            if cell.cell_id is not None:
                hit = lay.row_hit.get(cell.row) if lay.kinds[cell.row] == "data" else None
                out.append(
                    SpecCell(
                        cell.cell_id, hit.label.text if hit else None, lay.path(cell.row, cell.col), cell.col
                    )
                )
    return tuple(out)


def _column(lay: Layout, rows: list[list[str]], row: int, path: tuple[str, ...]) -> int | None:
    """The grid column under the same header path (the last label must agree; more shared labels win)."""
    if not path:
        return None
    best: tuple[int, int, int] | None = None
    wanted = set(path)
    for col, here in lay.columns_under(row, path[-1]):
        if lay.hits[row][col] is not None:
            continue
        score = (len(here & wanted), 1 if rows[row][col].strip() else 0, -col)
        if best is None or score > best:
            best = score
    return -best[2] if best is not None else None


def _fallback_rows(
    lay: Layout, named: dict[str, int], fmt_id: str, table_key: str
) -> tuple[dict[str, int], list[tuple[str, tuple[str, ...]]], dict[str, list[str]]]:
    """Rows printed only with a group label whose rows are all missing (a 2019 row in a 2021 table): the row
    each is read into, notes about it, and the group's other rows (``siblings``, 0 where the printed row is 0)."""
    extra: dict[str, int] = {}
    notes: list[tuple[str, tuple[str, ...]]] = []
    siblings: dict[str, list[str]] = {}
    cells = spec_cells(fmt_id, table_key)
    for index, kind in enumerate(lay.kinds):
        if kind != "group":
            continue
        group = lay.row_hit[index].label
        members = [
            lab
            for lab in inventory(fmt_id, table_key).labels.values()
            if lab.role == "row" and lab.rows[0] in group.rows
        ]
        if not members or any(m.text in named for m in members):
            continue
        target = next((m for m in members if canon(m.text).split(".", 1)[-1] == "其他"), members[-1])
        if target.text not in extra and any(c.row_label == target.text for c in cells):
            extra[target.text] = index
            siblings[target.text] = [m.text for m in members if m.text != target.text]
            notes.append(
                (
                    f"文档在“{group.text}”下只有一行，官方格式分为{len(members)}行："
                    f"该行数值已计入“{target.text}”，请核对",
                    tuple(c.cell_id for c in cells if c.row_label == target.text),
                )
            )
    return extra, notes, siblings


def _zero_siblings(
    texts: dict[str, str], siblings: dict[str, list[str]], fmt_id: str, table_key: str
) -> None:
    """Where the single printed row shows 0, the rows it stands for are 0 too (counts are never negative)."""
    cells = spec_cells(fmt_id, table_key)
    by_label: dict[tuple[str | None, str], str] = {
        (c.row_label, c.cell_id.rsplit(".", 1)[1]): c.cell_id for c in cells
    }
    for target, others in siblings.items():
        for cell in cells:
            if cell.row_label != target or not _is_zero(texts.get(cell.cell_id, "")):
                continue
            column = cell.cell_id.rsplit(".", 1)[1]
            for other in others:
                sibling = by_label.get((other, column))
                if sibling is not None and sibling not in texts:
                    texts[sibling] = "0"


def _is_zero(text: str) -> bool:
    try:
        return parse_value(text, "count")[0] == 0
    except InputError:
        return False


def read_table(grid: Grid, format_id: str, table_key: str) -> TableRead:
    """The printed text of every value cell of the table that the grid shows, located by labels."""
    rows = pad(grid)
    lay = layout(rows, format_id, table_key)
    named: dict[str, int] = {}
    for index, kind in enumerate(lay.kinds):
        if kind == "data":
            named.setdefault(lay.row_hit[index].label.text, index)
    extra, notes, siblings = _fallback_rows(lay, named, format_id, table_key)
    unnamed = _unnamed_rows(lay, rows)
    located: dict[str, tuple[int, int]] = {}
    pending: list[tuple[SpecCell, int]] = []
    unnamed_keys: list[str] = []
    for cell in spec_cells(format_id, table_key):
        if cell.row_label is None:
            row_key = cell.cell_id.rsplit(".", 1)[0]
            if row_key not in unnamed_keys:
                unnamed_keys.append(row_key)
            position = unnamed_keys.index(row_key)
            row = unnamed[position] if position < len(unnamed) else None
        else:
            row = named.get(cell.row_label, extra.get(cell.row_label))
        if row is None:
            continue
        col = _column(lay, rows, row, cell.path)
        if col is None:
            pending.append((cell, row))
        else:
            located[cell.cell_id] = (row, col)
    guessed = _beside_neighbours(lay, rows, pending, located, format_id, table_key)
    texts = {cell_id: rows[row][col] for cell_id, (row, col) in located.items()}
    _zero_siblings(texts, siblings, format_id, table_key)
    return TableRead(format_id, table_key, texts, _approximate(lay) + guessed, notes)


def _beside_neighbours(
    lay: Layout,
    rows: list[list[str]],
    pending: list[tuple[SpecCell, int]],
    located: dict[str, tuple[int, int]],
    format_id: str,
    table_key: str,
) -> list[Hit]:
    """Columns whose header is printed past recognition (「合计」 for 「总计」), placed next to recognised
    neighbours of the same row; each such header is reported as a misprinted label."""
    spec = {c.cell_id: c for c in spec_cells(format_id, table_key)}
    labels = inventory(format_id, table_key).labels
    columns = {c.path[-1] for c in spec.values() if c.path}
    hits: dict[str, Hit] = {}
    progress = True
    while pending and progress:
        progress = False
        for cell, row in list(pending):
            taken = {col for r, col in located.values() if r == row}
            for other_id, (other_row, other_col) in list(located.items()):
                other = spec[other_id]
                if (
                    other_row != row
                    or abs(other.col - cell.col) != 1
                    or other_id.rsplit(".", 1)[0] != cell.cell_id.rsplit(".", 1)[0]
                ):
                    continue
                col = other_col + cell.col - other.col
                printed = _unknown_header(lay, rows, row, col, columns)
                if col in taken or printed is None or canon(cell.path[-1]) not in labels:
                    continue
                located[cell.cell_id] = (row, col)
                hits.setdefault(canon(printed), Hit(labels[canon(cell.path[-1])], printed, 0.5))
                pending.remove((cell, row))
                progress = True
                break
    return list(hits.values())


def _unknown_header(lay: Layout, rows: list[list[str]], row: int, col: int, columns: set[str]) -> str | None:
    """The header printed over a grid column when none of it is recognised as a column's label; else None."""
    if not 0 <= col < len(rows[row]) or lay.hits[row][col] is not None:
        return None
    group = lay.groups.get(row, [])
    if any(hit is not None and hit.label.text in columns for hit in (lay.hits[r][col] for r in group)):
        return None
    unknown = [rows[r][col] for r in group if rows[r][col].strip() and lay.hits[r][col] is None]
    return unknown[-1] if unknown else None


def _unnamed_rows(lay: Layout, rows: list[list[str]]) -> list[int]:
    """Rows without labels right under a header group (table 四's one row): the first filled one of each run.

    A run of blank rows that more headers follow lies inside the header, not under it."""
    out: list[int] = []
    run: list[int] = []
    for index, kind in enumerate(lay.kinds + ["end"]):
        if kind == "other" and lay.groups.get(index):
            run.append(index)
            continue
        filled = [r for r in run if any(t.strip() for t in rows[r])]
        if run and (filled or kind != "header"):
            out.append((filled or run)[0])
        run = []
    return out


def _approximate(lay: Layout) -> list[Hit]:
    seen: dict[str, Hit] = {}
    for row in lay.hits:
        for hit in row:
            if hit is not None and not hit.exact:
                seen.setdefault(canon(hit.printed), hit)
    return list(seen.values())


def label_texts(grid: Grid) -> set[str]:
    """The distinct texts of a grid that are not values (the first MAX_TEXTS: an official table has under 60)."""
    out: set[str] = set()
    for row in grid:
        for text in row:
            if text and not looks_like_value(text):
                out.add(canon(text))
                if len(out) >= MAX_TEXTS:
                    return out
    return out


def fit(labels: set[str], format_id: str, table_key: str) -> float:
    """How well a grid's labels fit a table: share of its labels found plus share of the grid's labels explained."""
    if not labels:
        return 0.0
    found: dict[str, float] = {}
    explained = 0
    for text in labels:
        hit = match(format_id, table_key, text)
        if hit is not None:
            explained += 1
            found[hit.label.text] = max(found.get(hit.label.text, 0.0), hit.ratio)
    if len(found) < MIN_LABELS:
        return 0.0
    return sum(found.values()) / inventory(format_id, table_key).size + explained / len(labels)


on_reload(spec_cells.cache_clear)


def identify(grid: Grid) -> tuple[str, dict[str, float]] | None:
    """Which table (二/三/四 by key) the grid is, with its fit to each format; None when it is none of them."""
    scores: dict[str, dict[str, float]] = {}
    labels = label_texts(grid)
    for format_id in family_ids():  # a variant is told from its base afterwards, by its own rows
        for table in load_format(format_id).tables:
            scores.setdefault(table.key, {})[format_id] = fit(labels, format_id, table.key)
    key = max(scores, key=lambda k: max(scores[k].values()))
    if max(scores[key].values()) < 0.6:
        return None
    return key, scores[key]


def format_vote(scores: dict[str, float]) -> str | None:
    """The format a table speaks for, or None when both fit alike (tables 三 and 四 are nearly the same)."""
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if len(ranked) < 2 or ranked[0][1] - ranked[1][1] < NEUTRAL:
        return None
    return ranked[0][0]
