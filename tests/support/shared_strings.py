"""Rewrite a workbook's inline strings as shared strings, the way Excel and WPS save every workbook (openpyxl writes
inline strings): one ``xl/sharedStrings.xml`` and each string cell a ``t="s"`` index into it."""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.zip_parts import package, parts_of

_INLINE = re.compile(rb'(<c\b[^>]*?)\s+t="inlineStr"([^>]*)>\s*<is>(.*?)</is>\s*</c>', re.DOTALL)
_MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_TYPE = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_REL = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def to_shared_strings(path: Path) -> Path:
    """The workbook at ``path`` rewritten in place with shared strings; returns the path."""
    parts = parts_of(path)
    items: dict[bytes, int] = {}

    def shared(match: re.Match[bytes]) -> bytes:
        index = items.setdefault(match.group(3), len(items))
        return match.group(1) + b' t="s"' + match.group(2) + b"><v>%d</v></c>" % index

    for name in [n for n in parts if n.startswith("xl/worksheets/")]:
        parts[name] = _INLINE.sub(shared, parts[name])
    strings = b"".join(b"<si>" + item + b"</si>" for item in items)
    parts["xl/sharedStrings.xml"] = b'<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>' % (
        _MAIN,
        len(items),
        len(items),
        strings,
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="%s"/></Types>' % _TYPE
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdStrings" Type="%s" Target="sharedStrings.xml"/></Relationships>' % _REL,
    )
    return package(path, parts)
