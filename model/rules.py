"""The kinds of rule a format file can name; each turns a report into findings."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import NamedTuple

from model.formats import RuleSpec
from model.report import Report, agency_key
from model.values import ACCEPTS, Value, excerpt, format_value, is_valid
from model.vocabulary import SEVERITIES

__all__ = ["RULES", "SEVERITIES", "Finding", "rule"]


class Finding(NamedTuple):
    """One problem: its rule code, how bad it is, a Chinese message, and the cells involved."""

    code: str
    severity: str
    message: str
    cells: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "cells": list(self.cells),
        }


Rule = Callable[[Report, RuleSpec], Iterator[Finding]]
RULES: dict[str, Rule] = {}


def rule(kind: str) -> Callable[[Rule], Rule]:
    def register(func: Rule) -> Rule:
        RULES[kind] = func
        return func

    return register


def _num(value: Value | None) -> Value:
    return 0 if value is None else value


def _show(value: Value) -> str:
    return format_value(value.normalize() if isinstance(value, Decimal) and value != 0 else value)


def _diff(left: Value, right: Value) -> str:
    return _show(left - right)


def unreadable(report: Report, cell_id: str) -> bool:
    """The cell's text is no valid value (VALUE reports it), or it is a total over such a cell (printed or not).
    Sums over it are not checked, so one misprint gives one finding, not a cascade of totals."""
    if not report.invalid:
        return False
    if cell_id in report.invalid:
        return True
    total = report.fmt.totals.get(cell_id)
    return total is not None and any(unreadable(report, part) for part in total.parts)


@rule("balance")
def balance(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """Table 三, every column: 一 + 二 = （七）总计 + 四."""
    table = report.fmt.table(spec.params["table"])
    left_rows, right_rows = spec.params["left"], spec.params["right"]
    for col, column in table.columns.items():
        left_ids = [f"{table.key}.{r}.{col}" for r in left_rows]
        right_ids = [f"{table.key}.{r}.{col}" for r in right_rows]
        values = [report.effective(c) for c in left_ids + right_ids]
        if all(v is None for v in values) or any(unreadable(report, c) for c in left_ids + right_ids):
            continue
        left = sum((_num(report.effective(c)) for c in left_ids), 0)
        right = sum((_num(report.effective(c)) for c in right_ids), 0)
        if left != right:
            yield Finding(
                spec.code,
                spec.severity,
                f"{table.short}“{column['label']}”列：第一项加第二项之和为{_show(left)}，"
                f"第三项（七）总计加第四项之和为{_show(right)}，相差{_diff(left, right)}",
                tuple(left_ids + right_ids),
            )


@rule("stated_total")
def stated_total(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """A printed total (read back from a document) differs from the sum of its parts."""
    fmt = report.fmt
    for total in fmt.checks:
        if total.rule != spec.code:
            continue
        stated = report.stated.get(total.cell_id)
        if stated is None or any(unreadable(report, c) for c in (total.cell_id, *total.parts)):
            continue
        parts = [report.effective(p) for p in total.parts]
        computed = sum((_num(v) for v in parts), 0)
        if stated != computed:
            yield Finding(
                spec.code,
                spec.severity,
                f"{fmt.cells[total.cell_id].name}：填报的总计为{_show(stated)}，"
                f"各项之和为{_show(computed)}，相差{_diff(stated, computed)}",
                (total.cell_id, *total.parts),
            )


@rule("value")
def value_kind(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """A cell holds something that is not a valid value for it."""
    cells = report.fmt.cells
    for cell_id, text in report.invalid.items():
        if cell_id in cells:
            cell = cells[cell_id]
            shown = excerpt(text, 40)  # a long note is quoted by its beginning
            yield Finding(
                spec.code,
                spec.severity,
                f"{cell.name}：“{shown}”不是有效数值，{ACCEPTS[cell.kind]}",
                (cell_id,),
            )
    for cell_id, value in report.values.items():
        spec_of_cell = cells.get(cell_id)
        if spec_of_cell is not None and not is_valid(value, spec_of_cell.kind):
            yield Finding(
                spec.code,
                spec.severity,
                f"{spec_of_cell.name}：{format_value(value)}不是有效数值，{ACCEPTS[spec_of_cell.kind]}",
                (cell_id,),
            )


@rule("blank")
def blank(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """Empty cells, table by table: blank is not zero, the published table must show 0."""
    fmt = report.fmt
    for table in fmt.tables:
        empty = [
            c.cell_id
            for c in table.cells
            if (
                c.cell_id not in fmt.totals
                and c.cell_id not in report.values
                and c.cell_id not in report.invalid
            )
            or (c.cell_id in report.stated and report.stated[c.cell_id] is None)
        ]
        if empty:
            names = "".join(
                f"“{fmt.cells[c].name.split('·', 1)[1]}”" for c in empty[:3]
            )  # labels hold 「、」
            more = f"等{len(empty)}个单元格" if len(empty) > 3 else ""
            yield Finding(
                spec.code,
                spec.severity,
                f"{table.short}有{len(empty)}个空白单元格（{names}{more}）：空白不等于0，没有的请填0",
                tuple(empty),
            )


@rule("format_year")
def format_year(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    fmt = report.fmt
    if not fmt.fits_year(report.year):
        from model.formats import format_for_year

        right = format_for_year(report.year)
        yield Finding(
            spec.code,
            spec.severity,
            f"{report.year}年度报告应使用{right.name}（{right.notice}），当前使用的是{fmt.name}（{fmt.notice}）",
        )


@rule("regulations")
def regulations(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """规章 figures from an agency that makes no 规章."""
    if report.level not in spec.params["levels"]:
        return
    cells = [
        c.cell_id
        for c in report.fmt.cells.values()
        if c.regulations and report.value(c.cell_id) not in (None, 0)
    ]
    if cells:
        shown = "、".join(f"{report.fmt.cells[c].name}为{_show(_num(report.value(c)))}" for c in cells)
        yield Finding(
            spec.code,
            spec.severity,
            f"{report.level}没有制定规章的权限，但{shown}：请核对（应为0）",
            tuple(cells),
        )


@rule("section")
def section(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    for sec in report.fmt.sections:
        if sec.kind != "prose" or not sec.required:
            continue
        text = report.prose.get(sec.key, "")
        core = re.sub(r"[\s。.，,：:;；!！]", "", text)
        if not core or core == re.sub(r"[（）()]", "", sec.placeholder) or text.strip() == sec.placeholder:
            yield Finding(spec.code, spec.severity, f"“{sec.heading}”尚未填写")
        elif core in sec.not_enough:
            yield Finding(
                spec.code, spec.severity, f"“{sec.heading}”只写“{core}”不够：请写明存在的主要问题和改进措施"
            )


@rule("fee_text")
def fee_text(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """Section 六 must state the 信息处理费 collected, even 0元."""
    sec = report.fmt.section(spec.params["section"])
    text = report.prose.get(sec.key, "")
    prompt = re.sub(r"^[（(]|[）)]$", "", sec.placeholder.strip())
    if prompt:  # the template's 「（文字描述，收取信息处理费情况在此处报告。）」 left in place states nothing
        text = text.replace(prompt, "")
    if not any(word in text for word in spec.params["keywords"]):
        yield Finding(
            spec.code,
            spec.severity,
            f"“{sec.heading}”未说明收取信息处理费的情况：没有收费也要写明（如“收取信息处理费0元”）",
        )
        return
    dropped = report.effective(spec.params["cell"])
    if dropped and re.search(spec.params["zero_pattern"], text):
        yield Finding(
            spec.code,
            spec.severity,
            f"{report.fmt.cells[spec.params['cell']].name}为{_show(dropped)}件（曾发出收费通知），"
            f"而“{sec.heading}”写明未收取信息处理费：请核对",
            (spec.params["cell"],),
        )


def _previous(report: Report, spec: RuleSpec, needs: list[str]) -> Report | None:
    previous = report.previous
    if previous is None:
        return None
    if any(c not in previous.fmt.cells for c in needs):
        return None
    return previous


@rule("previous_source")
def previous_source(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """The previous report is not last year's report of the same agency: probably a wrong file was chosen."""
    previous = report.previous
    if previous is None:
        return
    problems = []
    if previous.year != report.year - 1:
        problems.append(f"是{previous.year}年度的，本报告是{report.year}年度")
    mine, theirs = agency_key(report.agency), agency_key(previous.agency)
    if mine and theirs and mine != theirs:
        problems.append(f"是“{previous.agency}”的，本报告是“{report.agency}”")
    if problems:
        yield Finding(
            spec.code, spec.severity, f"用于跨年度核对的上年报告{'，且'.join(problems)}：请确认选对了上年报告"
        )


