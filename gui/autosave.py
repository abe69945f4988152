"""Autosave to a recovery file a second after each change, and find what a crashed session left behind.

A recovery file that cannot be read is never deleted: it goes to the ``damaged`` subfolder (its name and the time
it was moved) and the start-up says where it is."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, QTimer, Signal

from model import atomic, draft, process_start
from model.os_errors import describe
from model.report import Report

if TYPE_CHECKING:
    from gui.document import ReportDocument

ENV_FOLDER = "NIANBAO_RECOVERY_DIR"
DAMAGED = "damaged"  # the subfolder of recovery files that could not be read
QUIET_MS = 1000  # save this long after the last change ...
LATEST_MS = 2000  # ... but never later than this after the first unsaved one (continuous typing)


def recovery_folder() -> Path:
    """Where recovery files live: $NIANBAO_RECOVERY_DIR, else the app's data folder."""
    override = os.environ.get(ENV_FOLDER)
    base = (
        Path(override)
        if override
        else Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
        / "recovery"
    )
    base.mkdir(parents=True, exist_ok=True)
    return base


@dataclass
class Recovery:
    """A recovery file whose session is gone: the report it holds and where it was saved, if anywhere."""

    file: Path
    report: Report
    source: str
    saved_at: str
    lock: QLockFile

    def describe(self) -> str:
        name = Path(self.source).name if self.source else "未保存的新报告"
        agency = self.report.agency or "（未填机关名称）"
        return f"{agency}{self.report.year}年度报告 — {name}\n自动保存于 {self.saved_at}"

    def discard(self) -> None:
        self.file.unlink(missing_ok=True)
        self.lock.unlock()


