"""A dead holder's lock whose pid another process got since (model/draft_lock.py with model/process_start.py)."""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from model import draft, draft_lock, process_start
from model.draft_lock import DraftLock, Owner, holder, lock_path, read_owner
from tests.model.test_draft_lock import start_holder
from tests.support.factories import full_2021
from tests.support.processes import bystander

needs_marks = pytest.mark.skipif(
    not process_start.mark(os.getpid()), reason="this system does not say when a process started"
)


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "草稿.nianbao"
    draft.save(full_2021(), path)
    return path


@pytest.fixture
def other() -> Iterator[subprocess.Popen[bytes]]:
    with bystander() as child:
        yield child


def me_with(pid: int, started: str, written: float) -> Owner:
    """This user's lock on this computer, as another window would have written it."""
    me = draft_lock.this_process("mine")
    return Owner(me.user, me.host, pid, "0123abcd", "2025-01-06 09:15", written, started)


@needs_marks
def test_the_lock_records_when_its_process_started_and_a_dead_holders_lock_stays_stale_when_its_pid_is_reused(
    saved,
):
    child = start_holder(saved, after="import os\nprint(lock.me.started, flush=True)\nos._exit(0)")
    assert child.stdout is not None
    recorded = child.stdout.readline().strip()
    child.communicate(timeout=30)  # gone without a clean-up: the lock is left
    left = read_owner(lock_path(saved))
    assert left is not None and left.pid == child.pid and left.started == recorded != ""
    assert holder(saved) is None
    with bystander() as other:  # started after the holder died, as a process that gets its pid is
        reused = left._replace(pid=other.pid)  # the system gave the dead holder's pid away
        lock_path(saved).write_bytes(reused.to_json())
        assert holder(saved) is None
        lock = DraftLock(saved)
        assert lock.acquire() is None and read_owner(lock_path(saved)) == lock.me  # taken over without a word
        lock.release()


@needs_marks
def test_a_live_pid_with_the_recorded_start_holds_the_draft_and_with_another_start_does_not(saved, other):
    mark = process_start.mark(other.pid)
    live = me_with(other.pid, mark, time.time())
    lock_path(saved).write_bytes(live.to_json())
    me = draft_lock.this_process("mine")
    assert holder(saved, me) == live and live.who(me) == "您在本机的另一个年报助手窗口"
    assert DraftLock(saved).acquire() == live
    head, _, start = mark.rpartition(":")
    lock_path(saved).write_bytes(live._replace(started=f"{head}:{int(start) - 1}").to_json())
    assert holder(saved, me) is None
    lock = DraftLock(saved)
    assert lock.acquire() is None and read_owner(lock_path(saved)) == lock.me
    lock.release()


@needs_marks
def test_an_earlier_versions_lock_is_held_by_its_pid_only_if_that_process_started_before_it_was_written(
    saved, other
):
    start = process_start.started_at(other.pid)
    assert start is not None
    me = draft_lock.this_process("mine")
    old = me_with(other.pid, "", time.time())
    data = json.loads(old.to_json())
    assert "started" not in data  # written as an earlier version wrote it
    lock_path(saved).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert holder(saved, me) == old  # it ran when the lock was last written: perhaps the holder
    before = me_with(other.pid, "", start - process_start.CLOCK_SLACK - 3600)
    lock_path(saved).write_bytes(before.to_json())
    assert holder(saved, me) is None  # it started an hour after the lock was last written: not the holder


def test_a_live_pid_that_cannot_be_told_apart_holds_until_the_lock_goes_unrefreshed(saved, other):
    me = draft_lock.this_process("mine")
    unknown = me_with(
        other.pid, "mac:1", time.time()
    )  # a mark this system cannot check (as seen from WSL, say)
    lock_path(saved).write_bytes(unknown.to_json())
    assert holder(saved, me) == unknown
    late = time.time() - draft_lock.SAME_HOST_SECONDS - 60
    lock_path(saved).write_bytes(unknown._replace(time=late).to_json())
    assert holder(saved, me) is None
    lock_path(saved).write_bytes(me_with(other.pid, "", 0.0).to_json())  # no mark, no time
    assert holder(saved, me) is None


def test_this_processs_lock_carries_its_mark_and_refresh_keeps_it(saved):
    lock = DraftLock(saved)
    assert lock.acquire() is None
    data = json.loads(lock_path(saved).read_text(encoding="utf-8"))
    assert data.get("started", "") == process_start.mark(os.getpid())
    assert lock.refresh()
    owner = read_owner(lock_path(saved))
    assert owner is not None and owner.started == process_start.mark(os.getpid())
    lock.release()
