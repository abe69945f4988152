"""PUB-LATE: a report published after its legal deadline (条例第四十九条), the deadlines by level in the format
files; the publication date in the report and in draft files."""

from __future__ import annotations

import copy
import datetime
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import draft
from model.draft import DraftError
from model.engine import evaluate
from model.example import load_example
from model.formats import FormatError, build_format, load_format
from model.vocabulary import LEVELS
from tests.model.test_formats import raw
from tests.support.factories import full_2021

DEPARTMENTS = ("国务院部门", "政府部门")
GOVERNMENTS = ("省级政府", "设区的市政府", "县级政府", "乡镇街道")


def late(report):
    return [f for f in evaluate(report) if f.code == "PUB-LATE"]


@pytest.mark.parametrize("format_id", ["2019", "2021"])
def test_both_formats_name_the_deadlines_by_level(format_id):
    (spec,) = [r for r in load_format(format_id).rules if r.code == "PUB-LATE"]
    assert spec.kind == "publish_deadline" and spec.severity == "warning"
    by_level = {level: d["date"] for d in spec.params["deadlines"] for level in d["levels"]}
    assert by_level == {**dict.fromkeys(DEPARTMENTS, "01-31"), **dict.fromkeys(GOVERNMENTS, "03-31")}
    assert set(by_level) == set(LEVELS)


@pytest.mark.parametrize("level", DEPARTMENTS)
def test_a_department_is_late_after_31_january(level):
    report = full_2021(year=2024, level=level)
    report.published = datetime.date(2025, 1, 31)
    assert late(report) == []
    report.published = datetime.date(2025, 2, 1)
    (finding,) = late(report)
    assert finding.severity == "warning" and finding.cells == ()
    assert "2025年2月1日" in finding.message and "2025年1月31日" in finding.message
    assert level in finding.message and "第四十九条" in finding.message and "晚1天" in finding.message


@pytest.mark.parametrize("level", GOVERNMENTS)
def test_a_government_is_late_after_31_march(level):
    report = full_2021(year=2024, level=level)
    report.published = datetime.date(2025, 3, 31)
    assert late(report) == []
    report.published = datetime.date(2025, 5, 1)
    (finding,) = late(report)
    assert (
        "2025年5月1日" in finding.message
        and "2025年3月31日" in finding.message
        and "晚31天" in finding.message
    )


def test_the_2019_format_and_an_unknown_date():
    report = load_example()  # 2020, 政府部门, 2019 format
    assert report.published is None and late(report) == []
    report.published = datetime.date(2021, 3, 1)
    (finding,) = late(report)
    assert "2021年1月31日" in finding.message


def test_a_variant_sets_an_earlier_local_deadline():
    data = raw("2021")
    variant = copy.deepcopy(data)
    variant["id"] = "2021-local"
    (rule,) = [r for r in variant["rules"] if r["code"] == "PUB-LATE"]
    rule["deadlines"] = [{"levels": ["乡镇街道", "县级政府"], "date": "02-20"}]
    fmt = build_format(variant)
    (spec,) = [r for r in fmt.rules if r.code == "PUB-LATE"]
    assert spec.params["deadlines"][0]["date"] == "02-20"


@pytest.mark.parametrize(
    "deadline",
    [
        {"levels": ["区县政府"], "date": "01-31"},
        {"levels": ["政府部门"], "date": "02-30"},
        {"levels": [], "date": "1-31"},
    ],
)
def test_deadlines_must_name_vocabulary_levels_and_real_days(deadline):
    data = copy.deepcopy(raw("2021"))
    (rule,) = [r for r in data["rules"] if r["code"] == "PUB-LATE"]
    rule["deadlines"] = [deadline]
    with pytest.raises(FormatError):
        build_format(data)


def test_the_date_is_copied_and_saved(tmp_path):
    report = full_2021()
    report.published = datetime.date(2024, 1, 20)
    assert report.copy().published == datetime.date(2024, 1, 20)
    path = tmp_path / "r.nianbao"
    draft.save(report, path)
    assert json.loads(path.read_text("utf-8"))["published"] == "2024-01-20"
    assert draft.load(path).published == datetime.date(2024, 1, 20)


def test_drafts_without_the_date_still_load(tmp_path):
    data = json.loads(draft.dumps(full_2021()))
    assert "published" not in data  # nothing is written for an unknown date
    assert draft.loads(json.dumps(data).encode()).published is None
    data["published"] = None
    assert draft.loads(json.dumps(data).encode()).published is None


@pytest.mark.parametrize(
    "value", ["2024-02-30", "2024/01/20", "20240120", 20240120, ["2024-01-20"], "1899-01-01", ""]
)
def test_a_broken_date_is_a_draft_error(value):
    data = json.loads(draft.dumps(full_2021()))
    data["published"] = value
    with pytest.raises(DraftError, match="不符合草稿格式.*发布日期"):
        draft.loads(json.dumps(data).encode())


@settings(max_examples=100)
@given(st.none() | st.booleans() | st.integers() | st.text(max_size=12) | st.lists(st.integers(), max_size=3))
def test_any_value_gives_a_date_or_a_draft_error(value):
    data = json.loads(draft.dumps(full_2021()))
    data["published"] = value
    try:
        report = draft.loads(json.dumps(data).encode())
    except DraftError:
        return
    assert report.published is None or isinstance(report.published, datetime.date)
