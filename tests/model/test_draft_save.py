"""Saves that leave nothing behind: killed saves, a full disk (a real file-size limit), permissions kept, a
read-only draft refused, and only the app's own stale temp files cleaned."""

from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from model import atomic, draft, process_start
from tests.support import ROOT
from tests.support.crash import save_killed_before_rename
from tests.support.factories import full_2021

posix_only = pytest.mark.skipif(os.name != "posix", reason="needs POSIX signals and permissions")


def _big(agency: str = "大报告") -> object:
    report = full_2021(agency=agency)
    for key in ("s1", "s5", "s6"):
        report.prose[key] = "政府信息公开工作稳步推进。" * 15_000  # 3 × 195,000 characters: ≈ 1.8 MB a save
    return report


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def _age(folder: Path, seconds: float = 2 * atomic.STALE_SECONDS) -> None:
    """Make the temp files look as old as a crash long ago."""
    for name in _temps(folder):
        then = time.time() - seconds
        os.utime(folder / name, (then, then))


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait(30)
    return child.pid


SAVER = """
import sys
sys.path.insert(0, {root!r})
from model import draft
from tests.model.test_draft_save import _big
report = _big("第二版")
print("saving", flush=True)
while True:
    draft.save(report, {path!r})
"""


@posix_only
@pytest.mark.slow
def test_saves_killed_at_random_moments_leave_a_loadable_draft_and_no_temp_after_the_next_save(tmp_path):
    path = tmp_path / "r.nianbao"
    draft.save(full_2021(agency="第一版"), path)
    draft.save(full_2021(agency="第一版"), path)  # and its .bak
    shuffle = random.Random(16)
    for _ in range(30):
        child = subprocess.Popen(
            [sys.executable, "-c", SAVER.format(root=str(ROOT), path=str(path))],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert child.stdout.readline().startswith("saving")
            time.sleep(shuffle.uniform(0, 0.4))
            child.send_signal(signal.SIGKILL)
            child.wait(30)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait(30)
            child.stdout.close()
        assert draft.load(path).agency in ("第一版", "第二版")  # the draft and its backup always open
        assert draft.load(path.with_name("r.nianbao.bak")).agency in ("第一版", "第二版")
    _age(tmp_path)  # (a run leaves some: 6 of 30 on the 2-core machine)
    draft.save(full_2021(agency="第三版"), path)
    assert _temps(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.nianbao", "r.nianbao.bak"]
    assert draft.load(path).agency == "第三版"


FULL_DISK = """
import resource, signal, sys
sys.path.insert(0, {root!r})
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the kernel then answers EFBIG instead of ending the process
resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
from model import draft
from tests.model.test_draft_save import _big
try:
    draft.save(_big("写不下"), {path!r})
except draft.DraftError as exc:
    print(exc)
"""


@posix_only
def test_a_save_that_hits_a_real_file_size_limit_removes_its_partial_temp_and_says_why(tmp_path):
    path = tmp_path / "r.nianbao"
    draft.save(full_2021(agency="原稿"), path)
    before = path.read_bytes()
    # 256 KiB: the backup of the small draft fits, the new 1.8 MB draft does not
    script = FULL_DISK.format(root=str(ROOT), path=str(path), limit=256 * 1024)
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith("无法保存“r.nianbao”：磁盘空间不足")
    assert _temps(tmp_path) == []  # the partial temp file is gone
    assert path.read_bytes() == before and draft.load(path).agency == "原稿"


def test_a_path_too_long_is_a_clear_error_and_leaves_nothing(tmp_path):
    path = tmp_path / ("长" * 120 + ".nianbao")  # 360 bytes: over the 255 a file name may have
    with pytest.raises(draft.DraftError, match="文件路径过长"):
        draft.save(full_2021(), path)
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(draft.DraftError, match="无法保存“r.nianbao”：文件夹“没有”不存在"):
        draft.save(full_2021(), tmp_path / "没有" / "r.nianbao")


@posix_only
def test_a_save_keeps_the_drafts_permissions_and_a_new_draft_gets_the_usual_ones(tmp_path):
    path = tmp_path / "r.nianbao"
    draft.save(full_2021(), path)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask  # not mkstemp's 0600
    path.chmod(0o640)
    draft.save(full_2021(agency="第二版"), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert stat.S_IMODE(path.with_name("r.nianbao.bak").stat().st_mode) == 0o640


def test_a_read_only_draft_is_not_replaced(tmp_path):
    path = tmp_path / "只读.nianbao"
    draft.save(full_2021(agency="原稿"), path)
    path.chmod(stat.S_IREAD)
    try:
        with pytest.raises(draft.ReadOnlyDraftError) as info:
            draft.save(full_2021(agency="改过"), path)
        assert str(info.value) == "“只读.nianbao”是只读文件，请另存为其他文件"
        assert draft.load(path).agency == "原稿" and _temps(tmp_path) == []
    finally:
        path.chmod(stat.S_IREAD | stat.S_IWRITE)


def test_a_crash_before_the_rename_leaves_a_temp_that_the_next_save_removes(tmp_path):
    path = tmp_path / "r.nianbao"
    draft.save(full_2021(agency="旧版本"), path)
    assert save_killed_before_rename(path, "新版本") == 9
    left = _temps(tmp_path)
    assert len(left) == 1 and left[0].startswith(".r.nianbao.")
    draft.save(full_2021(agency="第三版"), path)
    assert _temps(tmp_path) == left  # younger than a minute: it might be a save in progress
    _age(tmp_path)
    draft.save(full_2021(agency="第三版"), path)
    assert _temps(tmp_path) == []


def test_only_the_apps_own_stale_temps_of_dead_processes_are_cleaned(tmp_path):
    path = tmp_path / "r.nianbao"
    dead, live = _dead_pid(), 1  # pid 1 runs, and started before the temp files were written
    names = {
        f".r.nianbao.{dead}-0123abcd.tmp": "gone",  # a killed save of this draft
        f".r.nianbao.bak.{dead}-0123abcd.tmp": "gone",  # of its backup
        ".r.nianbao.k3j_x9q2.tmp": "gone",  # tempfile.mkstemp's, from an earlier version
        f".r.nianbao.{live}-0123abcd.tmp": "kept",  # a running process's save (it started long before)
        f".other.nianbao.{dead}-0123abcd.tmp": "kept",  # another draft's: not this save's business
        "r.nianbao.tmp": "kept",  # not the app's pattern
        "~$r.nianbao.tmp": "kept",
    }
    for name in names:
        (tmp_path / name).write_bytes(b"{")
    _age(tmp_path)
    draft.save(full_2021(), path)
    kept = sorted(n for n, fate in names.items() if fate == "kept")
    assert _temps(tmp_path) == kept


@pytest.mark.skipif(process_start.started_at(os.getpid()) is None, reason="no process start times here")
def test_a_temp_of_a_pid_now_reused_by_a_later_process_is_cleaned(tmp_path):
    """A crash, a restart, and the dead writer's pid is this process's now: its temp file is still a leftover."""
    started = process_start.started_at(os.getpid())
    assert started is not None
    reused = tmp_path / f".r.nianbao.{os.getpid()}-0123abcd.tmp"
    reused.write_bytes(b"{")
    then = min(
        time.time() - 2 * atomic.STALE_SECONDS, started - process_start.CLOCK_SLACK - 30
    )  # before it began
    os.utime(reused, (then, then))
    draft.save(full_2021(), tmp_path / "r.nianbao")
    assert _temps(tmp_path) == []
