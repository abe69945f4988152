"""Mend the text of Qt's PDFs: its ToUnicode maps name the lowest code point of a glyph, and CJK fonts draw the
radicals 「⼯」 (U+2F2F) and 「⺠」 (U+2EA0) with the glyphs of 工 and 民 — so copied or extracted text, and any
reader, would see radicals. Each radical is named back as the ideograph of the document that shares its glyph."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from PySide6.QtGui import QFont, QRawFont

from gui.printing.fonts import ROLES, families

RADICALS = range(0x2E80, 0x2FE0)  # CJK Radicals Supplement and Kangxi Radicals
_CMAP = re.compile(rb"beginbfrange\n.*?endbfrange", re.S)
_HEX = re.compile(rb"<([0-9A-F]{4})>")


def _glyph(font: QRawFont, char: str) -> int:
    glyphs = font.glyphIndexesForString(char)
    return glyphs[0] if glyphs else 0


@cache
def _radicals(name: str, bold: bool) -> dict[int, int] | None:
    """{glyph: radical} of a font, None if it is not installed."""
    raw = QRawFont.fromFont(_font(name, bold))
    if not raw.isValid():
        return None
    by_glyph = {_glyph(raw, chr(code)): code for code in RADICALS if raw.supportsCharacter(code)}
    by_glyph.pop(0, None)
    return by_glyph


def radical_map(texts: Iterable[str]) -> dict[int, int]:
    """{radical: ideograph} for the radicals that share a glyph with an ideograph of ``texts`` in a font used."""
    ideographs = sorted({ch for piece in texts for ch in piece if 0x3400 <= ord(ch) <= 0x9FFF})
    names = {name for role in ROLES for name in families(role)}
    found: dict[int, int] = {}
    for name in sorted(names):
        for bold in (False, True):
            by_glyph = _radicals(name, bold)
            if not by_glyph:
                continue
            raw = QRawFont.fromFont(_font(name, bold))
            for char in ideographs:
                radical = by_glyph.get(_glyph(raw, char))
                if radical is not None:
                    found.setdefault(radical, ord(char))
    return found


def _font(name: str, bold: bool) -> QFont:
    qfont = QFont(name)
    qfont.setWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    return qfont


def mend(data: bytes, texts: Iterable[str]) -> bytes:
    """The PDF with every radical in its ToUnicode maps named as its ideograph (same length: offsets stay)."""
    found = radical_map(texts)
    if not found:
        return data

    def unified(match: re.Match[bytes]) -> bytes:
        code = int(match.group(1), 16)
        return b"<%04X>" % found[code] if code in found else match.group(0)

    return _CMAP.sub(lambda block: _HEX.sub(unified, block.group(0)), data)
