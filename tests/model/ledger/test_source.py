"""The ledger behind table 三 in the report and the draft: counts replace the table, the source is kept."""

from __future__ import annotations

import datetime
import json

import pytest

from model import draft
from model.engine import evaluate
from model.formats import load_format
from model.ledger.session import LedgerSession, LedgerSheet
from model.ledger.source import from_ranges, ranges
from model.report import Report

HEADER = ("序号", "编号", "申请人", "申请人类型", "收到日期", "答复日期", "处理结果")
ROWS = [
    ("某局依申请台账",),
    HEADER,
    (1, "A1", "张三", "个人", "2025-01-05", "2025-01-20", "同意公开"),
    (2, "A2", "某某公司", "企业", "2024-12-28", "2025-01-10", "信息不存在"),
    (3, "A3", "李四", "公民", "2025-12-29", None, None),
    (4, "A4", "王五", "个人", "2024-12-30", None, None),
    (5, "A5", "赵六", "个人", None, None, "同意公开"),
]


def sheet() -> LedgerSheet:
    return LedgerSheet("台账.xlsx", datetime.date(2026, 1, 5), "Sheet1", [tuple(r) for r in ROWS])


def imported(report: Report) -> Report:
    return LedgerSession(sheet(), report.fmt, report.year).apply(report, datetime.date(2026, 1, 6))


def test_the_counts_replace_table_three_and_balance() -> None:
    report = Report.new(2025, "某局")
    report.set_value("t3.open.natural", 99)  # a hand count, replaced
    report.set_value("t2.regulations.issued", 3)  # another table, untouched
    after = imported(report)
    assert after.values["t3.new.natural"] == 2
    assert after.values["t3.carry.natural"] == 1 and after.values["t3.carry.business"] == 1
    assert after.values["t3.open.natural"] == 1 and after.values["t3.unable_nohold.business"] == 1
    assert after.values["t3.next.natural"] == 2
    assert after.values["t3.deny_secret.legal"] == 0  # counted: 0, not blank
    assert after.values["t2.regulations.issued"] == 3
    assert report.values["t3.open.natural"] == 99  # the report given is not changed
    assert not [f for f in evaluate(after) if f.code in ("T3-BAL", "T3-SUM", "T3-ROW")]
    source = after.ledger
    assert source is not None and source.uncounted == 1
    assert source.cells["t3.new.natural"] == (3, 5) and source.names[3] == "张三"
    assert source.columns["received"] == "收到日期"


def test_the_draft_keeps_the_ledger(tmp_path) -> None:  # type: ignore[no-untyped-def]
    after = imported(Report.new(2025, "某局"))
    path = tmp_path / "r.nianbao"
    draft.save(after, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["ledger"]["file"] == "台账.xlsx" and data["ledger"]["modified"] == "2026-01-05"
    assert data["ledger"]["cells"]["t3.new.natural"] == "3,5"
    loaded = draft.load(path)
    assert loaded.ledger == after.ledger
    assert loaded.values == after.values


def test_drafts_without_a_ledger_load_as_before(example: Report) -> None:
    data = draft.report_to_dict(example)
    assert "ledger" not in data
    assert draft.loads(json.dumps(data).encode()).ledger is None


@pytest.mark.parametrize(
    "ledger",
    [
        "x",
        {"file": 3, "imported": "2026-01-01"},
        {"file": "a", "imported": "2026-13-01"},
        {"file": "a", "imported": "2026-01-01", "cells": {"t3.new.natural": "5-1"}},
        {"file": "a", "imported": "2026-01-01", "cells": {"t3.new.natural": "1-999999999"}},
        {"file": "a", "imported": "2026-01-01", "uncounted": -1},
    ],
)
def test_a_broken_ledger_in_a_draft_is_a_draft_error(example: Report, ledger: object) -> None:
    data = draft.report_to_dict(example)
    data["ledger"] = ledger
    with pytest.raises(draft.DraftError):
        draft.loads(json.dumps(data).encode())


def test_row_ranges() -> None:
    assert ranges([9, 3, 4, 5, 12, 11]) == "3-5,9,11-12"
    assert from_ranges("3-5,9,11-12") == (3, 4, 5, 9, 11, 12)
    assert from_ranges("") == ()


def test_a_format_without_table_three_cannot_take_a_ledger() -> None:
    from model.ledger.targets import NoLedgerTableError, targets

    fmt = load_format("2021")
    rules = tuple(r for r in fmt.rules if r.kind != "balance")
    with pytest.raises(NoLedgerTableError):
        targets(fmt._replace(rules=rules))
