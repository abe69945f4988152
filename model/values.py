"""The one parser for what clerks type or paste into a value cell, and how values print."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

Value = int | Decimal

ZERO_WORDS = frozenset({"-", "—", "——", "–", "/", "无", "－", "―", "─"})
MAX_VALUE = Decimal(10) ** 12
MONEY_UNITS = ("亿元", "万元", "元")
COUNT_UNITS = ("件", "个", "项", "条")  # 「12件」 pasted from a Word table is 12

ACCEPTS = {
    "count": "请输入不小于0的整数",
    "signed": "请输入整数（减少时可为负数，如 -3）",
    "amount": "请输入不小于0的金额（单位：万元，最多4位小数）",
    "money": "请输入不小于0的金额（可带单位“元”或“万元”，最多4位小数）",
}

_SPACES = re.compile(r"[\s\u3000\u00a0\u200b]+")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
_MINUS = str.maketrans({"−": "-", "﹣": "-", "＋": "+"})


class InputError(ValueError):
    """A typed or pasted text that the cell does not accept; the message is for the clerk."""


def normalise(text: str) -> str:
    """Full-width to half-width, no spaces, unified minus signs."""
    text = unicodedata.normalize("NFKC", text).translate(_MINUS)
    return _SPACES.sub("", text)


def _split_unit(text: str, kind: str) -> tuple[str, str | None]:
    units = {"money": MONEY_UNITS, "amount": ("万元",)}.get(kind, COUNT_UNITS)
    for unit in units:
        if text.endswith(unit) and len(text) > len(unit):
            return text[: -len(unit)], unit
    return text, None


def _to_number(text: str) -> Decimal | None:
    if _GROUPED.match(text):
        text = text.replace(",", "")
    if not _NUMBER.match(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        return None


def parse_value(text: str, kind: str, name: str = "") -> tuple[Value | None, str | None]:
    """Parse one cell's text: (value, unit). Blank gives (None, None). Raises InputError with a Chinese message."""
    if kind in ("count", "signed") and len(text) <= 12 and text.isascii() and text.isdigit():
        return int(text), None  # the common case, as the slow path would give it
    raw = text
    text = normalise(text)
    if text == "":
        return None, None
    if text in ZERO_WORDS:
        return (Decimal(0) if kind in ("amount", "money") else 0), None
    number_text, unit = _split_unit(text, kind)
    number = _to_number(number_text)
    if number is None or abs(number) >= MAX_VALUE:
        raise InputError(_message(name, kind, raw))
    if kind in ("count", "signed"):
        if number != number.to_integral_value() or (kind == "count" and number < 0):
            raise InputError(_message(name, kind, raw))
        return int(number), None  # the unit of a count (件) is the column's, not the value's
    exponent = number.as_tuple().exponent
    if number < 0 or (isinstance(exponent, int) and exponent < -4):
        raise InputError(_message(name, kind, raw))
    if kind == "amount" and unit == "万元":
        unit = None
    return number, unit


def parse_input(text: str, kind: str, name: str = "") -> Value | None:
    """The value of a typed text, without the unit."""
    return parse_value(text, kind, name)[0]


def excerpt(text: str, limit: int = 20) -> str:
    """A cell's text as a message quotes it: the first ``limit`` characters, then 「…」 if there is more."""
    shown = text.strip()
    return shown if len(shown) <= limit else shown[:limit] + "…"


def _message(name: str, kind: str, raw: str) -> str:
    prefix = f"{name}：" if name else ""
    return f"{prefix}{ACCEPTS[kind]}（收到“{excerpt(raw)}”）"


def is_valid(value: object, kind: str) -> bool:
    """Whether a stored value fits the kind of its cell."""
    if kind in ("count", "signed"):
        return isinstance(value, int) and not isinstance(value, bool) and (kind == "signed" or value >= 0)
    return isinstance(value, (int, Decimal)) and not isinstance(value, bool) and value >= 0


def format_value(value: Value | None, unit: str | None = None) -> str:
    """How a value prints: no exponent, no grouping; blank prints as an empty string."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = format(value, "f")
    else:
        text = str(value)
    return text + (unit or "")


def to_json(value: Value) -> int | str:
    """Counts stay numbers in draft files; amounts become strings so no digit is lost."""
    return value if isinstance(value, int) else format(value, "f")
