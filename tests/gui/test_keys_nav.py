"""Ctrl+number follows the number of the section in the format (Ctrl+3 → 表三), Ctrl+` → 基本信息; the navigation
list shows the keys; 基本信息 is marked while the agency's name is empty."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui.findings_panel import ok_icon, severity_icon
from gui.main_window import INFO
from gui.nav_list import KEY_ROLE
from gui.page_keys import page_shortcuts, section_digit
from model.formats import load_format
from model.report import Report
from tests.support.gui_window import FakeDialogs, isolate, make_window

DIGIT_KEYS = {n: getattr(Qt.Key, f"Key_{n}") for n in range(1, 10)}


def active_window(qtbot, report):  # type: ignore[no-untyped-def]
    window = make_window(qtbot, report, dialogs=FakeDialogs())
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    return window


@pytest.mark.parametrize("format_id", ["2019", "2021"])
def test_the_keys_come_from_the_section_numbers_of_the_format(format_id):
    fmt = load_format(format_id)
    keys = page_shortcuts(fmt, INFO)
    assert keys[INFO] == "Ctrl+`"
    for section in fmt.sections:
        assert keys[section.key] == f"Ctrl+{section_digit(section.number)}"
    assert {keys["t2"], keys["t3"], keys["t4"]} == {"Ctrl+2", "Ctrl+3", "Ctrl+4"}
    assert section_digit("十") is None and section_digit("7") == 7


def test_ctrl_number_from_the_keyboard_shows_the_table_of_that_number(qtbot, tmp_path, monkeypatch, example):
    isolate(tmp_path, monkeypatch)
    window = active_window(qtbot, example)
    fmt = window.document.report.fmt
    for section in fmt.sections:
        window.nav.setFocus()
        qtbot.keyClick(
            window.nav, DIGIT_KEYS[section_digit(section.number)], Qt.KeyboardModifier.ControlModifier
        )
        assert window.current_page() == section.key, section.heading
    page = window.page("t4")
    assert QApplication.focusWidget() is window.page("s6").editor  # the keys went to the page shown
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_QuoteLeft, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == INFO
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "t3" and QApplication.focusWidget() is window.page("t3").view
    assert page.view.model().table_key == "t4"


def test_the_navigation_list_shows_each_page_s_key(qtbot, tmp_path, monkeypatch, example):
    isolate(tmp_path, monkeypatch)
    window = make_window(qtbot, example)
    shown = {window.keys[row]: window.nav.item(row).data(KEY_ROLE) for row in range(window.nav.count())}
    numbered = {key: f"Ctrl+{n}" for n, key in enumerate(["s1", "t2", "t3", "t4", "s5", "s6"], 1)}
    assert shown == {INFO: "Ctrl+`", **numbered}
    row = window.keys.index("t3")
    assert window.nav.item(row).toolTip().endswith("（Ctrl+3）")
    assert window.named_actions["page:t3"].shortcut().toString() == "Ctrl+3"


def test_basic_info_is_marked_while_the_agency_name_is_empty(qtbot, tmp_path, monkeypatch, example):
    isolate(tmp_path, monkeypatch)
    report = Report.new(2024, "")
    window = make_window(qtbot, report)
    finding = next(f for f in window.findings_panel.findings if f.code == "META")
    assert window.page_for(finding) == INFO
    item = window.nav.item(window.keys.index(INFO))
    assert item.icon().cacheKey() == severity_icon("warning", 14).cacheKey()
    window.show_page("t3")
    window.show_finding(finding)
    assert window.current_page() == INFO
    window.page(INFO).agency.setText("某某县某某局")
    assert all(f.code != "META" for f in window.findings_panel.findings)
    assert item.icon().cacheKey() == ok_icon(14).cacheKey()  # the green tick again
