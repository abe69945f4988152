"""The fonts of the printed report: each part's family stack (model/typeset.py) as one QFont with fallbacks."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase

from model import typeset as ts

ROLES = ("title", "body", "heading", "subheading", "table")


@cache
def _installed() -> frozenset[str]:
    return frozenset(QFontDatabase.families())


def families(role: str) -> list[str]:
    """Latin first (Times New Roman for digits and Latin letters), then the Chinese faces in turn; only those
    installed, so that Qt's fallback goes through the stack, not through whatever fontconfig prefers."""
    stack = [*ts.FONT_STACKS["latin"], *ts.FONT_STACKS[role]]
    found = [name for name in stack if name in _installed()]
    return found or stack


def font(role: str, point_size: float) -> QFont:
    """The part's font at a size; the title in bold when 方正小标宋 is missing (a bold 宋体 looks like it)."""
    result = QFont()
    result.setFamilies(families(role))
    result.setPointSizeF(point_size)
    result.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    result.setKerning(False)
    if role == "title" and ts.FONT_STACKS["title"][0] not in _installed():
        result.setWeight(QFont.Weight.Bold)
    return result
