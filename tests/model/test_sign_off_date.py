"""The 落款日期: kept in the draft (absent: the day of export), checked when read, and what the 落款 is dated."""

from __future__ import annotations

import datetime
import json

import pytest

from model import draft
from model.closings import parse_sign_off_date
from model.document import report_document
from tests.support.factories import full_2021

DAY = datetime.date(2025, 1, 20)


def _dated(text: object) -> bytes:
    data = draft.report_to_dict(full_2021())
    data["sign_off_date"] = text
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def test_a_draft_keeps_the_sign_off_date(tmp_path):
    report = full_2021()
    report.sign_off_date = DAY
    draft.save(report, tmp_path / "r.nianbao")
    assert json.loads((tmp_path / "r.nianbao").read_bytes())["sign_off_date"] == "2025-01-20"
    back = draft.load(tmp_path / "r.nianbao")
    assert back.sign_off_date == DAY and back == report
    assert back.copy().sign_off_date == DAY


def test_a_draft_without_it_dates_the_sign_off_on_the_day_of_export(tmp_path):
    report = full_2021()
    draft.save(report, tmp_path / "r.nianbao")
    assert "sign_off_date" not in json.loads((tmp_path / "r.nianbao").read_bytes())
    back = draft.load(tmp_path / "r.nianbao")
    assert back.sign_off_date is None and back == report
    assert draft.loads(_dated(None)).sign_off_date is None  # null as absent
    today = datetime.date.today()
    assert report_document(back, "sign_off").closing[-1].text == f"{today.year}年{today.month}月{today.day}日"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025-02-30", "落款日期“2025-02-30”不是有效日期"),
        ("2025年1月20日", "落款日期应为“年-月-日”格式的日期"),
        ("20250120", "落款日期应为“年-月-日”格式的日期"),
        (20250120, "落款日期应为“年-月-日”格式的日期"),
        ("0001-01-01", "落款日期“0001-01-01”无效"),
    ],
)
def test_a_bad_date_in_a_draft_says_so_in_chinese(text, message):
    with pytest.raises(draft.DraftError, match=message) as caught:
        draft.loads(_dated(text), "某局.nianbao")
    assert str(caught.value).startswith("无法打开“某局.nianbao”：文件内容不符合草稿格式")


def test_the_sign_off_carries_the_reports_date_unless_another_is_given():
    report = full_2021()
    report.sign_off_date = DAY
    assert [p.text for p in report_document(report, "sign_off").closing][-1] == "2025年1月20日"
    assert report_document(report, "filed").closing[1].text == "2025年1月20日"
    other = datetime.date(2025, 3, 1)
    assert report_document(report, "sign_off", other).closing[-1].text == "2025年3月1日"
    assert report_document(report).closing == ()


@pytest.mark.parametrize(
    "text", ["2025-01-20", "2025-1-20", "2025/1/20", "2025.01.20", "2025年1月20日", " 2025年1月20 "]
)
def test_the_command_lines_date_is_read_in_the_usual_ways(text):
    assert parse_sign_off_date(text) == DAY


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("明天", "无法识别"),
        ("2025-13-01", "不是有效日期"),
        ("2025-02-29", "不是有效日期（2025年没有2月29日）"),
        ("1900-01-01", "年份应在1990—2200年之间"),
        ("", "无法识别"),
    ],
)
def test_a_bad_command_line_date_says_why(text, message):
    with pytest.raises(ValueError, match=message):
        parse_sign_off_date(text)
