"""Draft files: round trip, atomic saves with a backup, and every kind of broken or hostile file."""

from __future__ import annotations

import contextlib
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import draft
from model.draft import DraftError
from tests.support.crash import save_killed_before_rename
from tests.support.factories import full_2021


def test_round_trip_keeps_everything(tmp_path, example):
    report = full_2021()
    report.stated["t3.total.total"] = 99
    report.stated["t3.new.total"] = None
    report.invalid["t3.new.research"] = "十二"
    report.previous = example
    report.previous_source = "2020年报告.nianbao"
    path = tmp_path / "报告.nianbao"
    draft.save(report, path)
    again = draft.load(path)
    assert again.values == report.values and again.stated == report.stated and again.invalid == report.invalid
    assert again.values["t2.fees.amount"] == Decimal("59237.2449")
    assert again.prose == report.prose and again.contact == report.contact
    assert (again.agency, again.level, again.year, again.format_id) == (
        report.agency,
        report.level,
        2023,
        "2021",
    )
    assert again.previous.values == example.values and again.previous_source == "2020年报告.nianbao"
    assert again.previous.previous is None


def test_the_example_round_trips(tmp_path, example):
    draft.save(example, tmp_path / "e.nianbao")
    again = draft.load(tmp_path / "e.nianbao")
    assert again.values == example.values and again.units == example.units


def test_save_keeps_the_previous_version_as_backup(tmp_path):
    path = tmp_path / "r.nianbao"
    first = full_2021(agency="第一版")
    draft.save(first, path)
    assert not (tmp_path / "r.nianbao.bak").exists()
    draft.save(full_2021(agency="第二版"), path)
    assert draft.load(path).agency == "第二版"
    assert draft.load(tmp_path / "r.nianbao.bak").agency == "第一版"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.nianbao", "r.nianbao.bak"]


def test_a_crash_between_write_and_rename_leaves_the_old_file(tmp_path):
    path = tmp_path / "r.nianbao"
    draft.save(full_2021(agency="旧版本"), path)
    before = path.read_bytes()
    assert save_killed_before_rename(path, "新版本") == 9
    assert path.read_bytes() == before
    assert draft.load(path).agency == "旧版本"


def valid_json():
    return json.loads(draft.dumps(full_2021()))


def write(tmp_path, content) -> Path:
    path = tmp_path / "bad.nianbao"
    path.write_bytes(
        content if isinstance(content, bytes) else json.dumps(content, ensure_ascii=False).encode()
    )
    return path


def mutated(**changes):
    data = valid_json()
    data.update(changes)
    return data


@pytest.mark.parametrize(
    "content,expected",
    [
        (b"", "文件已损坏或不完整"),
        (draft.dumps(full_2021())[:300], "文件已损坏或不完整"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "不是文本文件"),
        (b"[" * 100000 + b"]" * 100000, "嵌套过深"),
        ({"hello": "world"}, "不是年报助手的草稿文件"),
        (mutated(version=99), "较新版本"),
        (mutated(version="1"), "版本号无效"),
        (mutated(year="2021"), "报告年度无效"),
        (mutated(format="2099"), "未知的报告格式"),
        (mutated(values={"t3.new.natural": [1, 2]}), "不符合草稿格式"),
        (mutated(values={"t3.nowhere.natural": 1}), "不符合草稿格式"),
        (mutated(values={"t3.total.total": 1}), "不符合草稿格式"),
        (mutated(values={"t3.new.natural": "1e999999999"}), "不符合草稿格式"),
        (mutated(values={"t3.new.natural": True}), "不符合草稿格式"),
        (mutated(prose="text"), "不符合草稿格式"),
        (mutated(prose={"s1": "字" * 300_000}), "不符合草稿格式"),
        (mutated(contact={"office": 3}), "不符合草稿格式"),
        (mutated(previous={"format": "2019"}), "不符合草稿格式"),
        ([1, 2, 3], "不是年报助手的草稿文件"),
    ],
)
def test_broken_and_hostile_files_give_one_clear_error(tmp_path, content, expected):
    path = write(tmp_path, content)
    with pytest.raises(DraftError, match=expected) as info:
        draft.load(path)
    assert str(info.value).startswith("无法打开“bad.nianbao”：")


def test_a_huge_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.nianbao"
    with open(path, "wb") as handle:
        handle.truncate(draft.MAX_BYTES + 1)
    with pytest.raises(DraftError, match="文件过大"):
        draft.load(path)


def test_a_missing_file(tmp_path):
    with pytest.raises(DraftError, match="无法打开“none.nianbao”"):
        draft.load(tmp_path / "none.nianbao")


def test_version_0_is_migrated():
    data = valid_json()
    data["version"] = 0
    data["cells"] = data.pop("values")
    del data["units"]
    report = draft.loads(json.dumps(data).encode())
    assert report.values == full_2021().values


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400), st.integers(min_value=0, max_value=4000))
def test_damaged_bytes_never_give_a_traceback(noise, cut):
    raw = draft.dumps(full_2021())
    damaged = raw[:cut] + noise + raw[cut + len(noise) :]
    with contextlib.suppress(DraftError):
        draft.loads(damaged)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=10,
)


@settings(max_examples=200)
@given(
    st.sampled_from(
        [
            "format",
            "year",
            "agency",
            "level",
            "contact",
            "prose",
            "values",
            "units",
            "stated",
            "invalid",
            "previous",
            "previous_source",
        ]
    ),
    json_values,
)
def test_wrong_types_anywhere_give_a_draft_error_or_a_report(key, value):
    data = valid_json()
    data[key] = value
    try:
        report = draft.loads(json.dumps(data).encode())
    except DraftError:
        return
    assert report.fmt.id in ("2019", "2021")
