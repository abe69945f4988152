"""How many .xlsx reports per second `nianbao check` reads, against openpyxl's read-only load of the same files.

Run: python benchmarks/bench_check_xlsx.py   (absolute times vary between machines; compare the ratios)
Files: 100 varied workbooks (benchmarks/varied.py: both formats, random figures and prose lengths) — 60 the app's
own export (a quarter of them with shared strings, as after a save in Excel or WPS), 40 made by other offices as
Excel and WPS users lay them out (a sheet per table with merged labels and shared strings, or the labels repeated in
every merged position and 「-」 for zero).
Floors: openpyxl's read-only ``load_workbook`` of each file (what the target compares against), and that load
followed by a walk over every cell of every sheet (what reading the workbook through openpyxl would cost at least).
Times are medians of 7 passes, ours and the floors alternating, after one warm-up pass. The app's own workbooks
of one format share their hidden _cells part, which the reader remembers (exporters/xlsx/anchor.py): "each file
alone" clears that before every file, as when the app opens one workbook.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from openpyxl import Workbook, load_workbook  # noqa: E402
from varied import write_all  # noqa: E402

from exporters.reading import read_any  # noqa: E402
from exporters.xlsx import anchor  # noqa: E402
from exporters.xlsx.reader import read_xlsx  # noqa: E402
from exporters.xlsx.writer import write_xlsx  # noqa: E402
from model.engine import evaluate  # noqa: E402
from model.report import Report  # noqa: E402
from model.values import format_value  # noqa: E402
from tests.support.shared_strings import to_shared_strings  # noqa: E402

FILES = 100
OFFICES = (1, 3)  # of every five files, these are other offices' workbooks
ROUNDS = 7
TARGET_RATE, TARGET_RATIO = 50.0, 1.3


def office_book(report: Report, path: Path, rng: random.Random) -> None:
    """A workbook another office made, a sheet per table: Excel-like (merged labels) or WPS-like (the labels
    repeated in every merged position, 「-」 for zero, the title lower down)."""
    wps = rng.random() < 0.5
    book = Workbook()
    book.remove(book.active)
    for table in report.fmt.tables:
        sheet, top = book.create_sheet(table.short), rng.randint(1, 3) if wps else 1
        sheet.cell(top, 1, f"{report.agency}{report.year}年政府信息公开工作年度报告（{table.short}）")
        for row in table.rows:
            for cell in row.cells:
                value = report.effective(cell.cell_id) if cell.cell_id else None
                text = (
                    cell.text
                    if cell.cell_id is None
                    else ("-" if wps and value == 0 else format_value(value))
                )
                for r in range(cell.rowspan if wps else 1):
                    for c in range(cell.colspan if wps else 1):
                        sheet.cell(top + 2 + cell.row + r, cell.col + 1 + c, text)
                if not wps and (cell.rowspan > 1 or cell.colspan > 1):
                    sheet.merge_cells(
                        start_row=top + 2 + cell.row,
                        start_column=cell.col + 1,
                        end_row=top + 1 + cell.row + cell.rowspan,
                        end_column=cell.col + cell.colspan,
                    )
    book.save(path)
    if not wps:
        to_shared_strings(path)


def make_files(folder: Path) -> list[Path]:
    def write(report: Report, folder: Path, rng: random.Random, index: int) -> Path:
        path = folder / f"r{index:03}.xlsx"
        if index % 5 in OFFICES:
            office_book(report, path, rng)
        else:
            write_xlsx(report, path)
            if index % 4 == 0:  # saved again in Excel or WPS: shared strings
                to_shared_strings(path)
        return path

    return write_all(folder, FILES, write)


def openpyxl_load(path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        load_workbook(path, read_only=True).close()


def openpyxl_walk(path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = load_workbook(path, read_only=True)
        for sheet in book.worksheets:
            for _ in sheet.iter_rows(values_only=True):
                pass
        book.close()


def read_cold(path: Path) -> None:
    """One workbook as the app opens it alone: no _cells part of an earlier workbook remembered."""
    anchor.forget()
    read_xlsx(path)


def read_and_check(path: Path) -> None:
    report, findings = read_any(path)
    findings + evaluate(report)


def passes(jobs: dict[str, Callable[[Path], object]], paths: list[Path]) -> dict[str, float]:
    """Median seconds of a pass over all files, per job, the jobs alternating pass by pass."""
    times: dict[str, list[float]] = {name: [] for name in jobs}
    for round_ in range(ROUNDS + 1):
        for name, job in jobs.items():
            start = time.perf_counter()
            for path in paths:
                job(path)
            if round_:  # the first pass warms caches and the file system
                times[name].append(time.perf_counter() - start)
    return {name: statistics.median(spent) for name, spent in times.items()}


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-check-xlsx-") as name:
        paths = make_files(Path(name))
        offices = sum(index % 5 in OFFICES for index in range(FILES))
        size = sum(p.stat().st_size for p in paths) / len(paths) / 1024
        print(f"{len(paths)} .xlsx reports ({len(paths) - offices} the app's own, {offices} other offices'), "
              f"{size:.0f} KiB each on average")  # fmt: skip
        medians = passes(
            {
                "read_xlsx": read_xlsx,
                "read_xlsx, each file alone (no anchor cache)": read_cold,
                "read_any + evaluate": read_and_check,
                "floor: openpyxl load_workbook(read_only=True)": openpyxl_load,
                "floor: that load + a walk over every cell": openpyxl_walk,
            },
            paths,
        )
    floor = medians["floor: openpyxl load_workbook(read_only=True)"]
    for label, seconds in medians.items():
        print(
            f"{label:<48} {seconds:7.3f} s  {FILES / seconds:7.1f} files/s  {seconds / floor:5.2f} × load floor"
        )
    read = medians["read_xlsx"]
    for label, seconds in (
        ("read_xlsx", read),
        ("alone", medians["read_xlsx, each file alone (no anchor cache)"]),
    ):
        ok = FILES / seconds >= TARGET_RATE and seconds / floor <= TARGET_RATIO
        print(
            f"{label}: {FILES / seconds:.1f} workbooks/s (target ≥ {TARGET_RATE:.0f}), {seconds / floor:.2f}× "
            f"openpyxl's read-only load (target ≤ {TARGET_RATIO}) {'OK' if ok else 'OVER TARGET'}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
