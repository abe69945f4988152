"""Read a file with read_any in a child process under a memory and a CPU-time limit, as a hostile file must be read.

No timing assertion: the child gets ``MEMORY_MB`` of address space and ``CPU_SECONDS`` of processor time (a loaded
machine slows the wall clock, not the CPU time); breaking either fails the test with what the child printed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

MEMORY_MB = 500
CPU_SECONDS = 10
ROOT = Path(__file__).resolve().parents[2]

_CHILD = """
import json, resource, sys
memory, cpu = int(sys.argv[2]) * 1024 * 1024, int(sys.argv[3])
resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
from exporters.reading import ReadError, read_any
try:
    report, found = read_any(sys.argv[1])
except ReadError as exc:
    print(json.dumps({"error": str(exc)}))
else:
    print(json.dumps({"values": {k: str(v) for k, v in report.values.items()}, "codes": [f.code for f in found]}))
"""


def read_bounded(path: Path) -> dict[str, Any]:
    """``{"error": sentence}`` or ``{"values": {...}, "codes": [...]}``; fails the test when a limit is broken."""
    if sys.platform == "win32":  # pragma: no cover - resource limits are POSIX
        pytest.skip("resource limits need a POSIX system")
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), str(MEMORY_MB), str(CPU_SECONDS)],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert done.returncode == 0, (
        f"reading {path.name} broke the limits ({MEMORY_MB} MB, {CPU_SECONDS} s of CPU): "
        f"exit {done.returncode}\n{done.stderr[-1500:]}"
    )
    result: dict[str, Any] = json.loads(done.stdout)
    assert "内存不足" not in result.get("error", ""), result["error"]
    return result
