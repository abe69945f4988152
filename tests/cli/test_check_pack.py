"""`nianbao check --pack NAME`: the reports of the pack's format are checked with its rules, in this process and in
workers, and for the review workbook (``--xlsx``) too; the text line of such a report names the pack; a name that
is no pack is refused with one sentence (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from model import draft
from model.example import load_example
from nianbao.cli import main
from tests.support.factories import full_2021

SAMPLE = "2025sample"
TOPICS = "没有写到落实上级年度政务公开工作要点情况"  # a finding of the pack's SEC-TOPICS


def test_cli_check_with_a_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.nianbao"
    draft.save(full_2021(year=2025), path)
    assert main(["check", str(path), "--json", "--pack", SAMPLE]) == 0
    codes = {f["code"] for f in json.loads(capsys.readouterr().out)[0]["findings"]}
    assert {"SEC-ITEMS", "SEC-TOPICS"} <= codes
    assert main(["check", str(path), "--json"]) == 0
    assert "SEC-ITEMS" not in {f["code"] for f in json.loads(capsys.readouterr().out)[0]["findings"]}


def test_cli_check_with_a_wrong_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.nianbao"
    draft.save(full_2021(year=2025), path)
    assert main(["check", str(path), "--pack", "某省"]) == 2
    assert "执行口径：没有名为“某省”的执行口径；可用的有：2025sample" in capsys.readouterr().err


def test_cli_check_with_a_pack_in_worker_processes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for year in (2024, 2025):
        draft.save(full_2021(year=year), tmp_path / f"{year}.nianbao")
    assert main(["check", str(tmp_path), "--json", "-j", "2", "--pack", SAMPLE]) == 0
    results = json.loads(capsys.readouterr().out)
    assert len(results) == 2 and all("SEC-TOPICS" in {f["code"] for f in r["findings"]} for r in results)


def test_the_text_line_names_the_pack_for_the_reports_it_fits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft.save(full_2021(year=2025), tmp_path / "a2025.nianbao")
    draft.save(load_example(), tmp_path / "b2019.nianbao")  # the 2019 format: the pack is not for it
    main(["check", str(tmp_path), "--pack", SAMPLE])
    lines = [line for line in capsys.readouterr().out.splitlines() if not line.startswith("  ")]
    assert len(lines) == 2
    assert "2025年（2021年格式，执行口径：某市2025年度执行口径（示例））— " in lines[0]
    assert "执行口径" not in lines[1] and "年（2019年格式" in lines[1]
    main(["check", str(tmp_path)])
    assert "执行口径" not in capsys.readouterr().out


def test_the_review_workbook_path_applies_the_pack_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    draft.save(full_2021(year=2025), folder / "r.nianbao")
    for pack, out in ((SAMPLE, tmp_path / "with.xlsx"), ("", tmp_path / "without.xlsx")):
        main(["check", str(folder), "--xlsx", str(out), "-j", "1", *(["--pack", pack] if pack else [])])
        printed = capsys.readouterr().out
        listed = " ".join(
            str(value) for row in load_workbook(out)["问题清单"].iter_rows(values_only=True) for value in row
        )
        if pack:
            assert "SEC-ITEMS" in printed and "执行口径：某市2025年度执行口径（示例）" in printed
            assert TOPICS in listed
        else:
            assert "SEC-ITEMS" not in printed and TOPICS not in listed
