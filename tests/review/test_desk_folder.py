"""The desk over a folder built like a real one: duplicates, errors, the roster, marks kept, the roll-up's sums."""

from __future__ import annotations

from pathlib import Path

import pytest

from exporters.kinds import KINDS
from model.engine import evaluate
from model.review.desk import NOT_SUBMITTED, OFF_ROSTER, build_desk
from model.review.marks import MarkStore
from model.review.rollup import OWN, REGION, RollUpError, roll_up
from model.review.settings import desk_settings
from model.values import format_value
from nianbao.review import folder_files, read_folder, read_roster, review_path
from tests.support.review_folder import PDF_UNITS, YEAR, Folder, unit_report, write


def _desk(folder: Folder, roster: bool = True):  # type: ignore[no-untyped-def]
    entries = list(read_folder(folder_files(folder.path), workers=1))
    return build_desk(entries, read_roster(folder.roster) if roster else None)


def test_every_file_is_read_with_its_kind(folder: Folder) -> None:
    desk = _desk(folder)
    entries = [r.entry for r in desk.rows if r.entry is not None]
    assert len(entries) == 42
    assert all(e.error is None for e in entries)
    assert {e.kind for e in entries} == {"草稿", "Word", "Excel", "PDF", "网页"}
    pdfs = sorted(Path(e.path).name for e in entries if e.kind == "PDF")
    assert pdfs == sorted(folder.files[unit][-1].name for unit in PDF_UNITS)
    assert desk.year == YEAR


def test_duplicates_counted_once_newest_wins(folder: Folder) -> None:
    desk = _desk(folder)
    superseded = {r.entry.name: r.superseded_by for r in desk.rows if r.superseded_by and r.entry}
    assert superseded == {
        folder.files[unit][0].name: folder.files[unit][1].name for unit in ("某某县教育局", "某某县民政局")
    }
    assert [f.suffix for f in folder.files["某某县教育局"]] == [".docx", ".pdf"]  # one unit, two kinds
    assert len(desk.counted) == 40


def test_the_pdf_units_figures_are_read_back_into_the_rows_and_the_rollup(folder: Folder) -> None:
    desk = _desk(folder)
    rows = {r.unit: r for r in desk.counted if r.entry}
    result = roll_up([r.entry for r in desk.counted if r.entry], REGION, include_errors=True)
    fmt = result.report.fmt
    sources = {cell: {(u, f): v for u, f, v in parts} for cell, parts in result.report.provenance.items()}
    summed = [c for c in fmt.cells if fmt.cells[c].table in ("t3", "t4")]
    for unit in PDF_UNITS:
        entry, report = rows[unit].entry, folder.reports[unit]
        assert entry is not None and entry.kind == "PDF" and entry.name == folder.files[unit][-1].name
        assert entry.figures and entry.figures == {key: report.value(key) for key in entry.figures}, unit
        for cell_id in summed:  # every figure of tables 三 and 四 in the roll-up as the unit wrote it
            value = report.value(cell_id)
            if value is not None:
                assert sources[cell_id][(entry.agency, entry.name)] == format_value(value), (unit, cell_id)
    assert "某某县审计局（" in "".join(
        result.with_errors
    )  # its error read back from the PDF, summed all the same


def test_roster_marks_missing_and_off_roster_units(folder: Folder) -> None:
    desk = _desk(folder)
    assert [r.unit for r in desk.missing] == folder.missing
    assert all(r.status == [NOT_SUBMITTED] for r in desk.missing)
    off = sorted(r.unit for r in desk.rows if OFF_ROSTER in r.status)
    assert off == sorted(folder.off_roster)
    shown = {r.unit: r.match.text for r in desk.rows if r.match}
    assert shown["某某县教育局"] == "某某县教育局"  # the same name
    assert shown["某某县公安局"] == "公安局（前缀不同）"  # loose: how it matched is said
    assert shown["某某县民政局"] == "县民政局（前缀不同）"


def test_errors_per_unit(folder: Folder) -> None:
    desk = _desk(folder)
    with_errors = sorted(r.unit for r in desk.counted if r.entry and r.entry.errors)
    assert with_errors == sorted(folder.with_errors)


def test_rollup_equals_an_independent_sum(folder: Folder) -> None:
    desk = _desk(folder)
    result = roll_up([r.entry for r in desk.counted if r.entry], REGION, include_errors=False)
    region = set(desk_settings().region_levels)
    summed = [
        report
        for unit, report in folder.reports.items()
        if folder.levels[unit] not in region and unit not in folder.with_errors
    ]
    assert len(result.included) == len(summed) == 37
    fmt = result.report.fmt
    for cell_id in fmt.cells:
        if fmt.cells[cell_id].table not in ("t3", "t4"):
            continue
        values = [r.value(cell_id) for r in summed if r.value(cell_id) is not None]
        expected = sum(values) if values else None  # type: ignore[arg-type]
        assert result.report.value(cell_id) == expected, cell_id
    parts = result.report.provenance["t3.new.natural"]
    assert len(parts) == 37 and sum(int(v) for _, _, v in parts) == result.report.value("t3.new.natural")
    assert any("本区域" in text for text in result.left_out)
    assert not [f for f in evaluate(result.report) if f.code in ("T3-BAL", "T4-SUM")]


def test_rollup_scope_errors_and_mixed_formats(folder: Folder, tmp_path: Path) -> None:
    desk = _desk(folder)
    entries = [r.entry for r in desk.counted if r.entry]
    own = roll_up(entries, OWN, include_errors=True)
    assert all(e.level == "政府部门" for e in own.included)
    assert sorted(t.split("（")[0] for t in own.with_errors) == ["某某县审计局"]
    old = unit_report("某某县旧格式局", "政府部门", 99)
    old2019 = old.copy()
    old2019.format_id, old2019.year = "2019", YEAR
    old2019.values = {k: v for k, v in old.values.items() if k in old2019.fmt.cells}
    path = write(old2019, tmp_path / "旧格式.nianbao", "nianbao")
    mixed = list(read_folder([path], workers=1))
    with pytest.raises(RollUpError, match="格式不同"):
        roll_up([*entries, *mixed])


def test_marks_follow_findings_across_a_reread(folder: Folder) -> None:
    desk = _desk(folder)
    row = next(r for r in desk.counted if r.unit == "某某县审计局")
    assert row.entry is not None
    error = next(f for f in row.entry.findings if f.severity == "error")
    other = next(f for f in row.entry.findings if f.severity != "error")
    store = MarkStore.load(review_path(folder.path))
    store.put(row.unit, error, "确认", "已电话告知")
    store.put(row.unit, other, "不予采纳")
    store.save()
    fixed = folder.reports["某某县审计局"].copy()
    fixed.set_value("t3.next.natural", fixed.values["t3.next.natural"] - 1)  # the unit corrected its report
    target = folder.files["某某县审计局"][-1]
    write(fixed, target, next(k.key for k in KINDS if target.suffix in k.suffixes))
    again = MarkStore.load(review_path(folder.path))
    assert again.get(row.unit, error) is not None
    notes = again.reconcile({r.unit: r.entry.findings for r in _desk(folder).counted if r.entry})
    assert len(notes) == 1 and "已不存在" in notes[0]
    assert again.get(row.unit, error) is None
    kept = again.get(row.unit, other)
    assert kept is not None and kept.verdict == "不予采纳"
