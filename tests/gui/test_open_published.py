"""打开 a report as it is published — a saved web page, an .mht, a PDF, copied text — shows its findings as for Word."""

from __future__ import annotations

from pathlib import Path

from exporters.kinds import kind
from model.report import Report
from tests.support.copied_text import copied_text
from tests.support.factories import full_2021
from tests.support.gui_window import FakeDialogs, make_window
from tests.support.html_pages import Portal, mhtml_bytes, page_bytes
from tests.support.libreoffice import convert


def _opened(qtbot, seam: FakeDialogs, path: Path):  # type: ignore[no-untyped-def]
    window = make_window(qtbot, Report.new(2025), dialogs=seam)
    seam.open_paths = [str(path)]
    window.named_actions["打开"].trigger()
    assert "error" not in seam.kinds(), seam.asked
    return window


def test_a_web_page_published_late_opens_with_the_deadline_warning_listed(qtbot, seam, tmp_path):  # type: ignore[no-untyped-def]
    report = full_2021(year=2024)  # a department: due 31 January 2025
    path = tmp_path / "年报.html"
    path.write_bytes(page_bytes(report, Portal(charset="gbk", date_line="发布日期：{next}-02-20")))
    window = _opened(qtbot, seam, path)
    assert window.document.report.values == report.values
    late = [f for f in window.findings_panel.findings if f.code == "PUB-LATE"]
    assert len(late) == 1 and "2025年2月20日" in late[0].message
    assert "警告" in window.warning_label.text()
    assert window.windowTitle().startswith("年报.html（未保存）")


def test_an_mht_page_and_copied_text_open_with_the_report_figures(qtbot, seam, tmp_path):  # type: ignore[no-untyped-def]
    report = full_2021()
    page = tmp_path / "网页.mht"
    page.write_bytes(mhtml_bytes(report))
    assert _opened(qtbot, seam, page).document.report.values == report.values
    text = tmp_path / "复制.txt"
    text.write_text(copied_text(report), encoding="utf-8")
    assert _opened(qtbot, seam, text).document.report.values == report.values


def test_a_pdf_with_a_misprinted_label_opens_with_the_label_finding(qtbot, seam, tmp_path, soffice):  # type: ignore[no-untyped-def]
    from tests.support.pdf_docs import edit_docx, retext

    report = full_2021()
    source = tmp_path / "发布稿.docx"
    kind("docx").write(report, source)
    edit_docx(source, retext({"行政规范性文件": "规范性文件"}))
    pdf = convert(source, "pdf", tmp_path)
    window = _opened(qtbot, seam, pdf)
    assert window.document.report.values == report.values
    codes = {f.code for f in window.findings_panel.findings}
    assert "FMT-LABEL" in codes
    assert window.windowTitle().startswith("发布稿.pdf（未保存）")
