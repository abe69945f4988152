"""Benchmark: exporting the example to .xlsx, as a ratio to writing as many plain cells with openpyxl directly."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from exporters.xlsx.writer import build_workbook, write_xlsx
from model.example import load_example

RUNS = 15
TARGET = 2.0


def _timed_pair(first: Callable[[], None], second: Callable[[], None]) -> tuple[float, float]:
    """Median wall times of two jobs run alternately (so that load from other processes hits both alike)."""
    first(), second()  # warm-up
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(RUNS):
        for job, out in ((first, times[0]), (second, times[1])):
            start = time.perf_counter()
            job()
            out.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def _cell_counts() -> list[int]:
    wb = build_workbook(load_example())
    return [len(ws._cells) for ws in wb.worksheets]


def _floor(counts: list[int], path: Path) -> None:
    """The same number of cells per sheet, half numbers and half short texts, no styles or formulas."""
    wb = Workbook()
    wb.remove(wb.active)
    for index, count in enumerate(counts):
        ws = wb.create_sheet(f"S{index}")
        for n in range(count):
            ws.cell(row=1 + n // 10, column=1 + n % 10).value = n if n % 2 else f"文字{n}"
    wb.save(path)


def main() -> int:
    report = load_example()
    counts = _cell_counts()
    with tempfile.TemporaryDirectory() as folder:
        ours, floor = _timed_pair(
            lambda: write_xlsx(report, Path(folder) / "example.xlsx"),
            lambda: _floor(counts, Path(folder) / "floor.xlsx"),
        )
    ratio = ours / floor
    print(f"cells written: {sum(counts)} on {len(counts)} sheets")
    print(f"export example to .xlsx: {ours * 1000:.1f} ms (median of {RUNS})")
    print(f"floor (openpyxl, same cells, no styles): {floor * 1000:.1f} ms")
    print(f"ratio: {ratio:.2f}x (target <= {TARGET:.0f}x) {'OK' if ratio <= TARGET else 'OVER TARGET'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
