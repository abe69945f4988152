"""A live process that is not ours: it stands for the process the system gave a dead holder's pid."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator


@contextlib.contextmanager
def bystander() -> Iterator[subprocess.Popen[bytes]]:
    """A Python child waiting on its stdin while the block runs; it ends (and is waited for) after it."""
    child = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        yield child
    finally:
        end(child)


def end(child: subprocess.Popen[bytes]) -> None:
    """Let a bystander go (its stdin closed) and wait until it has ended."""
    if child.stdin is not None and not child.stdin.closed:
        child.stdin.close()
    child.wait(30)
