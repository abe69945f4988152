"""Rule packs (执行口径): found by the format loader, applied over the report's format, saved in the draft; a wrong
pack file gives one Chinese sentence (the command line: tests/cli/test_check_pack.py)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from model import draft
from model.engine import evaluate
from model.formats import ENV_FORMATS, format_ids, load_format, reload_formats
from model.packs import PackError, check_pack, pack_format, pack_ids, pack_summary, packs_for
from model.report import Report
from tests.support.factories import full_2021

SAMPLE = "2025sample"


@contextlib.contextmanager
def installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, changes: dict[str, Any], text: str | None = None
) -> Iterator[Path]:
    """A pack ``testpack`` (extending 2021 unless ``changes`` say otherwise) in a $NIANBAO_FORMATS folder."""
    folder = tmp_path / "packs"
    folder.mkdir(exist_ok=True)
    data = {"schema": 1, "id": "testpack", "pack": True, "extends": "2021", "name": "测试口径", **changes}
    path = folder / "testpack.json"
    path.write_text(text if text is not None else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv(ENV_FORMATS, str(folder))
    reload_formats()
    try:
        yield path
    finally:
        monkeypatch.delenv(ENV_FORMATS)
        reload_formats()


def test_the_example_pack_is_found_by_the_format_loader_and_labelled() -> None:
    assert SAMPLE in pack_ids() and SAMPLE not in format_ids()  # no format of its own: not in 新建's list
    assert packs_for("2021") == (SAMPLE,) and packs_for("2019") == ()
    assert pack_summary(SAMPLE).label.endswith("（示例）")
    assert load_format(SAMPLE).family == "2021"  # the same loader builds it as a variant


def test_a_pack_adds_rules_to_the_format_and_keeps_the_format() -> None:
    fmt = pack_format("2021", SAMPLE)
    base = load_format("2021")
    assert (fmt.id, fmt.name, fmt.notice, set(fmt.cells)) == (
        base.id,
        base.name,
        base.notice,
        set(base.cells),
    )
    codes = [r.code for r in fmt.rules]
    assert {"SEC-LEN", "SEC-ITEMS", "SEC-TOPICS"} <= set(codes) and len(codes) == len(set(codes))
    late = next(r for r in fmt.rules if r.code == "PUB-LATE")  # a known code: the pack's replaces the base's
    assert {"levels": ["县级政府", "乡镇街道"], "date": "02-20"} in late.params["deadlines"]


def test_the_report_is_checked_with_its_pack() -> None:
    report = full_2021(year=2025)
    assert "SEC-ITEMS" not in {f.code for f in evaluate(report)}
    report.pack = SAMPLE
    assert {"SEC-ITEMS", "SEC-TOPICS"} <= {f.code for f in evaluate(report)}
    assert report.copy().pack == SAMPLE


def test_the_pack_is_saved_in_the_draft_and_old_drafts_open(tmp_path: Path) -> None:
    report = full_2021(year=2025)
    report.pack = SAMPLE
    path = tmp_path / "r.nianbao"
    draft.save(report, path)
    assert json.loads(path.read_text("utf-8"))["pack"] == SAMPLE
    assert draft.load(path).pack == SAMPLE
    old = json.loads(path.read_text("utf-8"))
    del old["pack"]  # a draft saved before packs existed
    path.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    assert draft.load(path).pack == ""


def test_a_draft_naming_a_pack_this_machine_lacks_opens_with_the_national_rules(tmp_path: Path) -> None:
    report = full_2021(year=2025)
    data = draft.report_to_dict(report) | {"pack": "某省口径"}
    opened = draft.loads(json.dumps(data, ensure_ascii=False).encode("utf-8"))
    assert opened.pack == "某省口径" and opened.fmt is load_format("2021")
    assert draft.report_to_dict(opened)["pack"] == "某省口径"  # kept for the machine that has it


def test_a_pack_for_the_other_format_does_not_apply() -> None:
    report = Report.new(2020, "某局")  # 2019 format
    report.pack = SAMPLE
    assert report.fmt is load_format("2019")
    with pytest.raises(PackError, match="不适用于2019年格式"):
        check_pack(SAMPLE, "2019")


@pytest.mark.parametrize(
    "changes,text,reason",
    [
        ({}, "{not json", "不是有效的 JSON 文件"),
        (
            {"rules": [{"code": "X", "severity": "warning", "kind": "no_such_kind"}]},
            None,
            "种类“no_such_kind”不存在",
        ),
        ({"rules": [{"code": "X", "severity": "提醒", "kind": "blank"}]}, None, "严重程度应为"),
        ({"rules": [{"severity": "warning", "kind": "blank"}]}, None, "第1条规则缺少代码"),
        ({"extends": "2017"}, None, "“2017”不存在"),
        ({"tables": []}, None, "只能增减校验规则"),
        ({"name": ""}, None, "缺少名称"),
        (
            {"rules": [{"code": "SEC-LEN", "severity": "warning", "kind": "section_length"}]},
            None,
            "缺少“limits”",
        ),
        (
            {
                "rules": [
                    {
                        "code": "SEC-LEN",
                        "severity": "warning",
                        "kind": "section_length",
                        "limits": [{"max": 9}],
                    }
                ]
            },
            None,
            "规则SEC-LEN的参数不对（缺少“section”）",
        ),
    ],
)
def test_a_wrong_pack_file_gives_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, changes: dict[str, Any], text: str | None, reason: str
) -> None:
    with installed(tmp_path, monkeypatch, changes, text):
        with pytest.raises(Exception, match=reason) as caught:
            check_pack("testpack", "2021")
        assert "testpack.json" in str(caught.value) or "JSON" in str(caught.value)
        if text is None:
            assert load_format("2021").id == "2021"  # the formats still load


def test_a_broken_rule_parameter_is_a_pack_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rule = {
        "code": "PUB-LATE",
        "severity": "warning",
        "kind": "publish_deadline",
        "deadlines": [{"levels": ["区政府"], "date": "02-20"}],
    }
    with installed(tmp_path, monkeypatch, {"rules": [rule]}):
        with pytest.raises(PackError, match="执行口径文件“testpack.json”有误"):
            check_pack("testpack", "2021")
        report = full_2021()
        report.pack = "testpack"
        assert report.fmt is load_format("2021")  # a spoilt pack never stops the checks
