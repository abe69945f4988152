"""The help page's text (F1): resources/help.html with the window's keys, every format's rules and the folders."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from model.formats import format_ids, format_summary, load_format
from model.packs import pack_rules
from model.vocabulary import SEVERITY_NAMES

HELP_FILE = "help.html"


@dataclass(frozen=True)
class RuleRow:
    """One line of the rules table: a code, its severity and description, and the formats that have it so."""

    code: str
    severity: str
    description: str
    formats: tuple[str, ...]


def rule_rows(ids: list[str] | None = None) -> list[RuleRow]:
    """Every rule of every format (from the format files), one row per code and wording, in the files' order."""
    rows: dict[tuple[str, str, str], list[str]] = {}
    for format_id in ids if ids is not None else format_ids():
        fmt = load_format(format_id)
        for spec in fmt.rules:
            described = str(spec.params.get("description", ""))
            rows.setdefault((spec.code, spec.severity, described), []).append(fmt.name)
    return [RuleRow(code, sev, text, tuple(names)) for (code, sev, text), names in rows.items()]


def pack_rule_rows() -> list[RuleRow]:
    """The rules each rule pack (执行口径) adds or changes, named by the pack (model/packs.py)."""
    return [RuleRow(*rule, (label,)) for label, rules in pack_rules() for rule in rules]


def plain(text: str) -> str:
    """A menu text without its access letter: 「另存为(&A)…」 → 「另存为…」."""
    return re.sub(r"\(&[^)]\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


def _table(head: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    cells = "".join(f"<th>{html.escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table border="1" cellspacing="0" cellpadding="4" width="100%"><tr>{cells}</tr>{body}</table>'


def keys_table(keys: list[tuple[str, str]]) -> str:
    """(key sequence, what it does) of the window's menu entries."""
    return _table(("按键", "作用"), [(k, plain(t)) for k, t in keys])


def rules_table(rows: list[RuleRow]) -> str:
    shown = [
        (
            r.code,
            SEVERITY_NAMES.get(r.severity, r.severity),
            r.description or "（格式文件未说明）",
            "、".join(r.formats),
        )
        for r in rows
    ]
    return _table(("代码", "级别", "检查什么", "格式"), shown)


def formats_list() -> str:
    return "、".join(html.escape(format_summary(i).label) for i in format_ids())


def help_html(keys: list[tuple[str, str]], folders: dict[str, str], zoom: str = "") -> str:
    """The page: the resource file's text with {{keys}}, {{rules}}, {{formats}}, {{zoom}} and each folder filled in."""
    text = resources.files("resources").joinpath(HELP_FILE).read_text(encoding="utf-8")
    values = {
        "keys": keys_table(keys),
        "rules": rules_table(rule_rows() + pack_rule_rows()),
        "formats": formats_list(),
        "zoom": html.escape(zoom),
    }
    values.update({name: html.escape(path) for name, path in folders.items()})
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values.get(m.group(1), m.group(0)), text)
