"""Which key shows which page: Ctrl+ the section's number in the format (一 → Ctrl+1), 基本信息 Ctrl+`.

Ctrl+0 is not a page: it resets the zoom, as in browsers (gui/zoom.py); the ` key lies just before 1."""

from __future__ import annotations

from model.formats import Format

INFO_KEY = "Ctrl+`"
NUMERALS = "一二三四五六七八九"


def section_digit(number: str) -> int | None:
    """The digit of a section's number as the format prints it: 一 → 1 … 九 → 9; None for anything else."""
    number = number.strip()
    if len(number) == 1 and number in NUMERALS:
        return NUMERALS.index(number) + 1
    return int(number) if number.isdigit() and 1 <= int(number) <= 9 else None


def page_title(fmt: Format, key: str, info: str) -> str:
    """A page's name in the navigation and the 视图 menu: 基本信息 for ``info``, else the section's heading."""
    return "基本信息" if key == info else fmt.section(key).heading


def page_shortcuts(fmt: Format, info: str) -> dict[str, str]:
    """{page key: key sequence text}: 基本信息 (``info``) and every section the format numbers 一 to 九."""
    keys = {info: INFO_KEY}
    for section in fmt.sections:
        digit = section_digit(section.number)
        if digit is not None and f"Ctrl+{digit}" not in keys.values():
            keys[section.key] = f"Ctrl+{digit}"
    return keys
