"""Reviewing a folder of 1,000 reports (the 审核 window populated with a roster, 审核结果.xlsx written) vs `nianbao
check` on it, phase by phase, with the floor measured in the same run.

    python3 benchmarks/bench_review.py [N [ROUNDS]]

Both read the files in worker processes (every core). The floor is what a review cannot do without: the same
workers reading every file and sending its Entry back (``nianbao.review.read_folder``), nothing shown or written.
Printed: check, floor, review and its phases — the window until every file is in (of which the main thread's
share: adding rows while reading, the whole desk at the end), the workbook (its sheets, openpyxl's save, the long
sheets put in); per file: the workers' time for check and review, and the size and cost of what comes back.
Target: review ≤ 1.3 × check, the median of the rounds' ratios (each round runs check, floor and review in turn,
so a burst of other work on the machine falls on one round, not on one side).
"""

from __future__ import annotations

import gc
import os
import pickle
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET = 1.3
SAMPLE = 40  # files timed one by one, in this process
ROUNDS = 5


def build(folder: Path, count: int) -> None:
    from tests.support.review_folder import (
        KINDS,
        unit_report,
        write,
    )  # not at the top: the workers import this file

    folder.mkdir()
    for index in range(count):
        key = KINDS[index % len(KINDS)]
        report = unit_report(f"某某县第{index}局", "政府部门", index)
        suffix = {"nianbao": ".nianbao", "docx": ".docx", "xlsx": ".xlsx", "html": ".html"}[key]
        write(report, folder / f"{index:04d}{suffix}", key)


def write_roster(path: Path, count: int) -> None:
    """The units as an office lists them: every third without 「某某县」, ten missing, ten never submitted."""
    names = [f"某某县第{i}局" if i % 3 else f"第{i}局" for i in range(10, count)]
    names += [f"某某县未报第{i}局" for i in range(10)]
    path.write_text("\n".join(names), encoding="utf-8")


def cpu() -> float:
    """CPU seconds of this process and of its ended children (the workers, `nianbao check`): on a machine shared
    with other work these vary far less than the seconds on the clock."""
    if resource is None:  # Windows
        return 0.0
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_check(folder: Path) -> tuple[float, float]:
    start, used = time.perf_counter(), cpu()
    subprocess.run(
        [sys.executable, "-m", "nianbao", "check", str(folder)], stdout=subprocess.DEVNULL, check=False
    )
    return time.perf_counter() - start, cpu() - used


def run_floor(folder: Path) -> tuple[float, float]:
    from nianbao.review import folder_files, read_folder

    start, used = time.perf_counter(), cpu()
    count = sum(1 for _ in read_folder(folder_files(folder)))
    assert count > 0
    return time.perf_counter() - start, cpu() - used


class Phases:
    """Seconds spent in named functions (wrapped for the run)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def wrap(self, owner: Any, name: str, label: str) -> None:
        original: Callable[..., Any] = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[label] += time.perf_counter() - start

        setattr(owner, name, timed)


def timed_phases() -> Phases:
    """The review's functions wrapped once for every round (``Phases.seconds`` is cleared before each)."""
    from openpyxl import Workbook

    import exporters.review_xlsx.writer as writer
    from gui.review.window import ReviewWindow

    phases = Phases()
    for name, label in (("_summary", "汇总 sheet"), ("_findings", "问题清单 rows"), ("_data", "数据 rows")):
        phases.wrap(writer, name, f"workbook: {label}")
    phases.wrap(writer, "splice", "workbook: long sheets put in")
    phases.wrap(Workbook, "save", "workbook: openpyxl save")
    phases.wrap(ReviewWindow, "_show_new", "window: rows added while reading")
    phases.wrap(ReviewWindow, "_finished", "window: whole desk at the end")
    return phases


