"""文件 → 打印预览…, 打印… (Ctrl+P), 导出 PDF…, 导出网页版…, 复制网页版 and 落款, through the dialog seam: the preview
opens beside the window without blocking, 打印 goes to the printer the seam chose, the clipboard gets the web
version, and the 落款 setting reaches Word, PDF and print."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QApplication

from exporters.html.reader import report_from_html
from exporters.reading import read_any
from gui.printing.preview import PREVIEW_NAME
from model.vocabulary import SIGNATURE
from tests.support.gui_window import make_window

SHOTS = Path(__file__).resolve().parents[3] / ".screenshots"


@pytest.fixture
def window(qtbot, seam, example):  # type: ignore[no-untyped-def]
    return make_window(qtbot, example, dialogs=seam)


def test_the_file_menu_has_the_printing_entries(window):
    actions = window.menus.named_actions
    for name in (
        "打印预览",
        "打印",
        "导出 PDF",
        "导出网页版",
        "复制网页版",
        "落款:none",
        "落款:sign_off",
        "落款:filed",
    ):
        assert name in actions, name
    assert actions["打印"].shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert actions["打印"].shortcut().toString() == "Ctrl+P"
    assert actions["导出 PDF"].text().startswith("导出 PDF") and actions["导出网页版"].text().startswith(
        "导出网页版"
    )
    assert actions["落款:none"].isChecked() and not actions["落款:filed"].isChecked()


def test_print_preview_opens_without_blocking_and_shows_the_pages(qtbot, window):
    window.menus.named_actions["打印预览"].trigger()  # returns at once: the window is not modal
    dialog = window.findChild(QPrintPreviewDialog, PREVIEW_NAME)
    assert dialog is not None and not dialog.isModal()
    qtbot.waitUntil(dialog.isVisible)
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() >= 4)
    assert preview.pageCount() <= 8
    if SHOTS.is_dir():
        dialog.grab().save(str(SHOTS / "print-preview.png"))
    dialog.close()
    window.menus.named_actions["打印预览"].trigger()  # once more: the old one gives way to the new
    assert len(window.findChildren(QPrintPreviewDialog)) >= 1
    window.findChild(QPrintPreviewDialog, PREVIEW_NAME).close()


def test_print_goes_to_the_printer_chosen_and_cancel_prints_nothing(qtbot, window, seam, tmp_path, example):
    seam.print_to = None
    window.menus.named_actions["打印"].trigger()
    assert seam.kinds()[-1] == "choose_printer"
    seam.print_to = tmp_path / "printed.pdf"
    window.menus.named_actions["打印"].trigger()
    read, _ = read_any(seam.print_to)
    assert read.values == example.values and read.agency == example.agency


def test_copy_web_page_puts_the_report_on_the_clipboard_as_html(window, example):
    window.menus.named_actions["复制网页版"].trigger()
    data = QApplication.clipboard().mimeData()
    assert data.hasHtml() and "<table" in data.html() and "<script" not in data.html()
    assert "杭州市城市管理局" in data.text() and "\t" in data.text()
    read, findings = report_from_html(data.html(), "剪贴板")
    assert read.values == example.values and read.prose == {k: v for k, v in example.prose.items()}


def test_pdf_and_web_exports_through_the_save_dialog(window, seam, tmp_path, example):
    from gui import exports

    seam.save_paths = [str(tmp_path / "报告.pdf"), str(tmp_path / "报告")]
    assert exports.run_export(window, ["pdf"]) == [tmp_path / "报告.pdf"]
    assert exports.run_export(window, ["html"]) == [tmp_path / "报告.html"]  # the suffix added
    assert read_any(tmp_path / "报告.pdf")[0].values == example.values
    assert read_any(tmp_path / "报告.html")[0].values == example.values


def test_the_filed_setting_adds_the_signature_block_to_word_and_pdf(window, seam, tmp_path):
    from gui import exports

    window.menus.named_actions["落款:filed"].trigger()
    assert exports.closing(window.files.settings) == "filed"
    seam.save_paths = [str(tmp_path / "备案.docx"), str(tmp_path / "备案.pdf")]
    exports.run_export(window, ["docx"])
    exports.run_export(window, ["pdf"])
    paragraphs = [p.text for p in Document(str(tmp_path / "备案.docx")).paragraphs]
    assert (
        paragraphs[-len(SIGNATURE) :] == list(SIGNATURE)
        and "杭州市城市管理局" in paragraphs[-len(SIGNATURE) - 2]
    )
    import subprocess

    text = subprocess.run(
        ["pdftotext", str(tmp_path / "备案.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert all(line in text for line in SIGNATURE)
    window.menus.named_actions["落款:none"].trigger()
    seam.save_paths = [str(tmp_path / "公开.docx")]
    exports.run_export(window, ["docx"])
    assert not set(SIGNATURE) & {p.text for p in Document(str(tmp_path / "公开.docx")).paragraphs}


def test_a_landscape_table_prints_turned_on_portrait_paper(qtbot, seam, tmp_path, example):
    import pypdf

    for cell in example.fmt.table("t4").cells:  # seven digits: table 四 needs its landscape page
        if not example.fmt.is_computed(cell.cell_id):
            example.set_value(cell.cell_id, 1234567)
    example.stated.clear()
    example.changed()
    window = make_window(qtbot, example, dialogs=seam)
    seam.print_to = tmp_path / "printed.pdf"
    window.menus.named_actions["打印"].trigger()
    pages = pypdf.PdfReader(seam.print_to).pages
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pages}
    assert sizes == {(595, 842)}  # the paper does not turn during a print job: the page is drawn turned
    assert any("政复议" in page.extract_text() and "123456" in page.extract_text() for page in pages)
