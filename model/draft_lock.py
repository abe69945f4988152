"""Who has a draft open: a lock file beside it, and whether the file changed on disk since it was read or saved.

The lock of ``草稿.nianbao`` is ``.~草稿.nianbao.lock`` in the same folder, JSON::

    {"nianbao": "lock", "user": "张三", "host": "PC-01", "pid": 4242, "session": "…16 hex…",
     "opened": "2025-01-06 09:15", "time": 1736126100.0, "started": "win:133805996012345678"}

It is created in one step (written to a temp file, then linked to its name, which fails if the name is taken) and
rewritten atomically by ``refresh``. ``started`` marks when the holder process started (``model.process_start``;
absent in locks of earlier versions and where the system does not say, as on macOS). A lock is stale — taken over
without a word — when it was written on this computer by a process that is no longer running, or whose pid now
belongs to a later process (another start than ``started``; without it, a start after the lock's ``time``), or, when
that cannot be told, that has not refreshed it for ``SAME_HOST_SECONDS``; on another computer when it was refreshed
more than ``STALE_SECONDS`` ago (a running app refreshes its lock every ``REFRESH_SECONDS``); or when it cannot be
read and is older than a minute. A normal exit removes every lock this process holds (also without a window's close).
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import time
import weakref
from pathlib import Path
from typing import NamedTuple

from model import atomic, process_start
from model.draft import ReadOnlyDraftError

STALE_SECONDS = 2 * 3600  # another computer's lock not refreshed for this long is left over
REFRESH_SECONDS = 10 * 60  # how often a running app rewrites its lock's time
SAME_HOST_SECONDS = 3 * REFRESH_SECONDS  # this computer's lock, its process not told apart, unrefreshed
UNREADABLE_SECONDS = atomic.STALE_SECONDS  # an unreadable lock younger than this may be one being written


class DraftLockedError(ReadOnlyDraftError):
    """The draft is open elsewhere (another user, computer or window): save under another name (另存为)."""


class DraftChangedError(ReadOnlyDraftError):
    """The draft was saved by someone else since it was opened here: saving would lose their edits."""


class Owner(NamedTuple):
    """Who holds a lock."""

    user: str
    host: str
    pid: int
    session: str
    opened: str = ""
    time: float = 0.0
    started: str = ""  # process_start.mark of the holder; "" when unknown (an earlier version's lock, macOS)

    def same_host(self, other: Owner) -> bool:
        return self.host.casefold() == other.host.casefold()

    def who(self, me: Owner | None = None) -> str:
        """「张三（电脑 PC-01）」, or 「本机的另一个年报助手窗口」 for the same user on this computer."""
        if me is not None and self.same_host(me) and self.user == me.user:
            return "您在本机的另一个年报助手窗口"
        return f"{self.user}（电脑 {self.host}）"

    def sentence(self, me: Owner | None = None) -> str:
        """「该草稿正由 张三（电脑 PC-01）打开（自 2025-01-06 09:15）」."""
        since = f"（自 {self.opened} 起）" if self.opened else ""
        return f"该草稿正由{self.who(me)}打开{since}"

    def to_json(self) -> bytes:
        data = {"nianbao": "lock", "user": self.user, "host": self.host, "pid": self.pid}
        data |= {"session": self.session, "opened": self.opened, "time": self.time}
        if self.started:
            data["started"] = self.started
        return json.dumps(data, ensure_ascii=False).encode("utf-8")


def this_process(session: str) -> Owner:
    """The owner this process writes: the user, this computer, the pid, a session of its own, now."""
    import getpass  # here, with platform: not at start-up
    import platform

    try:
        user = getpass.getuser()
    except (OSError, KeyError, ImportError):
        user = ""
    host = platform.node() or os.environ.get("COMPUTERNAME", "")
    now = time.time()
    opened = time.strftime("%Y-%m-%d %H:%M", time.localtime(now))
    pid = os.getpid()
    return Owner(user or "未知用户", host or "未知电脑", pid, session, opened, now, process_start.mark(pid))


def lock_path(draft: Path) -> Path:
    """``.~草稿.nianbao.lock`` beside ``草稿.nianbao``."""
    return draft.with_name(f".~{draft.name}.lock")


def read_owner(lock: Path) -> Owner | None:
    """The owner a lock file names; None when there is no lock or it cannot be read."""
    try:
        data = json.loads(lock.read_bytes()[:4096].decode("utf-8"))
        return Owner(
            str(data["user"]),
            str(data["host"]),
            int(data["pid"]),
            str(data["session"]),
            str(data.get("opened", "")),
            float(data.get("time", 0.0)),
            str(data.get("started", "")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_stale(lock: Path, owner: Owner | None, me: Owner, now: float | None = None) -> bool:
    """Whether a lock is left over: its process gone or its pid reused (this computer), not refreshed for long."""
    now = time.time() if now is None else now
    if owner is None:
        try:
            return now - lock.stat().st_mtime > UNREADABLE_SECONDS
        except OSError:
            return True
    if owner.same_host(me):
        return _left_here(owner, now)
    return now - owner.time > STALE_SECONDS


def _left_here(owner: Owner, now: float) -> bool:
    """Whether this computer's lock is left over: its process gone, its pid another process's since (a crash, then
    a reboot or just time), or — when that cannot be told — not refreshed for ``SAME_HOST_SECONDS``."""
    if not atomic.running(owner.pid):
        return True
    same = process_start.holds(owner.pid, owner.started, owner.time)
    if same is None:
        return now - owner.time > SAME_HOST_SECONDS
    return not same


def holder(draft: Path, me: Owner | None = None) -> Owner | None:
    """Someone else holding a live lock on ``draft``, or None (no lock, a stale one, or our own)."""
    me = me or this_process("")
    lock = lock_path(draft)
    if not lock.exists():
        return None
    owner = read_owner(lock)
    if owner is not None and owner.session == me.session and owner.pid == me.pid:
        return None
    if is_stale(lock, owner, me):
        return None
    return owner or Owner("未知用户", "未知电脑", 0, "")


_HELD: weakref.WeakSet[DraftLock] = weakref.WeakSet()


class DraftLock:
    """This process's lock on one draft."""

    def __init__(self, draft: Path) -> None:
        self.draft = Path(draft)
        self.file = lock_path(self.draft)
        self.me = this_process(os.urandom(8).hex())
        self.held = False

    def acquire(self) -> Owner | None:
        """Take the lock (a stale one silently): None when it is ours, else who has the draft open. OSError when
        the folder takes no lock file at all (the caller then goes on without one)."""
        for _ in range(2):
            if _create(self.file, self.me.to_json()):
                self._hold()
                return None
            other = holder(self.draft, self.me)
            if other is not None:
                return other
            with contextlib.suppress(FileNotFoundError):
                self.file.unlink()  # stale: take it over
        return holder(self.draft, self.me) or Owner("未知用户", "未知电脑", 0, "")

    def take_over(self) -> None:
        """The clerk chose to edit anyway (the other side is known to be gone): the lock is ours."""
        atomic.write(self.file, self.me.to_json(), sync=False)
        self._hold()

    def is_ours(self) -> bool:
        owner = read_owner(self.file)
        return owner is not None and owner.session == self.me.session and owner.pid == self.me.pid

    def refresh(self) -> bool:
        """Rewrite the lock's time while it is still ours; False when someone else has taken it."""
        if not self.held or not self.is_ours():
            return False
        self.me = self.me._replace(time=time.time())
        with contextlib.suppress(OSError):
            atomic.write(self.file, self.me.to_json(), sync=False)
        return True

    def release(self) -> None:
        """Remove the lock if it is still ours (a lock taken over by someone else stays theirs)."""
        if self.held and self.is_ours():
            with contextlib.suppress(OSError):
                self.file.unlink()
        self.held = False
        _HELD.discard(self)

    def _hold(self) -> None:
        self.held = True
        _HELD.add(self)


