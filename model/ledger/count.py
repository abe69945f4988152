"""Counting the ledger by date: received in the year → 本年新收, earlier → 上年结转; concluded in the year → its
outcome row, not concluded by 31 December → 结转下年度. Every row that cannot be counted is listed, never guessed."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from model.ledger.dates import BadDateError, parse_date
from model.ledger.layout import Layout
from model.ledger.vocab import norm
from model.ledger.words import APPLICANT, OUTCOME, Words
from model.values import excerpt


@dataclass(frozen=True)
class Problem:
    """A ledger row (its number in the sheet) that is not counted, and why, in Chinese."""

    row: int
    reason: str


@dataclass
class Seen:
    """A word of the ledger: how often it occurs, the rows (first few), what it maps to."""

    word: str
    count: int = 0
    key: str | None = None
    rows: list[int] = field(default_factory=list)


@dataclass
class Counted:
    counts: dict[str, int]  # every input cell of the counted rows and columns, 0 included
    rows: dict[str, list[int]]  # cell id → the ledger rows it counts
    names: dict[int, str]  # ledger row → applicant, as the ledger writes it
    problems: list[Problem]
    outside: list[int]  # rows of other years (concluded before it, received after it)
    seen: dict[str, dict[str, Seen]]  # "applicant" / "outcome" → norm(word) → Seen
    counted: int = 0


def count(rows: Sequence[Sequence[Any]], layout: Layout, words: Words, year: int) -> Counted:
    """Count the rows below the header; sheet rows are numbered from 1 (``rows[0]`` is row 1)."""
    t = words.targets
    cells = [t.cell(r, c) for r in (t.new, t.carry, *t.outcomes, t.pending) for c in t.applicants]
    out = Counted(dict.fromkeys(cells, 0), {c: [] for c in cells}, {}, [], [], {APPLICANT: {}, OUTCOME: {}})
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    latest = datetime.date(year + 1, 12, 31)
    col = layout.column
    c_num, c_type, c_name = col("number"), col("type"), col("name")
    c_in, c_out, c_result = col("received"), col("concluded"), col("outcome")
    used = [c for c in (c_num, c_type, c_name, c_in, c_out, c_result) if c is not None]
    numbers: dict[str, int] = {}
    dates: dict[object, datetime.date | None | BadDateError] = {}
    for index in range(layout.first_data, len(rows)):
        row = rows[index]
        cell = _getter(row)
        if all(_empty(cell(c)) for c in used):
            continue  # an empty row, or one numbered in advance (序号 only)
        line = index + 1
        problem = _row(out, words, cell, line, (c_num, c_type, c_name, c_result), numbers)
        got_in, got_out = _date(dates, cell(c_in)), _date(dates, cell(c_out))
        reason = problem or _dates_wrong(got_in, got_out, cell(c_in), cell(c_out), latest)
        if reason:
            out.problems.append(Problem(line, reason))
            continue
        assert isinstance(got_in, datetime.date) and not isinstance(got_out, BadDateError)
        if got_in > end or (got_out is not None and got_out < start):
            out.outside.append(line)
            continue
        concluded = got_out is not None and got_out <= end if c_out is not None else _has(cell(c_result))
        if c_out is not None and got_out is None and _has(cell(c_result)):
            out.problems.append(Problem(line, "有处理结果但没有答复日期"))
            continue
        column = words.applicant(cell(c_type)) if c_type is not None else words.applicant(cell(c_name), True)
        outcome = words.outcome(cell(c_result)) if concluded else None
        if column is None or (concluded and outcome is None):
            out.problems.append(Problem(line, _unmapped(cell, c_type, c_name, c_result, column, concluded)))
            continue
        first = t.new if got_in >= start else t.carry
        second = outcome if outcome is not None else t.pending
        for target in (t.cell(first, column), t.cell(second, column)):
            out.counts[target] += 1
            out.rows[target].append(line)
        out.names[line] = str(cell(c_name) if c_name is not None else cell(c_type) or "").strip()[:60]
        out.counted += 1
    return out


def _getter(row: Sequence[Any]) -> Any:
    width = len(row)
    return lambda c: row[c] if c is not None and c < width else None


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _has(value: object) -> bool:
    return not _empty(value)


def _date(
    cache: dict[object, datetime.date | None | BadDateError], value: object
) -> datetime.date | None | BadDateError:
    try:
        return cache[value]
    except KeyError:
        pass
    except TypeError:  # not hashable: never from a reader
        return BadDateError(str(value))
    try:
        found: datetime.date | None | BadDateError = parse_date(value)
    except BadDateError as exc:
        found = exc
    cache[value] = found
    return found


def _dates_wrong(
    got_in: object, got_out: object, raw_in: object, raw_out: object, latest: datetime.date
) -> str:
    if got_in is None:
        return "没有收到日期"
    if isinstance(got_in, BadDateError):
        return f"收到日期“{excerpt(str(raw_in))}”不是有效日期"
    if isinstance(got_out, BadDateError):
        return f"答复日期“{excerpt(str(raw_out))}”不是有效日期"
    assert isinstance(got_in, datetime.date)
    if got_in > latest or (isinstance(got_out, datetime.date) and got_out > latest):
        return "日期不可能（晚于下一年度）"
    if isinstance(got_out, datetime.date) and got_out < got_in:
        return "答复日期早于收到日期"
    return ""


def _row(
    out: Counted, words: Words, cell: Any, line: int, places: tuple[int | None, ...], numbers: dict[str, int]
) -> str:
    """Note the row's words (for the value table); a duplicate 编号 is the row's problem."""
    c_num, c_type, c_name, c_result = places
    for kind, place in ((APPLICANT, c_type), (OUTCOME, c_result)):
        value = cell(place)
        if place is None or _empty(value):
            continue
        key = norm(value)
        seen = out.seen[kind].get(key)
        if seen is None:
            mapped = words.applicant(value) if kind == APPLICANT else words.outcome(value)
            seen = out.seen[kind][key] = Seen(str(value).strip(), key=mapped)
        seen.count += 1
        if len(seen.rows) < 20:
            seen.rows.append(line)
    if (
        c_type is None
        and c_name is not None
        and _has(cell(c_name))
        and words.applicant(cell(c_name), True) is None
    ):
        key = norm(cell(c_name))
        seen = out.seen[APPLICANT].setdefault(key, Seen(str(cell(c_name)).strip()))
        seen.count += 1
        seen.rows.append(line)
    number = norm(cell(c_num))
    if number:
        if number in numbers:
            return f"编号“{excerpt(str(cell(c_num)))}”与第{numbers[number]}行相同"
        numbers[number] = line
    return ""


def _unmapped(
    cell: Any, c_type: int | None, c_name: int | None, c_result: int | None, column: object, done: bool
) -> str:
    if column is None:
        if c_type is not None:
            value = cell(c_type)
            return f"申请人类型“{excerpt(str(value))}”未对应到表三的栏目" if _has(value) else "没有申请人类型"
        if c_name is not None and _has(cell(c_name)):
            return f"无法从申请人“{excerpt(str(cell(c_name)))}”判断申请人类型"
        return "没有申请人类型"
    value = cell(c_result)
    return f"处理结果“{excerpt(str(value))}”未对应到表三的栏目" if _has(value) else "已办结但没有处理结果"
