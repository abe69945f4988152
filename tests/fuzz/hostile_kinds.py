"""Readers that break each bound on purpose, for the runner's own test (``test_runner.py``): the child adds them to
the registry when ``NIANBAO_FUZZ_EXTRA_KINDS`` names ``KINDS``."""

from __future__ import annotations

import os
import time
from pathlib import Path

from exporters.kinds import DocumentKind
from exporters.reading.errors import DocumentError


def spin(path: str | os.PathLike[str]) -> None:
    while True:  # CPU time without end
        pass


def sleep(path: str | os.PathLike[str]) -> None:
    time.sleep(600)  # wall-clock time, no CPU


def hog(path: str | os.PathLike[str]) -> None:
    # 4 GB, past any address-space limit. bytes(n) is calloc'd, so the pages are not touched: the limit is reached in
    # milliseconds of CPU (bytearray's memset of every page could outlast the test's 1 s CPU limit on a busy machine).
    held = [bytes(64 * 1024 * 1024) for _ in range(64)]
    raise AssertionError(len(held))


def abort(path: str | os.PathLike[str]) -> None:
    os.abort()  # a crash in C


def broken(path: str | os.PathLike[str]) -> None:
    raise ValueError("a reader's own defect")  # not a DocumentError


def refuse(path: str | os.PathLike[str]) -> None:
    raise DocumentError(f"不是报告：{Path(path).name}")


KINDS = tuple(
    DocumentKind(name, name, name, (f".{name}",), f"tests.fuzz.hostile_kinds:{name}", exported=False)
    for name in ("spin", "sleep", "hog", "abort", "broken", "refuse")
)
