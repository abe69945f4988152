"""Timing helpers shared by the benchmarks: median time per call over several rounds."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def per_call(func: Callable[[], object], rounds: int = 7, number: int = 20) -> float:
    """Median seconds per call over several rounds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(number):
            func()
        times.append((time.perf_counter() - start) / number)
    return statistics.median(times)