def run_review(
    folder: Path, roster: Path, out: Path, phases: Phases
) -> tuple[float, float, dict[str, float]]:
    from PySide6.QtWidgets import QApplication

    import exporters.review_xlsx.writer as writer
    from gui.dialogs import Dialogs
    from gui.review.window import ReviewWindow

    phases.seconds.clear()
    app = QApplication.instance() or QApplication([])
    start, used = time.perf_counter(), cpu()
    window = ReviewWindow(str(folder), Dialogs(), str(roster))
    window.show()
    done: list[bool] = []
    window.loader.finished.connect(lambda _c: done.append(True))
    window.start()
    while not done:
        app.processEvents()
        time.sleep(0.01)
    phases.seconds["window: until every file is in"] = time.perf_counter() - start
    assert window.rows.rowCount() > 0 and window.desk.missing
    begun = time.perf_counter()
    writer.write_review_workbook(window.desk, out, window.marks)
    phases.seconds["workbook written"] = time.perf_counter() - begun
    seconds, spent = time.perf_counter() - start, cpu() - used
    window.close()
    window.deleteLater()  # gone before the next round: its thousand Entries would slow every collection after
    app.processEvents()
    del window
    gc.collect()
    return seconds, spent, dict(phases.seconds)


def per_file(folder: Path) -> str:
    """The workers' side, file by file in this process: check_one vs review_one, and what comes back."""
    from nianbao.batch import _start, check_one
    from nianbao.review import review_one

    files = sorted(folder.iterdir())[:SAMPLE]
    _start(None)
    for file in files[:8]:  # every reader imported first
        check_one(file)
        review_one(file)
    out = []
    for task in (check_one, review_one):
        start = time.perf_counter()
        results = [task(f) for f in files]
        seconds = (time.perf_counter() - start) / len(files)
        data = [pickle.dumps(r) for r in results]
        start = time.perf_counter()
        for blob in data:
            pickle.loads(blob)
        back = (time.perf_counter() - start) / len(files)
        size = sum(map(len, data)) / len(files)
        out.append(
            f"{task.__name__} {seconds * 1000:.1f} ms/file, {size / 1024:.1f} KB back, unpickled in {back * 1e6:.0f} µs"
        )
    return "; ".join(out)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else ROUNDS
    with tempfile.TemporaryDirectory() as tmp:
        folder, roster = Path(tmp) / "报告", Path(tmp) / "名单.txt"
        start = time.perf_counter()
        build(folder, count)
        write_roster(roster, count)
        print(
            f"{count} reports written in {time.perf_counter() - start:.1f} s; {rounds} rounds, the best of each kept"
        )
        checks, floors, reviews, phases = [], [], [], timed_phases()
        for number in range(rounds):  # in turns, so that the machine's load falls on all three alike
            checks.append(run_check(folder))
            floors.append(run_floor(folder))
            reviews.append(run_review(folder, roster, Path(tmp) / f"审核结果{number}.xlsx", phases))
            print(
                f"round {number + 1}: check {checks[-1][0]:.1f} s, floor {floors[-1][0]:.1f} s, "
                f"review {reviews[-1][0]:.1f} s (CPU {checks[-1][1]:.1f}, {floors[-1][1]:.1f}, {reviews[-1][1]:.1f} s)"
            )
        print(f"per file (in one process): {per_file(folder)}")
        check, floor = min(checks), min(floors)
        review, review_cpu, seconds = min(reviews)
        print(f"nianbao check: {check[0]:.1f} s (CPU {min(c for _, c in checks):.1f} s)")
        print(
            f"floor (workers read every file, Entries back): {floor[0]:.1f} s ({floor[0] / check[0]:.2f} × check)"
        )
        print(f"review (window + workbook): {review:.1f} s (CPU {min(c for _, c, _ in reviews):.1f} s)")
        for label, spent in seconds.items():
            print(f"  {label}: {spent:.2f} s")
        paired = sorted(r[0] / c[0] for c, r in zip(checks, reviews, strict=True))
        median = paired[len(paired) // 2]
        verdict = "met" if median <= TARGET else "NOT met"
        print(f"ratio review / check, round by round: {', '.join(f'{r:.2f}' for r in paired)}")
        print(
            f"ratio review / check: median {median:.2f}, best of each {review / check[0]:.2f} (target ≤ {TARGET}: {verdict})"
        )
        print(f"review / floor {review / floor[0]:.2f}")
        if resource is not None:
            cpus = sorted(r[1] / c[1] for c, r in zip(checks, reviews, strict=True))
            print(
                f"CPU seconds review / check: median {cpus[len(cpus) // 2]:.2f} (CPU time varies less on a busy machine)"
            )


if __name__ == "__main__":
    main()
