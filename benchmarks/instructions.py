"""Instructions a program runs, counted by valgrind's cachegrind: the same on a busy machine as on an idle one."""

from __future__ import annotations

import re
import shutil
import subprocess

VALGRIND = ("valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null")


def available() -> str | None:
    """None when instructions can be counted here, else why not."""
    return None if shutil.which("valgrind") else "valgrind is not installed (apt-get install valgrind)"


def count(argv: list[str], env: dict[str, str], cwd: str | None = None) -> int:
    """The instructions ``argv`` runs until it exits (about 30 times slower than without valgrind)."""
    done = subprocess.run([*VALGRIND, *argv], env=env, cwd=cwd, capture_output=True, text=True, timeout=600)
    # the last summary is the program's own: on X, libdbus forks a child (its dbus-launch fails) that reports first
    found = re.findall(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if not found:
        raise RuntimeError(f"valgrind counted nothing: {done.stderr[-500:]}")
    return int(found[-1].replace(",", ""))