@rule("carry")
def carry(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """This year's 二、上年结转 = last year's 四、结转下年度继续办理, column by column."""
    table = report.fmt.table(spec.params["table"])
    this_row, last_row = spec.params["this_row"], spec.params["last_row"]
    pairs = [
        (f"{table.key}.{this_row}.{c}", f"{table.key}.{last_row}.{c}", col["label"])
        for c, col in table.columns.items()
    ]
    previous = _previous(report, spec, [p[1] for p in pairs])
    if previous is None:
        return
    for this_id, last_id, label in pairs:
        if report.fmt.is_computed(this_id) and report.stated.get(this_id) is None:
            continue  # a computed total differs only when its parts do, which are reported
        if unreadable(report, this_id):
            continue
        now, before = report.effective(this_id), previous.effective(last_id)
        if now is None and before is None:
            continue
        if _num(now) != _num(before):
            yield Finding(
                spec.code,
                spec.severity,
                f"{table.short}“{label}”列：本年上年结转为{_show(_num(now))}，"
                f"{previous.year}年报告的结转下年度继续办理为{_show(_num(before))}，"
                f"相差{_diff(_num(now), _num(before))}",
                (this_id,),
            )


@rule("running_total")
def running_total(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """2021: 现行有效件数 = last year's 现行有效件数 + 本年制发件数 − 本年废止件数."""
    p, key = spec.params, spec.params["table"]
    previous = _previous(report, spec, [f"{key}.{r}.{p['last_stock']}" for r in p["rows"]])
    if previous is None:
        if report.previous is not None:
            yield Finding(
                spec.code,
                "info",
                f"{report.previous.year}年报告没有“现行有效件数”，无法核对本年的现行有效件数",
            )
        return
    for row in p["rows"]:
        stock, plus, minus = (f"{key}.{row}.{p[k]}" for k in ("stock", "plus", "minus"))
        last = previous.effective(f"{key}.{row}.{p['last_stock']}")
        now = report.effective(stock)
        if now is None or last is None or any(unreadable(report, c) for c in (stock, plus, minus)):
            continue
        expected = last + _num(report.effective(plus)) - _num(report.effective(minus))
        if now != expected:
            name = report.fmt.cells[stock].name
            yield Finding(
                spec.code,
                spec.severity,
                f"{name}为{_show(now)}，按上年{_show(last)}加本年制发{_show(_num(report.effective(plus)))}"
                f"减本年废止{_show(_num(report.effective(minus)))}应为{_show(expected)}，"
                f"相差{_diff(now, expected)}（如有清理或机构调整请在报告中说明）",
                (stock, plus, minus),
            )


@rule("previous_count")
def previous_count(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """2019: 上一年项目数量 = last year's 上一年项目数量 + last year's 本年增/减."""
    p, key = spec.params, spec.params["table"]
    needs = [f"{key}.{r}.{p[k]}" for r in p["rows"] for k in ("last_stock", "last_change")]
    previous = _previous(report, spec, needs)
    if previous is None:
        return
    for row in p["rows"]:
        stock = f"{key}.{row}.{p['stock']}"
        now = report.effective(stock)
        last = previous.effective(f"{key}.{row}.{p['last_stock']}")
        if now is None or last is None:
            continue
        expected = last + _num(previous.effective(f"{key}.{row}.{p['last_change']}"))
        if now != expected:
            yield Finding(
                spec.code,
                spec.severity,
                f"{report.fmt.cells[stock].name}为{_show(now)}，按{previous.year}年报告"
                f"（上一年项目数量加本年增/减）应为{_show(expected)}，相差{_diff(now, expected)}",
                (stock,),
            )


def _day(day: datetime.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


@rule("publish_deadline")
def publish_deadline(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """Published after the deadline for the agency's level: a month-day (``"01-31"``) of the year after the report's,
    by level, as the format's ``deadlines`` say (条例第四十九条); nothing when the publication date is unknown."""
    published = report.published
    if published is None:
        return
    for entry in spec.params["deadlines"]:
        if report.level not in entry["levels"]:
            continue
        month, day = (int(part) for part in entry["date"].split("-"))
        deadline = datetime.date(report.year + 1, month, day)
        if published > deadline:
            basis = spec.params.get("basis", "")
            yield Finding(
                spec.code,
                spec.severity,
                f"报告的发布日期为{_day(published)}，晚于{report.level}公布{report.year}年度报告的期限"
                f"{_day(deadline)}{f'（{basis}）' if basis else ''}，晚{(published - deadline).days}天",
            )
        return
