"""Reading a folder for the desk: each file's Entry from worker processes (``batch.check_all``), and the roster."""

from __future__ import annotations

import os
from collections.abc import Generator, Iterable
from pathlib import Path

from model.review.entry import Entry
from model.review.names import read_roster_text
from model.review.settings import desk_settings


class RosterError(Exception):
    """The roster cannot be read: one Chinese sentence."""


def review_one(path: Path) -> Entry:
    """Read one file and run every rule; never raises (an unreadable file is an Entry with ``error``)."""
    from exporters.kinds import kind_of
    from exporters.reading import ReadError, read_any
    from model.engine import evaluate
    from model.ratios import reviewer_ratios
    from model.review.entry import entry_of
    from nianbao.batch import prepared

    entry_kind = kind_of(path)
    short = entry_kind.short if entry_kind else path.suffix.lstrip(".").upper()
    try:
        modified = os.path.getmtime(path)
        report, document_findings = read_any(path)
        findings = document_findings + evaluate(prepared(report))
        return entry_of(str(path), short, modified, report, findings, reviewer_ratios(report))
    except ReadError as exc:
        return Entry(str(path), short, error=str(exc))
    except Exception as exc:  # noqa: BLE001 - one file's failure must not stop a folder's review
        return Entry(str(path), short, error=f"无法读取“{path.name}”：程序内部错误（{type(exc).__name__}）")


def folder_files(folder: str | os.PathLike[str]) -> list[Path]:
    """The report files of a folder, as ``nianbao check`` finds them (the review file is none)."""
    from nianbao.cli import _expand

    return list(_expand([str(folder)], []))


def read_folder(files: list[Path], workers: int | None = None) -> Generator[Entry, None, None]:
    """Each file's Entry in the order given; a folder's worth in worker processes (every core, or ``workers``)."""
    from nianbao.batch import check_all, workers_for

    yield from check_all(files, None, workers_for(len(files), workers), review_one)


def review_path(folder: str | os.PathLike[str]) -> Path:
    return Path(folder) / desk_settings().review_file


def roster_of(entries: Iterable[Entry]) -> list[str]:
    """A roster from reports read (last year's folder): their units, in the order read."""
    return [e.agency for e in entries if e.error is None and e.agency]


def read_roster(path: str | os.PathLike[str]) -> list[str]:
    """The unit names of a roster: a .txt list, an .xlsx list (first column of the first sheet), or a folder of
    reports (last year's: their units)."""
    source = Path(path)
    if source.is_dir():
        return roster_of(read_folder(folder_files(source)))
    if source.suffix.lower() == ".xlsx":
        from exporters.review_xlsx.roster import read_roster_xlsx

        try:
            return read_roster_xlsx(source)
        except ValueError as exc:
            raise RosterError(str(exc)) from exc
    from exporters.reading.errors import DocumentError
    from exporters.text.decode import read_file_text

    try:
        return read_roster_text(read_file_text(source))
    except DocumentError as exc:
        raise RosterError(f"无法读取名单“{source.name}”：{exc}") from exc
