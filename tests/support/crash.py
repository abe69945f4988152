"""A save killed at the worst moment, in a child process: no cleanup runs, no exception handler."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from tests.support import ROOT


def save_killed_before_rename(path: Path, agency: str) -> int:
    """Save ``full_2021(agency=agency)`` over ``path`` in a child that dies (``os._exit(9)``) just before the rename
    over ``path``, after its temp file is written; the child's exit code."""
    script = textwrap.dedent(f"""
        import os, sys
        sys.path.insert(0, {str(ROOT)!r})
        from model import draft
        from tests.support.factories import full_2021
        real_replace = os.replace
        def crash(src, dst):
            if str(dst).endswith({path.name!r}):
                os._exit(9)  # the process dies: no cleanup, no exception handlers
            real_replace(src, dst)
        os.replace = crash
        draft.save(full_2021(agency={agency!r}), {str(path)!r})
    """)
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, timeout=120, check=False
    ).returncode
