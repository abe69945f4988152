"""The choices of 执行口径 for a report: the national rules only, then the packs that fit its format."""

from __future__ import annotations

from typing import NamedTuple

from model.packs import NATIONAL, NATIONAL_LABEL, PackError, check_pack, pack_summary, packs_for
from model.report import Report

MISSING = "“{id}”（本机没有这个执行口径，按国家格式校验）"


class PackChoice(NamedTuple):
    value: str  # the pack's id, "" for the national rules
    label: str
    tip: str = ""
    usable: bool = True  # False: a broken pack file, listed with its reason but not to be chosen


def pack_choices(report: Report) -> list[PackChoice]:
    """The choices for 基本信息's list; a pack the draft names but this machine lacks is listed too, so the
    choice is not lost by opening the draft."""
    out = [PackChoice(NATIONAL, NATIONAL_LABEL, "只按国务院办公厅规定的格式和全国统一的要求校验")]
    for pack_id in packs_for(report.format_id):
        try:
            check_pack(pack_id, report.format_id)
        except PackError as exc:  # a broken file in a formats folder: listed with its reason, not chosen
            out.append(PackChoice(pack_id, f"{pack_id}（文件有误）", str(exc), usable=False))
            continue
        summary = pack_summary(pack_id)
        out.append(PackChoice(pack_id, summary.label, summary.notice))
    if report.pack and report.pack not in [choice.value for choice in out]:
        out.append(PackChoice(report.pack, MISSING.format(id=report.pack)))
    return out
