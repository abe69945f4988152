"""Benchmark the model: one full rule evaluation, and `nianbao check` over 1,000 drafts, against floors of the same run.

Run: python benchmarks/bench_model.py   (absolute times vary on these machines; the ratios are what to compare)
"""

from __future__ import annotations

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
            f"({evaluation / bare:.1f}× a bare pass over the {len(report.fmt.cells)} cells, {bare * 1e6:.1f} µs)"
        )


def run(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def bench_check(count: int = 1000) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for index in range(count):
            report = full_2021(year=2021 + index % 5, agency=f"第{index}局")
            report.set_value("t3.new.natural", 40 + index % 3)
            draft.save(report, Path(folder) / f"{index:04}.nianbao")
        check = [sys.executable, "-m", "nianbao", "check", folder, "--json"]
        floor = [
            sys.executable,
            "-c",
            "import json, pathlib, sys; "
            f"[json.loads(p.read_bytes()) for p in sorted(pathlib.Path({folder!r}).glob('*.nianbao'))]",
        ]
        run(check)  # warm the file cache
        checked = min(run(check) for _ in range(3))
        parsed = min(run(floor) for _ in range(3))
    print(
        f"nianbao check over {count} drafts: {checked:.2f} s, {count / checked:.0f} drafts/s "
        f"({checked / parsed:.1f}× a bare python process that only parses the same JSON, {parsed:.2f} s)"
    )


if __name__ == "__main__":
    bench_evaluation()
    bench_check()
