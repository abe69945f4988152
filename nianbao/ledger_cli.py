"""`nianbao ledger LEDGER [--into DRAFT | --report OUT]`: table 三 counted from the year's 依申请台账."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from model.ledger.session import LedgerSession
    from model.report import Report


def add_parser(sub: Any) -> None:
    ledger = sub.add_parser("ledger", help="从依申请公开台账（.xlsx/.xls/.csv）统计表三")
    ledger.add_argument("ledger", help="台账文件")
    where = ledger.add_mutually_exclusive_group()
    where.add_argument("--into", metavar="DRAFT", help="把表三填入这份草稿（.nianbao，原文件留作 .bak）")
    where.add_argument("--report", metavar="OUT", help="新建草稿（.nianbao），表三按台账填写")
    ledger.add_argument("--year", type=int, help="报告年度（默认：草稿的年度，或台账中多数申请的收到年度）")
    ledger.add_argument("--agency", default="", help="机关名称（--report 新建时）")
    ledger.add_argument("--memory", metavar="JSON", help="记住列和取值对应的文件（读取，并写回本次的对应）")
    ledger.add_argument("--force", action="store_true", help="--report 的文件已存在时覆盖")
    ledger.add_argument("--json", action="store_true", help="以 JSON 输出统计结果")


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def cmd_ledger(options: argparse.Namespace) -> int:
    from exporters.reading.errors import DocumentError
    from model import draft

    try:
        from exporters.ledger.reader import read_ledger

        sheet = read_ledger(options.ledger)
    except DocumentError as exc:
        return _fail(f"无法读取“{Path(options.ledger).name}”：{exc}")
    report: Report | None = None
    if options.into:
        try:
            report = draft.load(options.into)
        except draft.DraftError as exc:
            return _fail(str(exc))
    if options.report and Path(options.report).exists() and not options.force:
        return _fail(f"“{options.report}”已经存在，未写入。如要覆盖，请加 --force；或换一个文件名。")
    memory = _memory(options.memory)
    session = _session(sheet, report, options.year, memory)
    if isinstance(session, str):
        return _fail(session)
    missing = session.ready()
    if missing:
        return _fail(f"{sheet.file}：{missing}")
    counted = session.counted()
    if options.json:
        print(json.dumps(_as_json(session), ensure_ascii=False, indent=1))
    else:
        _print_text(session)
    target = options.into or options.report
    if target:
        from model.report import Report as NewReport

        base = report or NewReport.new(session.year, options.agency)
        try:
            draft.save(session.apply(base), target)
        except draft.DraftError as exc:
            return _fail(str(exc))
        print(f"已写入 {target}", file=sys.stderr if options.json else sys.stdout)
    if options.memory:
        _save_memory(options.memory, session.remembered())
    return 1 if counted.problems else 0


def _session(
    sheet: Any, report: Report | None, year: int | None, memory: dict[str, Any]
) -> LedgerSession | str:
    from model.formats import format_for_year, load_format
    from model.ledger.session import LedgerSession, guess_year
    from model.ledger.targets import NoLedgerTableError

    try:
        fmt = report.fmt if report is not None else format_for_year(year or 2021)
        session = LedgerSession(sheet, fmt, year or (report.year if report else 0), memory)
        if session.year == 0:
            found = guess_year(session)
            if found is None:
                return f"{sheet.file}：无法从台账判断报告年度，请用 --year 指定"
            session = LedgerSession(sheet, load_format(format_for_year(found).id), found, memory)
        elif report is None and session.fmt.id != format_for_year(session.year).id:
            session = LedgerSession(sheet, format_for_year(session.year), session.year, memory)
    except NoLedgerTableError as exc:
        return str(exc)
    return session


def _memory(path: str | None) -> dict[str, Any]:
    if not path or not Path(path).exists():
        return {}
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        print(f"注意：无法读取“{path}”，未使用记住的对应", file=sys.stderr)
        return {}
    return data if isinstance(data, dict) else {}


def _save_memory(path: str, memory: dict[str, Any]) -> None:
    from model import atomic

    try:
        atomic.write(Path(path), json.dumps(memory, ensure_ascii=False, indent=1).encode("utf-8"), None)
    except OSError as exc:
        print(f"注意：无法写入“{path}”：{exc.strerror or exc}", file=sys.stderr)


def _print_text(session: LedgerSession) -> None:
    from model.ledger.summary import problem_lines, table_lines

    sheet, counted = session.sheet, session.counted()
    where = f"（工作表“{sheet.sheet}”）" if sheet.sheet else ""
    print(f"{sheet.file}{where}：表头在{session.layout.where}，{session.year}年度计入{counted.counted}行")
    for line in table_lines(session):
        print("  " + line)
    for line in problem_lines(session):
        print(line)


def _as_json(session: LedgerSession) -> dict[str, object]:
    counted = session.counted()
    return {
        "file": session.sheet.file,
        "sheet": session.sheet.sheet,
        "year": session.year,
        "format": session.fmt.id,
        "header_row": session.layout.header_row + 1,
        "columns": session.layout.named(),
        "counted": counted.counted,
        "cells": counted.counts,
        "problems": [{"row": p.row, "reason": p.reason} for p in counted.problems],
        "outside": counted.outside,
    }
