"""Draft files (.nianbao): documented JSON, atomic saves with a backup, strict and safe loading.

Layout (format version 1)::

    {"nianbao": "draft", "version": 1,
     "format": "2021", "year": 2021, "agency": "...", "level": "政府部门",
     "contact": {"office": "", "address": "", "postcode": "", "phone": "", "email": "", "website": ""},
     "prose": {"s1": "...", "s5": "...", "s6": "..."},
     "values": {"t3.new.natural": 12, "t2.fees.amount": "59237.2449"},   # amounts as strings
     "units": {"t2.procurement.amount": "元"},
     "stated": {"t3.total.total": 35},      # totals as printed in a document read back (null: printed blank)
     "invalid": {"t3.new.business": "12.5"},  # text that is not a valid value for its cell
     "previous": {...same fields, without "previous"...} or null,
     "previous_source": "last year's file name",
     "published": "2025-01-20",            # optional: when the report was published (read from a web page);
                                            # absent or null when unknown (drafts saved before it had this field)
     "provenance": {"t3.new.natural": [["某某局", "某某局.docx", "12"], ...]},  # optional: a roll-up's sources
     "ledger": {...},                       # optional: the 依申请台账 table 三 was counted from (model/ledger/source.py)
     "pack": "2025sample",                  # optional: the rule pack (执行口径, model/packs.py); absent: national only
     "sign_off_date": "2025-01-20"}         # optional: the 落款's date (落款日期); absent: the day of export

Older versions are migrated on load by MIGRATIONS (version n -> n + 1).
"""

from __future__ import annotations

import datetime
import json
import os
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from model import atomic, limits
from model.formats import FormatError, load_format
from model.report import Contact, Report
from model.review.provenance import provenance_from_json, provenance_to_json
from model.values import MAX_VALUE, Value, to_json
from model.vocabulary import DEFAULT_LEVEL

SUFFIX = ".nianbao"
VERSION = 1
MAX_BYTES = limits.MAX_DRAFT_BYTES
_DECIMAL = re.compile(r"^-?\d{1,15}(\.\d{1,10})?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class DraftError(Exception):
    """A draft that cannot be read or saved; the message is one Chinese sentence for the clerk."""


class ReadOnlyDraftError(DraftError):
    """The draft to save over is read-only: the clerk saves under another name (另存为)."""


def _migrate_0(data: dict[str, Any]) -> dict[str, Any]:
    """Version 0 (pre-release) kept the values under "cells" and had no "units"."""
    data = dict(data)
    data["values"] = data.pop("cells", {})
    data.setdefault("units", {})
    return data


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _migrate_0}


def report_to_dict(report: Report, with_previous: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {
        "nianbao": "draft",
        "version": VERSION,
        "format": report.format_id,
        "year": report.year,
        "agency": report.agency,
        "level": report.level,
        "contact": {f: getattr(report.contact, f) for f in Contact.FIELDS},
        "prose": dict(report.prose),
        "values": {k: to_json(v) for k, v in report.values.items()},
        "units": dict(report.units),
        "stated": {k: (None if v is None else to_json(v)) for k, v in report.stated.items()},
        "invalid": dict(report.invalid),
    }
    if report.published is not None:
        data["published"] = report.published.isoformat()
    if report.pack:
        data["pack"] = report.pack
    if report.sign_off_date is not None:
        data["sign_off_date"] = report.sign_off_date.isoformat()
    if report.ledger is not None and with_previous:  # last year's report is kept without its ledger
        from model.ledger import source as ledger_source  # here: most drafts have no ledger

        data["ledger"] = ledger_source.to_dict(report.ledger)
    if report.provenance:
        data["provenance"] = provenance_to_json(report.provenance)
    if with_previous:
        data["previous"] = report_to_dict(report.previous, False) if report.previous else None
        data["previous_source"] = report.previous_source
    return data


def dumps(report: Report) -> bytes:
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=1).encode("utf-8")


