"""`nianbao check` text lines read well when the title was not found and when there are notes (提示)."""

from __future__ import annotations

import docx

from nianbao.cli import main
from tests.support.factories import full_2021
from tests.support.office_docs import Style, build


def test_a_report_without_agency_in_its_title_says_so(tmp_path, capsys):
    path = build(full_2021(year=2025), tmp_path / "a.docx", Style(title_lines=1))
    document = docx.Document(str(path))
    document.paragraphs[0].text = "2025年政府信息公开工作年度报告"
    document.save(str(path))
    main(["check", str(path)])
    first = capsys.readouterr().out.splitlines()[0]
    assert "：（未识别机关名称）2025年（2021年格式）" in first


def test_notes_are_counted_in_the_summary_line(tmp_path, capsys):
    report = full_2021(year=2025, agency="某县交通运输局")
    build(report, tmp_path / "this.docx", Style())
    build(full_2021(year=2022, agency="某县交通运输局"), tmp_path / "last.docx", Style())
    main(["check", str(tmp_path / "this.docx"), "--previous", str(tmp_path / "last.docx")])
    lines = capsys.readouterr().out.splitlines()
    notes = [line for line in lines if line.startswith("  [提示]")]
    assert notes and lines[0].endswith(f"个警告，{len(notes)}个提示")
