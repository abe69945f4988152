"""What a format says, as typed objects: sections, table grids, value cells, totals, rules; built from its JSON."""

from __future__ import annotations

import datetime
from typing import Any, NamedTuple

from model.vocabulary import LEVELS, SEVERITIES

KINDS = ("count", "signed", "amount", "money")
ALIGNS = ("left", "center")


def _month_day(text: object) -> bool:
    """「01-31」: a month and day that exist in every year."""
    if not isinstance(text, str) or len(text) != 5 or text[2] != "-" or not (text[:2] + text[3:]).isdigit():
        return False
    try:
        datetime.date(2001, int(text[:2]), int(text[3:]))
    except ValueError:
        return False
    return True


class FormatError(ValueError):
    """A format definition file is not well formed."""


class GridCell(NamedTuple):
    """One cell of a table's grid as printed: a label, or the place of a value."""

    row: int
    col: int
    rowspan: int
    colspan: int
    text: str = ""
    cell_id: str | None = None  # set for value cells

    @property
    def is_value(self) -> bool:
        return self.cell_id is not None


class GridRow(NamedTuple):
    role: str  # "title", "header" or "data"
    key: str | None
    name: str
    cells: tuple[GridCell, ...]
    align: str = "left"  # its labels, "left" or "center": the row's "align", else centred unless a data row


class CellSpec(NamedTuple):
    """A value cell: where it is, what it may hold, and how it is named in messages."""

    cell_id: str
    table: str
    row: str
    col: str
    kind: str
    name: str
    grid_row: int
    grid_col: int
    regulations: bool = False


class Total(NamedTuple):
    """A computed cell: the sum of its parts; ``rule`` is the code that checks a stated value."""

    cell_id: str
    parts: tuple[str, ...]
    rule: str


class TableSpec(NamedTuple):
    key: str
    short: str
    number: str
    title: str
    grid_columns: int
    label_columns: int
    rows: tuple[GridRow, ...]
    columns: dict[str, dict[str, str]]
    cells: tuple[CellSpec, ...]
    totals: tuple[Total, ...]

    @property
    def header_rows(self) -> int:
        """Leading grid rows that are headers (repeated on every printed page)."""
        count = 0
        for row in self.rows:
            if row.role != "header":
                break
            count += 1
        return count

    def data_row_keys(self) -> list[str]:
        return [r.key for r in self.rows if r.role == "data" and r.key]

    def align(self, cell: GridCell) -> str:
        """How a cell's text sits, the same in the grid, Word and Excel: values, headers, merged group labels and
        rows the format centres are centred; the row labels of data rows are left."""
        if (
            cell.cell_id is not None
            or self.rows[cell.row].align == "center"
            or cell.rowspan > 1
            or cell.col >= self.label_columns
        ):
            return "center"
        return "left"


class SectionSpec(NamedTuple):
    key: str
    number: str
    title: str
    kind: str  # "prose" or "table"
    required: bool = False
    subheadings: tuple[str, ...] = ()
    not_enough: tuple[str, ...] = ()
    placeholder: str = ""
    previous_note: str = ""  # above last year's text of this section, which is then shown beside the editor

    @property
    def heading(self) -> str:
        return f"{self.number}、{self.title}"


class RuleSpec(NamedTuple):
    code: str
    severity: str
    kind: str
    params: dict[str, Any]  # the rule's other keys in the format file


class Format(NamedTuple):
    """One official format: its sections, tables, value cells, totals and rules."""

    id: str
    name: str
    notice: str
    document: str
    years: tuple[int, int | None]
    sections: tuple[SectionSpec, ...]
    tables: tuple[TableSpec, ...]
    rules: tuple[RuleSpec, ...]
    cells: dict[str, CellSpec]
    totals: dict[str, Total]  # the first total defined for a cell gives its value
    checks: tuple[Total, ...]  # every total definition, for the stated-total rules
    total_order: tuple[str, ...]  # computed cells in an order where parts come first
    extends: str | None = None  # the format this one is a variant of (a province's rows, a local rule pack)
    family: str = ""  # the official format at the root of ``extends``: the same tables, the same readers

    def table(self, key: str) -> TableSpec:
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)

    def section(self, key: str) -> SectionSpec:
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)

    def fits_year(self, year: int) -> bool:
        first, last = self.years
        return year >= first and (last is None or year <= last)

    def input_ids(self) -> list[str]:
        return [cid for cid in self.cells if cid not in self.totals]

    def is_computed(self, cell_id: str) -> bool:
        return cell_id in self.totals


