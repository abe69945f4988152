"""Rule packs (执行口径): a province's or city's checks as a small format file, applied over the report's format.

A pack is a file in resources/packs (or a folder of $NIANBAO_FORMATS), found by the same loader as the formats::

    {"schema": 1, "id": "2025sample", "pack": true, "extends": "2021", "name": "某市2025年度执行口径（示例）",
     "notice": "…", "example": true,
     "rules": [{"code": "SEC-LEN", "severity": "warning", "kind": "section_length", …}],
     "drop_rules": []}

``extends`` names the format it is written for; it then fits that format and every variant of it. Only its
``rules`` and ``drop_rules`` apply (as for a variant: a known code replaces the rule, a new code is added), so the
report keeps its format's id, name, tables and readers. A report without a pack (``Report.pack`` "") is checked by
its format's national rules only (国家格式). A file that is not a valid pack raises PackError, one Chinese sentence.
"""

from __future__ import annotations

from functools import cache
from typing import Any, NamedTuple

from model.format_extend import with_rules
from model.format_spec import Format, FormatError, build_format
from model.formats import (
    definition,
    format_ids,
    format_summary,
    load_format,
    on_reload,
    own_definition,
    pack_ids,
)
from model.vocabulary import SEVERITIES

NATIONAL = ""  # the choice 「国家格式」: the format's own rules only
NATIONAL_LABEL = "国家格式（只按全国统一的要求校验）"
EXAMPLE_MARK = "（示例）"
PACK_KEYS = {
    "schema",
    "id",
    "pack",
    "extends",
    "name",
    "notice",
    "example",
    "description",
    "rules",
    "drop_rules",
}


class PackError(FormatError):
    """A rule pack that cannot be used; the message is one Chinese sentence naming the file."""


class PackSummary(NamedTuple):
    id: str
    name: str
    notice: str
    extends: str
    example: bool = False

    @property
    def label(self) -> str:
        """How 执行口径 lists it: its name, marked 「（示例）」 when it is an example."""
        mark = EXAMPLE_MARK if self.example and "示例" not in self.name else ""
        return f"{self.name}{mark}"


def pack_summary(pack_id: str) -> PackSummary:
    """What a pack is called and which format it is for; PackError when the file is no valid pack."""
    name, data = _own(pack_id)
    return PackSummary(
        pack_id, data["name"], str(data.get("notice", "")), data["extends"], bool(data.get("example"))
    )


def packs_for(format_id: str) -> tuple[str, ...]:
    """The packs that fit a format: written for it or for a format it is a variant of."""
    return tuple(p for p in pack_ids() if fits(p, format_id))


def fits(pack_id: str, format_id: str) -> bool:
    """The pack is here and written for the format or a format it is a variant of."""
    if pack_id not in pack_ids():
        return False
    chain, current = [], format_id
    while current:
        chain.append(current)
        current = format_summary(current).extends or ""
    return own_definition(pack_id)[1].get("extends") in chain  # read as written: a broken pack still fits


@cache
def pack_format(format_id: str, pack_id: str) -> Format:
    """The report's format with the pack's rules applied; PackError (Chinese) when the pack cannot be used."""
    name, data = _own(pack_id)
    if not fits(pack_id, format_id):
        base = format_summary(data["extends"]).name
        raise PackError(
            f"执行口径“{data['name']}”是按{base}编写的，不适用于{format_summary(format_id).name}的报告"
        )
    try:
        fmt = build_format(with_rules(definition(format_id), data))
    except FormatError as exc:
        raise PackError(f"执行口径文件“{name}”有误：{exc}") from exc
    _probe(fmt, {rule["code"] for rule in data.get("rules", [])}, name)
    return fmt


def _probe(fmt: Format, codes: set[str], name: str) -> None:
    """Run the pack's rules once on a report with some text, so a missing or mistyped parameter is told now,
    in one sentence, and never stops the checks of a real report."""
    from model.engine import RULES
    from model.report import Report

    report = Report(fmt.id, fmt.years[0])
    report.prose = {s.key: "本年新收申请1件，占10%。" for s in fmt.sections if s.kind == "prose"}
    report.previous = Report(fmt.id, fmt.years[0] - 1, prose=dict(report.prose))
    for spec in fmt.rules:
        if spec.code not in codes:
            continue
        try:
            list(RULES[spec.kind](report, spec))
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
            missing = f"缺少“{exc.args[0]}”" if isinstance(exc, KeyError) else f"{type(exc).__name__}: {exc}"
            raise PackError(f"执行口径文件“{name}”有误：规则{spec.code}的参数不对（{missing}）") from exc


def format_with_pack(format_id: str, pack_id: str) -> Format:
    """What ``Report.fmt`` is: the format with the pack's rules, or the format alone when the pack is not here
    (a draft saved where the pack was installed), does not fit (the report moved to another format) or is broken."""
    if pack_id and fits(pack_id, format_id):
        try:
            return pack_format(format_id, pack_id)
        except PackError:  # chosen before the file was spoilt: 基本信息 and `check --pack` say why
            pass
    return load_format(format_id)


def check_pack(pack_id: str, format_id: str | None = None) -> str:
    """The pack's id if it can be used (for ``format_id`` when given); PackError says why not."""
    if pack_id not in pack_ids():
        known = "、".join(pack_ids()) or "（没有）"
        raise PackError(f"没有名为“{pack_id}”的执行口径；可用的有：{known}")
    if format_id is not None:
        pack_format(format_id, pack_id)
    else:
        _own(pack_id)
    return pack_id


def pack_rules() -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(label, [(code, severity, description)]) of every usable pack, for the help's list of rules."""
    out = []
    for pack_id in pack_ids():
        try:
            summary, (_, data) = pack_summary(pack_id), _own(pack_id)
        except PackError:
            continue
        rules = [(r["code"], r["severity"], str(r.get("description", ""))) for r in data.get("rules", [])]
        out.append((summary.label, rules))
    return out


@cache
def _own(pack_id: str) -> tuple[str, dict[str, Any]]:
    """The pack's file name and JSON, checked for what a pack must say."""
    name, data = own_definition(pack_id)
    problem = _problem(data)
    if problem:
        raise PackError(f"执行口径文件“{name}”有误：{problem}")
    return name, data


def _problem(data: dict[str, Any]) -> str:
    from model.engine import RULES  # the kinds registered by the rule modules (which import this one's users)

    unknown = sorted(set(data) - PACK_KEYS)
    if unknown:
        return f"执行口径只能增减校验规则，不能有“{'、'.join(unknown)}”"
    if not isinstance(data.get("name"), str) or not data["name"].strip():
        return "缺少名称（name）"
    if data.get("extends") not in format_ids():
        return f"适用的报告格式（extends）“{data.get('extends')}”不存在"
    rules = data.get("rules", [])
    if not isinstance(rules, list) or not isinstance(data.get("drop_rules", []), list):
        return "rules 和 drop_rules 应为列表"
    for number, rule in enumerate(rules, 1):
        if not isinstance(rule, dict) or not isinstance(rule.get("code"), str):
            return f"第{number}条规则缺少代码（code）"
        if rule.get("kind") not in RULES:
            return f"规则{rule['code']}的种类“{rule.get('kind')}”不存在"
        if rule.get("severity") not in SEVERITIES:
            return (
                f"规则{rule['code']}的严重程度应为{'、'.join(SEVERITIES)}之一，而不是“{rule.get('severity')}”"
            )
    return ""


on_reload(pack_format.cache_clear)
on_reload(_own.cache_clear)
