"""Autosave to a recovery file, and recovery after a real crash (a subprocess killed with SIGKILL)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading

import pytest

from gui.app import start_window
from gui.autosave import leftovers, orphans
from model import draft
from tests.support import ROOT
from tests.support.gui_window import FakeDialogs, isolate, make_window

CHILD = """
import sys, time
from gui.app import application, start_window
app = application(["-platform", "offscreen"])
window = start_window(example=True)
window.show()
window.document.set_cells({"t3.new.natural": "41"})
window.document.set_prose("s5", "崩溃前写下的问题和改进措施")
while window.autosave.writes == 0:
    app.processEvents()
    time.sleep(0.01)
print("autosaved", window.autosave.file, flush=True)
while True:
    app.processEvents()
    time.sleep(0.02)
"""


@pytest.fixture
def recovery(tmp_path, monkeypatch):
    return isolate(tmp_path, monkeypatch)


def _read_line(process: subprocess.Popen, seconds: float) -> str:
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.append(process.stdout.readline()), daemon=True)
    reader.start()
    reader.join(seconds)
    return lines[0] if lines else ""


def _autosave_and_kill(script: str, recovery) -> int:  # type: ignore[no-untyped-def]
    """Run the app in a subprocess until it autosaved, then kill -9 it; the dead session's pid."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = _read_line(child, 90)
        assert line.startswith("autosaved"), child.stderr.read() if child.poll() is not None else line
        assert orphans(recovery) == []  # the running session still owns its recovery file
        os.kill(child.pid, signal.SIGKILL)
        child.wait(30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(30)
        child.stdout.close()  # the pipes are the test's to close: a dead child leaves them open
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    return child.pid


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9")
def test_after_kill_9_the_next_start_offers_and_restores_the_autosaved_report(qtbot, recovery):
    pid = _autosave_and_kill(CHILD, recovery)
    left = list(recovery.glob("*.json"))
    assert len(left) == 1

    dialogs = FakeDialogs()
    window = start_window(dialogs=dialogs)
    qtbot.addWidget(
        window, before_close_func=lambda w: (w.document.undo_stack.setClean(), w.autosave.close())
    )
    assert dialogs.kinds() == ["offer_restore"] and "杭州市城市管理局2020年度报告" in dialogs.asked[0][1]
    report = window.document.report
    assert report.values["t3.new.natural"] == 41
    assert report.prose["s5"] == "崩溃前写下的问题和改进措施"
    assert window.isWindowModified() and window.document.path is None
    assert not left[0].exists()  # taken over: the dead session's file is gone
    assert not list(recovery.glob(f"{pid}-*"))  # and its lock


PAST_THE_LIMITS = (
    CHILD.replace(  # a recovery file holding a text a draft refuses, as an older version wrote it
        'window.document.set_cells({"t3.new.natural": "41"})',
        'window.document.report.invalid["t3.new.business"] = "注" * 250\n'
        'window.document.set_cells({"t3.new.natural": "41"})',
    )
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9")
def test_after_kill_9_a_recovery_file_that_cannot_load_is_kept_aside_and_the_start_says_where(
    qtbot, recovery
):
    _autosave_and_kill(PAST_THE_LIMITS, recovery)
    [left] = recovery.glob("*.json")
    data = left.read_bytes()
    assert json.loads(data)["draft"]["invalid"]["t3.new.business"] == "注" * 250

    dialogs = FakeDialogs()
    window = start_window(dialogs=dialogs)
    qtbot.addWidget(window, before_close_func=lambda w: w.autosave.close())
    assert dialogs.kinds() == ["damaged_recovery"]
    assert str(recovery / "damaged") in dialogs.asked[0][1] and "没有删除" in dialogs.asked[0][1]
    [moved] = (recovery / "damaged").iterdir()
    assert moved.read_bytes() == data and moved.name.startswith(left.stem + "-")
    assert not left.exists() and window.document.report.agency == ""


def test_locks_of_crashed_sessions_with_nothing_to_recover_are_cleared(recovery):
    from PySide6.QtCore import QLockFile, QSysInfo

    recovery.mkdir(parents=True, exist_ok=True)
    live = QLockFile(str(recovery / "1-1.lock"))
    assert live.tryLock(0)
    dead = recovery / "2-2.lock"
    dead.write_text(
        f"999999999\npython3\n{QSysInfo.machineHostName()}\n", encoding="utf-8"
    )  # no such process
    assert orphans(recovery) == []
    assert (recovery / "1-1.lock").exists()  # a running session keeps its lock
    assert not dead.exists()
    live.unlock()


def test_autosave_writes_shortly_after_a_change_and_removes_the_file_on_save(
    qtbot, recovery, example, tmp_path
):
    path = tmp_path / "报告.nianbao"
    draft.save(example, path)
    window = make_window(qtbot, draft.load(path), str(path))
    autosave = window.autosave
    assert autosave.folder == recovery
    window.document.set_cells({"t3.new.natural": "33"})
    qtbot.waitUntil(autosave.file.exists, timeout=10_000)
    data = json.loads(autosave.file.read_text(encoding="utf-8"))
    assert data["source"] == str(path) and data["draft"]["values"]["t3.new.natural"] == 33
    assert "已自动保存" in window.autosave_label.text()
    window.named_actions["保存"].trigger()
    assert not autosave.file.exists()


def test_continuous_typing_does_not_postpone_the_autosave_forever(qtbot, recovery, example):
    window = make_window(qtbot, example)
    autosave = window.autosave
    window.document.set_cells({"t3.new.natural": "30"})
    first = autosave.latest.remainingTime()
    qtbot.wait(150)
    window.document.set_cells({"t3.new.natural": "31"})
    assert autosave.quiet.isActive() and autosave.latest.isActive()
    assert autosave.latest.remainingTime() < first  # the deadline is not pushed back by later keystrokes


def test_closing_normally_removes_the_recovery_file(qtbot, recovery, example):
    dialogs = FakeDialogs()
    dialogs.save_changes = "discard"
    window = make_window(qtbot, example, dialogs=dialogs)
    window.document.set_cells({"t3.new.natural": "30"})
    window.autosave.save_now()
    assert window.autosave.file.exists()
    assert window.close()
    assert list(recovery.glob("*.json")) == []
    assert orphans(recovery) == []


def test_undoing_back_to_the_saved_state_needs_no_recovery(qtbot, recovery, example):
    window = make_window(qtbot, example)
    window.document.set_cells({"t3.new.natural": "30"})
    window.autosave.save_now()
    window.document.undo_stack.undo()
    window.autosave.save_now()
    assert not window.autosave.file.exists()


def _leave_orphan(folder, report, source=""):  # type: ignore[no-untyped-def]
    """A recovery file without a live owner, as a crashed session leaves it."""
    folder.mkdir(parents=True, exist_ok=True)
    data = {
        "nianbao": "recovery",
        "version": 1,
        "source": source,
        "saved_at": "2026-01-20 10:00:00",
        "draft": draft.report_to_dict(report),
    }
    target = folder / "12345-1.json"
    target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return target


def test_declining_the_restore_discards_the_recovery(qtbot, recovery, example):
    orphan = _leave_orphan(recovery, example)
    dialogs = FakeDialogs()
    dialogs.restore = False
    window = start_window(dialogs=dialogs)
    qtbot.addWidget(window, before_close_func=lambda w: w.autosave.close())
    assert dialogs.kinds() == ["offer_restore"]
    assert not orphan.exists() and window.document.report.agency == ""


def test_a_restored_draft_keeps_its_file_and_a_damaged_recovery_is_set_aside(
    qtbot, recovery, example, tmp_path
):
    path = tmp_path / "原稿.nianbao"
    draft.save(example, path)
    _leave_orphan(recovery, example, str(path))
    (recovery / "99-2.json").write_text("{broken", encoding="utf-8")
    found = leftovers(recovery)
    assert [r.source for r in found.recoveries] == [str(path)]
    assert not (recovery / "99-2.json").exists()
    [moved] = found.damaged
    assert moved.parent == recovery / "damaged" and moved.name.startswith("99-2-") and moved.suffix == ".json"
    assert moved.read_text(encoding="utf-8") == "{broken"  # never deleted: kept as it was
    assert (
        found.note().startswith("有1个自动保存的文件无法读取") and str(recovery / "damaged") in found.note()
    )
    found.recoveries[0].lock.unlock()
    dialogs = FakeDialogs()
    window = start_window(dialogs=dialogs)
    qtbot.addWidget(
        window, before_close_func=lambda w: (w.document.undo_stack.setClean(), w.autosave.close())
    )
    assert window.document.path == str(path) and window.isWindowModified()
    assert window.windowTitle().startswith("原稿.nianbao")
    assert dialogs.kinds() == ["offer_restore"]


def test_the_start_up_says_where_an_unreadable_recovery_file_went(qtbot, recovery, example):
    report = example.copy()
    report.invalid["t3.new.natural"] = "注" * 250  # over the limit a draft keeps: an older version wrote it
    orphan = _leave_orphan(recovery, report)
    data = orphan.read_bytes()
    dialogs = FakeDialogs()
    window = start_window(dialogs=dialogs)
    qtbot.addWidget(window, before_close_func=lambda w: w.autosave.close())
    assert dialogs.kinds() == ["damaged_recovery"]
    assert str(recovery / "damaged") in dialogs.asked[0][1]
    [moved] = (recovery / "damaged").iterdir()
    assert moved.read_bytes() == data and not orphan.exists()
    assert leftovers(recovery).damaged == []  # told once: the next start finds nothing


def test_temp_files_of_a_session_killed_while_autosaving_are_cleaned(recovery):
    from model import atomic

    recovery.mkdir(parents=True, exist_ok=True)
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait(30)
    left = recovery / f".{child.pid}-1.json.{child.pid}-0123abcd.tmp"
    older = recovery / ".recovery.a1b2c3d4.tmp"  # tempfile.mkstemp's, from an earlier version
    for temp in (left, older):
        temp.write_text("{", encoding="utf-8")
        os.utime(temp, (1, 1))
    young = recovery / f".{child.pid}-2.json.{child.pid}-0123abcd.tmp"
    young.write_text("{", encoding="utf-8")
    assert orphans(recovery) == []
    assert not left.exists() and not older.exists()
    assert young.exists()  # younger than a minute: it may be a write in progress
    assert atomic.STALE_SECONDS == 60


def test_a_failed_autosave_is_retried(qtbot, recovery, example, monkeypatch):
    from gui import autosave as module

    window = make_window(qtbot, example)
    window.document.set_cells({"t3.new.natural": "30"})
    real = module._write_atomic
    monkeypatch.setattr(module, "_write_atomic", lambda target, data: (_ for _ in ()).throw(OSError("busy")))
    window.autosave.save_now()
    assert window.autosave.writes == 0 and window.autosave.latest.isActive()
    monkeypatch.setattr(module, "_write_atomic", real)
    qtbot.waitUntil(window.autosave.file.exists, timeout=10_000)
