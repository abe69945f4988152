"""The main window's pages: each built when first shown and wired to the window (status notes, zoom), and where a
finding is shown — its page, the quoted phrase or the cells selected — and F8's step through the findings."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from gui.info_page import InfoPage
from model.rules import Finding

if TYPE_CHECKING:  # the prose page and the grid load when first shown
    from gui.main_window import MainWindow
    from gui.prose_page import ProsePage
    from gui.table.page import TablePage
    from gui.table.view import GridView

    Page = InfoPage | TablePage | ProsePage

INFO = "info"  # the key of 基本信息, the first page


def build_page(window: MainWindow, key: str) -> Page:
    """A new page of 基本信息 or of a section, connected to the window."""
    if key == INFO:
        info = InfoPage(window.document)
        info.importPrevious.connect(window.files.import_previous)
        return info
    if window.document.report.fmt.section(key).kind == "table":
        from gui.table.page import TablePage  # the grid's modules load with the first table shown

        table = TablePage(window.document, key)
        table.message.connect(lambda text: window.statusBar().showMessage(text, 10000))
        table.view.withdrawn.connect(lambda text: _withdraw_note(window, text))
        view = table.view
        wheel = (view.viewport(), *((view.frozen.viewport(),) if view.frozen else ()))
        window.zoom.attach(view, *wheel)
        QTimer.singleShot(0, lambda: _scroll_home(view))
        return table
    from gui.prose_page import ProsePage

    prose = ProsePage(window.document, key)
    window.zoom.attach(prose.editor, prose.editor.viewport())
    return prose


def page_for(window: MainWindow, finding: Finding) -> str | None:
    """The page a finding belongs to: the text section its message names (a number in the text that does not
    match a table), its cells' table, a table its message names, or 基本信息."""
    fmt = window.document.report.fmt
    for section in fmt.sections:
        if section.kind != "table" and f"“{section.heading}”" in finding.message:
            return section.key
    for cell_id in finding.cells:
        spec = fmt.cells.get(cell_id)
        if spec is not None and spec.table in window.keys:
            return spec.table
    for section in fmt.sections:
        if section.heading in finding.message:
            return section.key
    kinds = {rule.code: rule.kind for rule in fmt.rules}
    return INFO if kinds.get(finding.code) in ("format_year", "required_meta") else None


def show_finding(window: MainWindow, finding: Finding) -> None:
    """Its page shown, with the keys there: the format field, the quoted phrase selected, or its cells."""
    key = page_for(window, finding)
    if key is None:
        return
    page = window.show_page(key)
    from gui.prose_page import ProsePage

    if isinstance(page, InfoPage):
        page.format.setFocus()
    elif isinstance(page, ProsePage):  # the quoted phrase selected, if it is in the text
        page.editor.setFocus()
        for phrase in re.findall(r"“([^”]+)”", finding.message):
            found = page.editor.document().find(phrase)
            if not found.isNull():
                page.editor.setTextCursor(found)
                break
    else:  # a table page
        page.select_cells(list(finding.cells))
        page.view.setFocus()


def step_finding(window: MainWindow, step: int) -> None:
    """F8 / Shift+F8: the next or previous finding of the 校验结果 list, shown."""
    panel = window.findings_panel
    if not panel.findings:
        return
    row = panel.list.currentRow()
    start = row if row >= 0 else (-1 if step > 0 else 0)
    panel.select((start + step) % len(panel.findings))


def _withdraw_note(window: MainWindow, text: str) -> None:
    if window.statusBar().currentMessage() == text:
        window.statusBar().clearMessage()


def _scroll_home(view: GridView) -> None:
    """A grid built before it had its size scrolled to its first cell: show the form from its header."""
    view.verticalScrollBar().setValue(0)
    view.horizontalScrollBar().setValue(0)
