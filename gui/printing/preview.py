"""打印预览 (a window that stays open beside the report, never modal) and 打印 (the printer chosen in the seam's
print dialog): the same pages as the PDF, from the report as it is now and the 落款 setting."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from gui import exports
from gui.printing.paint import page_layout, render
from model.document import ReportDocument, report_document

if TYPE_CHECKING:
    from gui.main_window import MainWindow

PREVIEW_NAME = "print_preview"


def _document(window: MainWindow) -> ReportDocument:
    return report_document(window.document.report, exports.closing(window.files.settings))


def new_printer() -> QPrinter:
    """A printer set to A4 portrait from the paper's corner (the pages carry their own margins)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    printer.setPageLayout(page_layout(False))
    printer.setDocName("政府信息公开工作年度报告")
    return printer


def open_preview(window: MainWindow) -> QPrintPreviewDialog:
    """The preview window, shown without blocking; it repaints from the report when opened or refreshed."""
    old = window.findChild(QPrintPreviewDialog, PREVIEW_NAME)
    if old is not None:
        old.close()
    printer = new_printer()
    dialog = QPrintPreviewDialog(printer, window)
    dialog.setObjectName(PREVIEW_NAME)
    dialog.setWindowTitle(f"打印预览 — {window.document.report.title}")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.printer_ = printer  # type: ignore[attr-defined] # kept alive with the window
    dialog.paintRequested.connect(lambda device: render(_document(window), device))
    dialog.resize(900, min(1000, window.height()))
    dialog.setModal(False)
    dialog.show()
    return dialog


def print_report(window: MainWindow) -> int:
    """打印: the printer and pages chosen in the print dialog (through the seam); pages printed, 0 if cancelled."""
    printer = new_printer()
    if not window.dialogs.choose_printer(window, printer):
        return 0
    printer.setFullPage(True)
    document = _document(window)
    pages = render(document, printer)
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        from gui.printing.pdf import mend_file

        mend_file(Path(printer.outputFileName()), document)
    window.statusBar().showMessage(f"已发送到打印机（{pages}页）", 8000)
    return pages
