"""Benchmark the Word export of the example against floors measured in the same run.

Honest floors (less work than the export, so the export can only be slower):
- template: python-docx opening our template and saving it unchanged (what any export through python-docx costs);
- zip: writing the very parts of our exported file into a new zip, deflated as python-docx does (bytes ready,
  nothing built: the cost of the output alone).
Work floors (python-docx doing a comparable job another way, which may well do more work than we do): the same
tables with python-docx directly, one ``add_table`` per table with the format's grid, every label and value cell's
text set through a cached cell list, no merges, no styling, no prose (on python-docx's default document, whose 430 KB
styles part is most of its time, and on our template); and the same with ``Table.cell(r, c)``, which scans the table
on every call. A ratio under 1 to a work floor says that floor does more work, not that the export beats a limit.

Run: python benchmarks/bench_export_docx.py   (absolute times vary; the ratios are what to compare; target ≤ 2×
the work floor)
"""

from __future__ import annotations

import io
import sys
import tempfile
import zipfile
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


def template_floor(path: Path) -> None:
    """python-docx opening our template and saving it unchanged."""
    Document(io.BytesIO(template_bytes())).save(str(path))


def zip_floor(parts: dict[str, bytes], path: Path) -> None:
    """The exported file's own parts written into a new zip, deflated."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        ours_path, floor_path = Path(folder) / "ours.docx", Path(folder) / "floor.docx"
        for label, report in (("example (2019 format)", load_example()), ("full 2021", full_2021())):
            cells = sum(len(row.cells) for spec in report.fmt.tables for row in spec.rows)
            write_docx(report, ours_path)
            with zipfile.ZipFile(ours_path) as written:
                parts = {name: written.read(name) for name in written.namelist()}
            ours = per_call(lambda report=report: write_docx(report, ours_path))
            floors = [
                ("honest floor: open and save the template", per_call(lambda: template_floor(floor_path))),
                (
                    "honest floor: zip the exported parts",
                    per_call(lambda parts=parts: zip_floor(parts, floor_path)),
                ),
                (
                    f"work floor: {cells} cells in plain python-docx tables",
                    per_call(lambda report=report: floor_write(report, floor_path)),
                ),
                (
                    "work floor: the same on our template",
                    per_call(lambda report=report: floor_write(report, floor_path, base=True)),
                ),
                (
                    "work floor: the same with Table.cell(r, c)",
                    per_call(lambda report=report: floor_write(report, floor_path, cached=False), number=5),
                ),
            ]
            size = sum(map(len, parts.values())) // 1024
            print(f"Word export, {label}: {ours * 1e3:.1f} ms for the whole report ({size} KB of XML parts)")
            for name, seconds in floors:
                print(f"  {name:<52} {seconds * 1e3:7.1f} ms   export = {ours / seconds:5.2f}× it")


if __name__ == "__main__":
    main()