def save(report: Report, path: str | os.PathLike[str]) -> None:
    """Write atomically: a temporary file beside the target, flushed and synced, then renamed over it.

    The file it replaces is kept as ``NAME.bak``, and its permissions go to the new file. A crash at any point
    leaves either the old or the new file; what a crashed save left behind goes at the next save. A read-only
    draft is not replaced (ReadOnlyDraftError); a failed write leaves no temporary file and raises DraftError
    with the reason in Chinese (磁盘空间不足, 没有写入权限, 文件路径过长 …).
    """
    target = Path(path)
    name = target.name
    data = dumps(report)
    if len(data) > MAX_BYTES:  # within the limits it never is: never write what cannot open
        raise DraftError(f"无法保存“{name}”：报告内容过多（{len(data) // 1024} KB），超过了草稿文件的上限")
    try:
        if atomic.is_read_only(target):
            raise ReadOnlyDraftError(f"“{name}”是只读文件，请另存为其他文件")
        atomic.clean_stale(target.parent, {name, name + ".bak"})
        mode = atomic.mode_of(target)
        if mode is not None:
            atomic.write(target.with_name(name + ".bak"), target.read_bytes(), mode)
        atomic.write(target, data, mode)
    except OSError as exc:
        raise DraftError(f"无法保存“{name}”：{atomic.problem(exc, target)}") from exc
    _sync_dir(target.parent)


def _sync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:  # the rename made durable; a folder that cannot be synced (some network shares) is no failed save
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def load(path: str | os.PathLike[str]) -> Report:
    """Read a draft; any problem raises DraftError with one clear Chinese sentence."""
    name = Path(path).name
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise DraftError(f"无法打开“{name}”：文件过大（{size // 1024} KB），不是有效的草稿文件")
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise DraftError(f"无法打开“{name}”：{exc.strerror or exc}") from exc
    return loads(raw, name)


def loads(raw: bytes, name: str = "草稿") -> Report:
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise DraftError(f"无法打开“{name}”：不是文本文件，不是有效的草稿文件") from exc
    except json.JSONDecodeError as exc:
        raise DraftError(f"无法打开“{name}”：文件已损坏或不完整（第{exc.lineno}行第{exc.colno}列）") from exc
    except RecursionError as exc:
        raise DraftError(f"无法打开“{name}”：文件结构嵌套过深，不是有效的草稿文件") from exc
    except ValueError as exc:  # an integer of more than 4300 digits (Python's int_max_str_digits)
        raise DraftError(f"无法打开“{name}”：文件中有位数过多的数字，不是有效的草稿文件") from exc
    try:
        return report_from_dict(_upgrade(data, name), with_previous=True)
    except DraftError:
        raise
    except (KeyError, TypeError, ValueError, InvalidOperation, FormatError) as exc:
        raise DraftError(f"无法打开“{name}”：文件内容不符合草稿格式（{_describe(exc)}）") from exc


def _describe(exc: Exception) -> str:
    text = f"缺少或未知的项目 {exc.args[0]}" if isinstance(exc, KeyError) else str(exc)
    return limits.clean(text, 120)  # a key may be any text, lone surrogates too


def _upgrade(data: Any, name: str) -> dict[str, Any]:
    if not isinstance(data, dict) or data.get("nianbao") != "draft":
        raise DraftError(f"无法打开“{name}”：这不是年报助手的草稿文件")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise DraftError(f"无法打开“{name}”：草稿的版本号无效")
    if version > VERSION:
        raise DraftError(f"无法打开“{name}”：草稿由较新版本的年报助手保存（格式版本{version}），请升级本程序")
    upgraded: dict[str, Any] = data
    while version < VERSION:
        upgraded = MIGRATIONS[version](upgraded)
        version += 1
    return upgraded


def _text(value: Any, what: str, limit: int) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what}应为文字")
    if len(value) > limit:
        raise ValueError(f"{what}过长")
    return limits.clean(value, limit)  # "\ud800" in the JSON: a lone surrogate no save could write


