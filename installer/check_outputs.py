"""Check what ``nianbao --smoke DIR`` wrote: PNG pages that are not blank, Word/Excel files that open.

Usage: python installer/check_outputs.py DIR [--exports] (exit 0 when all is well; prints one line per file).
"""

from __future__ import annotations

import argparse
import sys
import zipfile
from collections import Counter
from pathlib import Path

MIN_SIDE = 200  # a window smaller than this is not the main window
MAX_DOMINANT = 0.97  # a page whose most common colour covers more than this is blank
MIN_COLOURS = 16  # text and grid lines give many distinct colours (anti-aliasing)
DOCX_PARTS = ("word/document.xml",)
XLSX_PARTS = ("xl/workbook.xml",)
TITLE_WORDS = "政府信息公开"


def png_problem(path: Path) -> str | None:
    """Why this PNG is not a rendered page, or None."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    if image.isNull():
        return "不是可读的 PNG 图片"
    if min(image.width(), image.height()) < MIN_SIDE:
        return f"尺寸过小（{image.width()}×{image.height()}）"
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = memoryview(bytes(image.constBits())).cast("I")
    counts = Counter(pixels[::3])
    share = counts.most_common(1)[0][1] / sum(counts.values())
    if share > MAX_DOMINANT or len(counts) < MIN_COLOURS:
        return f"几乎空白（主色占 {share:.0%}，共 {len(counts)} 种颜色）"
    return None


def zip_problem(path: Path, parts: tuple[str, ...]) -> str | None:
    """Why this Office file is broken, or None: a zip with the main part, mentioning the report's title."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            missing = [p for p in parts if p not in names]
            if missing:
                return f"缺少 {', '.join(missing)}"
            text = "".join(
                zf.read(n).decode("utf-8", "replace")
                for n in names
                if n.endswith(".xml") and (n.startswith("word/") or "sharedStrings" in n)
            )
    except zipfile.BadZipFile:
        return "不是有效的 Office 文件（zip）"
    if path.suffix == ".docx" and TITLE_WORDS not in text:
        return f"正文中没有“{TITLE_WORDS}”"
    return None


def check(folder: Path, exports: bool) -> list[str]:
    """Every problem found in folder, as one line each; prints a line per file checked."""
    problems = []
    pngs = sorted(folder.glob("*.png"))
    if not pngs:
        problems.append(f"{folder}：没有 PNG 页面")
    for png in pngs:
        problem = png_problem(png)
        print(f"  {'FAIL' if problem else 'ok  '} {png.name}{'：' + problem if problem else ''}")
        if problem:
            problems.append(f"{png.name}：{problem}")
    for suffix, parts in ((".docx", DOCX_PARTS), (".xlsx", XLSX_PARTS)):
        files = sorted(folder.glob(f"*{suffix}"))
        if exports and not files:
            problems.append(f"{folder}：没有 {suffix} 文件")
        for path in files:
            problem = zip_problem(path, parts)
            print(
                f"  {'FAIL' if problem else 'ok  '} {path.name} ({path.stat().st_size} bytes)"
                f"{'：' + problem if problem else ''}"
            )
            if problem:
                problems.append(f"{path.name}：{problem}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--exports", action="store_true", help="require a .docx and a .xlsx")
    options = parser.parse_args(argv)
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(["check_outputs", "-platform", "offscreen"])  # noqa: F841 — QImage needs it
    problems = check(Path(options.folder), options.exports)
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
