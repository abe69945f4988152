"""导入依申请台账: the mapping dialog, the counts in table 三 as one undo step, the rows behind a cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from exporters.ledger.reader import read_ledger
from gui.ledger import trace
from gui.ledger.dialog import LedgerDialog
from model.formats import load_format
from model.ledger.session import LedgerSession
from model.report import Report
from tests.support import ledgers
from tests.support.gui_window import make_window

TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)


@pytest.fixture
def ledger(tmp_path: Path) -> tuple[Path, list[ledgers.Record], dict[str, int]]:
    items = ledgers.records(300, seed=9)
    bad = ledgers.spoil(items)
    return ledgers.write_xlsx(tmp_path / "台账.xlsx", items), items, bad


def t3(report: Report) -> dict[str, object]:
    return {k: v for k, v in report.values.items() if k.startswith("t3.")}


def script(seam, answer: bool = True, then=None):  # type: ignore[no-untyped-def]
    """The mapping dialog answered without showing it; ``then`` plays the clerk on the session."""

    def ledger_mapping(parent, session):  # type: ignore[no-untyped-def]
        seam.asked.append(("ledger_mapping", session.sheet.file))
        if then is not None:
            then(session)
        return answer

    def ledger_rows(parent, title, rows):  # type: ignore[no-untyped-def]
        seam.asked.append(("ledger_rows", (title, rows)))

    seam.ledger_mapping = ledger_mapping
    seam.ledger_rows = ledger_rows


def test_the_dialog_shows_the_guess_and_takes_corrections(qtbot, ledger) -> None:  # type: ignore[no-untyped-def]
    path, _, bad = ledger
    session = LedgerSession(read_ledger(path), load_format("2021"), ledgers.YEAR)
    dialog = LedgerDialog(None, session)
    qtbot.addWidget(dialog)
    assert dialog.columns.header.value() == 3
    assert dialog.columns.combos["received"].currentText() == "E列“收到日期”"
    assert dialog.columns.samples.rowCount() == 5
    assert dialog.values.unmapped() == ["法人", "不予公开"]
    assert dialog.problems.count() == 5  # four rows that cannot be counted, one line for the other year
    assert dialog.ok.isEnabled()
    dialog.values.choose("不予公开", "deny_law")
    assert dialog.values.unmapped() == ["法人"]
    assert dialog.problems.count() == 4
    assert session.words.outcome("不予公开") == "deny_law"
    dialog.columns.combos["outcome"].setCurrentIndex(0)  # 台账中没有
    assert not dialog.ok.isEnabled()
    assert "处理结果" in dialog.summary.text()
    dialog.columns.combos["outcome"].setCurrentIndex(7)  # G
    assert dialog.ok.isEnabled() and session.layout.column("outcome") == 6
    dialog.columns.header.setValue(1)  # the title row is no header: nothing can be guessed from it
    assert not dialog.ok.isEnabled()
    dialog.columns.header.setValue(3)
    assert dialog.ok.isEnabled() and session.layout.column("received") == 4


def test_a_column_has_one_role(qtbot, ledger) -> None:  # type: ignore[no-untyped-def]
    path, _, _ = ledger
    session = LedgerSession(read_ledger(path), load_format("2021"), ledgers.YEAR)
    dialog = LedgerDialog(None, session)
    qtbot.addWidget(dialog)
    dialog.columns.combos["concluded"].setCurrentIndex(5)  # E, the received date's column
    assert session.layout.column("concluded") == 4 and session.layout.column("received") is None
    assert dialog.columns.combos["received"].currentIndex() == 0


def test_import_fills_table_three_in_one_undo_step(qtbot, seam, ledger) -> None:  # type: ignore[no-untyped-def]
    path, items, _ = ledger
    report = Report.new(ledgers.YEAR, "某某局")
    report.set_value("t3.open.natural", 77)
    window = make_window(qtbot, report, dialogs=seam)
    script(seam)
    seam.open_paths = [str(path)]
    window.named_actions["导入依申请台账"].trigger()
    assert seam.kinds() == ["open_file", "ledger_mapping"]
    assert "*.xlsx" in str(seam.asked[0][1]) and "*.csv" in str(seam.asked[0][1])
    doc = window.document
    counted = {k: v for k, v in t3(doc.report).items() if v}
    assert counted == ledgers.expected(items)
    assert doc.undo_stack.count() == 1 and doc.report.ledger is not None
    assert window.current_page() == "t3"
    assert "计入300行，4行未计入" in window.statusBar().currentMessage()
    assert not [f for f in doc.findings if f.code in ("T3-BAL", "T3-SUM", "T3-ROW")]
    doc.undo_stack.undo()
    assert t3(doc.report) == {"t3.open.natural": 77} and doc.report.ledger is None
    doc.undo_stack.redo()
    assert {k: v for k, v in t3(doc.report).items() if v} == ledgers.expected(items)


def test_a_corrected_ledger_replaces_the_counts_in_one_step(qtbot, seam, ledger, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path, items, _ = ledger
    window = make_window(qtbot, Report.new(ledgers.YEAR, "某某局"), dialogs=seam)
    script(seam)
    assert trace_import(window, path)
    first = dict(window.document.report.values)
    added = ledgers.records(20, seed=99)
    for i, r in enumerate(added):
        r.number = f"ADD-{i}"  # requests found missing; the same 编号 twice would be listed, not counted
    fixed = [r for r in items if r.countable] + added
    corrected = ledgers.write_xlsx(tmp_path / "台账（更正）.xlsx", fixed)
    assert trace_import(window, corrected)
    doc = window.document
    assert {k: v for k, v in t3(doc.report).items() if v} == ledgers.expected(fixed)
    assert doc.report.ledger is not None and doc.report.ledger.file == "台账（更正）.xlsx"
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    assert doc.report.values == first and doc.report.ledger.file == "台账.xlsx"


def trace_import(window, path: Path) -> bool:  # type: ignore[no-untyped-def]
    from gui.ledger.action import import_ledger_from

    return import_ledger_from(window, str(path))


def test_cancel_changes_nothing_and_the_memory_is_kept(qtbot, seam, ledger) -> None:  # type: ignore[no-untyped-def]
    path, _, _ = ledger
    window = make_window(qtbot, Report.new(ledgers.YEAR, "某某局"), dialogs=seam)
    script(seam, answer=False)
    assert not trace_import(window, path)
    assert window.document.undo_stack.count() == 0 and window.document.report.ledger is None
    assert "已取消导入台账" in window.statusBar().currentMessage()
    script(seam, then=lambda s: s.correct("outcome", "不予公开", "deny_law"))
    assert trace_import(window, path)
    remembered: list[str | None] = []
    script(seam, then=lambda s: remembered.append(s.words.outcome("不予公开")))
    assert trace_import(window, path)
    assert remembered == ["deny_law"]  # the clerk's word, from the settings


def test_an_unreadable_ledger_says_why(qtbot, seam, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"nonsense")
    window = make_window(qtbot, Report.new(ledgers.YEAR), dialogs=seam)
    script(seam)
    assert not trace_import(window, bad)
    assert seam.kinds() == ["error"] and "无法读取“坏.xlsx”" in str(seam.asked[0][1])


def test_hover_and_the_rows_behind_a_cell(qtbot, seam, ledger) -> None:  # type: ignore[no-untyped-def]
    path, items, _ = ledger
    window = make_window(qtbot, Report.new(ledgers.YEAR, "某某局"), dialogs=seam)
    script(seam)
    assert trace_import(window, path)
    page = window.show_page("t3")
    model = page.model
    index = model.index_of("t3.open.natural")
    expected_rows = [
        i + 4
        for i, r in enumerate(items)
        if r.countable
        and r.column == "natural"
        and r.outcome == "open"
        and r.concluded is not None
        and r.concluded.year == ledgers.YEAR
    ]
    tip = model.data(index, TOOLTIP)
    assert f"依申请台账“台账.xlsx”：计入{len(expected_rows)}行（第{expected_rows[0]}、" in tip
    page.view.setCurrentIndex(index)
    assert trace.show_rows(page)
    title, rows = seam.asked[-1][1]
    assert [r for r, _ in rows] == expected_rows
    assert rows[0][1] == items[expected_rows[0] - 4].name
    assert "表三" in title and f"{len(expected_rows)}行" in title
    total = model.data(model.index_of("t3.new.total"), TOOLTIP)  # a total: the rows of its parts
    new_rows = sum(v for k, v in ledgers.expected(items).items() if k.startswith("t3.new."))
    assert f"计入{new_rows}行" in total
    window.document.set_cells({"t3.open.natural": "1"})
    assert f"台账计得{len(expected_rows)}件，现为1" in model.data(index, TOOLTIP)
    assert page.view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert [a.text() for a in page.view.actions()] == ["查看台账行…"]


def test_a_cell_not_from_the_ledger_lists_nothing(qtbot, seam) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, Report.new(ledgers.YEAR), dialogs=seam)
    script(seam)
    page = window.show_page("t3")
    page.view.setCurrentIndex(page.model.index_of("t3.open.natural"))
    assert not trace.show_rows(page)
    assert "台账" not in page.model.data(page.model.index_of("t3.open.natural"), TOOLTIP)
    assert "不是按依申请台账统计的" in window.statusBar().currentMessage()


def test_the_dialog_on_screen(qtbot, ledger, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path, _, _ = ledger
    dialog = LedgerDialog(None, LedgerSession(read_ledger(path), load_format("2021"), ledgers.YEAR))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    shot = dialog.grab()
    assert shot.width() >= 900 and shot.save(str(tmp_path / "ledger_dialog.png"))


def test_another_format_after_the_import_keeps_the_tooltips_working(qtbot, seam, ledger) -> None:  # type: ignore[no-untyped-def]
    path, _, _ = ledger
    window = make_window(qtbot, Report.new(ledgers.YEAR, "某某局"), dialogs=seam)
    script(seam)
    assert trace_import(window, path)
    window.document.set_meta("format_id", "2019")
    report = window.document.report
    assert report.format_id == "2019" and "t3.other_overdue.natural" in report.ledger.cells
    assert trace.tooltip_lines(report, "t3.other.natural")[0].startswith("依申请台账“台账.xlsx”：计入0行")
    assert trace.tooltip_lines(report, "t3.open.natural")[0].startswith("依申请台账“台账.xlsx”：计入")


def test_without_a_type_column_the_dialog_says_how_names_are_typed(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = ledgers.write_xlsx(tmp_path / "台账.xlsx", ledgers.records(60, seed=3), with_type=False)
    session = LedgerSession(read_ledger(path), load_format("2021"), ledgers.YEAR)
    dialog = LedgerDialog(None, session)
    qtbot.addWidget(dialog)
    text = dialog.summary.text()
    assert "台账没有申请人类型列，按申请人名称判断：含“律师事务所”等的计为法律服务机构" in text
    assert "像姓名的（二至五个汉字）计为自然人。" in text
    assert "本年新收" in text and "结转下年度" in text  # the format's row names
