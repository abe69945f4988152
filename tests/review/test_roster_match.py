"""The roster looked up by key (``names.Roster``) finds what comparing every name with every unit finds."""

from __future__ import annotations

from model.review.names import EXACT, PREFIX, SHORT, Match, Roster, how_alike, match_units, unit_key
from tests.support.review_folder import NOT_SUBMITTED, units

ROSTER = [
    "某某县教育局",
    "县公安局",
    "民政局",
    "某某县发展和改革委员会",
    "某某县城关镇人民政府",
    "某某县教育局",  # listed twice: one name
    "教育体育局",
    "某某县体育局",
    "某某县司法局",
    "某某县 司法局",  # the same key as the line above: a unit of that name fits both equally
    "某某市某某县财政局",
    "（）",  # no name left: never matched
    *(f"某某县{n}" for n in NOT_SUBMITTED),
]
UNITS = [
    *(name for name, _ in units()),
    "某某县发改委",
    "城关镇",
    "某某县教体局",
    "财政局",
    "县教育局",
    "某某县司法局",
    "某某县卫生健康局",
    "",
    "某某县",
]


def every_name_compared(roster: list[str], unit: str) -> Match | None:
    """The definition: every roster name compared with the unit, the best rank taken, a tie matched to none."""
    names = list(dict.fromkeys(n for n in roster if unit_key(n)))
    found = [(alike, name) for name in names if (alike := how_alike(name, unit)) is not None]
    if not found:
        return None
    best = min(rank for (rank, _), _ in found)
    tied = [(how, name) for (rank, how), name in found if rank == best]
    return Match(tied[0][1], tied[0][0]) if len(tied) == 1 else None


def test_lookup_equals_comparing_every_name() -> None:
    roster = Roster(ROSTER)
    expected = {u: m for u in dict.fromkeys(UNITS) if (m := every_name_compared(ROSTER, u)) is not None}
    assert match_units(roster, UNITS) == expected
    assert {m.how for m in expected.values()} == {EXACT, PREFIX, SHORT}  # every branch of the look-up is used
    assert "某某县司法局" not in expected  # two roster names of one key: matched to neither
    assert expected["某某县教体局"] == Match("教育体育局", SHORT)


def test_roster_keeps_the_names_as_given() -> None:
    roster = Roster(ROSTER)
    assert roster.given == ROSTER
    assert [n.name for n in roster.names] == list(dict.fromkeys(n for n in ROSTER if unit_key(n)))
    assert roster.match("某某县发改委") == Match("某某县发展和改革委员会", SHORT)
