"""One set of limits: the draft loader refuses just beyond each, clamp cuts just to it, and whatever clamp leaves
(the readers' last step) saves and loads back equal — also the largest report the limits allow."""

from __future__ import annotations

import datetime
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import draft, limits
from model.clamp import CODE, clamp
from model.report import Contact, Report
from tests.support.factories import full_2021

PROSE = ("s1", "s5", "s6")


def _round_trip(report: Report) -> Report:
    return draft.loads(draft.dumps(report))


def _dict_with(**changes: object) -> bytes:
    data = json.loads(draft.dumps(full_2021()))
    for key, value in changes.items():
        data[key] = value
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


FIELDS = {  # draft field -> (limit, JSON at a given length)
    "agency": (limits.MAX_AGENCY, lambda n: {"agency": "机" * n}),
    "contact": (limits.MAX_CONTACT_FIELD, lambda n: {"contact": {"address": "址" * n}}),
    "prose": (limits.MAX_PROSE, lambda n: {"prose": {"s5": "文" * n}}),
    "invalid": (limits.MAX_CELL_TEXT, lambda n: {"invalid": {"t3.new.natural": "注" * n}}),
    "level": (limits.MAX_LEVEL, lambda n: {"level": "级" * n}),
    "units": (limits.MAX_UNIT, lambda n: {"units": {"t2.fees.amount": "元" * n}}),
    "previous_source": (
        limits.MAX_SOURCE,
        lambda n: {"previous": draft.report_to_dict(full_2021(2022), False), "previous_source": "源" * n},
    ),
}


@pytest.mark.parametrize("field", sorted(FIELDS))
def test_the_draft_loader_keeps_the_same_limits(field):
    limit, data = FIELDS[field]
    draft.loads(_dict_with(**data(limit)))  # at the limit: opens
    with pytest.raises(draft.DraftError, match="不符合草稿格式"):
        draft.loads(_dict_with(**data(limit + 1)))


def _largest() -> Report:
    """Every text at its limit, in characters that JSON writes longest (a control character: \\u0001)."""
    widest = "\x01"
    report = full_2021()
    fmt = report.fmt
    report.agency, report.level = widest * limits.MAX_AGENCY, widest * limits.MAX_LEVEL
    report.contact = Contact(**{f: widest * limits.MAX_CONTACT_FIELD for f in Contact.FIELDS})
    report.prose = {key: widest * limits.MAX_PROSE for key in PROSE}
    report.invalid = {cell: widest * limits.MAX_CELL_TEXT for cell in fmt.cells}
    report.units = {cell: widest * limits.MAX_UNIT for cell in fmt.cells}
    return report


def test_the_largest_report_within_the_limits_fits_in_a_draft_file(tmp_path):
    report = _largest()
    report.previous = _largest()
    report.previous_source = "\x01" * limits.MAX_SOURCE
    assert len(draft.dumps(report)) <= limits.MAX_DRAFT_BYTES
    draft.save(report, tmp_path / "大.nianbao")
    assert draft.load(tmp_path / "大.nianbao") == report


def test_clamp_cuts_every_text_to_its_limit_and_says_so():
    report = full_2021()
    report.agency = "某" * 250
    report.contact.address = "路" * 600
    report.prose["s5"] = "问" * (limits.MAX_PROSE + 5)
    report.invalid["t3.new.natural"] = "备注" * 125  # 250 characters in a cell
    report.year = 1985
    report.published = datetime.date(1900, 1, 1)
    found = clamp(report)
    assert {f.code for f in found} == {CODE}
    messages = [f.message for f in found]
    assert "机关名称过长（250字），只保留了前200字，请核对" in messages
    assert any("“地址”过长（600字）" in m for m in messages)
    assert any("“五、存在的主要问题及改进情况”的正文过长" in m for m in messages)
    cell = next(f for f in found if f.cells)
    assert cell.cells == ("t3.new.natural",) and "“表三·自然人·本年新收”中的文字过长（250字）" in cell.message
    assert any("报告年度“1985”无效" in m for m in messages) and report.year == 2021
    assert report.published is None
    assert len(report.agency) == 200 and len(report.invalid["t3.new.natural"]) == 200
    assert clamp(report) == []  # nothing more to cut
    assert _round_trip(report) == report


def test_clamp_replaces_lone_surrogates_that_utf8_cannot_save():
    report = full_2021()
    report.agency = "某\ud800局"
    assert clamp(report) == [] and report.agency == "某\ufffd局"
    assert _round_trip(report) == report


def test_a_previous_report_keeps_one_year_back():
    report, previous, older = full_2021(2023), full_2021(2022), full_2021(2021)
    previous.previous, previous.previous_source = older, "2021.nianbao"
    report.previous = previous
    clamp(report)
    assert report.previous.previous is None and _round_trip(report) == report


LONG = st.builds(lambda part, times: part * times, st.text(min_size=1, max_size=8), st.integers(0, 700))
TEXT = st.one_of(st.text(max_size=40), LONG)
CELLS = sorted(full_2021().fmt.cells)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    agency=TEXT,
    contact=st.lists(TEXT, min_size=6, max_size=6),
    prose=st.dictionaries(st.sampled_from(PROSE), st.one_of(TEXT, st.just("长" * (limits.MAX_PROSE + 1)))),
    invalid=st.dictionaries(st.sampled_from(CELLS), TEXT, max_size=5),
    year=st.integers(1900, 2099),
    published=st.none() | st.dates(datetime.date(1900, 1, 1), datetime.date(2099, 12, 31)),
)
def test_whatever_clamp_leaves_saves_and_loads_back_equal(agency, contact, prose, invalid, year, published):
    report = full_2021()
    report.agency, report.year, report.published = agency, year, published
    report.contact = Contact(*contact)
    report.prose.update(prose)
    report.invalid.update(invalid)
    clamp(report)
    assert _round_trip(report) == report


def test_a_format_with_an_id_a_draft_cannot_keep_is_refused(tmp_path, monkeypatch):
    from model import formats

    variant = {
        "schema": 1,
        "id": "x" * (limits.MAX_FORMAT_ID + 1),
        "extends": "2021",
        "name": "长",
        "notice": "长",
    }
    (tmp_path / "long.json").write_text(json.dumps(variant), encoding="utf-8")
    monkeypatch.setenv("NIANBAO_FORMATS", str(tmp_path))
    formats.reload_formats()
    try:
        with pytest.raises(formats.FormatError, match="1 to 20 characters"):
            formats.format_ids()
    finally:
        monkeypatch.delenv("NIANBAO_FORMATS")
        formats.reload_formats()
