"""Read a report published as a web page (.html / .htm in any charset, .mhtml / .mht) into a report and findings."""

from __future__ import annotations

import os
from pathlib import Path

from exporters.html.decode import decode_page
from exporters.html.errors import HtmlError, UnsafePageError
from exporters.html.mhtml import html_parts, looks_like_mhtml
from exporters.html.page import Page, read_page
from exporters.reading.blocks import Block, report_from_blocks
from exporters.reading.errors import NoReportError
from exporters.reading.grid_report import MISSING
from model.report import Report
from model.rules import Finding

__all__ = ["HtmlError", "blocks_from_html", "read_html", "report_from_html"]

MAX_FILE = 50 * 1024 * 1024  # bytes on disk (a single-file page carries its images)
MHTML_SUFFIXES = (".mhtml", ".mht")


def read_html(path: str | os.PathLike[str]) -> tuple[Report, list[Finding]]:
    """The report on a saved page, its publication date if the page shows one, and findings about the document."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            raise UnsafePageError(
                f"文件过大（{size // (1024 * 1024)} MB，上限 {MAX_FILE // (1024 * 1024)} MB）"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise HtmlError(f"文件无法读取（{exc.strerror or exc}）") from exc
    if looks_like_mhtml(data) or (path.suffix.lower() in MHTML_SUFFIXES and not _looks_like_html(data)):
        pages = html_parts(data)
    else:
        pages = [decode_page(data)]
    failure: NoReportError | None = None
    for html in pages:  # the page itself, then its frames (a portal may show the article in one)
        try:
            return report_from_html(html, path.name)
        except NoReportError as exc:
            failure = failure or exc
    assert failure is not None
    raise failure


def _looks_like_html(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<"


def blocks_from_html(html: str) -> list[Block]:
    """The report's paragraphs and tables on a page (or HTML copied from a browser), the article's title first."""
    return read_page(html).blocks


def report_from_html(html: str, name: str = "") -> tuple[Report, list[Finding]]:
    """The report on a page given as text (a saved page, the clipboard's HTML); ``name`` is where it came from."""
    page = read_page(html)
    read = _report(page, name)
    if page.by_container and (read is None or _missing(read[1])):  # tables outside the CMS container
        second = read_page(html, by_container=False)
        again = _report(second, name)
        if again is not None and (read is None or _missing(again[1]) < _missing(read[1])):
            page, read = second, again
        elif read is None:
            raise _without_tables(second)
    if read is None:
        raise _without_tables(page)
    report, findings = read
    report.published = page.published
    return report, findings


def _report(page: Page, name: str) -> tuple[Report, list[Finding]] | None:
    try:
        return report_from_blocks(page.blocks, name)
    except NoReportError:
        return None


def _missing(findings: list[Finding]) -> int:
    return sum(f.code == MISSING for f in findings)


def _without_tables(page: Page) -> NoReportError:
    if page.images:
        return NoReportError(
            "网页中没有找到统计表的文字（表格可能是以图片形式发布的），无法读取数值：请改用报告的 Word 或 PDF 版本"
        )
    return NoReportError(
        "网页中没有找到年度报告的统计表（主动公开、依申请公开、复议诉讼情况），不是政府信息公开工作年度报告"
    )
