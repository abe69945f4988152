"""Every proposed file name is a valid Windows name within the byte and path budgets (model/file_names.py)."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from model import atomic
from model.file_names import MAX_NAME_BYTES, MAX_PATH, TEMP_EXTRA, report_file_name, safe_file_name
from model.report import Report

TAIL = "2025年政府信息公开工作年度报告"
RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])$", re.IGNORECASE)


def valid_on_windows(name: str) -> bool:
    base = name.partition(".")[0].rstrip(" ")
    return (
        bool(name)
        and not any(c in name for c in '\\/:*?"<>|')
        and not any(ord(c) < 32 or 0xD800 <= ord(c) <= 0xDFFF for c in name)
        and not name.endswith((".", " "))
        and not name.startswith((".", " "))
        and not RESERVED.match(base)
        and len(name.encode("utf-8")) <= MAX_NAME_BYTES
    )


@given(st.text(max_size=400), st.sampled_from(["", ".docx", ".xlsx", ".nianbao"]))
@example("CON.", ".docx")
@example("con", ".docx")
@example("\n.\t", "")
@example("LPT¹ ", ".xlsx")
@example("\ud800", ".docx")
def test_any_text_becomes_a_valid_windows_name_and_a_second_pass_changes_nothing(text, suffix):
    name = safe_file_name(text, suffix)
    assert valid_on_windows(name), name
    assert name.endswith(suffix)
    assert safe_file_name(name[: len(name) - len(suffix)], suffix) == name


@given(st.text(min_size=1, max_size=300), st.integers(min_value=3, max_value=200))
def test_a_name_in_a_deep_folder_keeps_the_whole_path_and_its_temp_file_within_windows_limits(agency, depth):
    folder = Path("C:/Users/张三/Documents") / ("子" * depth)
    name = safe_file_name(agency + TAIL, ".docx", folder)
    assert valid_on_windows(name) and name.endswith(".docx")
    temp = atomic.temp_path(folder / (name + ".bak")).name  # the longest temp name a save makes beside it
    if len(str(folder)) + 1 + len(TAIL + "….docx") + len(TEMP_EXTRA) <= MAX_PATH:  # room for the title
        assert name.endswith(f"{TAIL}.docx")
        assert len(str(folder)) + 1 + len(temp) <= MAX_PATH


def test_a_long_agency_is_shortened_first_and_the_year_and_title_are_kept():
    for length in (69, 70, 200, 300):
        name = report_file_name(Report.new(2025, "某" * length), ".xlsx")
        assert name.endswith(f"{TAIL}.xlsx") and len(name.encode()) <= MAX_NAME_BYTES
        assert name.startswith("某某某")
        assert ("…" in name) == (length * 3 + len(f"{TAIL}.xlsx".encode()) > MAX_NAME_BYTES)  # from 61 on
    assert report_file_name(Report.new(2025, "某某县某某局"), ".docx") == f"某某县某某局{TAIL}.docx"


def test_the_number_of_a_new_name_is_kept_when_shortening():
    name = safe_file_name("某" * 300 + TAIL + "（12）", ".docx")
    assert name.endswith(f"…{TAIL}（12）.docx")


def test_what_windows_forbids_or_hides():
    assert safe_file_name("某市住房/城乡建设局", ".docx") == "某市住房_城乡建设局.docx"
    assert safe_file_name("某局\n办公室\t一", ".docx") == "某局 办公室 一.docx"
    assert safe_file_name(".隐藏的局", ".docx") == "隐藏的局.docx"
    assert safe_file_name("某局. . ", "") == "某局"
    assert safe_file_name("CON.", ".docx") == "CON_.docx"
    assert safe_file_name("nul.tar", ".gz") == "nul_.tar.gz"
    assert safe_file_name("COM1 ", ".xlsx") == "COM1_.xlsx"
    assert safe_file_name("COM10", ".xlsx") == "COM10.xlsx"  # not a device
    assert safe_file_name("\x00\x1f\u202e", ".docx") == "未命名.docx"


def test_a_report_without_an_agency_is_untitled():
    assert report_file_name(Report.new(2025), ".docx") == f"未命名{TAIL}.docx"
    assert report_file_name(Report.new(2025, "\n"), ".docx") == f"未命名{TAIL}.docx"


def test_a_folder_too_deep_for_the_whole_title_keeps_the_year_first():
    folder = Path("D:/") / ("很深的文件夹" * 30)  # 180 characters
    name = safe_file_name("某" * 50 + TAIL, ".docx", folder)
    assert name.endswith(f"…{TAIL}.docx")
    assert len(str(folder)) + 1 + len(name) + len(TEMP_EXTRA) == MAX_PATH  # the longest that fits


def test_temp_names_of_a_long_target_fit_in_255_bytes():
    target = Path("/tmp") / ("长" * 83 + ".xlsx")  # 254 bytes: a valid name, but its temp name would not be
    temp = atomic.temp_path(target)
    assert len(temp.name.encode()) <= 255 and temp.name.startswith(".长") and temp.name.endswith(".tmp")
