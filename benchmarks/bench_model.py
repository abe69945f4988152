"""Benchmark the model: one full rule evaluation, and `nianbao check` over 1,000 drafts, against floors of the same run.

Floors: for one evaluation, a bare ``dict.get`` of every cell of the report (reading each value once, no rule: what
no evaluation can go below); for the check, a bare python process that parses the JSON of the same 1,000 drafts and
does nothing else. The drafts are varied (benchmarks/varied.py: both formats, random figures, prose of random
lengths), not copies of one report. Times are medians (7 rounds for one evaluation, 3 runs of each process).

Run: python benchmarks/bench_model.py   (absolute times vary on these machines; the ratios are what to compare)
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model import draft  # noqa: E402
from model.engine import evaluate  # noqa: E402
from model.example import load_example  # noqa: E402
from tests.support.factories import full_2021  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from timing import per_call  # noqa: E402
from varied import write_all  # noqa: E402


def bench_evaluation() -> None:
    for label, report in (("example (2019)", load_example()), ("full 2021", full_2021())):
        report.previous = full_2021(year=report.year - 1) if report.format_id == "2021" else None

        def full(report=report) -> None:  # type: ignore[no-untyped-def]
            report.changed()  # totals recomputed too, as after an edit
            evaluate(report)

        def floor(report=report) -> None:  # type: ignore[no-untyped-def]  # touch every cell once
            for cell_id in report.fmt.cells:
                report.values.get(cell_id)

        evaluation, bare = per_call(full, number=500), per_call(floor, number=500)
        print(
            f"full rule evaluation, {label}: {evaluation * 1e6:.0f} µs "
            f"({evaluation / bare:.1f}× the floor: a bare dict.get of each of the {len(report.fmt.cells)} cells, "
            f"{bare * 1e6:.1f} µs)"
        )


def run(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def bench_check(count: int = 1000) -> None:
    with tempfile.TemporaryDirectory() as folder:

        def save(report, folder, rng, index):  # type: ignore[no-untyped-def]
            path = folder / f"{index:04}.nianbao"
            draft.save(report, path)
            return path

        paths = write_all(Path(folder), count, save)
        size = sum(p.stat().st_size for p in paths) / len(paths) / 1024
        check = [sys.executable, "-m", "nianbao", "check", folder, "--json"]
        floor = [
            sys.executable,
            "-c",
            "import json, pathlib, sys; "
            f"[json.loads(p.read_bytes()) for p in sorted(pathlib.Path({folder!r}).glob('*.nianbao'))]",
        ]
        run(check)  # warm the file cache
        checked = statistics.median(run(check) for _ in range(3))
        parsed = statistics.median(run(floor) for _ in range(3))
    print(
        f"nianbao check over {count} varied drafts ({size:.0f} KiB each): {checked:.2f} s, {count / checked:.0f} "
        f"drafts/s ({checked / parsed:.1f}× the floor: a bare python process that only parses the JSON of the same "
        f"drafts, {parsed:.2f} s)"
    )


if __name__ == "__main__":
    bench_evaluation()
    bench_check()
