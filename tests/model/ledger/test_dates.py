"""Dates as ledgers hold them."""

from __future__ import annotations

import datetime

import pytest

from model.ledger.dates import BadDateError, parse_date

D = datetime.date(2025, 3, 1)


@pytest.mark.parametrize(
    "value",
    [
        "2025.3.1",
        "2025年3月1日",
        "2025-03-01",
        "2025/3/1",
        "2025年03月01日",
        "２０２５－０３－０１",
        "2025-03-01 14:30:00",
        "20250301",
        datetime.datetime(2025, 3, 1, 9, 15),
        D,
        45717,  # the Excel serial number of 2025-03-01
        45717.5,
    ],
)
def test_ledger_dates(value: object) -> None:
    assert parse_date(value) == D


@pytest.mark.parametrize("value", [None, "", "   "])
def test_empty_is_no_date(value: object) -> None:
    assert parse_date(value) is None


@pytest.mark.parametrize("value", ["2025-02-30", "2025.13.1", "三月一日", "待定", 12, 1e9, "1899-12-31"])
def test_no_date(value: object) -> None:
    with pytest.raises(BadDateError):
        parse_date(value)
