"""Copied rows put into grid columns: tables 三 and 四 of both formats come out as the Word reader's grids (every
merged cell's text in each position it covers); the widths of header cells are inferred from the rows below."""

from __future__ import annotations

import pytest

from exporters.text import lines, spans
from model.formats import load_format
from tests.support.copied_text import table_lines


def expanded(format_id: str, table_key: str, texts: dict[str, str]) -> list[list[str]]:
    table = load_format(format_id).table(table_key)
    grid = [[""] * table.grid_columns for _ in table.rows]
    for row in table.rows:
        for cell in row.cells:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    grid[r][c] = texts[cell.cell_id] if cell.cell_id else cell.text
    return grid


@pytest.mark.parametrize("table_key", ["t3", "t4"])
@pytest.mark.parametrize("format_id", ["2019", "2021"])
def test_official_tables_come_out_as_printed(format_id, table_key):
    table = load_format(format_id).table(table_key)
    value_ids = [c.cell_id for row in table.rows for c in row.cells if c.cell_id]
    texts = {cell_id: str(index) for index, cell_id in enumerate(value_ids, 1)}
    (copied,) = lines.parse("\n".join(table_lines(table, texts)))
    assert isinstance(copied, lines.RawTable)
    assert spans.grid(copied.rows) == expanded(format_id, table_key, texts)


def test_a_header_cell_starts_where_the_cells_below_stop_reaching_the_bottom():
    rows = [
        ["甲", "乙"],
        ["a", "b", "c", "丙", "丁"],
        ["", "", "", "x", "y", "x", "y"],
        ["1", "2", "3", "4", "5", "6", "7"],
    ]
    assert spans.grid(rows)[:3] == [
        ["甲", "甲", "甲", "乙", "乙", "乙", "乙"],
        ["a", "b", "c", "丙", "丙", "丁", "丁"],
        ["a", "b", "c", "x", "y", "x", "y"],
    ]


def test_data_rows_keep_their_numbers_in_the_last_columns():
    rows = [["甲", "乙", "1", "2"], ["", "丙", "3", ""], ["丁", "4件", "-"]]
    assert spans.grid(rows) == [
        ["甲", "乙", "1", "2"],
        ["甲", "丙", "3", ""],  # the empty cell before the label continues the one above; blank stays blank
        ["丁", "丁", "4件", "-"],
    ]


def test_shapes_that_cannot_be_partitioned_are_left_packed():
    assert spans.grid([]) == [] and spans.grid([[], []]) == []
    assert spans.grid([["a", "b", "c"], ["d"]]) == [["a", "b", "c"], ["d", "d", "d"]]
    wide = [["x"] * 2, ["y"] * (spans.MAX_PARTITION + 1)]
    assert spans.grid(wide)[0] == ["x"] * spans.MAX_PARTITION + ["x"]
