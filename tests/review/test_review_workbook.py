"""审核结果.xlsx over the folder: the sheets, the charts, user text kept as text, and the 合计 row recalculated by
LibreOffice equal to the sum of the units counted; a roll-up's own Excel export with its 汇总 sheet."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from exporters.kinds import kind
from exporters.review_xlsx.writer import write_review_workbook
from model.review.desk import build_desk
from model.review.marks import MarkStore
from model.review.rollup import roll_up
from nianbao.cli import main
from nianbao.review import folder_files, read_folder, read_roster, review_path
from tests.support.libreoffice import convert, soffice_path
from tests.support.review_folder import Folder


def _write(folder: Folder, out: Path) -> None:
    entries = list(read_folder(folder_files(folder.path), workers=1))
    desk = build_desk(entries, read_roster(folder.roster))
    row = next(r for r in desk.counted if r.entry and r.entry.errors)
    assert row.entry is not None
    marks = MarkStore(review_path(folder.path))
    marks.put(row.unit, row.entry.findings[0], "确认", "=已通知 +1")  # a comment that looks like a formula
    write_review_workbook(desk, out, marks)


def test_sheets_charts_and_text(folder: Folder, tmp_path: Path) -> None:
    out = tmp_path / "审核结果.xlsx"
    _write(folder, out)
    book = load_workbook(out)
    assert book.sheetnames == ["汇总", "问题清单", "数据", "未提交", "图表"]
    summary = book["汇总"]
    head = [c.value for c in summary[1]]
    assert head[:3] == ["单位", "名单中的名称", "年度"] and "本年新收" in head and "计入" in head
    assert summary.freeze_panes == "B2" and summary.auto_filter.ref
    assert summary.page_setup.orientation == "landscape" and summary.print_title_rows == "$1:$1"
    assert summary.max_row == 42 + 2  # the header, a row per file, 合计
    findings = book["问题清单"]
    comment = next(r for r in findings.iter_rows(min_row=2, values_only=True) if r[6] == "确认")
    assert comment[7] == "=已通知 +1"  # text, not a formula
    assert [r[0] for r in book["未提交"].iter_rows(min_row=2, values_only=True)] == folder.missing
    assert book["数据"].max_row > 40 * 50
    assert len(book["图表"]._charts) == 2


@pytest.mark.skipif(soffice_path() is None, reason="LibreOffice (soffice) is not installed")
def test_totals_recalculated_by_libreoffice(folder: Folder, tmp_path: Path) -> None:
    out = tmp_path / "审核结果.xlsx"
    _write(folder, out)
    (tmp_path / "lo").mkdir()
    converted = load_workbook(convert(out, "xlsx", tmp_path / "lo"), data_only=True)
    again = converted["汇总"]
    written = load_workbook(out)
    for name in ("数据", "问题清单"):  # rows put in as sheet XML: LibreOffice reads each as written
        ours = list(written[name].iter_rows(values_only=True))
        assert len(ours) > 40 and list(converted[name].iter_rows(values_only=True)) == ours
    head = [c.value for c in again[1]]
    new, counted = head.index("本年新收"), head.index("计入")
    rows = list(again.iter_rows(min_row=2, values_only=True))
    total = rows[-1]
    expected = sum(r[new] or 0 for r in rows[:-1] if r[counted] == "是")
    units = {u: r for u, r in folder.reports.items()}
    assert expected == sum(r.value("t3.new.total") or 0 for r in units.values())
    assert total[new] == expected
    assert total[head.index("错误")] == sum(
        r[head.index("错误")] or 0 for r in rows[:-1] if r[counted] == "是"
    )


def test_check_folder_writes_the_workbook(
    folder: Folder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "审核结果.xlsx"
    assert main(["check", str(folder.path), "--xlsx", str(out), "-j", "1"]) == 1  # two reports have errors
    assert "已写出审核结果" in capsys.readouterr().out
    assert load_workbook(out)["汇总"].max_row == 42 + 2
    review_out = tmp_path / "审核2.xlsx"
    code = main(
        ["review", str(folder.path), "--roster", str(folder.roster), "--xlsx", str(review_out), "-j", "1"]
    )
    assert code == 0
    assert "名单中3个单位未提交" in capsys.readouterr().out


def test_rollup_draft_keeps_provenance_in_draft_and_excel(folder: Folder, tmp_path: Path) -> None:
    from model import draft

    entries = [
        r.entry for r in build_desk(read_folder(folder_files(folder.path), workers=1)).counted if r.entry
    ]
    report = roll_up(entries).report
    path = tmp_path / "汇总.nianbao"
    draft.save(report, path)
    loaded = draft.load(path)
    assert loaded.provenance == report.provenance and loaded.value("t3.new.total") == report.value(
        "t3.new.total"
    )
    xlsx = tmp_path / "汇总.xlsx"
    kind("xlsx").write(loaded, xlsx)
    sheet = load_workbook(xlsx)["汇总"]
    lines = list(sheet.iter_rows(min_row=2, values_only=True))
    first = next(i for i, line in enumerate(lines) if line[1] == report.fmt.cells["t3.new.natural"].name)
    assert lines[first][2] == report.value("t3.new.natural")
    units = len(report.provenance["t3.new.natural"])
    assert sum(int(line[5]) for line in lines[first + 1 : first + 1 + units]) == lines[first][2]
    assert kind("xlsx").read(xlsx)[0].value("t3.new.natural") == report.value("t3.new.natural")
