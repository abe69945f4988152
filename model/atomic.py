"""Atomic writes beside the target that leave nothing behind: temp files named with the writer's pid, the target's
mode kept, a failed write's temp removed (``problem`` says why, in Chinese: ``model.os_errors``), a crashed writer's
temps cleaned later.

A temp file is ``.{target name}.{pid}-{8 hex digits}.tmp`` in the target's folder (a long name cut to fit 255
bytes). ``clean_stale`` removes those (and the ``.{name}.{8 chars}.tmp`` of ``tempfile.mkstemp``, which earlier
versions used) that are older than ``STALE_SECONDS`` and whose writer is not running.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import time
from collections.abc import Callable, Collection
from pathlib import Path

from model import process_start
from model.file_names import NAME_BYTES
from model.os_errors import describe

STALE_SECONDS = 60  # a temp file this old whose writer is gone is a leftover, never a write in progress
_OURS = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)-[0-9a-f]{8}\.tmp$")
_LEGACY = re.compile(r"^\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp$")  # tempfile.mkstemp's names: no pid


def temp_path(target: Path) -> Path:
    """A new temp file name for writing ``target``: this process's pid and a random part (a long name shortened,
    so that the temp file's name fits where the target's does)."""
    end = f".{os.getpid()}-{os.urandom(4).hex()}.tmp"
    return target.with_name(f".{temp_stem(target.name, len(end))}{end}")


def temp_stem(name: str, room: int = len(".4294967295-01234567.tmp")) -> str:
    """The part of ``name`` a temp file carries: all of it unless the temp name would pass 255 bytes."""
    budget = NAME_BYTES - 1 - room
    while len(name.encode("utf-8", "surrogatepass")) > budget:
        name = name[:-1]
    return name


def write(target: Path, data: bytes, mode: int | None = None, sync: bool = True) -> None:
    """Write ``data`` to ``target`` atomically (temp file, flush, fsync, rename); on any error the temp file is
    removed and the OSError raised. ``mode``: the new file's permissions (default: as a new file gets them);
    ``sync`` False skips the fsync (a file rewritten every few seconds, such as the recovery file)."""
    tmp = temp_path(target)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, 0o666)  # the umask applies, as to any new file (mkstemp would give 0600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        _remove(tmp)
        raise


def replace_with(target: Path, make: Callable[[Path], None]) -> None:
    """Let ``make`` write a temp file beside ``target``, then put it in the target's place in one step, with the
    old file's permissions: a writer that fails (or writes half a file) leaves the previous file as it was."""
    tmp = temp_path(target)
    try:
        make(tmp)
        mode = mode_of(target)
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    finally:
        _remove(tmp)


def _remove(tmp: Path) -> None:
    """Remove a temp file if it is there; a failure here (a path too long, a folder gone) never hides the first."""
    with contextlib.suppress(OSError):
        tmp.unlink(missing_ok=True)


def mode_of(path: Path) -> int | None:
    """The permission bits of an existing file, None when there is none."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        return None


def is_read_only(path: Path) -> bool:
    """Whether an existing file is marked read-only (no write bit; on Windows, the read-only attribute)."""
    mode = mode_of(path)
    return mode is not None and (not mode & 0o222 or not os.access(path, os.W_OK))


def stale_temps(folder: Path, names: Collection[str] | None = None, now: float | None = None) -> list[Path]:
    """Temp files in ``folder`` left by writers that are gone (of the targets ``names``, or of any target)."""
    now = time.time() if now is None else now
    wanted = None if names is None else {n for name in names for n in (name, temp_stem(name))}
    out = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        found = _OURS.match(entry.name)
        legacy = None if found else _LEGACY.match(entry.name)
        match = found or legacy
        if match is None or (wanted is not None and match.group("name") not in wanted):
            continue
        try:
            written = entry.stat().st_mtime
            if not entry.is_file(follow_symlinks=False) or now - written < STALE_SECONDS:
                continue
        except OSError:
            continue
        if found is not None and _writer_running(int(found.group("pid")), written):
            continue
        out.append(Path(entry.path))
    return out


def clean_stale(folder: Path, names: Collection[str] | None = None) -> int:
    """Remove the temp files that ``stale_temps`` finds; how many went (one that cannot go is left)."""
    removed = 0
    for path in stale_temps(folder, names):
        try:
            path.unlink()
        except OSError:
            continue
        removed += 1
    return removed


def _writer_running(pid: int, written: float) -> bool:
    """Whether the process that wrote at ``written`` may still be writing: its pid runs, and not as a process that
    started later (a pid reused after a crash or a restart)."""
    return running(pid) and not process_start.started_after(pid, written)


def running(pid: int) -> bool:
    """Whether a process with this pid is running on this machine (this process included)."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _running_windows(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks (on Windows os.kill would end the process)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    except OSError:
        return False
    return True


if sys.platform == "win32":
    import ctypes

    def _running_windows(pid: int) -> bool:
        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(kernel32.GetLastError() == 5)  # ERROR_ACCESS_DENIED: it exists
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)


def problem(exc: OSError, path: str | Path | None = None) -> str:
    """What went wrong in a write, for the clerk (``model.os_errors.describe``)."""
    return describe(exc, path)
