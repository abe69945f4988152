"""BLANK names the first empty cells each in quotes: the 2021 row labels contain 「、」 themselves."""

from __future__ import annotations

from model.engine import evaluate
from tests.support.factories import full_2021


def test_blank_cells_are_named_unambiguously():
    report = full_2021()
    report.set_value("t3.other_overdue.natural", None)
    report.set_value("t3.other_fee.natural", None)
    (finding,) = [f for f in evaluate(report) if f.code == "BLANK"]
    assert (
        "（“自然人·其他处理·申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请”"
        in finding.message
    )
    assert "”“自然人·其他处理·申请人逾期未按收费通知要求缴纳费用" in finding.message
    assert finding.message.endswith("）：空白不等于0，没有的请填0")
