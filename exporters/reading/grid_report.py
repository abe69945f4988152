"""Turn the table grids of a document into report values, stated totals and document findings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from exporters.reading.grid_match import (
    Grid,
    TableRead,
    format_vote,
    identify,
    label_texts,
    pad,
    read_table,
    spec_cells,
)
from exporters.reading.label_match import inventory, match
from model.formats import family_ids, format_for_year, load_format, variants_of
from model.report import Report
from model.rules import Finding
from model.values import InputError, excerpt, parse_value

MIXED, LABEL, MISSING = "FMT-MIXED", "FMT-LABEL", "DOC-TABLE"


@dataclass
class GridReading:
    """The format the tables are in, the printed text of every value cell found, and findings."""

    format_id: str
    texts: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)


def _join_continuations(grids: Sequence[Grid]) -> list[tuple[Grid, tuple[str, dict[str, float]]]]:
    """Identified grids; a table broken into several (across pages, by hand) is joined back into one."""
    out: list[tuple[Grid, tuple[str, dict[str, float]]]] = []
    previous_width = -1
    for grid in grids:
        rows = pad(grid)
        width = len(rows[0]) if rows else 0
        found = identify(rows)
        same = found is not None and out and out[-1][1][0] == found[0] and previous_width >= 0
        if (found is None and out and width == previous_width and width > 0) or same:
            out[-1] = ([*out[-1][0], *rows], out[-1][1])
            continue
        if found is not None:
            out.append((rows, found))
        previous_width = width if found is not None else -1
    joined = [(grid, identify(grid)) for grid, _ in out]  # a joined table is judged as a whole
    return [(grid, found) for grid, found in joined if found is not None]


def choose_format(votes: dict[str, str | None], year: int | None) -> str:
    """The document's format: what its tables say, else what its year calls for."""
    said = [v for v in votes.values() if v]
    by_year = format_for_year(year).id if year else None
    if said and all(v == said[0] for v in said):
        return said[0]
    if said:
        if by_year in said:
            return by_year
        return votes.get("t2") or said[0]
    return by_year or family_ids()[0]


def pick_variant(family: str, grids: dict[str, Grid]) -> str:
    """The variant of ``family`` whose own rows the tables print (most of them wins), else ``family`` itself."""
    best, best_found = family, 0
    for variant in variants_of(family):
        found = sum(len(_own_labels_printed(variant, family, key, grid)) for key, grid in grids.items())
        if found > best_found:
            best, best_found = variant, found
    return best


def _own_labels_printed(variant: str, family: str, table_key: str, grid: Grid) -> set[str]:
    """The variant's labels that its family lacks, printed in the grid and read better as the variant's."""
    base = {label.text for label in inventory(family, table_key).labels.values()}
    found: set[str] = set()
    for text in label_texts(grid):
        hit = match(variant, table_key, text)
        if hit is None or hit.label.text in base:
            continue
        other = match(family, table_key, text)
        if other is None or other.ratio < hit.ratio:
            found.add(hit.label.text)
    return found


def read_grids(grids: Sequence[Grid], year: int | None) -> GridReading:
    """Find tables 二, 三, 四 among the grids, settle the format and read every value cell's text."""
    found = _join_continuations(grids)
    tables: dict[str, tuple[Grid, dict[str, float]]] = {}
    for grid, (key, scores) in found:  # the best fitting grid for each table (not some look-alike before it)
        if key not in tables or max(scores.values()) > max(tables[key][1].values()):
            tables[key] = (grid, scores)
    votes = {key: format_vote(scores) for key, (_, scores) in tables.items()}
    format_id = pick_variant(choose_format(votes, year), {key: grid for key, (grid, _) in tables.items()})
    fmt = load_format(format_id)
    out = GridReading(format_id)
    for table in fmt.tables:
        if table.key not in tables:
            out.findings.append(
                Finding(MISSING, "warning", f"文档中没有找到{table.short}（{table.number}、{table.title}）")
            )
            continue
        read = read_table(tables[table.key][0], format_id, table.key)
        out.tables.append(table.key)
        out.texts.update(read.texts)
        out.findings.extend(_table_findings(read, votes.get(table.key), fmt.name))
    return out


def _table_findings(read: TableRead, vote: str | None, format_name: str) -> list[Finding]:
    fmt = load_format(read.format_id)
    table = fmt.table(read.table_key)
    out = []
    if vote is not None and vote != fmt.family:
        other = load_format(vote).name
        out.append(
            Finding(
                MIXED,
                "warning",
                f"{table.short}是按{other}印制的，而本报告按{format_name}填报：两种格式混用，"
                f"已按{format_name}读取能对应的数据，请核对",
            )
        )
    for note, cells in read.notes:
        out.append(Finding(MIXED, "warning", f"{table.short}：{note}", cells))
    for hit in read.approximate:
        cells = tuple(
            c.cell_id
            for c in spec_cells(read.format_id, read.table_key)
            if c.row_label == hit.label.text or hit.label.text in c.path
        )
        out.append(
            Finding(
                LABEL,
                "warning",
                f"{table.short}中的“{_shown(hit.printed)}”与官方格式不一致，应为“{hit.label.text}”",
                cells,
            )
        )
    return out


def _shown(text: str) -> str:
    return excerpt("".join(text.split()), 40)


def fill_values(report: Report, texts: dict[str, str]) -> None:
    """Parse printed texts into the report: inputs into values, printed totals into ``stated``, junk into ``invalid``."""
    fmt = report.fmt
    for cell_id, text in texts.items():
        spec = fmt.cells.get(cell_id)
        if spec is None:
            continue
        try:
            value, unit = parse_value(text, spec.kind, spec.name)
        except InputError:
            report.invalid[cell_id] = " ".join(text.split())
            continue
        if cell_id in fmt.totals:
            report.stated[cell_id] = value
        elif value is not None:
            report.set_value(cell_id, value, unit)
    report.changed()
