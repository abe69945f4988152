"""Unit names matched loosely against a roster: 全称/简称, a 「某某市」「区」 prefix more or less; the match is said."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from model.report import agency_key

# a place name and its kind at the start of a unit's name: 「某某市」「某某区」「市」「区」 (twice: 「某某市某某区」)
_REGION = re.compile(r"^(?:[\u4e00-\u9fff]{0,5}?(?:自治区|省|市|区|县|旗)){1,2}")
_GOVERNMENT = ("人民政府", "政府")  # 「某某镇人民政府」, 「某某镇政府」 and 「某某镇」 are one unit
_COMMITTEE = ("委员会", "委")  # 「发展和改革委员会」 is 「发改委」 for short

EXACT, PREFIX, SHORT = "全称一致", "前缀不同", "简称"


def unit_key(name: str) -> str:
    """A unit's name for comparison: ``agency_key`` (full-width, spaces), 「人民政府」 read as 「政府」 and left out at
    the end, a closing 「委员会」 as 「委」."""
    key = agency_key(name).replace(_GOVERNMENT[0], _GOVERNMENT[1])
    if key.endswith(_GOVERNMENT[1]) and len(key) > len(_GOVERNMENT[1]) + 1:
        key = key[: -len(_GOVERNMENT[1])]
    if key.endswith(_COMMITTEE[0]):
        key = key[: -len(_COMMITTEE[0])] + _COMMITTEE[1]
    return key


def without_region(key: str) -> str:
    """The name without its leading place name(s), when something of two characters or more is left."""
    match = _REGION.match(key)
    if match is None:
        return key
    rest = key[match.end() :]
    return rest if len(rest) >= 2 else key


def _in_order(short: str, long: str) -> bool:
    """Every character of ``short`` in ``long``, in order, and the same last character (局、委、办、镇 …)."""
    if not short or not long or short[-1] != long[-1] or len(short) >= len(long):
        return False
    found = iter(long)
    return all(char in found for char in short)


@dataclass(frozen=True)
class _Keyed:
    """A name with its keys computed once: ``unit_key`` and that without the place name(s)."""

    name: str
    key: str
    bare: str


def _keyed(name: str) -> _Keyed:
    key = unit_key(name)
    return _Keyed(name, key, without_region(key))


def _alike(a: _Keyed, b: _Keyed) -> tuple[int, str] | None:
    if not a.key or not b.key:
        return None
    if a.key == b.key:
        return 0, EXACT
    if a.bare in (b.bare, b.key) or a.key == b.bare:
        return 1, PREFIX
    if a.bare.endswith(b.bare) or b.bare.endswith(a.bare):
        return 2, SHORT
    if _in_order(a.bare, b.bare) or _in_order(b.bare, a.bare):
        return 2, SHORT
    return None


def how_alike(roster_name: str, unit_name: str) -> tuple[int, str] | None:
    """(rank, how) when the names are the same unit — 0 全称一致, 1 前缀不同, 2 简称 — else None."""
    return _alike(_keyed(roster_name), _keyed(unit_name))


@dataclass(frozen=True)
class Match:
    """A report's unit as found on the roster, and how (全称一致 / 前缀不同 / 简称)."""

    roster_name: str
    how: str

    @property
    def text(self) -> str:
        return self.roster_name if self.how == EXACT else f"{self.roster_name}（{self.how}）"


class Roster:
    """A roster's names with their keys computed once, looked up by key: a unit found 全称一致 or 前缀不同 costs
    two dictionary look-ups, only the others are compared with every name (a roster of 1,000 units and a folder
    of 1,000 reports: milliseconds, not the million comparisons of name against name)."""

    def __init__(self, names: Iterable[str]) -> None:
        self.given = list(names)  # as read, in order
        self.names = [k for k in map(_keyed, dict.fromkeys(self.given)) if k.key]
        self._by_key: dict[str, list[_Keyed]] = {}
        self._by_bare: dict[str, list[_Keyed]] = {}
        for name in self.names:
            self._by_key.setdefault(name.key, []).append(name)
            self._by_bare.setdefault(name.bare, []).append(name)

    def match(self, unit: str) -> Match | None:
        """The closest roster name; None when there is none, or two fit equally well (「教育局」 and 「体育局」 for
        「教体局」)."""
        found = _keyed(unit)
        if not found.key:
            return None
        tied = self._by_key.get(found.key)
        how = EXACT
        if not tied:
            near = (self._by_bare.get(found.bare), self._by_bare.get(found.key), self._by_key.get(found.bare))
            tied, how = list({id(n): n for names in near if names for n in names}.values()), PREFIX
        if not tied:
            tied, how = [n for n in self.names if _alike(n, found) is not None], SHORT
        return Match(tied[0].name, how) if len(tied) == 1 else None


def match_units(roster: Roster | Iterable[str], units: Iterable[str]) -> dict[str, Match]:
    """Each unit name that is on the roster → its match, the closest roster name (``Roster.match``). Two files of
    one unit match the same name (the duplicates)."""
    names = roster if isinstance(roster, Roster) else Roster(roster)
    out: dict[str, Match] = {}
    for unit in dict.fromkeys(units):
        match = names.match(unit)
        if match is not None:
            out[unit] = match
    return out


def read_roster_text(text: str) -> list[str]:
    """The unit names of a roster typed as text: one a line, numbering (「1.」「（2）」「3、」), blank lines and
    lines starting with # left out."""
    names = []
    for line in text.splitlines():
        name = re.sub(r"^\s*(?:[（(]?\d+[)）.、．]?)\s*", "", line).strip()
        if name and not name.startswith("#"):
            names.append(name)
    return names
