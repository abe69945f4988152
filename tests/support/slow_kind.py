"""A document kind registered by a test whose reader waits until the test lets it go: a read as slow as a test needs.

The file itself is a real draft (``.langsam``); the reader blocks on ``SlowReads.release`` before loading it, so a
test can look at the window while the read runs, press 取消, or let it finish — without a timing assumption.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field

import pytest

from exporters import kinds
from exporters.reading.errors import DocumentError
from model import draft
from model.report import Report

SUFFIX = ".langsam"
SLOW = kinds.DocumentKind(
    "slow", "慢速测试文件", "慢", (SUFFIX,), "tests.support.slow_kind:read_slow", exported=False
)


@dataclass
class SlowReads:
    """What the test controls and sees: the read has started, may go on, has ended."""

    started: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    ended: threading.Event = field(default_factory=threading.Event)
    fail: str = ""  # a DocumentError sentence to raise instead of reading


_current = SlowReads()


def read_slow(path: str | os.PathLike[str]) -> Report:
    """Wait for the test, then read the draft in the file (or raise the sentence the test set)."""
    reads = _current
    reads.started.set()
    try:
        if not reads.release.wait(60):
            raise DocumentError("测试没有放行读取")
        if reads.fail:
            raise DocumentError(reads.fail)
        return draft.load(path)
    finally:
        reads.ended.set()


def register(monkeypatch: pytest.MonkeyPatch) -> SlowReads:
    """Add the slow kind to the registry for this test; the controls of its reads."""
    global _current
    _current = SlowReads()
    monkeypatch.setattr(kinds, "KINDS", (*kinds.KINDS, SLOW))
    return _current
