"""Open any report file the app understands: its drafts, its Excel workbooks and published Word reports."""

from __future__ import annotations

import os
from pathlib import Path

from model import draft
from model.engine import Finding
from model.report import Report

READABLE = (".nianbao",)


class ReadError(Exception):
    """A file that cannot be read as a report; the message is one Chinese sentence for the clerk."""


def read_any(path: str | os.PathLike[str]) -> tuple[Report, list[Finding]]:
    """The report in a file, and findings about the document itself (labels, mixed formats)."""
    suffix = Path(path).suffix.lower()
    if suffix == draft.SUFFIX:
        try:
            return draft.load(path), []
        except draft.DraftError as exc:
            raise ReadError(str(exc)) from exc
    raise ReadError(f"无法打开“{Path(path).name}”：不支持的文件类型（可打开 {'、'.join(READABLE)}）")
