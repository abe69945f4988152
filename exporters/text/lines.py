"""The lines of copied text as paragraphs and tables of rows of cells, in the shape a browser copies a page.

A browser's copy of an article gives each table cell on its own line after a tab (a tab-only line is an empty
cell), and a line without a tab ends the row: an empty one ends only the row, a line of text ends the table too and
is a paragraph. A second empty line ends the table. A line with text before its tab or with several tabs (the other
copy shape: one row per line, cells between tabs) is a whole row. Rows list their cells as printed: a cell spanning
columns appears once, and the rows a cell spans down usually hold an empty cell in its place (``spans`` puts the
cells in columns).
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_COLUMNS = 64  # cells a row may have (the widest official table has 15 columns); the rest is dropped
MAX_ROWS = 600  # rows a table may have (table 三 has 26)
MAX_TABLES = 300
MAX_CELLS = 10_000  # cells in all tables (a report has 350): beyond, the text is refused (UnsafeFileError)

_BLANKS = " \u3000\u00a0\u200b\ufeff\r\n\t\v\f"


@dataclass
class RawTable:
    """A table's rows of cell texts as copied (spans not yet known)."""

    rows: list[list[str]] = field(default_factory=list)


class TooManyCellsError(Exception):
    """More table cells than any report has."""


def clean(text: str) -> str:
    return text.strip(_BLANKS)


def split_lines(text: str) -> list[str]:
    """Lines on any line end (CRLF, CR, LF and Unicode line separators), without a leading byte-order mark."""
    return text.removeprefix("\ufeff").splitlines()


def parse(text: str) -> list[str | RawTable]:
    """Paragraphs (str, stripped, non-empty) and tables in reading order."""
    out: list[str | RawTable] = []
    table: RawTable | None = None
    row: list[str] | None = None
    cells = 0

    def end_row() -> None:
        nonlocal row, table, cells
        if row is None:
            return
        if table is None:
            table = RawTable()
            out.append(table)
        if len(table.rows) < MAX_ROWS:
            table.rows.append(row[:MAX_COLUMNS])
            cells += len(table.rows[-1])
            if cells > MAX_CELLS:
                raise TooManyCellsError
        row = None

    def end_table() -> None:
        nonlocal table
        end_row()
        table = None

    tables = 0
    for line in split_lines(text):
        if "\t" in line:
            head, *cells_here = line.split("\t")
            if table is None and row is None:
                tables += 1
            if tables > MAX_TABLES:
                continue
            if clean(head) or len(cells_here) > 1:  # one row per line: 「规章\t0\t0\t0」
                end_row()
                row = [clean(head), *(clean(c) for c in cells_here)]
                end_row()
                continue
            row = [] if row is None else row
            if len(row) <= MAX_COLUMNS:
                row.extend(clean(c) for c in cells_here)
            continue
        if row is not None:
            end_row()
            if not clean(line):
                continue
        if clean(line):
            end_table()
            out.append(clean(line))
        else:
            end_table()
    end_table()
    return out
