"""Check what ``nianbao --smoke DIR`` wrote: PNG pages that are not blank, text not drawn as boxes, Word/Excel files.

A page passes only when the app found a glyph for every character it shows (``glyphs.json``, written by the smoke
run from Qt's own layout of each text: gui/glyphs.py) — a window whose Chinese is all boxes still has many colours.

Usage: python installer/check_outputs.py DIR [--exports] (exit 0 when all is well; prints one line per file).
"""

from __future__ import annotations

import argparse
import json
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
GLYPHS = "glyphs.json"  # gui/smoke.py writes it
MIN_CHARACTERS = 20  # a page shows at least this much text


def glyph_problems(folder: Path, pngs: list[Path]) -> dict[str, str]:
    """PNG name → why its text is not all drawn (boxes, or nothing checked); a missing report fails every page."""
    try:
        found = json.loads((folder / GLYPHS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {png.name: f"没有可读的字形检查结果（{GLYPHS}）" for png in pngs}
    problems = {}
    for png in pngs:
        page = found.get(png.name)
        if not isinstance(page, dict):
            problems[png.name] = "没有该页的字形检查结果"
        elif page.get("boxes"):
            problems[png.name] = f"这些字显示为方框（字体缺字）：{page['boxes'][:40]}"
        elif int(page.get("characters", 0)) < MIN_CHARACTERS:
            problems[png.name] = f"页面上几乎没有文字（{page.get('characters', 0)} 个字符）"
    return problems


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
    boxes = glyph_problems(folder, pngs) if pngs else {}
    for png in pngs:
        problem = png_problem(png) or boxes.get(png.name)
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
