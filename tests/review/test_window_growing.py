"""The 审核 window's table while a folder is read: rows added as files come in, the whole desk put in place at the
end (selection and sort kept), and a roster taken from last year's folder (名单 → 上年报告所在的文件夹)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QPersistentModelIndex

from gui.review.rows_model import ROW_ROLE, ReviewRowsModel
from gui.review.window import ReviewWindow
from model.review.desk import DUPLICATE, NOT_SUBMITTED, OFF_ROSTER, build_desk, read_rows
from model.review.names import Roster
from nianbao.review import folder_files, read_folder, read_roster
from tests.support.review_folder import YEAR, Folder, unit_report, write


def test_rows_grow_then_the_desk_is_put_in_place(qtmodeltester, folder: Folder) -> None:  # type: ignore[no-untyped-def]
    entries = list(read_folder(folder_files(folder.path), workers=1))
    roster = Roster(read_roster(folder.roster))
    rows = ReviewRowsModel()
    qtmodeltester.check(rows, force_py=True)  # watches every change below
    rows.append(read_rows(entries[:10], roster))
    rows.append(read_rows(entries[10:], roster))
    assert rows.rowCount() == len(entries)
    assert not any(DUPLICATE in r.status for r in rows.desk.rows)  # only the whole desk knows
    kept = QPersistentModelIndex(rows.index(5, 0))
    desk = build_desk(entries, roster)
    rows.set_desk(desk)
    assert kept.isValid() and kept.row() == 5 and kept.data(ROW_ROLE) is desk.rows[5]
    assert rows.rowCount() == len(entries) + len(folder.missing)
    assert [rows.index(r, 0).data() for r in range(len(entries), rows.rowCount())] == folder.missing
    status = rows.headers().index("状态")
    assert sum(DUPLICATE in (rows.index(r, status).data() or "") for r in range(rows.rowCount())) == 2
    rows.set_desk(build_desk(entries[:-1], roster))  # a file fewer: the rows after it replaced
    assert rows.rowCount() == len(entries) - 1 + len(folder.missing)
    qtmodeltester.check(rows, force_py=True)


def test_roster_from_last_years_folder(qtbot, seam, folder: Folder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    last_year = tmp_path / "上年"
    last_year.mkdir()
    kept = ["某某县教育局", "某某县公安局", "某某县城关镇"]
    for unit in kept:
        shutil.copy(folder.files[unit][-1], last_year / folder.files[unit][-1].name)
    gone = unit_report("某某县气象局", "政府部门", 7)  # reported last year, not this year
    gone.year = YEAR - 1
    write(gone, last_year / "气象局.nianbao", "nianbao")
    window = ReviewWindow(str(folder.path), seam)
    qtbot.addWidget(window)
    window.start(workers=1)
    with qtbot.waitSignal(window.loader.finished, timeout=120_000):
        pass
    seam.folders.append(str(last_year))
    with qtbot.waitSignal(window.roster_source.loader.finished, timeout=120_000):
        window.roster_source.choose_folder()
    assert sorted(window.roster or []) == sorted([*kept, "某某县气象局"])
    assert [(r.unit, r.status) for r in window.desk.missing] == [("某某县气象局", [NOT_SUBMITTED])]
    off = {r.unit for r in window.desk.rows if OFF_ROSTER in r.status}
    assert "某某县审计局" in off and not off & set(kept)
    assert window.roster_button.isEnabled()
    assert window.proxy.rowCount() == 42 + 1


def test_roster_folder_without_reports_is_said(qtbot, seam, folder: Folder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "空"
    empty.mkdir()
    window = ReviewWindow(str(folder.path), seam)
    qtbot.addWidget(window)
    seam.folders.append(str(empty))
    window.roster_source.choose_folder()
    assert window.roster is None
    assert [what for what, _ in seam.asked if what == "error"] == ["error"]
