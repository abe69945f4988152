"""The files of an export: their names, a free name beside a taken one, and writing that never leaves half a file."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from exporters.kinds import ExportOptions, kind
from model.file_names import report_file_name, safe_file_name
from model.os_errors import describe
from model.report import Report

MAX_NUMBER = 9999  # a folder too deep for any numbered name: stop counting (the write then says why)
_NUMBERED = re.compile(r"（\d+）$")  # 「…报告（2）」: the number 另存为新名称 added


def file_name(report: Report, key: str, folder: Path | None = None) -> str:
    """{机关}{年份}年政府信息公开工作年度报告.docx, valid on Windows and short enough for ``folder``."""
    return report_file_name(report, kind(key).suffix, folder)


def free_name(path: Path, taken: Iterable[Path] = ()) -> Path:
    """「…报告（2）.docx」, 「…（3）.docx」: the first such name in the folder that no file has (nor ``taken``)."""
    stem = _NUMBERED.sub("", path.stem)
    avoid = set(taken)
    number = 2
    while True:
        candidate = path.with_name(safe_file_name(f"{stem}（{number}）", path.suffix, path.parent))
        if (not candidate.exists() and candidate not in avoid) or number > MAX_NUMBER:
            return candidate
        number += 1


def renamed(targets: list[tuple[str, Path]]) -> list[tuple[str, Path]]:
    """另存为新名称: every target that exists gets a free name; the others keep theirs."""
    out: list[tuple[str, Path]] = []
    for key, target in targets:
        taken = [path for _, path in out]
        out.append((key, free_name(target, taken) if target.exists() else target))
    return out


def write_all(
    report: Report, targets: list[tuple[str, Path]], windows_fonts: bool = False, closing: str = "none"
) -> tuple[list[Path], list[str]]:
    """Write each (kind, path), Word with only Windows' own fonts if asked, with the 落款 or as the filed copy
    (``closing``, model/document.py); (written paths, problems)."""
    written: list[Path] = []
    problems: list[str] = []
    options = ExportOptions(windows_fonts=windows_fonts, closing=closing)
    for key, target in targets:
        entry = kind(key)
        try:
            entry.write(report, target, options)  # atomic: a failed or locked write leaves the old file
        except OSError as exc:
            problems.append(f"无法写入“{target.name}”：{describe(exc, target)}")
            continue
        except Exception as exc:  # noqa: BLE001 - a fault in one exporter must not lose the report or the others
            problems.append(
                f"导出 {entry.short} 时出错（{type(exc).__name__}: {exc}），请把报告草稿发给技术支持"
            )
            continue
        written.append(target)
    return written, problems


def export(
    report: Report, keys: list[str], folder: Path, windows_fonts: bool = False
) -> tuple[list[Path], list[str]]:
    """Write each kind into the folder under its proposed name, replacing what is there (smoke runs)."""
    return write_all(report, [(key, folder / file_name(report, key, folder)) for key in keys], windows_fonts)
