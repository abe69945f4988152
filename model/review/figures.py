"""The key figures of a report for the desk, found from the format's own rules, never from labels.

本年新收, 办结 and 结转下年度 are the rows the table-三 balance rule (kind ``balance``) names on its two sides, in
the column that the table's row totals go into; the 复议 and 诉讼 totals are the cells table 四's column sums go
into. Their names are the format's row and cell names.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from model.formats import Format, load_format
from model.report import Report
from model.values import Value


@dataclass(frozen=True)
class Figure:
    key: str  # the cell id
    name: str  # 本年新收 / 办理结果总计 / 结转下年度 / 行政复议·总计 …


@lru_cache(maxsize=16)
def key_figures(format_id: str) -> tuple[Figure, ...]:
    """The figures the desk shows for reports of this format, in the order the rules name them."""
    fmt = load_format(format_id)
    out: list[Figure] = []
    for spec in fmt.rules:
        if spec.kind != "balance":
            continue
        table = fmt.table(spec.params["table"])
        column = _row_total_column(fmt, table.key)
        names = {row.key: row.name for row in table.rows if row.key}
        for row in (*spec.params["left"][:1], *spec.params["right"]):
            cell_id = f"{table.key}.{row}.{column}"
            if cell_id in fmt.cells:
                out.append(Figure(cell_id, names.get(row) or fmt.cells[cell_id].name))
    balanced = {f.key.split(".")[0] for f in out}
    for total in fmt.checks:  # the column sums of the other tables (表四: 复议, 起诉)
        key = total.cell_id.split(".")[0]
        row_sum = all(_same_row(total.cell_id, p) for p in total.parts)
        if key not in balanced and row_sum and total.cell_id not in {f.key for f in out}:
            prefix = fmt.table(key).short + "·"
            out.append(Figure(total.cell_id, fmt.cells[total.cell_id].name.removeprefix(prefix)))
    return tuple(out)


def _same_row(cell_id: str, part: str) -> bool:
    return cell_id.rsplit(".", 1)[0] == part.rsplit(".", 1)[0]


def _row_total_column(fmt: Format, table: str) -> str:
    """The column a table's row totals go into (表三: 总计)."""
    for total in fmt.checks:
        if total.cell_id.startswith(table + ".") and all(_same_row(total.cell_id, p) for p in total.parts):
            return total.cell_id.rsplit(".", 1)[1]
    raise KeyError(f"{fmt.id}: table {table} has no row totals")


def figures_of(report: Report) -> dict[str, Value | None]:
    """Each key figure's value as the rules see it (a printed total where one was printed)."""
    return {f.key: report.effective(f.key) for f in key_figures(report.format_id)}