def _mapping(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError(f"{what}应为对象")
    return value


def _number(value: Any, what: str, kind: str) -> Value:
    """A stored value: counts are JSON integers, amounts decimal strings; anything else is a broken file."""
    number: Value | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and kind in ("amount", "money") and _DECIMAL.match(value):
        number = Decimal(value)
    if number is None or abs(Decimal(number)) >= MAX_VALUE:
        raise TypeError(f"{what}不是有效数值")
    return number


def _date(value: Any, what: str) -> datetime.date | None:
    """An optional ISO date (「2025-01-20」); anything else is a broken file."""
    if value is None:
        return None
    if not isinstance(value, str) or not _DATE.match(value):
        raise TypeError(f"{what}应为“年-月-日”格式的日期")
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:  # 2025-02-30
        raise ValueError(f"{what}“{value}”不是有效日期") from None
    if not limits.MIN_YEAR <= day.year <= limits.MAX_YEAR:
        raise ValueError(f"{what}“{value}”无效")
    return day


def report_from_dict(data: dict[str, Any], with_previous: bool = False) -> Report:
    """Build a report from a draft's JSON object, checking every field's type."""
    format_id = _text(data["format"], "格式", limits.MAX_FORMAT_ID)
    try:
        fmt = load_format(format_id)
    except KeyError:
        raise ValueError(f"未知的报告格式“{format_id}”") from None
    year = data["year"]
    if not isinstance(year, int) or isinstance(year, bool) or not limits.MIN_YEAR <= year <= limits.MAX_YEAR:
        raise ValueError("报告年度无效")
    report = Report(
        fmt.id,
        year,
        _text(data.get("agency", ""), "机关名称", limits.MAX_AGENCY),
        _text(data.get("level", DEFAULT_LEVEL), "机关层级", limits.MAX_LEVEL),
    )
    contact = _mapping(data.get("contact", {}), "联系方式")
    report.contact = Contact(
        **{f: _text(contact.get(f, ""), f, limits.MAX_CONTACT_FIELD) for f in Contact.FIELDS}
    )
    sections = {s.key for s in fmt.sections if s.kind == "prose"}
    for key, text in _mapping(data.get("prose", {}), "正文").items():
        if key not in sections:
            raise KeyError(key)
        report.prose[key] = _text(text, "正文", limits.MAX_PROSE)
    _read_cells(report, data)
    report.published = _date(data.get("published"), "发布日期")
    report.sign_off_date = _date(data.get("sign_off_date"), "落款日期")
    report.pack = _text(
        data.get("pack", ""), "执行口径", limits.MAX_FORMAT_ID
    )  # kept where it is not installed
    if data.get("ledger") is not None:
        from model.ledger import source as ledger_source

        report.ledger = ledger_source.from_dict(data["ledger"], set(fmt.cells))
    if data.get("provenance"):
        report.provenance = provenance_from_json(data["provenance"], fmt.cells)
    if with_previous and data.get("previous") is not None:
        report.previous = report_from_dict(_mapping(data["previous"], "上年报告"))
        report.previous_source = _text(data.get("previous_source", ""), "上年报告来源", limits.MAX_SOURCE)
    return report


def _read_cells(report: Report, data: dict[str, Any]) -> None:
    cells = report.fmt.cells
    for key, value in _mapping(data.get("values", {}), "数值").items():
        if key not in cells or key in report.fmt.totals:
            raise KeyError(key)
        report.values[key] = _number(value, key, cells[key].kind)
    for key, unit in _mapping(data.get("units", {}), "单位").items():
        if key not in cells:
            raise KeyError(key)
        report.units[key] = _text(unit, "单位", limits.MAX_UNIT)
    for key, value in _mapping(data.get("stated", {}), "填报总计").items():
        if key not in report.fmt.totals:
            raise KeyError(key)
        report.stated[key] = None if value is None else _number(value, key, cells[key].kind)
    for key, text in _mapping(data.get("invalid", {}), "无效数值").items():
        if key not in cells:
            raise KeyError(key)
        report.invalid[key] = _text(text, key, limits.MAX_CELL_TEXT)
    report.changed()
