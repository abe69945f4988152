"""Every file name the app proposes (另存为, 导出, 全部导出, 「…（2）」, temp files): valid on Windows and within budget.

``safe_file_name`` removes control characters and what Windows forbids (``\\ / : * ? " < > |``), leading dots and
spaces, trailing dots and spaces, avoids the reserved device names (CON, PRN, AUX, NUL, COM1–9, LPT1–9, also as
「CON.docx」), and keeps the name within ``MAX_NAME_BYTES`` of UTF-8 (room left for the temp and backup names of
``model.atomic``) and, given the folder, the whole path within Windows' 260 characters. It shortens the agency
part first: 「{机关}{年份}年政府信息公开工作年度报告（2）」 keeps its year, tail and number.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from model.report import Report

NAME_BYTES = 255  # a file name on NTFS (UTF-16 units) and ext4 (bytes); UTF-8 bytes are never fewer
TEMP_EXTRA = (
    ".bak" + ".." + "4294967295-01234567.tmp"
)  # what model.atomic adds: ``.{name}.bak.{pid}-{hex}.tmp``
MAX_NAME_BYTES = NAME_BYTES - len(TEMP_EXTRA)  # 226: a proposed name whose backup's temp file still fits
MAX_PATH = 259  # Windows' MAX_PATH (260) less the terminating NUL, without long-path support
UNNAMED = "未命名"
CUT = "…"  # marks where a name was shortened
FORBIDDEN = '\\/:*?"<>|'
_FORBIDDEN = re.compile("[" + re.escape(FORBIDDEN) + "]")
_SPACES = re.compile(r"\s+")
_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])$", re.IGNORECASE)
_KEEP = re.compile(r"(\d{4}年政府信息公开工作年度报告)?(（\d+）)?$")  # the part never shortened first


def safe_file_name(stem: str, suffix: str = "", folder: str | Path | None = None) -> str:
    """``stem`` + ``suffix`` as a valid, short enough file name (never empty); idempotent."""
    stem = _unreserved(clean(stem) or UNNAMED)
    keep = _KEEP.search(stem)
    tail = keep.group(0) if keep else ""
    return _fit(stem[: len(stem) - len(tail)], tail, suffix, _budget(folder))


def clean(text: str) -> str:
    """The characters a file name may hold: no controls, no forbidden ones, no leading dot or trailing dot/space."""
    chars = []
    for char in text:
        category = unicodedata.category(char)
        if category in ("Zl", "Zp") or (category == "Cc" and char.isspace()):
            chars.append(" ")  # a newline or tab between words
        elif category not in ("Cc", "Cf", "Cs"):
            chars.append(char)
    return _trim(_FORBIDDEN.sub("_", _SPACES.sub(" ", "".join(chars))))


def _trim(text: str) -> str:
    return text.lstrip(". ").rstrip(". ")


def _units(text: str) -> int:
    """The length Windows counts: UTF-16 code units."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _budget(folder: str | Path | None) -> Callable[[str], bool]:
    """Whether a name fits: its bytes, and with the folder the whole path and the temp file beside it."""
    units = None if folder is None else MAX_PATH - _units(str(folder)) - 1 - len(TEMP_EXTRA)

    def fits(name: str) -> bool:
        return len(name.encode("utf-8")) <= MAX_NAME_BYTES and (units is None or _units(name) <= units)

    return fits


def _fit(head: str, tail: str, suffix: str, fits: Callable[[str], bool]) -> str:
    """The longest name made of ``head`` (shortened first), ``tail`` and ``suffix`` that fits."""
    name = _join(head, tail, suffix)
    while head and not fits(name):
        head = _trim(head[:-1])
        name = _join(head + CUT if head else "", tail, suffix)
    while len(tail) > 1 and not fits(name):
        tail = _trim(tail[:-1])
        name = _join("", tail + CUT, suffix)
    return name  # a folder too deep for any name: the shortest one, and the write says the path is too long


def _join(head: str, tail: str, suffix: str) -> str:
    return (_trim(head + tail) or UNNAMED) + suffix


def _unreserved(stem: str) -> str:
    """「CON」, 「con.txt」 → 「CON_」, 「con_.txt」: Windows takes a device name before the first dot for the device."""
    base, dot, rest = stem.partition(".")
    if _RESERVED.match(base.rstrip(" ")):
        return f"{base.rstrip(' ')}_{dot}{rest}"
    return stem


def report_file_name(report: Report, suffix: str, folder: str | Path | None = None) -> str:
    """The name proposed for a report's file: 「{机关}{年份}年政府信息公开工作年度报告{suffix}」, 未命名 without an agency."""
    title = report.title if clean(report.agency) else UNNAMED + report.title.removeprefix(report.agency)
    return safe_file_name(title, suffix, folder)
