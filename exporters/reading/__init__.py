"""Open any report file the app understands: its drafts, its Excel workbooks and published Word reports."""

from __future__ import annotations

import os
from pathlib import Path

from exporters.reading.safe_zip import DocumentError
from model import draft
from model.engine import Finding
from model.report import Report

READABLE = (".nianbao", ".docx", ".xlsx")
OLD_KINDS = {".doc": "Word", ".wps": "WPS 文字", ".xls": "Excel", ".et": "WPS 表格"}  # named, not read


class ReadError(Exception):
    """A file that cannot be read as a report; the message is one Chinese sentence for the clerk."""


def read_any(path: str | os.PathLike[str]) -> tuple[Report, list[Finding]]:
    """The report in a file, and findings about the document itself (labels, mixed formats)."""
    name = Path(path).name
    suffix = Path(path).suffix.lower()
    if suffix == draft.SUFFIX:
        try:
            return draft.load(path), []
        except draft.DraftError as exc:
            raise ReadError(str(exc)) from exc
    if suffix in OLD_KINDS:
        new = ".xlsx" if OLD_KINDS[suffix] in ("Excel", "WPS 表格") else ".docx"
        raise ReadError(
            f"无法打开“{name}”：这是旧版{OLD_KINDS[suffix]}文件，请在 Word/WPS/Excel 中另存为 {new} 后再打开"
        )
    if suffix not in READABLE:
        raise ReadError(f"无法打开“{name}”：不支持的文件类型（可打开 {'、'.join(READABLE)}）")
    if not Path(path).is_file():
        raise ReadError(f"无法打开“{name}”：文件不存在")
    try:
        if suffix == ".docx":
            from exporters.docx.reader import read_docx

            return read_docx(path)
        from exporters.xlsx.reader import read_xlsx

        return read_xlsx(path)
    except DocumentError as exc:
        raise ReadError(f"无法打开“{name}”：{exc}") from exc
    except RecursionError as exc:
        raise ReadError(f"无法打开“{name}”：文件结构嵌套过深，可能已损坏") from exc
    except MemoryError as exc:
        raise ReadError(f"无法打开“{name}”：文件过大，内存不足") from exc
    except Exception as exc:
        raise ReadError(f"无法打开“{name}”：文件内容已损坏或格式不受支持") from exc
