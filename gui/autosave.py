"""Autosave to a recovery file a second after each change, and find what a crashed session left behind."""

from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, QTimer, Signal

from model import draft
from model.report import Report

if TYPE_CHECKING:
    from gui.document import ReportDocument

ENV_FOLDER = "NIANBAO_RECOVERY_DIR"
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
            if not self.lock.isLocked() and not self.lock.tryLock(0):
                raise OSError(f"cannot lock {self.lock.fileName()}")
            _write_atomic(self.file, json.dumps(data, ensure_ascii=False).encode("utf-8"))
        except OSError:
            self.latest.start()  # a full disk or a virus scanner holding the file: try again shortly
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
    fd, tmp = tempfile.mkstemp(prefix=".recovery.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def orphans(folder: Path | None = None) -> list[Recovery]:
    """Recovery files left by sessions that are no longer running (crashed or killed), newest first."""
    folder = folder or recovery_folder()
    found = []
    for file in sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True):
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
        except (OSError, ValueError, KeyError, TypeError, draft.DraftError):
            file.unlink(missing_ok=True)  # a damaged recovery file helps nobody
            lock.unlock()
    for stale in folder.glob("*.lock"):  # sessions that crashed before anything needed saving
        if not stale.with_suffix(".json").exists():
            lock = QLockFile(str(stale))
            lock.setStaleLockTime(0)
            if lock.tryLock(0):
                lock.unlock()
    return found
