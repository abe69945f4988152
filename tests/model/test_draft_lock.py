"""The lock beside an open draft (model/draft_lock.py): who holds it, stale locks, and real second processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from model import draft, draft_lock
from model.draft_lock import DraftLock, changed_since, holder, lock_path, read_owner, stamp
from tests.support import ROOT
from tests.support.factories import full_2021

HOLDER = """
import sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from model.draft_lock import DraftLock
lock = DraftLock(Path({path!r}))
print("other" if lock.acquire() else "locked", flush=True)
{after}
"""


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "草稿.nianbao"
    draft.save(full_2021(), path)
    return path


def start_holder(path: Path, after: str = "sys.stdin.readline()") -> subprocess.Popen[str]:
    """A second Python process that locks ``path`` through the model and says so; it waits for a line on stdin."""
    script = HOLDER.format(root=str(ROOT), path=str(path), after=after)
    child = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "locked"
    return child


def test_the_lock_names_user_computer_and_process_and_goes_with_release(saved):
    lock = DraftLock(saved)
    assert lock.acquire() is None and lock.held
    data = json.loads(lock_path(saved).read_text(encoding="utf-8"))
    assert data["pid"] == os.getpid() and data["user"] and data["host"] and data["nianbao"] == "lock"
    assert lock_path(saved).name == ".~草稿.nianbao.lock"
    assert holder(saved) is not None  # someone else (another window) sees it held
    assert holder(saved, lock.me) is None  # its own holder does not
    lock.release()
    assert not lock_path(saved).exists() and holder(saved) is None


def test_a_second_lock_in_the_same_process_sees_the_first(saved):
    first, second = DraftLock(saved), DraftLock(saved)
    assert first.acquire() is None
    other = second.acquire()
    assert other is not None and other.session == first.me.session
    assert (
        other.sentence(second.me) == f"该草稿正由您在本机的另一个年报助手窗口打开（自 {first.me.opened} 起）"
    )
    second.release()  # not its lock: it stays
    assert read_owner(lock_path(saved)) == first.me
    first.release()


def test_another_computers_lock_names_the_user_and_pc_and_goes_stale_when_old(saved):
    me = draft_lock.this_process("abc")
    other = draft_lock.Owner("张三", "PC-01", 4242, "0123", "2025-01-06 09:15", time.time())
    lock_path(saved).write_bytes(other.to_json())
    assert holder(saved, me) == other
    assert other.sentence(me) == "该草稿正由张三（电脑 PC-01）打开（自 2025-01-06 09:15 起）"
    old = draft_lock.Owner("张三", "PC-01", 4242, "0123", "", time.time() - draft_lock.STALE_SECONDS - 1)
    lock_path(saved).write_bytes(old.to_json())
    assert holder(saved, me) is None
    lock = DraftLock(saved)
    assert lock.acquire() is None and read_owner(lock_path(saved)) == lock.me  # taken over silently
    lock.release()


def test_a_lock_that_cannot_be_read_is_stale_only_when_old(saved):
    lock_path(saved).write_bytes(b"\x00garbage")
    assert holder(saved) is not None  # perhaps being written this moment
    past = time.time() - draft_lock.UNREADABLE_SECONDS - 5
    os.utime(lock_path(saved), (past, past))
    assert holder(saved) is None


def test_refresh_keeps_the_lock_and_notices_a_take_over(saved):
    lock = DraftLock(saved)
    assert lock.acquire() is None
    assert lock.refresh()
    thief = DraftLock(saved)
    thief.take_over()  # someone chose 仍然编辑
    assert not lock.refresh() and read_owner(lock_path(saved)) == thief.me
    lock.release()  # not ours any more: left to the one who took it
    assert lock_path(saved).exists()
    thief.release()


def test_a_changed_draft_is_told_from_one_only_touched(saved):
    before = stamp(saved)
    assert not changed_since(saved, before)
    os.utime(saved, (time.time() + 5, time.time() + 5))
    assert not changed_since(saved, before)  # the same bytes: a sync tool touched it
    draft.save(full_2021(agency="另一个机关"), saved)
    assert changed_since(saved, before)
    assert not changed_since(saved, None) and not changed_since(saved.with_name("没有.nianbao"), before)


def test_a_second_process_holding_the_draft_is_seen_and_its_lock_goes_with_its_normal_exit(saved):
    child = start_holder(saved)
    try:
        other = holder(saved)
        assert other is not None and other.pid == child.pid
        assert DraftLock(saved).acquire() == other  # this process cannot take it
    finally:
        child.communicate("\n", timeout=30)
    assert child.returncode == 0 and not lock_path(saved).exists()  # released at exit, without a close


@pytest.mark.skipif(os.name != "posix", reason="kill -9 is POSIX")
def test_a_holder_killed_with_kill_9_leaves_a_stale_lock_that_is_taken_over(saved):
    child = start_holder(saved)
    os.kill(child.pid, signal.SIGKILL)
    child.communicate(timeout=30)  # closes the pipes
    assert child.returncode == -signal.SIGKILL
    assert read_owner(lock_path(saved)) is not None  # no cleanup ran: the lock is still there ...
    assert holder(saved) is None  # ... but its process is gone
    lock = DraftLock(saved)
    assert lock.acquire() is None and read_owner(lock_path(saved)) == lock.me
    lock.release()


def test_a_second_process_sees_this_ones_lock(saved):
    lock = DraftLock(saved)
    assert lock.acquire() is None
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from model.draft_lock import DraftLock
        other = DraftLock(Path({str(saved)!r})).acquire()
        print(other.pid if other else "free")
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == str(os.getpid()), result.stderr
    lock.release()


def test_a_folder_without_write_access_gives_no_lock_but_an_error_to_go_on_without(tmp_path):
    lock = DraftLock(tmp_path / "没有的文件夹" / "草稿.nianbao")
    with pytest.raises(OSError):
        lock.acquire()
    assert not lock.held
