"""Check many report files: in worker processes for a folder, results in input order, no report kept in memory."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from model.engine import Finding
    from model.report import Report

MIN_PARALLEL = 8  # fewer files are checked in this process: starting workers costs more than it saves
CHUNK = 4  # files a worker takes at a time


@dataclass
class Checked:
    """What the command prints of one file: never the report itself, so a run of 5,000 files stays small."""

    path: Path
    agency: str = ""
    year: int = 0
    format_id: str = ""
    format_name: str = ""
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # the file could not be read: one sentence

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)


_previous: Report | None = None  # last year's report, read once per worker
_pack = ""  # the rule pack (执行口径) of `check --pack`, for the reports of the format it is written for


def _start(previous_path: str | None, pack: str = "") -> None:
    global _previous, _pack
    _pack = pack
    from exporters.reading import read_any

    _previous = read_any(previous_path)[0] if previous_path else None


def prepared(report: Report) -> Report:
    """The report with this run's last-year report (``--previous``) and rule pack (``--pack``, for the reports of
    the format it is written for) — for ``check_one`` and the review's ``review_one`` alike."""
    if _previous is not None:
        report.previous = _previous
    if _pack:
        from model.packs import fits

        report.pack = _pack if fits(_pack, report.format_id) else ""
    return report


def check_one(path: Path) -> Checked:
    """Read one file and run every rule (with last year's report when one was given)."""
    from exporters.reading import ReadError, read_any
    from model.engine import evaluate

    try:
        report, document_findings = read_any(path)
        findings = document_findings + evaluate(prepared(report))
    except ReadError as exc:
        return Checked(path, error=str(exc))
    except Exception as exc:  # noqa: BLE001 - one file's failure must not stop a folder's run or look like findings
        return Checked(
            path, error=f"无法检查“{path.name}”：程序内部错误（{type(exc).__name__}），其余文件照常检查"
        )
    return Checked(path, report.agency, report.year, report.format_id, report.fmt.name, findings)


def workers_for(files: int, jobs: int | None) -> int:
    """How many processes: ``jobs`` if given, else every core for a folder's worth of files, else none."""
    if jobs is not None:
        return max(1, jobs)
    return (os.cpu_count() or 1) if files >= MIN_PARALLEL else 1


def check_all(
    files: Iterable[Path],
    previous_path: str | None,
    workers: int,
    task: Callable[[Path], Any] = check_one,
    pack: str = "",
) -> Iterator[Any]:
    """Every file's result (``task``: a module-level function of the path), in the order given; with ``workers``
    > 1 they are read in parallel processes."""
    if workers <= 1:
        _start(previous_path, pack)
        yield from map(task, files)
        return
    context = multiprocessing.get_context(
        "spawn"
    )  # the same everywhere (Windows has only spawn); no Qt inherited
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start, initargs=(previous_path, pack)
    ) as pool:
        yield from pool.map(task, files, chunksize=CHUNK)
