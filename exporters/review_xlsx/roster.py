"""A roster kept as a workbook: the unit names in the first column of the first sheet (a header row is skipped)."""

from __future__ import annotations

import os

from exporters.reading.safe_zip import check_package
from exporters.xlsx.reader import MAX_ELEMENTS, MAX_STYLE_ELEMENTS, MAX_XML, REQUIRED_PARTS
from model.review.names import read_roster_text

MAX_ROWS = 5000


def read_roster_xlsx(path: str | os.PathLike[str]) -> list[str]:
    """The names; raises ValueError with one Chinese sentence when the file is no readable workbook."""
    from openpyxl import load_workbook

    try:
        check_package(path, REQUIRED_PARTS, MAX_XML, MAX_ELEMENTS, MAX_STYLE_ELEMENTS)
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise ValueError(f"无法读取名单“{os.path.basename(path)}”：不是有效的 Excel 文件") from exc
    try:
        sheet = book.worksheets[0]
        lines = []
        for (value, *_), _index in zip(sheet.iter_rows(max_col=1, values_only=True), range(MAX_ROWS)):
            if isinstance(value, str):
                lines.append(value)
    finally:
        book.close()
    names = read_roster_text("\n".join(lines))
    return names[1:] if names and _is_header(names[0]) else names


def _is_header(text: str) -> bool:
    return text.strip() in ("单位", "单位名称", "名称", "机关名称", "名单")
