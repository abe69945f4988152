"""The fuzz runner itself: each bound it promises is enforced and named against the right file, and the files after
a broken one are still read (readers that break on purpose, ``hostile_kinds.py``, with tighter limits)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.fuzz.runner import EXTRA_KINDS, Limits, Results, run_cases

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="resource limits need a POSIX system")


def run(folder: Path, names: tuple[str, ...], limits: Limits) -> Results:
    folder.mkdir()
    cases = [(i, folder / f"case{i}.{name}") for i, name in enumerate(names)]
    for _, path in cases:
        path.write_bytes(b"x")
    results = run_cases(cases, folder, 1, limits)
    assert not results.broken
    refused = {i for i, outcome in results.outcomes.items() if outcome == "refused"}
    assert refused == {i for i, name in enumerate(names) if name == "refuse"}  # read on after every breach
    return results


@pytest.fixture(autouse=True)
def hostile_kinds(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv(EXTRA_KINDS, "tests.fuzz.hostile_kinds:KINDS")


def test_cpu_memory_crashes_and_foreign_exceptions_are_each_recorded_against_their_file(tmp_path):
    names = ("refuse", "spin", "refuse", "abort", "hog", "broken", "refuse")
    why = run(tmp_path / "run", names, Limits(memory_mb=500, cpu_seconds=1, stall_seconds=60.0)).failures
    assert sorted(why) == [1, 3, 4, 5]
    assert "CPU limit" in why[1]
    assert "SIGABRT" in why[3]
    assert why[4].startswith("memory")
    assert why[5].startswith("bug") and "a reader's own defect" in why[5]


def test_a_file_that_stalls_the_wall_clock_is_tried_twice_then_recorded(tmp_path):
    why = run(tmp_path / "run", ("sleep", "refuse"), Limits(stall_seconds=1.0)).failures
    assert list(why) == [0] and why[0].startswith("stalled")
