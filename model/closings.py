"""What ends a report's document: nothing (the published version), the 落款 (unit and date), or the 落款 and the
signature block of the copy filed with the 政务公开办 before publication (备案稿) — light, for the menus at start-up."""

from __future__ import annotations

import datetime
import re

CLOSINGS = ("none", "sign_off", "filed")

# 「2025-01-20」, 「2025/1/20」, 「2025.1.20」 or 「2025年1月20日」; compiled when first used (the menus import this module)
_DAY = r"^\s*(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?\s*$"


def parse_sign_off_date(text: str) -> datetime.date:
    """A 落款日期 as typed (on the command line); ValueError with one Chinese sentence when it is no date."""
    from model.limits import MAX_YEAR, MIN_YEAR

    found = re.match(_DAY, text)
    if found is None:
        raise ValueError(f"落款日期“{text}”无法识别，请写成“2025-01-20”或“2025年1月20日”")
    year, month, day = (int(part) for part in found.groups())
    try:
        date = datetime.date(year, month, day)
    except ValueError:  # 2025-02-30
        raise ValueError(f"落款日期“{text}”不是有效日期（{year}年没有{month}月{day}日）") from None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"落款日期“{text}”的年份应在{MIN_YEAR}—{MAX_YEAR}年之间")
    return date