def _create(lock: Path, data: bytes) -> bool:
    """Create ``lock`` holding ``data`` only if no such file exists; False when it does."""
    tmp = atomic.temp_path(lock)
    try:
        atomic.write(tmp, data, sync=False)
        try:
            os.link(tmp, lock)  # complete when it appears, and only if the name is free
        except FileExistsError:
            return False
        except OSError:  # no hard links here (FAT, some shares): exclusive, if not in one step
            try:
                fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0))
            except FileExistsError:
                return False
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
        return True
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


@atexit.register
def _release_all() -> None:
    """A normal exit leaves no lock behind, whatever closed (or did not close) the windows."""
    for lock in list(_HELD):
        lock.release()


class Stamp(NamedTuple):
    """A draft file as it was read or saved: size and time first, the content's hash when they differ."""

    size: int
    mtime_ns: int
    digest: str


def stamp(path: Path) -> Stamp | None:
    """The stamp of a file now; None when it cannot be read."""
    try:
        info = os.stat(path)
        return Stamp(info.st_size, info.st_mtime_ns, _digest(path))
    except OSError:
        return None


def changed_since(path: Path, before: Stamp | None) -> bool:
    """Whether the file on disk is no longer what ``before`` saw (a file gone is no change to protect)."""
    if before is None:
        return False
    try:
        info = os.stat(path)
        if (info.st_size, info.st_mtime_ns) == (before.size, before.mtime_ns):
            return False
        return _digest(path) != before.digest
    except OSError:
        return False


def _digest(path: Path) -> str:
    import hashlib

    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
