"""从剪贴板导入: a report copied from a browser (its HTML flavour first, else plain text) becomes a new draft."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication

from model.example import load_example
from model.report import Report
from tests.support.copied_text import copied_text
from tests.support.gui_window import FakeDialogs, isolate, make_window
from tests.support.html_pages import page_html


def put(html: str = "", text: str = "") -> None:
    data = QMimeData()
    if html:
        data.setHtml(html)
    if text:
        data.setText(text)
    QApplication.clipboard().setMimeData(data)


def test_html_flavour_is_read_first(qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    isolate(tmp_path, monkeypatch)
    example = load_example()
    seam = FakeDialogs()
    window = make_window(qtbot, Report.new(2025), dialogs=seam)
    put(html=page_html(example), text="不是报告的文字")
    assert window.named_actions["从剪贴板导入"].isEnabled()
    window.named_actions["从剪贴板导入"].trigger()
    report = window.document.report
    assert (report.agency, report.year, report.values) == (example.agency, example.year, example.values)
    assert window.document.path is None and not seam.asked


def test_plain_text_when_there_is_no_html(qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    isolate(tmp_path, monkeypatch)
    example = load_example()
    window = make_window(qtbot, Report.new(2025))
    put(text=copied_text(example))
    assert window.files.import_clipboard()
    assert window.document.report.values == example.values


def test_nothing_readable_says_so_and_changes_nothing(qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    isolate(tmp_path, monkeypatch)
    seam = FakeDialogs()
    window = make_window(qtbot, Report.new(2025, "某某局"), dialogs=seam)
    put(text="今天天气很好")
    assert not window.files.import_clipboard()
    assert seam.kinds() == ["error"] and "无法从剪贴板导入" in seam.asked[0][1]  # type: ignore[operator]
    assert window.document.report.agency == "某某局"
    put()
    assert not window.files.import_clipboard()
    assert "Ctrl+A" in str(seam.asked[-1][1])
