"""The reviewer's marks (确认 / 不予采纳 and a comment) on findings, kept in a JSON file beside the reports.

File (``审核记录.nianbao-review``, written atomically)::

    {"nianbao": "review", "version": 1,
     "marks": [{"unit": "某某市教育局", "code": "T3-BAL", "cells": ["t3.new.total"], "message": "...",
                "verdict": "确认", "comment": "已电话告知"}],
     "dropped": [{"unit": ..., "code": ..., "message": ..., "verdict": ..., "comment": ..., "note": "..."}]}

A mark follows "the same finding": the same unit (compared loosely), rule code and cells — so a corrected report
read again keeps its marks on what is still wrong; a mark whose finding is gone is dropped with a note.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from model import atomic, limits
from model.engine import Finding
from model.review.names import unit_key

VERDICTS = ("确认", "不予采纳")
VERSION = 1
MAX_BYTES = 16 * 1024 * 1024
MAX_COMMENT = 2000


class MarksError(Exception):
    """The review file cannot be read or written: one Chinese sentence."""


@dataclass(frozen=True)
class Mark:
    unit: str
    code: str
    cells: tuple[str, ...]
    message: str
    verdict: str  # 确认 / 不予采纳
    comment: str = ""

    @property
    def key(self) -> tuple[str, str, tuple[str, ...]]:
        return mark_key(self.unit, self.code, self.cells)


def mark_key(unit: str, code: str, cells: Iterable[str]) -> tuple[str, str, tuple[str, ...]]:
    """What makes two findings the same: the unit, the rule code and the cells."""
    return unit_key(unit), code, tuple(sorted(cells))


class MarkStore:
    """The marks of one folder; ``save`` writes the file in one step."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.marks: dict[tuple[str, str, tuple[str, ...]], Mark] = {}
        self.dropped: list[dict[str, str]] = []

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> MarkStore:
        """The marks in the file, or none when there is no file yet; a broken file raises MarksError."""
        store = cls(path)
        try:
            if store.path.stat().st_size > MAX_BYTES:
                raise MarksError(f"“{store.path.name}”过大，不是有效的审核记录")
            data = json.loads(store.path.read_text(encoding="utf-8-sig"))
        except FileNotFoundError:
            return store
        except (OSError, ValueError) as exc:
            raise MarksError(f"无法读取审核记录“{store.path.name}”：文件已损坏或无法打开") from exc
        try:
            store._take(data)
        except (KeyError, TypeError, ValueError) as exc:
            raise MarksError(f"无法读取审核记录“{store.path.name}”：内容不符合格式") from exc
        return store

    def _take(self, data: Any) -> None:
        if not isinstance(data, dict) or data.get("nianbao") != "review":
            raise ValueError("not a review file")
        for item in data["marks"]:
            mark = Mark(
                _text(item["unit"], limits.MAX_AGENCY),
                _text(item["code"], 40),
                tuple(_text(c, 80) for c in item["cells"]),
                _text(item.get("message", ""), 4000),
                _verdict(item["verdict"]),
                _text(item.get("comment", ""), MAX_COMMENT),
            )
            self.marks[mark.key] = mark
        self.dropped = [{str(k): str(v) for k, v in d.items()} for d in data.get("dropped", [])]

    def save(self) -> None:
        data = {
            "nianbao": "review",
            "version": VERSION,
            "marks": [{**asdict(m), "cells": list(m.cells)} for m in self.marks.values()],
            "dropped": self.dropped,
        }
        try:
            atomic.write(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
        except OSError as exc:
            raise MarksError(f"无法保存审核记录“{self.path.name}”：{atomic.problem(exc)}") from exc

    def get(self, unit: str, finding: Finding) -> Mark | None:
        return self.marks.get(mark_key(unit, finding.code, finding.cells))

    def put(self, unit: str, finding: Finding, verdict: str | None, comment: str = "") -> None:
        """Mark a finding (``verdict`` None takes the mark away)."""
        key = mark_key(unit, finding.code, finding.cells)
        if verdict is None:
            self.marks.pop(key, None)
            return
        mark = Mark(unit, finding.code, tuple(finding.cells), finding.message, _verdict(verdict), comment)
        self.marks[key] = mark

    def reconcile(self, findings: dict[str, list[Finding]]) -> list[str]:
        """After the reports were read (again): drop the marks of the units read whose finding is gone; returns
        one note per mark dropped. Units not read this time keep their marks."""
        read = {unit_key(u): fs for u, fs in findings.items()}
        notes = []
        for key, mark in list(self.marks.items()):
            current = read.get(key[0])
            if current is None or any(mark_key(mark.unit, f.code, f.cells) == key for f in current):
                continue
            note = f"{mark.unit}：问题“{mark.message}”在重新读取的报告中已不存在，审核意见（{mark.verdict}）已移除"
            notes.append(note)
            self.dropped.append({**asdict(mark), "cells": "、".join(mark.cells), "note": note})
            del self.marks[key]
        return notes


def _text(value: Any, limit: int) -> str:
    if not isinstance(value, str):
        raise TypeError("text expected")
    return limits.clean(value, limit)


def _verdict(value: Any) -> str:
    if value not in VERDICTS:
        raise ValueError(f"verdict {value!r}")
    return str(value)
