"""When a process started, so that a later process that got a dead one's pid is not taken for it (pids are reused).

``mark(pid)`` is exact and opaque: ``linux:{boot id}:{start}`` (``/proc/{pid}/stat`` field 22, clock ticks since
boot) or ``win:{creation time}`` (``GetProcessTimes``, 100 ns units since 1601); "" where the system does not say
(macOS and other systems, another user's process, a pid that is gone). ``started_at(pid)`` is that start in seconds
since the epoch, for records that carry only the time they were written (a lock of an earlier version, the name of
a recovery file). ``holds`` compares a recorded mark, or a recorded time, with the process now running under a pid.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

CLOCK_SLACK = (
    60.0  # seconds: Linux's boot time moves when the clock is set, so a start in epoch seconds may too
)
_FILETIME_EPOCH = 116444736000000000  # 1970-01-01 in 100 ns units since 1601-01-01


def mark(pid: int) -> str:
    """An exact mark of the process running with ``pid`` now (when it started); "" when it cannot be told."""
    if sys.platform == "win32":
        created = _windows_created(pid)
        return "" if created is None else f"win:{created}"
    ticks = _linux_ticks(pid)
    return "" if ticks is None else f"linux:{_boot_id()}:{ticks}"


def started_at(pid: int) -> float | None:
    """When the process running with ``pid`` started, in seconds since the epoch; None when it cannot be told."""
    if sys.platform == "win32":
        created = _windows_created(pid)
        return None if created is None else (created - _FILETIME_EPOCH) / 10_000_000
    ticks, boot = _linux_ticks(pid), _linux_boot_time()
    if ticks is None or boot is None:
        return None
    return boot + ticks / os.sysconf("SC_CLK_TCK")


def started_after(pid: int, moment: float) -> bool:
    """Whether the process running with ``pid`` certainly started after ``moment`` (so it did not write then)."""
    start = started_at(pid)
    return start is not None and start > moment + CLOCK_SLACK


def holds(pid: int, recorded: str, written: float) -> bool | None:
    """Whether the running process ``pid`` is the one that wrote a record: by the ``recorded`` mark, or ("" — an
    earlier version's record) by its start before the time ``written``. None when it cannot be told."""
    now = mark(pid)
    if recorded and now and recorded.partition(":")[0] == now.partition(":")[0]:
        return recorded == now
    if not recorded and written > 0:
        start = started_at(pid)
        if start is not None:
            return start <= written + CLOCK_SLACK
    return None  # no mark here, or one of another system (the same computer's name seen from WSL, say)


def _linux_ticks(pid: int) -> int | None:
    """Field 22 of ``/proc/{pid}/stat``: when the process started, in clock ticks after boot."""
    if pid <= 0 or not sys.platform.startswith("linux"):
        return None
    try:
        text = Path(f"/proc/{pid}/stat").read_bytes()
    except OSError:
        return None
    fields = text[
        text.rfind(b")") + 1 :
    ].split()  # the name in parentheses may hold spaces; field 3 comes next
    try:
        return int(fields[22 - 3])
    except (IndexError, ValueError):
        return None


@functools.cache
def _boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except (OSError, ValueError):
        return ""


def _linux_boot_time() -> float | None:
    """The ``btime`` line of ``/proc/stat``: when the system booted, in seconds since the epoch."""
    try:
        lines = Path("/proc/stat").read_bytes().splitlines()
    except OSError:
        return None
    for line in lines:
        if line.startswith(b"btime "):
            return float(line.split()[1])
    return None


if sys.platform == "win32":
    import ctypes
    from ctypes import wintypes

    _QUERY_LIMITED = 0x1000  # PROCESS_QUERY_LIMITED_INFORMATION: allowed for most processes of the same user
    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    _kernel32.OpenProcess.argtypes = [wintypes.DWORD, wintypes.BOOL, wintypes.DWORD]
    _kernel32.OpenProcess.restype = wintypes.HANDLE
    _kernel32.GetProcessTimes.argtypes = [wintypes.HANDLE] + [ctypes.POINTER(wintypes.FILETIME)] * 4
    _kernel32.GetProcessTimes.restype = wintypes.BOOL
    _kernel32.CloseHandle.argtypes = [wintypes.HANDLE]
    _kernel32.CloseHandle.restype = wintypes.BOOL

    def _windows_created(pid: int) -> int | None:
        """The creation time of process ``pid`` (100 ns units since 1601); None when it cannot be opened."""
        if pid <= 0:
            return None
        handle = _kernel32.OpenProcess(_QUERY_LIMITED, False, pid)
        if not handle:
            return None
        try:
            created, exited, kernel, user = (wintypes.FILETIME() for _ in range(4))
            if not _kernel32.GetProcessTimes(handle, created, exited, kernel, user):
                return None
            return int(created.dwHighDateTime) << 32 | int(created.dwLowDateTime)
        finally:
            _kernel32.CloseHandle(handle)
