"""Read a published PDF report (one with a text layer, as Word, WPS or LibreOffice print it) back into a report and
document findings: ``safe_pdf`` checks the file, pdfium gives characters and lines (``page``), ``layout`` makes
blocks, and ``exporters/reading/blocks.py`` does the rest, as for Word."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from exporters.pdf.errors import PdfError
from exporters.pdf.layout import page_blocks
from exporters.pdf.page import Page, read_page
from exporters.pdf.safe_pdf import MAX_PAGES, check_pdf
from exporters.reading.blocks import report_from_blocks
from exporters.reading.errors import NoReportError
from model.report import Report
from model.rules import Finding

__all__ = ["PdfError", "read_pdf"]

MAX_SECONDS = 20.0  # reading the pages, after the checks (a 40-page report takes well under a second)
GARBLED = 0.3  # share of unreadable characters (private use, U+FFFD) that makes the text layer useless
ENCRYPTED = "文件已加密，需要密码才能打开：请使用未加密的 PDF（或在阅读器中输入密码后另存为 PDF）"
SCANNED = "这是扫描件（图片），无法读取文字：请使用发布机关的 Word 文件或可复制文字的 PDF"
_LOCK = threading.Lock()  # pdfium is not thread-safe


def read_pdf(path: str | os.PathLike[str]) -> tuple[Report, list[Finding]]:
    """The report printed in a PDF, and findings about the document (labels, mixed formats, missing parts)."""
    data = check_pdf(path)
    with _LOCK:
        pages = read_pages(data)
    _check_text(pages)
    blocks = page_blocks(pages)
    try:
        return report_from_blocks(blocks, Path(path).name)
    except NoReportError as exc:
        scans = scanned_pages(pages)
        if scans:
            shown = "、".join(str(n) for n in scans[:5]) + ("…" if len(scans) > 5 else "")
            raise PdfError(
                f"第 {shown} 页是扫描件（图片），其中的表格无法读取：请使用发布机关的 Word 文件或可复制文字的 PDF"
            ) from exc
        raise


def read_pages(data: bytes) -> list[Page]:
    """Every page's characters and ruling lines (pdfium), within the page count and time limits."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
            raise PdfError(ENCRYPTED) from exc
        raise PdfError("文件已损坏，无法读取") from exc
    try:
        count = len(document)
        if count > MAX_PAGES:
            raise PdfError(f"页数过多（{count} 页，上限 {MAX_PAGES} 页），不像年度报告，已拒绝打开")
        if count <= 0:
            raise PdfError("文件中没有页面，可能已损坏")
        deadline = time.monotonic() + MAX_SECONDS
        pages = []
        for index in range(count):
            try:
                pages.append(read_page(document, index, deadline))
            except pdfium.PdfiumError as exc:
                raise PdfError(f"文件不完整或已损坏（第 {index + 1} 页无法读取）") from exc
        return pages
    finally:
        document.close()


def scanned_pages(pages: list[Page]) -> list[int]:
    """Pages that are pictures: a big image and no visible text (or only the invisible text of a recognised scan)."""
    return [
        p.number
        for p in pages
        if p.big_images and (p.invisible_text or not any(c.text.strip() for c in p.chars))
    ]


def _check_text(pages: list[Page]) -> None:
    chars = [c.text for page in pages for c in page.chars if c.text.strip()]
    if not chars:
        raise PdfError(SCANNED if scanned_pages(pages) else "文件中没有可读取的文字")
    if len(scanned_pages(pages)) == len(pages):
        raise PdfError(SCANNED)
    unreadable = sum(1 for c in chars if c == "\ufffd" or "\ue000" <= c <= "\uf8ff")
    if unreadable > GARBLED * len(chars):
        raise PdfError(
            "文件中的文字无法提取（字体没有文字编码）：请使用发布机关的 Word 文件或可复制文字的 PDF"
        )