def _span(obj: dict[str, Any], key: str) -> int:
    value = obj.get(key, 1)
    if not isinstance(value, int) or value < 1:
        raise FormatError(f"{key} must be a positive integer: {obj}")
    return value


class _Placer:
    """Places cells on a grid the way HTML tables do: left to right, skipping cells covered from above."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.covered: set[tuple[int, int]] = set()

    def place(self, row: int, specs: list[tuple[dict[str, Any], str | None]]) -> list[GridCell]:
        col = 0
        placed = []
        for spec, cell_id in specs:
            while (row, col) in self.covered:
                col += 1
            rowspan, colspan = _span(spec, "rowspan"), _span(spec, "colspan")
            if col + colspan > self.width:
                raise FormatError(f"row {row}: cells overflow the {self.width} grid columns")
            placed.append(GridCell(row, col, rowspan, colspan, spec.get("text", ""), cell_id))
            for r in range(row, row + rowspan):
                for c in range(col, col + colspan):
                    if (r, c) in self.covered:
                        raise FormatError(f"cell overlap at row {r}, column {c}")
                    self.covered.add((r, c))
            col += colspan
        return placed

    def check_complete(self, rows: int) -> None:
        missing = [(r, c) for r in range(rows) for c in range(self.width) if (r, c) not in self.covered]
        if missing:
            raise FormatError(f"grid positions not covered by any cell: {missing[:5]}")


def _value_specs(row: dict[str, Any], columns: dict[str, Any]) -> list[dict[str, Any]]:
    values = row.get("values", [])
    if values == "*":
        return [{"col": key} for key in columns]
    return [v if isinstance(v, dict) else {"col": v} for v in values]


def _align(row: dict[str, Any], role: str) -> str:
    """A row's labels: as its "align" says, else as the official forms print them (block titles such as
    table 二's 「第二十条第（一）项」 and header rows centred, the labels of data rows on the left)."""
    align = row.get("align", "left" if role == "data" else "center")
    if align not in ALIGNS:
        raise FormatError(f"row {row.get('key') or row.get('cells')}: align must be one of {ALIGNS}")
    return str(align)


def _cell_name(table: dict[str, Any], row_name: str, column: dict[str, Any]) -> str:
    parts = {"row": row_name, "col": column.get("name", column["label"])}
    named = [parts[p] for p in table.get("name_order", ["row", "col"]) if parts[p]]
    return "·".join([table["short"], *named])


def _build_table(data: dict[str, Any], section: SectionSpec) -> TableSpec:
    key, columns = data["key"], data["columns"]
    for col_key, column in columns.items():
        if column.get("kind") not in KINDS:
            raise FormatError(f"{key}.{col_key}: unknown kind {column.get('kind')!r}")
    placer = _Placer(data["grid_columns"])
    rows: list[GridRow] = []
    cells: list[CellSpec] = []
    for index, row in enumerate(data["rows"]):
        row_key, name, role = row.get("key"), row.get("name", ""), row.get("role", "data")
        specs: list[tuple[dict[str, Any], str | None]] = [(c, None) for c in row.get("cells", [])]
        for value in _value_specs(row, columns):
            if value["col"] not in columns:
                raise FormatError(f"{key}: row {row_key} names unknown column {value['col']!r}")
            specs.append((value, f"{key}.{row_key}.{value['col']}"))
        placed = placer.place(index, specs)
        rows.append(GridRow(role, row_key, name, tuple(placed), _align(row, role)))
        for cell in placed:
            if cell.cell_id is None:
                continue
            col_key = cell.cell_id.rsplit(".", 1)[1]
            column = columns[col_key]
            cells.append(
                CellSpec(
                    cell.cell_id,
                    key,
                    str(row_key),
                    col_key,
                    column["kind"],
                    _cell_name(data, name, column),
                    cell.row,
                    cell.col,
                    bool(row.get("regulations", False)),
                )
            )
    placer.check_complete(len(rows))
    data_rows = [r.key for r in rows if r.role == "data" and r.key]
    totals = tuple(_expand_totals(key, data.get("totals", []), data_rows, list(columns)))
    return TableSpec(
        key,
        data["short"],
        section.number,
        section.title,
        data["grid_columns"],
        data.get("label_columns", 0),
        tuple(rows),
        columns,
        tuple(cells),
        totals,
    )


