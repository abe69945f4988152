"""A 20,000-row 依申请台账 read, mapped and counted into table 三, against openpyxl's read-only load of the same file.

Run: python benchmarks/bench_ledger.py   (absolute times vary between machines; compare the ratio; target ≤ 2×)
Ledger: tests/support/ledgers.py — two merged title rows, a 序号 column, dates as Excel dates and four kinds of text,
free-text outcomes. Floor: ``load_workbook(read_only=True)`` and every row's values (``iter_rows(values_only=True)``),
all openpyxl's reader does for any use of the rows. Ours: the package checks, the same walk, header and column
guessing, every word and date, the count, and the report with table 三 replaced.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from openpyxl import load_workbook  # noqa: E402

from exporters.ledger.reader import read_ledger  # noqa: E402
from model.formats import load_format  # noqa: E402
from model.ledger.session import LedgerSession  # noqa: E402
from model.report import Report  # noqa: E402
from tests.support import ledgers  # noqa: E402

ROWS, ROUNDS = 20_000, 5


def floor(path: Path) -> int:
    book = load_workbook(path, read_only=True)
    try:
        return sum(1 for sheet in book.worksheets for _ in sheet.iter_rows(values_only=True))
    finally:
        book.close()


def ours(path: Path) -> int:
    report = Report.new(ledgers.YEAR, "某某局")
    session = LedgerSession(read_ledger(path), load_format(report.format_id), report.year)
    after = session.apply(report)
    assert after.ledger is not None
    return session.counted().counted


def median(func, path: Path) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        func(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = ledgers.write_xlsx(Path(folder) / "ledger.xlsx", ledgers.records(ROWS, seed=1))
        assert ours(path) == ROWS
        base, mine = median(floor, path), median(ours, path)
        size = path.stat().st_size / 1024
        print(f"{ROWS} rows, {size:.0f} KiB, median of {ROUNDS}")
        print(f"openpyxl read-only load + rows: {base:.2f} s")
        print(f"read + map + count + table 三:   {mine:.2f} s")
        print(f"ratio: {mine / base:.2f}x (target <= 2x)")


if __name__ == "__main__":
    main()
