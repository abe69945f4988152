"""When a process started (model/process_start.py), with real processes: a mark for one life, a reused pid told apart."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from model import process_start
from model.process_start import CLOCK_SLACK, holds, mark, started_after, started_at
from tests.support import ROOT
from tests.support.processes import bystander, end

pytestmark = pytest.mark.skipif(
    not mark(os.getpid()), reason="this system does not say when a process started"
)


@pytest.fixture
def other() -> Iterator[subprocess.Popen[bytes]]:
    with bystander() as child:
        yield child


def test_a_process_keeps_one_mark_for_its_life_and_another_process_has_another(other):
    mine = mark(os.getpid())
    assert mine == mark(os.getpid()) and mine.startswith(f"{'win' if os.name == 'nt' else 'linux'}:")
    assert mark(other.pid) not in ("", mine)
    end(other)
    assert mark(other.pid) == "" and started_at(other.pid) is None  # gone: nothing to tell
    assert mark(0) == "" and mark(-1) == ""


def test_the_start_is_in_seconds_since_the_epoch():
    before = time.time()
    with bystander() as child:
        after = time.time()
        start = started_at(child.pid)
        assert start is not None and before - 2 <= start <= after + 2  # the boot time is a whole second
        mine = started_at(os.getpid())
        assert mine is not None and mine <= start


def test_a_recorded_mark_tells_the_writer_from_a_later_process_with_its_pid(other):
    assert holds(other.pid, mark(other.pid), 0.0) is True
    head, _, start = mark(other.pid).rpartition(":")
    stale = f"{head}:{int(start) + 1}"
    assert holds(other.pid, stale, time.time()) is False  # the same pid, another start: not the writer
    assert holds(other.pid, "mac:1", time.time()) is None  # a mark of another system: cannot tell


def test_without_a_mark_a_process_that_started_after_the_record_was_written_is_not_its_writer(other):
    start = started_at(other.pid)
    assert start is not None
    assert holds(other.pid, "", start - CLOCK_SLACK - 3600) is False  # written an hour before it started
    assert holds(other.pid, "", time.time()) is True  # written while it ran
    assert holds(other.pid, "", 0.0) is None  # no time either
    assert started_after(other.pid, start - CLOCK_SLACK - 3600)
    assert not started_after(other.pid, start) and not started_after(os.getpid(), time.time())


@pytest.mark.skipif(shutil.which("mypy", path=str(Path(sys.executable).parent)) is None, reason="needs mypy")
@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_the_branches_of_other_systems_are_type_checked(platform):
    mypy = shutil.which("mypy", path=str(Path(sys.executable).parent))
    assert mypy is not None
    source = Path(process_start.__file__).relative_to(ROOT)
    result = subprocess.run(
        [mypy, "--strict", "--platform", platform, "--no-incremental", str(source)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout
