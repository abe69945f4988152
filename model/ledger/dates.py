"""Dates as ledgers hold them: Excel dates and serial numbers, 「2025.3.1」「2025年3月1日」「2025-03-01」「2025/3/1」."""

from __future__ import annotations

import datetime
import re

from model import limits

_TEXT = re.compile(
    r"^\s*(\d{4})\s*(?:[-./年])\s*(\d{1,2})\s*(?:[-./月])\s*(\d{1,2})\s*日?"
    r"(?:\s*[T ]?\s*\d{1,2}(?::\d{1,2}){0,2}(?:\.\d+)?)?\s*$"
)
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
_EXCEL_EPOCH = datetime.date(1899, 12, 30)  # serial 1 is 1900-01-01 (Excel counts 1900-02-29 that never was)
_SERIALS = (32874, 109574)  # 1990-01-01 … 2199-12-31 as serial numbers


class BadDateError(ValueError):
    """A cell that holds something, but no date that exists."""


def parse_date(value: object) -> datetime.date | None:
    """The date a cell holds; None for an empty cell; BadDateError for text or numbers that are no date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime.datetime):
        return _checked(value.date())
    if isinstance(value, datetime.date):
        return _checked(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if _SERIALS[0] <= value <= _SERIALS[1]:
            return _EXCEL_EPOCH + datetime.timedelta(days=int(value))
        raise BadDateError(str(value))
    text = str(value).translate(_FULL_WIDTH)
    found = _TEXT.match(text) or _COMPACT.match(text)
    if found is None:
        raise BadDateError(text.strip())
    try:
        day = datetime.date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:  # 2025-02-30
        raise BadDateError(text.strip()) from None
    return _checked(day)


def _checked(day: datetime.date) -> datetime.date:
    if not limits.MIN_YEAR <= day.year <= limits.MAX_YEAR:
        raise BadDateError(day.isoformat())
    return day


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－／：　", "0123456789.-/: ")
