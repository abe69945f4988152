"""Radicals and compatibility ideographs as the ideographs they stand for, and nothing else changed.

PDFs made by Qt, WPS and others name some glyphs by a radical in their ToUnicode maps, since CJK fonts draw
「工」 and 「⼯」 (U+2F2F) with one glyph: extracted text reads 「⼯作」, 「⼈⺠」. ``unify`` maps the Kangxi Radicals
(U+2F00–U+2FD5, by their compatibility decomposition, except 「⼾」: 「户」 in Simplified Chinese fonts), the CJK
Radicals Supplement (U+2E80–U+2EFF, which Unicode mostly leaves without one: resources/cjk_radicals.json holds
both) and the CJK Compatibility Ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F, by their canonical decomposition) to
the unified ideographs. It is no NFKC of the whole text: full-width punctuation （，：） and digits stay as printed.
"""

from __future__ import annotations

import json
import re
import unicodedata
from importlib import resources

KANGXI = range(0x2F00, 0x2FE0)
COMPATIBILITY = (range(0xF900, 0xFB00), range(0x2F800, 0x2FA20))


def _table() -> dict[int, str]:
    """{code point: the ideograph} for every character of the three blocks that stands for one."""
    text = resources.files("resources").joinpath("cjk_radicals.json").read_text(encoding="utf-8")
    data = json.loads(text)
    table = {ord(radical): ideograph for radical, ideograph in (data["kangxi"] | data["radicals"]).items()}
    for code in KANGXI:
        _add(table, code, unicodedata.normalize("NFKC", chr(code)))
    for block in COMPATIBILITY:
        for code in block:
            _add(table, code, unicodedata.normalize("NFC", chr(code)))
    return table


def _add(table: dict[int, str], code: int, mapped: str) -> None:
    if mapped != chr(code) and len(mapped) == 1:
        table.setdefault(code, mapped)


TABLE: dict[int, str] = _table()  # {code point: ideograph}, as str.translate takes it
_ANY = re.compile("[\u2e80-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]")


def _one(match: re.Match[str]) -> str:
    found = match.group()
    return TABLE.get(ord(found), found)


def unify(text: str) -> str:
    """``text`` with every radical and compatibility ideograph as its unified ideograph."""
    return _ANY.sub(_one, text)
