"""导出 PDF (and ``nianbao export --pdf``): the print preview's pages through QPdfWriter — A4, fonts embedded, text
selectable, ruled tables that exporters/pdf reads back. The registry's writer for the "pdf" kind."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QGuiApplication, QPdfWriter

from exporters.kinds import ExportOptions
from gui.printing import to_unicode
from gui.printing.paint import render
from model import atomic
from model.document import Paragraph, ReportDocument, Table, report_document
from model.report import Report

RESOLUTION = 1200  # device units per inch: positions to 0.02 mm


def ensure_app() -> None:
    """A Qt application for fonts and painting: the GUI's own, else one made here (offscreen without a screen)."""
    if QGuiApplication.instance() is not None:
        return
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication  # widgets may follow in the same process (tests, the GUI)

    QApplication(["nianbao"])


def _text(document: ReportDocument) -> Iterator[str]:
    """Every text the document prints."""
    yield from document.title
    for block in document.every_block():
        if isinstance(block, Table):
            yield from (cell.text for cell in block.cells)
        else:
            yield block.full_text if isinstance(block, Paragraph) else block.text


def pdf_bytes(document: ReportDocument, mend: bool = True) -> bytes:
    """The document's pages as a PDF (``mend=False``: with Qt's own text maps, radicals and all, as other Qt
    programs write them)."""
    ensure_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(document.name)
    writer.setCreator("年报助手")
    render(document, writer)
    del writer
    buffer.close()
    written = bytes(data.data())
    return to_unicode.mend(written, _text(document)) if mend else written


def mend_file(path: Path, document: ReportDocument) -> None:
    """A PDF the print dialog wrote to a file (打印到文件) with the text maps 导出 PDF gets (``to_unicode``); a file
    that cannot be rewritten stays as Qt wrote it (the PDF reader reads radicals as their ideographs anyway)."""
    try:
        data = path.read_bytes()
        mended = to_unicode.mend(data, _text(document))
        if mended != data:
            atomic.write(path, mended, mode=atomic.mode_of(path))
    except OSError:
        pass


def write_pdf(report: Report | ReportDocument, path: str | os.PathLike[str]) -> None:
    """Write the PDF; the file is replaced only once the new one is complete (model/atomic.py)."""
    document = report if isinstance(report, ReportDocument) else report_document(report)
    atomic.write(Path(path), pdf_bytes(document))


def export(report: Report, path: str | os.PathLike[str], options: ExportOptions) -> None:
    """The registry's writer (exporters/kinds.py): the report as printed, published or filed (``options.closing``)."""
    write_pdf(report_document(report, options.closing), path)
