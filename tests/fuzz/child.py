"""The fuzzer's child process: reads many case files through ``read_any`` under a memory and a per-file CPU limit.

``python -m tests.fuzz.child MANIFEST MEMORY_MB CPU_SECONDS``; MANIFEST is a JSON list of ``[index, path]``. The
address space is limited to MEMORY_MB for the whole child; before each file the CPU limit is set to what the child
has used so far plus CPU_SECONDS, so a file that spins is killed by SIGXCPU. One line per event on stdout:
``{"start": i}`` before a file, ``{"end": i, "outcome": ..., "detail": ...}`` after it, for the parent to follow.

Outcomes: ``report`` (read; the report then goes through the rules and a draft save and load, as the app would
do), ``refused`` (a ``ReadError`` whose cause is the reader's own ``DocumentError``, a ``DraftError`` or nothing),
``bug`` (any other exception: what ``read_any`` turned into its catch-all sentence, a RecursionError, an error
of the rules or of the draft, with the traceback's end), ``memory`` (a MemoryError: the limit was reached).
"""

from __future__ import annotations

import gc
import json
import math
import os
import resource
import sys
import time
import traceback
from typing import Any


def _limit(memory_mb: int) -> None:
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # SIGXCPU leaves no core file behind


def _cpu_from_now(seconds: int) -> None:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    soft = math.floor(usage.ru_utime + usage.ru_stime) + seconds  # whole seconds: at most ``seconds`` more
    resource.setrlimit(resource.RLIMIT_CPU, (soft, resource.RLIM_INFINITY))


def _say(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message, ensure_ascii=True) + "\n")
    sys.stdout.flush()


def _tail(exc: BaseException) -> str:
    return "".join(traceback.format_exception(exc))[-1500:]


def read_one(path: str) -> tuple[str, str]:
    """(outcome, detail) of reading one file as the app reads it."""
    from exporters.reading import ReadError, read_any
    from exporters.reading.errors import DocumentError
    from model import draft
    from model.engine import evaluate

    try:
        report, _ = read_any(path)
    except ReadError as exc:
        cause = exc.__cause__
        if isinstance(cause, MemoryError):
            return "memory", _tail(cause)
        if cause is None or isinstance(cause, (DocumentError, draft.DraftError)):
            return "refused", str(exc)
        return "bug", _tail(cause)
    except MemoryError as exc:
        return "memory", _tail(exc)
    except Exception as exc:  # noqa: BLE001 - anything read_any lets out is a defect
        return "bug", _tail(exc)
    try:
        evaluate(report)
        draft.loads(draft.dumps(report))  # a report read is a draft that saves and opens again
    except MemoryError as exc:
        return "memory", _tail(exc)
    except Exception as exc:  # noqa: BLE001
        return "bug", "after reading: " + _tail(exc)
    return "report", ""


def main(manifest: str, memory_mb: int, cpu_seconds: int) -> None:
    _limit(memory_mb)
    import importlib

    from exporters import kinds

    extra = os.environ.get("NIANBAO_FUZZ_EXTRA_KINDS")  # the runner's own test: kinds that break on purpose
    if extra:
        module, _, name = extra.partition(":")
        kinds.KINDS = (*kinds.KINDS, *getattr(importlib.import_module(module), name))
    for kind in kinds.readable():  # every reader imported before the first file's clock starts
        importlib.import_module(str(kind.reader).partition(":")[0])

    with open(manifest, encoding="utf-8") as handle:
        cases = json.load(handle)
    _say({"ready": len(cases)})
    for index, path in cases:
        _cpu_from_now(cpu_seconds)
        _say({"start": index})
        began = time.monotonic()
        outcome, detail = read_one(path)
        seconds = time.monotonic() - began
        gc.collect()  # the next file starts with what this one left freed
        _say({"end": index, "outcome": outcome, "detail": detail, "seconds": round(seconds, 3)})


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
