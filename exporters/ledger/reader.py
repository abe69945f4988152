"""A ledger file → ``LedgerSheet`` (its rows as values): the sheet whose first rows look most like a ledger."""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Any

from exporters.ledger import tabular
from exporters.reading.errors import DocumentError
from model.ledger.layout import find_header
from model.ledger.session import LedgerSheet
from model.ledger.vocab import vocabulary

SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv", ".txt")
FILTER = "依申请公开台账 (*.xlsx *.xlsm *.xls *.csv *.txt)"


class LedgerError(DocumentError):
    """A ledger that cannot be read; one Chinese sentence without the file name."""


def read_ledger(path: str | os.PathLike[str]) -> LedgerSheet:
    """The ledger's rows (``rows[0]`` is the sheet's row 1); raises LedgerError with the reason."""
    target = Path(path)
    suffix = target.suffix.lower()
    try:
        modified: datetime.date | None = datetime.date.fromtimestamp(target.stat().st_mtime)
    except (OSError, ValueError, OverflowError):
        modified = None
    if suffix in (".csv", ".txt"):
        sheets = [("", tabular.csv_rows(target))]
    elif suffix == ".xls":
        sheets = tabular.xls_sheets(target)
    elif suffix in (".xlsx", ".xlsm"):
        sheets = tabular.xlsx_sheets(target)
    else:
        raise LedgerError(f"不是可读取的台账文件（可读取 {'、'.join(SUFFIXES)}）")
    name, rows = _best(sheets)
    return LedgerSheet(target.name, modified, name, rows)


def _best(sheets: list[tuple[str, list[tuple[Any, ...]]]]) -> tuple[str, list[tuple[Any, ...]]]:
    """The first sheet with a header row; else the first sheet (the clerk names the header)."""
    vocab = vocabulary()
    for name, rows in sheets:
        if find_header(vocab, rows) is not None:
            return name, rows
    if not sheets or not any(rows for _, rows in sheets):
        raise LedgerError("文件中没有内容")
    return next((s for s in sheets if s[1]), sheets[0])
