"""Two instances on one draft: the lock while it is open, read-only with one sentence, no save over a changed file."""

from __future__ import annotations

import os
import signal
import time

import pytest

from model import draft
from model.draft_lock import Owner, lock_path, read_owner
from model.report import Report
from tests.model.test_draft_lock import start_holder
from tests.support.gui_window import make_window


@pytest.fixture
def saved(tmp_path, example):
    path = tmp_path / "草稿.nianbao"
    draft.save(example, path)
    return path


def open_in(qtbot, seam, path):  # type: ignore[no-untyped-def]
    window = make_window(qtbot, dialogs=seam)
    seam.open_paths = [str(path)]
    window.named_actions["打开"].trigger()
    return window


def test_an_open_draft_is_locked_and_the_lock_goes_with_the_next_file_and_with_close(qtbot, seam, saved):
    window = open_in(qtbot, seam, saved)
    owner = read_owner(lock_path(saved))
    assert owner is not None and owner.session == window.guard.lock.me.session
    assert "只读" not in window.windowTitle() and "open_locked" not in seam.kinds()
    window.files.open_example()  # another report shown: the draft is let go
    assert not lock_path(saved).exists()
    window.files.open_path(str(saved), confirm=False)
    assert lock_path(saved).exists()
    window.close()
    assert not lock_path(saved).exists()


def test_a_draft_open_on_another_pc_opens_read_only_with_one_sentence_and_saves_go_to_save_as(
    qtbot, seam, saved, tmp_path
):
    other = Owner("张三", "PC-01", 4242, "0123", "2025-01-06 09:15", time.time())
    lock_path(saved).write_bytes(other.to_json())
    before = saved.read_bytes()
    window = open_in(qtbot, seam, saved)
    kind, text = seam.asked[-1]
    assert kind == "open_locked"
    assert str(text).startswith(
        "该草稿正由张三（电脑 PC-01）打开（自 2025-01-06 09:15 起）。已以只读方式打开"
    )
    assert window.windowTitle().startswith("草稿.nianbao（只读）")
    window.document.set_cells({"t3.new.natural": "77"})
    copy = tmp_path / "我的副本.nianbao"
    seam.save_paths = [str(copy)]
    window.named_actions["保存"].trigger()
    assert seam.kinds()[-2:] == ["error", "save_file"]
    assert "张三（电脑 PC-01）" in str(seam.asked[-2][1]) and "请另存为其他文件" in str(seam.asked[-2][1])
    assert saved.read_bytes() == before and read_owner(lock_path(saved)) == other  # theirs, untouched
    assert draft.load(copy).values["t3.new.natural"] == 77
    assert window.windowTitle().startswith("我的副本.nianbao") and "只读" not in window.windowTitle()
    assert read_owner(lock_path(copy)) is not None and lock_path(copy).exists()


def test_a_draft_held_by_a_second_real_process_opens_read_only_and_autosave_still_runs(qtbot, seam, saved):
    child = start_holder(saved)
    try:
        window = open_in(qtbot, seam, saved)
        assert seam.kinds()[-1] == "open_locked" and "另一个年报助手窗口" in str(seam.asked[-1][1])
        assert window.guard.read_only and "只读" in window.windowTitle()
        window.document.set_cells({"t3.new.natural": "5"})
        window.autosave.save_now()  # the recovery file is the window's own: it is written as ever
        assert window.autosave.file.exists() and window.autosave.writes == 1
        assert read_owner(lock_path(saved)).pid == child.pid
    finally:
        child.communicate("\n", timeout=30)


def test_edit_anyway_takes_the_lock_over(qtbot, seam, saved):
    other = Owner("张三", "PC-01", 4242, "0123", "", time.time())
    lock_path(saved).write_bytes(other.to_json())
    seam.edit_locked = True
    window = open_in(qtbot, seam, saved)
    assert not window.guard.read_only and "只读" not in window.windowTitle()
    window.document.set_cells({"t3.new.natural": "8"})
    window.named_actions["保存"].trigger()
    assert draft.load(saved).values["t3.new.natural"] == 8
    assert read_owner(lock_path(saved)).session == window.guard.lock.me.session


def test_a_draft_saved_by_another_program_since_it_was_opened_is_not_overwritten(
    qtbot, seam, saved, tmp_path
):
    window = open_in(qtbot, seam, saved)
    draft.save(Report.new(2020, "另一个程序保存的"), saved)  # what the other instance did meanwhile
    theirs = saved.read_bytes()
    window.document.set_cells({"t3.new.natural": "29"})
    copy = tmp_path / "另存.nianbao"
    seam.save_paths = [str(copy)]
    window.named_actions["保存"].trigger()
    assert seam.kinds()[-2:] == ["error", "save_file"]
    assert "已被其他程序或其他人修改并保存" in str(seam.asked[-2][1])
    assert saved.read_bytes() == theirs
    assert draft.load(copy).values["t3.new.natural"] == 29 and window.document.path == str(copy)
    window.document.set_cells({"t3.new.natural": "30"})
    window.named_actions["保存"].trigger()  # its own file now: saved without a question
    assert seam.kinds()[-1] == "save_file" and draft.load(copy).values["t3.new.natural"] == 30


def test_a_save_of_its_own_after_an_earlier_save_is_no_conflict(qtbot, seam, saved):
    window = open_in(qtbot, seam, saved)
    for value in ("1", "2"):
        window.document.set_cells({"t3.new.natural": value})
        window.named_actions["保存"].trigger()
    assert "error" not in seam.kinds() and draft.load(saved).values["t3.new.natural"] == 2


def test_a_second_window_on_the_same_draft_is_read_only(qtbot, seam, saved):
    first = open_in(qtbot, seam, saved)
    second = open_in(qtbot, seam, saved)
    assert not first.guard.read_only and second.guard.read_only
    assert "您在本机的另一个年报助手窗口" in str(seam.asked[-1][1])
    first.close()  # the first closes: its lock goes, the second stays read-only until it saves elsewhere
    assert not lock_path(saved).exists()


@pytest.mark.skipif(os.name != "posix", reason="kill -9 is POSIX")
def test_the_lock_of_a_window_killed_with_kill_9_is_taken_over_without_a_question(qtbot, seam, saved):
    child = start_holder(saved)
    os.kill(child.pid, signal.SIGKILL)
    child.communicate(timeout=30)
    assert lock_path(saved).exists()  # left behind by the killed process
    window = open_in(qtbot, seam, saved)
    assert "open_locked" not in seam.kinds() and not window.guard.read_only
    assert read_owner(lock_path(saved)).pid == os.getpid()
