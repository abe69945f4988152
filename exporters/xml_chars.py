"""Text as XML 1.0 can hold it, for every writer: control characters and lone surrogates pasted from elsewhere go."""

from __future__ import annotations

import re

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_chars(text: str) -> str:
    """``text`` without the characters an XML 1.0 document cannot hold (tab, line feed and CR stay)."""
    return _NOT_XML.sub("", text) if _NOT_XML.search(text) else text
