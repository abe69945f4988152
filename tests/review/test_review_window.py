"""The 审核 window over the folder: rows read in the background, filters, marks saved, opening read-only, 汇总."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from gui.review.filter import ERRORS, MISSING
from gui.review.findings_model import FindingsModel
from gui.review.rollup_dialog import RollUpChoice
from gui.review.rows_model import ReviewRowsModel
from gui.review.window import ReviewWindow
from model.review.desk import build_desk
from model.review.marks import MarkStore
from model.review.rollup import REGION
from nianbao.review import folder_files, read_folder, review_path
from tests.support.review_folder import Folder

SHOTS = os.environ.get("NIANBAO_SHOTS")  # a folder: the screenshots go there to be looked at


def _window(qtbot, seam, folder: Folder) -> ReviewWindow:  # type: ignore[no-untyped-def]
    window = ReviewWindow(str(folder.path), seam, str(folder.roster))
    qtbot.addWidget(window)
    window.show()
    window.start(workers=2)
    with qtbot.waitSignal(window.loader.finished, timeout=120_000):
        pass
    return window


def test_item_models_pass_the_model_tester(qtmodeltester, folder: Folder) -> None:  # type: ignore[no-untyped-def]
    desk = build_desk(read_folder(folder_files(folder.path), workers=1))
    rows = ReviewRowsModel()
    rows.set_desk(desk)
    qtmodeltester.check(rows, force_py=True)
    findings = FindingsModel(MarkStore(review_path(folder.path)))
    entry = desk.counted[0].entry
    assert entry is not None
    findings.show(desk.counted[0].unit, entry.findings)
    qtmodeltester.check(findings, force_py=True)


def test_window_reads_filters_marks_and_opens(qtbot, seam, folder: Folder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, seam, folder)
    assert window.proxy.rowCount() == 42 + 3  # every file, and the 3 units of the roster not submitted
    window.filter.setCurrentIndex(window.filter.findData(ERRORS))
    units = sorted(window.proxy.index(r, 0).data() for r in range(window.proxy.rowCount()))
    assert units == sorted(folder.with_errors)
    window.table.selectRow(0)
    window.findings_view.selectRow(0)
    window.comment.setText("已告知单位")
    window.mark_buttons[0].click()
    assert window.findings.index(0, 2).data() == "确认"
    stored = MarkStore.load(review_path(folder.path))
    assert [m.comment for m in stored.marks.values()] == ["已告知单位"]
    if SHOTS:
        window.grab().save(str(Path(SHOTS) / "review-window.png"))
    window.filter.setCurrentIndex(window.filter.findData(MISSING))
    assert window.proxy.rowCount() == 3
    window.filter.setCurrentIndex(0)
    window.proxy.sort(window.rows.headers().index("本年新收"), Qt.SortOrder.DescendingOrder)
    first = window.proxy.index(0, window.rows.headers().index("本年新收")).data()
    second = window.proxy.index(1, window.rows.headers().index("本年新收")).data()
    assert int(first) >= int(second)
    window.open_row(window.proxy.index(0, 0))
    guard = window.opened[-1]
    opened = guard.window  # type: ignore[union-attr]
    qtbot.addWidget(opened)
    assert "只读" in opened.windowTitle()
    doc = opened.document
    before = dict(doc.report.values)
    cell = next(c for c in doc.report.fmt.input_ids() if c.startswith("t3."))
    doc.set_cells({cell: "999"})
    qtbot.waitUntil(lambda: doc.undo_stack.count() == 0)
    assert doc.report.values == before  # taken back: read-only
    seam.save_paths.append(str(tmp_path / "另存.nianbao"))
    assert guard.save_as_draft()  # type: ignore[union-attr]
    doc.set_cells({cell: "999"})
    assert doc.report.values[cell] == 999


def test_rollup_window_shows_provenance(qtbot, seam, folder: Folder) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, seam, folder)
    seam.rollups.append(RollUpChoice(REGION, include_errors=False, selected_only=False))
    draft_window = window.roll_up()
    assert draft_window is not None
    qtbot.addWidget(draft_window)
    info = [text for what, text in seam.asked if what == "info"]
    assert any("已汇总37个单位" in str(t) and "未计入" in str(t) for t in info)
    page = draft_window.show_page("t3")
    model = page.view.model()
    index = next(
        model.index(r, c)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if model.index(r, c).data(0x0100 + 1) == "t3.new.natural"
    )
    tip = index.data(3)  # ToolTipRole
    assert "汇总自37个单位" in tip and "某某县教育局" in tip
    if SHOTS:
        draft_window.resize(1400, 900)
        from PySide6.QtWidgets import QToolTip

        rect = page.view.visualRect(page.view.model().index(index.row(), index.column()))
        QToolTip.showText(page.view.viewport().mapToGlobal(rect.center()), tip, page.view)
        draft_window.grab().save(str(Path(SHOTS) / "rollup-window.png"))
        from PySide6.QtWidgets import QApplication

        for widget in QApplication.topLevelWidgets():
            if widget.inherits("QTipLabel") and widget.isVisible():
                widget.grab().save(str(Path(SHOTS) / "rollup-tooltip.png"))
        QToolTip.hideText()
