"""The fuzzer's parent side: cases split over a few child processes (``tests/fuzz/child.py``), each followed line by
line, and every breach recorded against the file that caused it.

A child that goes ``Limits.stall_seconds`` without finishing its current file is killed; one that dies (SIGXCPU from its
CPU limit, a signal from a crash, a MemoryError at the C level) is recorded against the file it had started. Either
way a fresh child goes on with the files after it. A file that stalled is tried once more in a fresh child before it
counts (a machine shared with other work may stall a child for a moment); a CPU-limit kill counts at once.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from tests.support import ROOT

START_SECONDS = 120.0  # a child's imports, before its first file
BATCH = 250  # files one child reads before a fresh one goes on (what a long run leaves behind stays small)
DEFECTS = ("bug", "memory")  # outcomes that fail the run (``tests/fuzz/child.py``)
Outcome = tuple[str, str, float]  # what the child said of a file: outcome, detail, seconds
EXTRA_KINDS = (
    "NIANBAO_FUZZ_EXTRA_KINDS"  # "module:NAME", kinds the child adds to the registry (the runner's test)
)


@dataclass(frozen=True)
class Limits:
    """What one file may take: address space of the child, CPU time and wall-clock time per file."""

    memory_mb: int = 500
    cpu_seconds: int = 5
    stall_seconds: float = 5.0


@dataclass
class Results:
    """Outcome of every case by index, and the breaches: index → what happened."""

    outcomes: dict[int, str] = field(default_factory=dict)
    failures: dict[int, str] = field(default_factory=dict)
    broken: list[str] = field(default_factory=list)  # a child that failed outside any file (its start-up)
    seconds: dict[int, float] = field(default_factory=dict)  # wall clock of each file read


def run_cases(
    cases: list[tuple[int, Path]], work: Path, workers: int, limits: Limits | None = None
) -> Results:
    """Read every case in ``workers`` children at once; the results of all."""
    results = Results()
    lock = threading.Lock()
    shares = [cases[n::workers] for n in range(workers)]
    threads = [
        threading.Thread(
            target=_run_share, args=(share, work / f"worker{n}", results, lock, limits or Limits())
        )
        for n, share in enumerate(shares)
        if share
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _run_share(
    share: list[tuple[int, Path]], work: Path, results: Results, lock: threading.Lock, limits: Limits
) -> None:
    work.mkdir(parents=True, exist_ok=True)
    left, retried = list(share), set[int]()
    while left:
        done, current, why = _one_child(left[:BATCH], work, limits)
        with lock:
            for index, (outcome, detail, seconds) in done.items():
                results.outcomes[index] = outcome
                results.seconds[index] = seconds
                if outcome in DEFECTS:
                    results.failures[index] = f"{outcome}: {detail}"
        if current is None:
            if why:
                with lock:
                    results.broken.append(why)
                return
            left = [case for case in left if case[0] not in done]
            continue
        stalled = why.startswith("stalled")
        if stalled and current not in retried:  # once more, first in a fresh child, before it counts
            retried.add(current)
            left = [case for case in left if case[0] not in done]
            continue
        with lock:
            results.failures[current] = why
            results.outcomes[current] = "breach"
        left = [case for case in left if case[0] not in done and case[0] != current]


def _one_child(
    cases: list[tuple[int, Path]], work: Path, limits: Limits
) -> tuple[dict[int, Outcome], int | None, str]:
    """Run one child over ``cases`` until it ends or breaks: (outcomes, the case it broke on or None, why)."""
    manifest = work / "manifest.json"
    manifest.write_text(json.dumps([[i, str(p)] for i, p in cases]), encoding="utf-8")
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.fuzz.child",
            str(manifest),
            str(limits.memory_mb),
            str(limits.cpu_seconds),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        text=True,
    )
    lines: queue.Queue[str | None] = queue.Queue()
    errors: list[str] = []
    pumps = [
        threading.Thread(target=_pump, args=(child.stdout, lines.put), daemon=True),
        threading.Thread(
            target=_pump, args=(child.stderr, lambda text: errors.append(text or "")), daemon=True
        ),
    ]
    for pump in pumps:
        pump.start()
    try:
        done, current, stalled = _follow(lines, limits.stall_seconds)
    finally:
        if stalled:
            child.kill()
        code = child.wait()
        for pump in pumps:
            pump.join(30)
        for stream in (child.stdout, child.stderr):
            if stream:
                stream.close()
    if stalled:
        return done, current, stalled
    if current is None and code == 0:
        return done, None, ""
    return done, current, _death(code, "".join(errors), limits)


def _follow(lines: queue.Queue[str | None], stall: float) -> tuple[dict[int, Outcome], int | None, str]:
    """Follow a child's lines to its end or a stall: (outcomes and details, the case under way, why it stalled)."""
    done: dict[int, Outcome] = {}
    current: int | None = None
    timeout = START_SECONDS
    while True:
        try:
            line = lines.get(timeout=timeout)
        except queue.Empty:
            return done, current, f"stalled: no end after {timeout:.0f} s (wall clock)"
        if line is None:
            return done, current, ""
        message = json.loads(line)
        if "start" in message:
            current, timeout = message["start"], stall
        elif "end" in message:
            done[message["end"]] = (message["outcome"], message["detail"], message["seconds"])
            current = None


def _pump(stream: IO[str] | None, put: Callable[[str | None], object]) -> None:
    if stream is not None:
        for line in stream:
            put(line)
    put(None)


def _death(code: int, stderr: str, limits: Limits) -> str:
    if code == -signal.SIGXCPU:
        return f"killed by its CPU limit ({limits.cpu_seconds} s)"
    if code < 0:
        return f"crashed: signal {signal.Signals(-code).name}\n{stderr[-1500:]}"
    return f"exited {code}\n{stderr[-1500:]}"