class Autosave(QObject):
    """Writes the document's report to this session's recovery file shortly after each change."""

    saved = Signal(str)  # the time of day of the last autosave
    failed = Signal(str)  # why the last autosave failed, in Chinese (磁盘空间不足 …); it tries again shortly

    def __init__(
        self, document: ReportDocument, folder: Path | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.folder = folder or recovery_folder()
        session = f"{os.getpid()}-{int(time.time() * 1000)}"
        self.file = self.folder / f"{session}.json"
        self.lock = QLockFile(str(self.folder / f"{session}.lock"))
        self.lock.setStaleLockTime(
            0
        )  # taken before the first write: a running session's file is not an orphan
        self.quiet = self._timer(QUIET_MS)
        self.latest = self._timer(LATEST_MS)
        self.writes = 0
        document.changed.connect(self.schedule)

    def _timer(self, ms: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(self.save_now)
        return timer

    def schedule(self) -> None:
        """A change: save after a quiet second, or two seconds after the first unsaved change at the latest."""
        self.quiet.start()
        if not self.latest.isActive():
            self.latest.start()

    def save_now(self) -> None:
        self.quiet.stop()
        self.latest.stop()
        if not self.document.is_modified():
            self.discard()
            return
        now = time.localtime()
        data = {
            "nianbao": "recovery",
            "version": 1,
            "source": str(self.document.path or ""),
            "saved_at": time.strftime("%Y-%m-%d %H:%M:%S", now),
            "draft": draft.report_to_dict(self.document.report),
        }
        try:
            if not self.folder.is_dir():  # removed by a clean-up tool: made again, and locked again
                self.folder.mkdir(parents=True, exist_ok=True)
                self.lock.unlock()
            if not self.lock.isLocked() and not self.lock.tryLock(0):
                raise PermissionError(errno.EACCES, "cannot lock", self.lock.fileName())
            _write_atomic(self.file, json.dumps(data, ensure_ascii=False).encode("utf-8"))
        except OSError as exc:
            self.latest.start()  # a full disk or a virus scanner holding the file: try again shortly
            self.failed.emit(describe(exc, self.file))
            return
        self.writes += 1
        self.saved.emit(time.strftime("%H:%M:%S", now))

    def discard(self) -> None:
        """The report is saved (or closed on purpose): nothing to recover."""
        self.quiet.stop()
        self.latest.stop()
        self.file.unlink(missing_ok=True)

    def close(self) -> None:
        self.discard()
        self.lock.unlock()


def _write_atomic(target: Path, data: bytes) -> None:
    atomic.write(target, data, sync=False)  # rewritten every few seconds: no fsync each time


@dataclass
class Leftovers:
    """What crashed sessions left: the recovery files to offer, newest first, and the unreadable ones set aside."""

    recoveries: list[Recovery] = field(default_factory=list)
    damaged: list[Path] = field(default_factory=list)  # where each unreadable file is now

    def note(self) -> str:
        """One sentence on the files set aside ("" when there are none)."""
        if not self.damaged:
            return ""
        return (
            f"有{len(self.damaged)}个自动保存的文件无法读取（可能已损坏，或由较新版本的年报助手保存），"
            f"没有删除，已原样移到“{self.damaged[0].parent}”文件夹。"
        )


def orphans(folder: Path | None = None) -> list[Recovery]:
    """Recovery files left by sessions that are no longer running (crashed or killed), newest first."""
    return leftovers(folder).recoveries


def set_aside(file: Path) -> Path | None:
    """Move an unreadable recovery file into ``damaged/`` as NAME-YYYYmmdd-HHMMSS.json; None if it cannot move."""
    folder = file.parent / DAMAGED
    stamp = time.strftime("%Y%m%d-%H%M%S")
    try:
        folder.mkdir(exist_ok=True)
        target = folder / f"{file.stem}-{stamp}{file.suffix}"
        count = 1
        while target.exists():
            count += 1
            target = folder / f"{file.stem}-{stamp}-{count}{file.suffix}"
        os.replace(file, target)
    except OSError:
        return None  # left where it is, still not deleted
    return target


def leftovers(folder: Path | None = None) -> Leftovers:
    """Recovery files of sessions no longer running; unreadable ones are set aside, stale temp files removed."""
    folder = folder or recovery_folder()
    atomic.clean_stale(folder)  # what a session killed while autosaving left
    out = Leftovers()
    found = out.recoveries
    for file in sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True):
        _free_if_reused(file.with_suffix(".lock"))
        lock = QLockFile(str(file.with_suffix(".lock")))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # another running window owns it
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
            report = draft.loads(json.dumps(data["draft"]).encode("utf-8"), file.name)
            found.append(
                Recovery(file, report, str(data.get("source", "")), str(data.get("saved_at", "")), lock)
            )
        except (OSError, ValueError, KeyError, TypeError, RecursionError, draft.DraftError):
            moved = set_aside(file)  # never deleted: it may hold the clerk's only copy of an afternoon's work
            if moved is not None:
                out.damaged.append(moved)
            lock.unlock()
    for stale in folder.glob("*.lock"):  # sessions that crashed before anything needed saving
        if not stale.with_suffix(".json").exists():
            _free_if_reused(stale)
            lock = QLockFile(str(stale))
            lock.setStaleLockTime(0)
            if lock.tryLock(0):
                lock.unlock()
    return out


def _free_if_reused(lock: Path) -> None:
    """Remove session ``{pid}-{ms}``'s own lock (QLockFile's first line: that pid) when the process running with
    the pid started after the session began: the session crashed and its pid went to a later process — QLockFile
    takes one of the same program (often the restarted app itself) for the owner, and the file would never be
    offered. A lock another window took to offer the file names that window's pid, and stays."""
    pid, _, ms = lock.stem.partition("-")
    if not (pid.isdigit() and ms.isdigit()):
        return
    try:
        owner = lock.read_bytes()[:32].split(b"\n", 1)[0].strip()
    except OSError:
        return
    if owner == pid.encode() and process_start.started_after(int(pid), int(ms) / 1000):
        with contextlib.suppress(OSError):
            lock.unlink()
