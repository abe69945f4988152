"""A roll-up's provenance in a draft file: ``"provenance": {cell id: [[unit, file, value], ...]}``, optional."""

from __future__ import annotations

from typing import Any

from model import limits

Provenance = dict[str, tuple[tuple[str, str, str], ...]]
MAX_VALUE_TEXT = 40


def provenance_to_json(provenance: Provenance) -> dict[str, list[list[str]]]:
    return {cell: [list(part) for part in parts] for cell, parts in provenance.items()}


def provenance_from_json(data: Any, cells: dict[str, Any]) -> Provenance:
    """Checked as every field of a draft: known cells, three texts a contribution, within the limits."""
    if not isinstance(data, dict):
        raise TypeError("汇总来源应为对象")
    out: Provenance = {}
    for cell, parts in data.items():
        if cell not in cells:
            raise KeyError(cell)
        if not isinstance(parts, list):
            raise TypeError("汇总来源应为列表")
        out[cell] = tuple(_part(part) for part in parts)
    return out


def _part(part: Any) -> tuple[str, str, str]:
    if not isinstance(part, list) or len(part) != 3 or not all(isinstance(p, str) for p in part):
        raise TypeError("汇总来源的每一项应为单位、文件和数值")
    unit, file, value = part
    return (
        limits.clean(unit, limits.MAX_AGENCY),
        limits.clean(file, limits.MAX_SOURCE),
        limits.clean(value, MAX_VALUE_TEXT),
    )