def _expand_totals(table: str, specs: list[dict[str, Any]], rows: list[str], cols: list[str]) -> list[Total]:
    out = []
    for spec in specs:
        if spec["sum"] == "columns":  # into a column, per row
            for row in rows:
                parts = tuple(f"{table}.{row}.{c}" for c in spec["of"])
                out.append(Total(f"{table}.{row}.{spec['into']}", parts, spec["rule"]))
        elif spec["sum"] == "rows":  # into a row, per column
            for col in cols:
                parts = tuple(f"{table}.{r}.{col}" for r in spec["of"])
                out.append(Total(f"{table}.{spec['into']}.{col}", parts, spec["rule"]))
        else:
            raise FormatError(f"{table}: unknown total kind {spec['sum']!r}")
    return out


def _order_totals(totals: dict[str, Total]) -> tuple[str, ...]:
    order: list[str] = []
    state: dict[str, int] = {}

    def visit(cell_id: str) -> None:
        if state.get(cell_id) == 2:
            return
        if state.get(cell_id) == 1:
            raise FormatError(f"totals refer to each other in a circle at {cell_id}")
        state[cell_id] = 1
        for part in totals[cell_id].parts:
            if part in totals:
                visit(part)
        state[cell_id] = 2
        order.append(cell_id)

    for cell_id in totals:
        visit(cell_id)
    return tuple(order)


def build_format(data: dict[str, Any]) -> Format:
    """Turn a parsed format file into a Format, checking that it hangs together."""
    try:
        sections = tuple(
            SectionSpec(
                s["key"],
                s["number"],
                s["title"],
                s["kind"],
                bool(s.get("required", False)),
                tuple(s.get("subheadings", ())),
                tuple(s.get("not_enough", ())),
                s.get("placeholder", ""),
                s.get("previous_note", ""),
            )
            for s in data["sections"]
        )
        by_key = {s.key: s for s in sections}
        tables = tuple(_build_table(t, by_key[t["key"]]) for t in data["tables"])
        cells = {c.cell_id: c for t in tables for c in t.cells}
        checks = tuple(total for t in tables for total in t.totals)
        totals: dict[str, Total] = {}
        for total in checks:
            for part in (total.cell_id, *total.parts):
                if part not in cells:
                    raise FormatError(f"total refers to unknown cell {part}")
            totals.setdefault(total.cell_id, total)
        for r in data["rules"]:
            if r["severity"] not in SEVERITIES:
                raise FormatError(
                    f"rule {r['code']}: severity must be one of {SEVERITIES}, not {r['severity']!r}"
                )
            if not set(r.get("levels", ())) <= set(LEVELS):
                raise FormatError(f"rule {r['code']}: levels must be among {LEVELS}")
            for deadline in r.get("deadlines", ()):  # publish_deadline: {"levels": [...], "date": "MM-DD"}
                if not set(deadline["levels"]) <= set(LEVELS):
                    raise FormatError(f"rule {r['code']}: deadline levels must be among {LEVELS}")
                if not _month_day(deadline["date"]):
                    raise FormatError(
                        f"rule {r['code']}: deadline date must be MM-DD, not {deadline['date']!r}"
                    )
        rules = tuple(
            RuleSpec(
                r["code"],
                r["severity"],
                r["kind"],
                {k: v for k, v in r.items() if k not in ("code", "severity", "kind")},
            )
            for r in data["rules"]
        )
        first, last = data["years"]
        return Format(
            data["id"],
            data["name"],
            data["notice"],
            data["document"],
            (first, last),
            sections,
            tables,
            rules,
            cells,
            totals,
            checks,
            _order_totals(totals),
            data.get("extends"),
            data.get("family", data["id"]),
        )
    except (KeyError, TypeError) as exc:
        raise FormatError(f"format definition is missing or mistypes {exc}") from exc
