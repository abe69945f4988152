"""The one registry of document kinds: for each, its suffixes, its name, and its reader and writer.

The GUI's file dialogs, menus and drag and drop, the CLI's ``check`` and ``export`` and ``read_any`` all work from
``KINDS``. Readers and writers are named as ``"module:function"`` and imported only when a file of that kind is read
or written, so the app starts without python-docx or openpyxl. Adding a kind is one package plus one row here:

- a reader is ``read(path) -> (Report, [Finding])`` (or just a Report) raising ``DocumentError`` for a bad file;
- a writer is ``write(report, path, options: ExportOptions) -> None``.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from model import atomic
from model.draft import SUFFIX

if TYPE_CHECKING:
    from model.engine import Finding
    from model.report import Report

Reader = Callable[[str | os.PathLike[str]], Any]
Writer = Callable[..., None]


class ExportOptions(NamedTuple):
    """What the user chose for an export; each writer takes what concerns it."""

    windows_fonts: bool = False  # Word: only the fonts of a stock Chinese Windows (宋体、仿宋、楷体、黑体)
    # Word, PDF: what ends the report (model/document.py CLOSINGS): "none" as published, "sign_off" the 落款
    # (unit, date), "filed" the 落款 and the signature block of the copy filed before publication (备案稿)
    closing: str = "none"


class DocumentKind(NamedTuple):
    """One kind of file the app reads or writes."""

    key: str  # "docx": also the CLI's option (--docx) and the export's name
    name: str  # as file dialogs list it: 「Word 报告」
    short: str  # as menus say it: 「Word」 (导出 Word…)
    suffixes: tuple[str, ...]  # the first is what the writer writes
    reader: str | None = None  # "module:function"
    writer: str | None = None
    exported: bool = True  # offered under 导出 (the draft is saved, not exported)
    pasted: str | None = None  # "module:function" reading this kind from the clipboard's text of ``mime``
    mime: str = ""  # the clipboard flavour it reads ("text/html", "text/plain")
    in_folders: bool = True  # looked for when a folder is checked (not .txt: a folder's notes are no reports)
    exported_as: str = ""  # what 导出 calls it when not ``short`` (「网页版」)

    @property
    def export_name(self) -> str:
        """「PDF」, 「网页版」: the kind as 导出 names it."""
        return self.exported_as or self.short

    @property
    def suffix(self) -> str:
        return self.suffixes[0]

    @property
    def pattern(self) -> str:
        return " ".join(f"*{s}" for s in self.suffixes)

    def read(self, path: str | os.PathLike[str]) -> tuple[Report, list[Finding]]:
        """The report in the file and findings about the document; raises the reader's own error."""
        result = _function(self.reader, self.key, "reader")(path)
        return result if isinstance(result, tuple) else (result, [])

    def paste(self, text: str) -> tuple[Report, list[Finding]]:
        """The report in text of this kind taken from the clipboard; raises the reader's own error."""
        result = _function(self.pasted, self.key, "clipboard reader")(text, "剪贴板")
        return result if isinstance(result, tuple) else (result, [])

    def write(
        self, report: Report, path: str | os.PathLike[str], options: ExportOptions | None = None
    ) -> None:
        """Write through the kind's writer into a temp file, then replace ``path`` in one step (model/atomic.py):
        whatever a writer does when it fails, the previous file stays as it was (a clerk may have edited it)."""
        write = _function(self.writer, self.key, "writer")
        atomic.replace_with(
            Path(path), lambda temporary: write(report, temporary, options or ExportOptions())
        )


def _function(target: str | None, key: str, what: str) -> Callable[..., Any]:
    if target is None:
        raise LookupError(f"{key} has no {what}")
    module, _, name = target.partition(":")
    function: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return function


KINDS: tuple[DocumentKind, ...] = (
    DocumentKind("nianbao", "年报草稿", "草稿", (SUFFIX,), "model.draft:load", exported=False),
    DocumentKind(
        "docx",
        "Word 报告",
        "Word",
        (".docx",),
        "exporters.docx.reader:read_docx",
        "exporters.docx.writer:export",
    ),
    DocumentKind(
        "xlsx",
        "Excel 报告",
        "Excel",
        (".xlsx",),
        "exporters.xlsx.reader:read_xlsx",
        "exporters.xlsx.writer:export",
    ),
    # the PDF is painted by Qt (gui/printing/, the print preview's pages); imported only when one is written
    DocumentKind(
        "pdf", "PDF 报告", "PDF", (".pdf",), "exporters.pdf.reader:read_pdf", "gui.printing.pdf:export"
    ),
    DocumentKind(
        "html",
        "网页（.html .htm .mhtml .mht）",
        "网页",
        (".html", ".htm", ".mhtml", ".mht"),
        "exporters.html.reader:read_html",
        "exporters.html.writer:export",
        pasted="exporters.html.reader:report_from_html",
        mime="text/html",
        exported_as="网页版",
    ),
    DocumentKind(
        "txt",
        "网页文字（.txt）",
        "文本",
        (".txt",),
        "exporters.text.reader:read_text",
        pasted="exporters.text.reader:report_from_text",
        mime="text/plain",
        in_folders=False,
    ),
)

# Old binary files: named with what to do, never read (their formats are not worth a hostile-file risk).
OLD_KINDS: dict[str, tuple[str, str]] = {
    ".doc": ("Word", ".docx"),
    ".wps": ("WPS 文字", ".docx"),
    ".xls": ("Excel", ".xlsx"),
    ".et": ("WPS 表格", ".xlsx"),
}


def kind(key: str) -> DocumentKind:
    for entry in KINDS:
        if entry.key == key:
            return entry
    raise KeyError(key)


def kind_of(path: str | os.PathLike[str]) -> DocumentKind | None:
    """The kind a file is by its suffix, or None."""
    suffix = Path(path).suffix.lower()
    return next((k for k in KINDS if suffix in k.suffixes), None)


def readable() -> tuple[DocumentKind, ...]:
    return tuple(k for k in KINDS if k.reader)


def exportable() -> tuple[DocumentKind, ...]:
    """What 导出 offers (and ``nianbao export`` has an option for), in menu order."""
    return tuple(k for k in KINDS if k.writer and k.exported)


def pastable() -> tuple[DocumentKind, ...]:
    """The kinds 从剪贴板导入 tries, in the registry's order (a browser's HTML before its plain text)."""
    return tuple(k for k in KINDS if k.pasted and k.mime)


def readable_suffixes() -> tuple[str, ...]:
    return tuple(s for k in readable() for s in k.suffixes)


def folder_suffixes() -> tuple[str, ...]:
    """The suffixes ``nianbao check`` looks for in a folder (a named file of any readable kind is read)."""
    return tuple(s for k in readable() if k.in_folders for s in k.suffixes)


def open_filter() -> str:
    """A file dialog's filter: every readable kind at once, then each kind."""
    every = " ".join(k.pattern for k in readable())
    return ";;".join([f"可打开的报告 ({every})", *(f"{k.name} ({k.pattern})" for k in readable())])
