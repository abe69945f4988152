"""The report's words made safe for Word XML; the words themselves are model/report_text.py's (one for all exports)."""

from __future__ import annotations

from xml.sax.saxutils import escape

from exporters.xml_chars import xml_chars
from model.report_text import (
    LAW,
    TITLE_LINE_EM,
    contact_lines,
    display_width,
    opening_paragraphs,
    opening_text,
    prose_blocks,
    split_subheading,
    title_lines,
)

__all__ = [
    "LAW",
    "TITLE_LINE_EM",
    "clean_text",
    "contact_lines",
    "display_width",
    "opening_paragraphs",
    "opening_text",
    "prose_blocks",
    "split_subheading",
    "title_lines",
    "xml_text",
]


def clean_text(text: str) -> str:
    """Text without the characters XML 1.0 cannot hold (control characters pasted from elsewhere)."""
    return xml_chars(text)


def xml_text(text: str) -> str:
    """Text made safe for a ``w:t``: unfit characters dropped, markup characters escaped."""
    return escape(clean_text(text))
