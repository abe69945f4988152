"""Benchmark the Word export of the example against a floor measured in the same run.

The floor writes the same tables with python-docx directly: one ``add_table`` per table with the format's grid, every
label and value cell's text set through a cached cell list, no merges, no styling, no prose; saved the same way.
Also prints what ``Table.cell(r, c)`` would cost instead of the cached list (it scans the table on every call).

Run: python benchmarks/bench_export_docx.py   (absolute times vary; the ratios are what to compare; target ≤ 2×)
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docx import Document  # noqa: E402

from exporters.docx.tables import table_texts  # noqa: E402
from exporters.docx.writer import template_bytes, write_docx  # noqa: E402
from model.example import load_example  # noqa: E402
from tests.support.factories import full_2021  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from timing import per_call  # noqa: E402


def floor_write(report, path: Path, cached: bool = True, base: bool = False) -> None:
    """The same tables written with python-docx directly: plain grid, text in every cell, no styling.

    ``base``: start from our small template instead of python-docx's default (whose 430 KB styles part is
    most of the default floor's time), the stricter floor.
    """
    document = Document(io.BytesIO(template_bytes())) if base else Document()
    for spec in report.fmt.tables:
        texts = table_texts(spec, report)
        table = document.add_table(rows=len(spec.rows), cols=spec.grid_columns)
        cells = table._cells if cached else None
        for row in spec.rows:
            for cell in row.cells:
                text = texts[cell.cell_id] if cell.cell_id else cell.text
                if cached:
                    cells[cell.row * spec.grid_columns + cell.col].text = text
                else:
                    table.cell(cell.row, cell.col).text = text
    document.save(str(path))


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        ours_path, floor_path = Path(folder) / "ours.docx", Path(folder) / "floor.docx"
        for label, report in (("example (2019 format)", load_example()), ("full 2021", full_2021())):
            cells = sum(len(row.cells) for spec in report.fmt.tables for row in spec.rows)
            ours = per_call(lambda report=report: write_docx(report, ours_path))
            floor = per_call(lambda report=report: floor_write(report, floor_path))
            strict = per_call(lambda report=report: floor_write(report, floor_path, base=True))
            scanning = per_call(lambda report=report: floor_write(report, floor_path, cached=False), number=5)
            print(
                f"Word export, {label}: {ours * 1e3:.1f} ms for the whole report "
                f"= {ours / floor:.2f}× the floor ({floor * 1e3:.1f} ms: {cells} cells in "
                f"{len(report.fmt.tables)} plain python-docx tables); "
                f"= {ours / strict:.2f}× the stricter floor on our template ({strict * 1e3:.1f} ms); "
                f"the floor with Table.cell(r, c) instead of a cached list: {scanning * 1e3:.1f} ms "
                f"({scanning / floor:.1f}×)"
            )


if __name__ == "__main__":
    main()
