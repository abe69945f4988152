"""撤销 / 重做 show what they changed: that table's page, the cells selected and scrolled into view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.support.gui_window import FakeDialogs, isolate, make_window


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch, example):  # type: ignore[no-untyped-def]
    isolate(tmp_path, monkeypatch)
    shown = make_window(qtbot, example, dialogs=FakeDialogs())
    shown.resize(1366, 768)
    qtbot.waitExposed(shown)
    return shown


def _selected(page) -> set[str]:  # type: ignore[no-untyped-def]
    return set(page.view.selected_ids())


def _in_view(page, cell_id: str) -> bool:  # type: ignore[no-untyped-def]
    view = page.view
    return view.viewport().rect().intersects(view.visualRect(page.model.index_of(cell_id)))


def test_undo_and_redo_select_the_cell_they_changed_and_scroll_to_it(window, qtbot):
    page = window.show_page("t3")
    window.document.set_cells({"t3.next.legal": "7"})  # the last row, below the fold of a 768 px screen
    page.view.move_to(page.model.index_of("t3.new.natural"))
    page.view.verticalScrollBar().setValue(0)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.report.value("t3.next.legal") == 0
    assert _selected(page) == {"t3.next.legal"} and _in_view(page, "t3.next.legal")
    assert page.view.currentIndex() == page.model.index_of("t3.next.legal")
    page.view.move_to(page.model.index_of("t3.new.natural"))
    page.view.verticalScrollBar().setValue(0)
    window.named_actions["重做"].trigger()
    assert window.document.report.value("t3.next.legal") == 7
    assert _selected(page) == {"t3.next.legal"} and _in_view(page, "t3.next.legal")


def test_undo_of_another_tables_cells_shows_that_table(window):
    window.show_page("t4")
    window.document.set_cells({"t4.cases.review_upheld": "9"})
    window.show_page("t3")
    window.named_actions["撤销"].trigger()
    assert window.current_page() == "t4"
    assert _selected(window.page("t4")) == {"t4.cases.review_upheld"}
    assert window.page("t4").view.hasFocus()


def test_undo_of_a_paste_selects_every_pasted_cell(window):
    page = window.show_page("t3")
    page.view.move_to(page.model.index_of("t3.new.natural"))
    page.view.paste_rows([["1", "2"], ["3", "4"]])
    page.view.move_to(page.model.index_of("t3.next.others"))
    window.named_actions["撤销"].trigger()
    assert _selected(page) == {"t3.new.natural", "t3.new.business", "t3.carry.natural", "t3.carry.business"}


def test_undo_of_prose_moves_no_grid_selection(window):
    page = window.show_page("t3")
    page.view.move_to(page.model.index_of("t3.carry.natural"))
    section = next(s.key for s in window.document.report.fmt.sections if s.kind == "prose")
    window.document.set_prose(section, "改过的正文")
    window.named_actions["撤销"].trigger()
    assert window.current_page() == "t3" and _selected(page) == {"t3.carry.natural"}


def test_the_document_names_the_cells_of_an_undo_and_a_redo_but_not_of_the_edit(window, qtbot):
    document = window.document
    with qtbot.assertNotEmitted(document.cellsRestored):
        document.set_cells({"t3.new.natural": "1", "t3.new.business": "2"})
    with qtbot.waitSignal(document.cellsRestored) as undone:
        document.undo_stack.undo()
    assert sorted(undone.args[0]) == ["t3.new.business", "t3.new.natural"]
    with qtbot.waitSignal(document.cellsRestored) as redone:
        document.undo_stack.redo()
    assert sorted(redone.args[0]) == ["t3.new.business", "t3.new.natural"]
