"""What every reader shares, and ``read_any``: open any report file the app understands, by the registry of kinds.

Modules: ``errors`` (the readers' errors), ``safe_zip`` (limits before any parser runs), ``blocks`` (document →
blocks → report), ``grid_match`` / ``label_match`` (which official table a grid is, cell by cell, by its labels),
``grid_report`` (grids → values and findings, the format and its variant), ``document_text`` (title, sections,
contact details from paragraphs).
"""

from __future__ import annotations

import os
from pathlib import Path

from exporters.kinds import OLD_KINDS, kind_of, pastable, readable_suffixes
from exporters.reading.errors import DocumentError
from model import draft
from model.clamp import clamp
from model.engine import Finding
from model.report import Report


class ReadError(Exception):
    """A file that cannot be read as a report; the message is one Chinese sentence for the clerk."""


def read_any(path: str | os.PathLike[str]) -> tuple[Report, list[Finding]]:
    """The report in a file, and findings about the document itself (labels, mixed formats)."""
    name = Path(path).name
    suffix = Path(path).suffix.lower()
    if suffix in OLD_KINDS:
        old, new = OLD_KINDS[suffix]
        raise ReadError(f"无法打开“{name}”：这是旧版{old}文件，请在 Word/WPS/Excel 中另存为 {new} 后再打开")
    kind = kind_of(path)
    if kind is None or kind.reader is None:
        raise ReadError(f"无法打开“{name}”：不支持的文件类型（可打开 {'、'.join(readable_suffixes())}）")
    if kind.key != "nianbao" and not Path(path).is_file():
        raise ReadError(f"无法打开“{name}”：文件不存在")
    try:
        report, found = kind.read(path)
        return report, found + clamp(report)  # every reader's report cut here, once, to what a draft keeps
    except draft.DraftError as exc:
        raise ReadError(str(exc)) from exc
    except DocumentError as exc:
        raise ReadError(f"无法打开“{name}”：{exc}") from exc
    except RecursionError as exc:
        raise ReadError(f"无法打开“{name}”：文件结构嵌套过深，可能已损坏") from exc
    except MemoryError as exc:
        raise ReadError(f"无法打开“{name}”：文件过大，内存不足") from exc
    except Exception as exc:
        raise ReadError(f"无法打开“{name}”：文件内容已损坏或格式不受支持") from exc


def read_pasted(flavours: dict[str, str]) -> tuple[Report, list[Finding]]:
    """The report in what was copied from a browser (Ctrl+A, Ctrl+C): its HTML flavour first, then plain text.

    ``flavours`` maps a MIME type to the clipboard's text of it; the kinds that read pasted text come from the
    registry (``pasted`` and ``mime`` of a row)."""
    failure = "剪贴板中没有可导入的内容：请在浏览器中打开年报网页，按 Ctrl+A 全选、Ctrl+C 复制后再导入"
    for kind in pastable():
        text = flavours.get(kind.mime, "")
        if not text.strip():
            continue
        try:
            report, found = kind.paste(text)
            return report, found + clamp(report)
        except DocumentError as exc:
            failure = f"无法从剪贴板导入：{exc}"
        except RecursionError as exc:
            raise ReadError("无法从剪贴板导入：内容嵌套过深") from exc
    raise ReadError(failure)
