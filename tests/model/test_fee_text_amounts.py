"""FEE-TEXT: a fee stated as zero contradicts 收费 notices; an amount ending in 0 (「3940元」) is no zero."""

from __future__ import annotations

import pytest

from model.engine import evaluate
from tests.support.factories import full_2021


def contradiction(text: str) -> bool:
    report = full_2021()
    rule = next(r for r in report.fmt.rules if r.code == "FEE-TEXT")
    report.set_value(rule.params["cell"].replace(".total", ".natural"), 2)  # fee notices were sent
    report.changed()
    report.prose["s6"] = text
    return any(f.code == "FEE-TEXT" and f.cells for f in evaluate(report))


@pytest.mark.parametrize(
    "text",
    [
        "本年度收取信息处理费3940元。",
        "收取信息处理费共计1,000元。",
        "信息处理费10元",
        "信息处理费一百零五元",
        "信息处理费２０元",
    ],
)
def test_an_amount_that_ends_in_zero_is_not_a_zero_fee(text: str) -> None:
    assert not contradiction(text)


@pytest.mark.parametrize(
    "text",
    [
        "本年度收取信息处理费0元。",
        "信息处理费0.00元",
        "信息处理费〇元",
        "信息处理费为零元",
        "未收取信息处理费。",
    ],
)
def test_a_zero_fee_beside_fee_notices_is_reported(text: str) -> None:
    assert contradiction(text)
