"""A province's variant is one new file: it shows in 新建, 基本信息, the CLI, both writers and both readers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from exporters.docx.reader import read_docx
from exporters.docx.writer import write_docx
from exporters.xlsx.reader import read_xlsx
from exporters.xlsx.writer import write_xlsx
from model.engine import evaluate
from model.formats import (
    ENV_FORMATS,
    FormatError,
    format_for_year,
    format_ids,
    load_format,
    reload_formats,
    variants_of,
)
from model.report import Report
from nianbao.cli import main

VARIANT = {
    "schema": 1,
    "id": "2021zj",
    "extends": "2021",
    "name": "2021年格式（某省增补）",
    "notice": "国办公开办函〔2021〕30号及某省补充要求",
    "tables": [
        {
            "key": "t2",
            "add_rows": [
                {
                    "after": "coercion",
                    "rows": [
                        {
                            "role": "data",
                            "key": "confirm",
                            "name": "行政确认",
                            "cells": [{"text": "行政确认"}],
                            "values": [{"col": "decisions", "colspan": 3}],
                        }
                    ],
                }
            ],
        }
    ],
    "rules": [{"code": "BLANK", "severity": "info", "kind": "blank"}],
}
NEW_CELL = "t2.confirm.decisions"


@pytest.fixture
def variant(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "formats"
    folder.mkdir()
    (folder / "2021zj.json").write_text(json.dumps(VARIANT, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv(ENV_FORMATS, str(folder))
    reload_formats()
    yield folder
    monkeypatch.delenv(ENV_FORMATS)
    reload_formats()


def filled(format_id: str) -> Report:
    report = Report.new(2025, "某某市交通运输局", format_id=format_id)
    for index, cell_id in enumerate(report.fmt.input_ids()):
        report.set_value(cell_id, 0 if cell_id.startswith("t4") else index % 5)
    if NEW_CELL in report.fmt.cells:
        report.set_value(NEW_CELL, 7)
    report.changed()
    return report


def test_the_variant_is_found_and_extends_its_base(variant: Path) -> None:
    assert format_ids() == ("2021", "2021zj", "2019")
    assert variants_of("2021") == ("2021zj",) and variants_of("2019") == ()
    fmt = load_format("2021zj")
    base = load_format("2021")
    assert (fmt.extends, fmt.family) == ("2021", "2021")
    assert set(fmt.cells) == set(base.cells) | {NEW_CELL}
    assert fmt.cells[NEW_CELL].name == "表二·行政确认·本年处理决定数量"
    assert [r.severity for r in fmt.rules if r.code == "BLANK"] == ["info"]  # a rule replaced by its code
    assert len(fmt.rules) == len(base.rules)
    assert (
        format_for_year(2025).id == "2021"
    )  # a new report gets the official format unless a variant is picked


def test_new_report_dialog_offers_the_variant_for_its_years(qtbot, variant: Path) -> None:  # type: ignore[no-untyped-def]
    from gui.dialogs import NewReportDialog

    dialog = NewReportDialog(None, 2025)
    qtbot.addWidget(dialog)
    choices = [dialog.format.itemData(i) for i in range(dialog.format.count())]
    assert choices == ["2021", "2021zj"] and dialog.format.isEnabled()
    assert dialog.result_report().format_id == "2021"
    dialog.format.setCurrentIndex(1)
    dialog.agency.setText("某某市交通运输局")
    assert dialog.result_report().format_id == "2021zj"
    dialog.year.setValue(2020)  # the variant extends 2021: not offered for a 2019-format year
    assert [dialog.format.itemData(i) for i in range(dialog.format.count())] == ["2019"]


def test_info_page_lists_the_variant_and_does_not_call_it_wrong(
    qtbot, variant: Path, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from tests.support.gui_window import isolate, make_window

    isolate(tmp_path, monkeypatch)
    window = make_window(qtbot, filled("2021zj"))
    page = window.show_page("info")
    combo = page.format
    assert [combo.itemData(i) for i in range(combo.count())] == ["2021", "2021zj", "2019"]
    assert combo.currentData() == "2021zj"
    assert not page.warning_box.isVisible()
    table = window.page("t2").model
    assert table.rowCount() == len(load_format("2021").table("t2").rows) + 1
    window.document.set_meta("year", 2024)  # another year the variant is for: it stays, with its figures
    assert window.document.report.format_id == "2021zj" and window.document.report.value(NEW_CELL) == 7
    window.document.set_meta("year", 2020)  # a year of the 2019 format: the official one of that year
    assert window.document.report.format_id == "2019"


def test_cli_creates_checks_and_exports_the_variant(variant: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    draft_path = tmp_path / "草稿.nianbao"
    assert (
        main(["new", "--year", "2025", "--agency", "某局", "--format", "2021zj", "-o", str(draft_path)]) == 0
    )
    assert "某省增补" in capsys.readouterr().out
    assert (
        main(["check", str(draft_path), "--json"]) == 0
    )  # the variant makes blank cells a 提示, not an error
    result = json.loads(capsys.readouterr().out)
    assert result[0]["format"] == "2021zj"
    assert {f["severity"] for f in result[0]["findings"] if f["code"] == "BLANK"} == {"info"}
    out = tmp_path / "导出.docx"
    assert main(["export", str(draft_path), "--docx", str(out)]) == 0
    assert out.stat().st_size > 0


def test_both_writers_and_both_readers_keep_the_variant(variant: Path, tmp_path: Path) -> None:
    report = filled("2021zj")
    assert not [f for f in evaluate(report) if f.code == "FMT-YEAR"]
    word, excel = tmp_path / "r.docx", tmp_path / "r.xlsx"
    write_docx(report, word)
    write_xlsx(report, excel)
    for back, findings in (read_docx(word), read_xlsx(excel)):
        assert back.format_id == "2021zj", findings
        assert back.value(NEW_CELL) == 7
        assert back.values == report.values
        assert not [f for f in findings if f.code in ("FMT-MIXED", "FMT-LABEL")]


def test_a_workbook_without_its_anchor_is_told_from_its_base_by_its_labels(
    variant: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "r.xlsx"
    write_xlsx(filled("2021zj"), path)
    book = load_workbook(path)
    for hidden in ("_meta", "_cells"):
        del book[hidden]
    book.save(path)
    back, _ = read_xlsx(path)
    assert back.format_id == "2021zj" and back.value(NEW_CELL) == 7


def test_a_report_of_the_base_format_is_not_taken_for_the_variant(variant: Path, tmp_path: Path) -> None:
    report = filled("2021")
    path = tmp_path / "base.docx"
    write_docx(report, path)
    back, findings = read_docx(path)
    assert back.format_id == "2021" and back.values == report.values, findings


def test_a_broken_variant_is_refused_with_its_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "formats"
    folder.mkdir()
    monkeypatch.setenv(ENV_FORMATS, str(folder))
    cases = {
        "extends a format that does not exist": {**VARIANT, "extends": "2017"},
        "adds a row after no row": {
            **VARIANT,
            "tables": [{"key": "t2", "add_rows": [{"after": "nowhere", "rows": []}]}],
        },
        "relabels nothing": {**VARIANT, "tables": [{"key": "t2", "relabel": {"不存在": "x"}}]},
        "a severity that is no severity": {
            **VARIANT,
            "rules": [{"code": "X", "severity": "提醒", "kind": "blank"}],
        },
    }
    try:
        for why, data in cases.items():
            (folder / "2021zj.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            reload_formats()
            with pytest.raises(FormatError):
                load_format("2021zj")
            assert load_format("2021").id == "2021", why  # the official formats still load
        (folder / "2021zj.json").write_text(json.dumps({**VARIANT, "id": "2021"}), encoding="utf-8")
        reload_formats()
        with pytest.raises(FormatError, match="defined twice"):
            format_ids()
    finally:
        monkeypatch.delenv(ENV_FORMATS)
        reload_formats()
