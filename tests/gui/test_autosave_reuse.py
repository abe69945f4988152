"""A crashed session's recovery file is offered even when its pid went to a later process of the same program."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile

from gui.autosave import orphans
from model import draft, process_start
from tests.support.factories import full_2021
from tests.support.gui_window import isolate
from tests.support.processes import bystander

pytestmark = pytest.mark.skipif(
    process_start.started_at(os.getpid()) is None, reason="this system does not say when a process started"
)


@pytest.fixture
def recovery(tmp_path, monkeypatch):
    folder = isolate(tmp_path, monkeypatch)
    folder.mkdir(parents=True)
    return folder


def qt_lock_text(folder: Path) -> str:
    """What QLockFile writes for this process (pid, program, computer, boot)."""
    probe = QLockFile(str(folder / "probe.lock"))
    assert probe.tryLock(0)
    text = (folder / "probe.lock").read_text(encoding="utf-8")
    probe.unlock()
    return text


def left_session(folder: Path, pid: int, began: float, agency: str, lock_text: str) -> str:
    """A session's recovery file and QLockFile lock, as a crash leaves them; the session's name."""
    name = f"{pid}-{int(began * 1000)}"
    data = {"nianbao": "recovery", "version": 1, "source": "", "saved_at": "2025-01-06 09:15:00"}
    data["draft"] = draft.report_to_dict(full_2021(agency=agency))
    (folder / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (folder / f"{name}.lock").write_text(lock_text, encoding="utf-8")
    return name


def test_a_session_whose_pid_the_restarted_app_got_is_offered_and_a_live_one_is_not(recovery):
    text = qt_lock_text(recovery)
    start = process_start.started_at(os.getpid())
    assert start is not None
    crashed = left_session(
        recovery, os.getpid(), start - 3600, "崩溃前的机关", text
    )  # the pid's earlier life
    live = left_session(
        recovery, os.getpid(), time.time(), "本进程另一个窗口", text
    )  # a window of this process
    found = orphans(recovery)
    try:
        assert [r.report.agency for r in found] == ["崩溃前的机关"]
        assert found[0].file.stem == crashed
        assert (recovery / f"{live}.lock").exists()
    finally:
        for item in found:
            item.lock.unlock()


def test_a_session_whose_pid_another_python_got_is_offered_and_its_lock_without_a_file_cleared(recovery):
    with bystander() as other:
        start = process_start.started_at(other.pid)
        assert start is not None
        text = qt_lock_text(recovery).replace(str(os.getpid()), str(other.pid), 1)  # the same program's name
        left_session(recovery, other.pid, start - 3600, "另一个进程用了它的号", text)
        running = left_session(recovery, other.pid, start + 1, "还在运行", text)
        empty = f"{other.pid}-{int((start - 7200) * 1000)}.lock"  # crashed before anything needed saving
        (recovery / empty).write_text(text, encoding="utf-8")
        offered = left_session(recovery, other.pid, start - 5400, "另一个窗口正在恢复", text)
        (recovery / f"{offered}.lock").unlink()
        offering = QLockFile(str(recovery / f"{offered}.lock"))  # this window took it to offer it: its pid
        assert offering.tryLock(0)
        found = orphans(recovery)
        try:
            assert [r.report.agency for r in found] == ["另一个进程用了它的号"]
            assert not (recovery / empty).exists() and (recovery / f"{running}.lock").exists()
            assert (recovery / f"{offered}.lock").exists()
        finally:
            offering.unlock()
            for item in found:
                item.lock.unlock()
