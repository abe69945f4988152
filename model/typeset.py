"""How published reports are typeset (GB/T 9704 as used in practice): A4, margins, sizes — for every output."""

from __future__ import annotations

PT_PER_MM = 72 / 25.4

# A4 portrait; margins top 37, bottom 35, left 28, right 26 mm (formats.md §7).
PAGE_MM = (210.0, 297.0)
MARGINS_MM = {"top": 37.0, "bottom": 35.0, "left": 28.0, "right": 26.0}
# A landscape page turns the portrait margins: 37 mm on the binding (left) side, 35 mm for the page number.
LANDSCAPE_MARGINS_MM = {"top": 28.0, "bottom": 35.0, "left": 37.0, "right": 35.0}
FOOTER_MM = 25.0  # from the bottom edge to the page number's line
HEADER_MM = 15.0

BODY_PT, TITLE_PT, PAGE_NUMBER_PT = 16.0, 22.0, 14.0  # 三号, 二号, 四号
TABLE_PT, TABLE_SMALL_PT = 10.5, 9.0  # 五号, 小五
BODY_LINE_PT = 28.95  # 22 lines in the 225 mm type area ("fixed line spacing 28–29 pt")
TABLE_CELL_MARGIN_MM = 1.0  # left and right inside a cell
TABLE_ROW_MM = 5.5  # a table row is at least this tall, as in published tables
DENSE_COLUMNS = 6  # tables with more grid columns are set at the smaller size (小五)
LANDSCAPE_COLUMNS = (
    12  # tables with this many grid columns go landscape when they do not fit the portrait width
)


def mm_to_pt(value: float) -> float:
    return value * PT_PER_MM


def text_width_pt(landscape: bool = False) -> float:
    """The width of the type area of a portrait (or landscape) page, in points."""
    if landscape:
        return mm_to_pt(PAGE_MM[1] - LANDSCAPE_MARGINS_MM["left"] - LANDSCAPE_MARGINS_MM["right"])
    return mm_to_pt(PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"])


def page_number(number: int) -> str:
    """「— 1 —」: the page number as published."""
    return f"— {number} —"


# The typeface of each part, first the published convention's name (the 公文 fonts of government PCs, as the Word
# export names them: exporters/docx/style.py DocxFonts), then a stock Windows font, its English name, and free
# fonts with the same look — what the PDF and the web page try in turn.
FONT_STACKS: dict[str, tuple[str, ...]] = {
    "title": (
        "方正小标宋简体",
        "FZXiaoBiaoSong-B05S",
        "华文中宋",
        "STZhongsong",
        "宋体",
        "SimSun",
        "Noto Serif CJK SC",
    ),
    "body": ("仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC"),
    "heading": ("黑体", "SimHei", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei"),
    "subheading": ("楷体_GB2312", "楷体", "KaiTi", "STKaiti", "AR PL UKai CN", "Noto Serif CJK SC"),
    "table": ("宋体", "SimSun", "STSong", "Noto Serif CJK SC", "Source Han Serif SC"),
    "latin": ("Times New Roman", "Liberation Serif", "Tinos", "DejaVu Serif"),
}
