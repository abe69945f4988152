"""The one input parser: what clerks type or paste, accepted or refused with a Chinese message."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model.values import InputError, format_value, parse_input, parse_value

FULL_WIDTH = str.maketrans("0123456789,.-", "０１２３４５６７８９，．－")


@pytest.mark.parametrize(
    "text,kind,expected",
    [
        ("12", "count", 12),
        ("１２３", "count", 123),
        (" 1,234 ", "count", 1234),
        ("1，234", "count", 1234),
        ("1 234", "count", 1234),
        ("-", "count", 0),
        ("—", "count", 0),
        ("/", "count", 0),
        ("无", "count", 0),
        ("12.0", "count", 12),
        ("-3", "signed", -3),
        ("－３", "signed", -3),
        ("+251", "signed", 251),
        ("−2", "signed", -2),
        ("59237.2449", "amount", Decimal("59237.2449")),
        ("0.5万元", "amount", Decimal("0.5")),
        ("-", "amount", Decimal(0)),
        ("\u3000７\u3000", "count", 7),
        ("12件", "count", 12),
        ("３项", "count", 3),
        ("", "count", None),
        ("   ", "count", None),
    ],
)
def test_accepted(text, kind, expected):
    assert parse_input(text, kind, "表三·自然人·予以公开") == expected


def test_money_keeps_its_unit():
    assert parse_value("251000元", "money") == (Decimal(251000), "元")
    assert parse_value("25.1万元", "money") == (Decimal("25.1"), "万元")
    assert parse_value("300", "money") == (Decimal(300), None)


@pytest.mark.parametrize(
    "text,kind",
    [
        ("12.5", "count"),
        ("-3", "count"),
        ("abc", "count"),
        ("1e5", "count"),
        ("1,23", "count"),
        ("3.5", "signed"),
        ("1.23456", "amount"),
        ("-1", "amount"),
        ("12元", "count"),
        ("1" * 20, "count"),
        ("NaN", "amount"),
        ("5元", "amount"),
        ("∞", "count"),
    ],
)
def test_refused_with_a_message_naming_the_cell(text, kind):
    with pytest.raises(InputError) as info:
        parse_input(text, kind, "表三·自然人·予以公开")
    message = str(info.value)
    assert message.startswith("表三·自然人·予以公开：")
    assert f"（收到“{text.strip()[:20]}" in message


def test_message_example_from_the_issue():
    with pytest.raises(InputError, match="^表三·自然人·予以公开：请输入不小于0的整数（收到“12.5”）$"):
        parse_input("12.5", "count", "表三·自然人·予以公开")


@given(
    st.integers(min_value=0, max_value=10**11),
    st.booleans(),
    st.booleans(),
    st.sampled_from(["", " ", "\u3000"]),
)
def test_counts_in_any_clerk_spelling(number, full_width, grouped, pad):
    text = f"{number:,}" if grouped else str(number)
    if full_width:
        text = text.translate(FULL_WIDTH)
    assert parse_input(pad + text + pad, "count") == number


@given(st.integers(min_value=-(10**9), max_value=10**9))
def test_signed_round_trip(number):
    assert parse_input(format_value(number), "signed") == number


@given(st.decimals(min_value=0, max_value=10**9, places=4, allow_nan=False, allow_infinity=False))
def test_amount_round_trip(amount):
    assert parse_input(format_value(amount), "amount") == amount


@given(st.text(max_size=30), st.sampled_from(["count", "signed", "amount", "money"]))
def test_any_text_gives_a_value_or_a_chinese_refusal(text, kind):
    try:
        value, _ = parse_value(text, kind, "某格")
    except InputError as exc:
        assert str(exc).startswith("某格：请输入")
    else:
        assert value is None or value >= 0 or kind == "signed"


@pytest.mark.parametrize("kind", ["count", "signed"])
def test_plain_digits_take_the_quick_path_to_the_same_answer(kind):
    assert parse_value("007", kind) == (7, None)
    assert parse_value("999999999999", kind) == (999_999_999_999, None)
    with pytest.raises(InputError):
        parse_value("1000000000000", kind)  # 13 digits: past the largest value, by the slow path
    assert parse_value("０１２", kind) == (12, None)  # full-width digits are not ASCII: the slow path
