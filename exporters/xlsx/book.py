"""A workbook's package read directly with lxml: its sheets (name, state, part) and its shared strings.

Only what a report needs is read: ``xl/workbook.xml``, its relationships and, when a sheet refers to one, the shared
strings — never the styles, themes or drawings. The package has been checked before (``exporters.reading.safe_zip``:
sizes, element counts, no DTD), and every parser here resolves no entity and fetches nothing.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from functools import cached_property

from lxml import etree

WORKBOOK = "xl/workbook.xml"
MAIN = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",  # Strict Open XML
)
RELATIONSHIPS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
SHARED_STRINGS = "xl/sharedStrings.xml"  # where every office puts them when the relationships do not say


def parser() -> etree.XMLParser:
    """A parser that resolves no entity, loads no DTD and fetches nothing (the package has none: safe_zip)."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def rich_text(element: etree._Element, ns: str) -> str:
    """The text of a string item (``<si>`` or ``<is>``): its ``<t>`` and its runs' ``<t>``, not the phonetic runs."""
    if len(element) == 1:
        only = element[0]
        if only.tag == f"{{{ns}}}t":  # the usual item: one plain text
            return only.text or ""
    plain = element.find(f"{{{ns}}}t")
    parts = [plain.text or ""] if plain is not None else []
    parts.extend(run.findtext(f"{{{ns}}}t") or "" for run in element.iterfind(f"{{{ns}}}r"))
    return "".join(parts)


@dataclass(frozen=True)
class SheetEntry:
    """One sheet of the workbook, in tab order: its title, ``visible``/``hidden``/``veryHidden``, its part."""

    name: str
    state: str
    part: str


class Book:
    """The sheets and the shared strings of an open package (read when first asked for)."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self._strings_part = SHARED_STRINGS
        self._xml: dict[str, bytes] = {}
        root = etree.fromstring(archive.read(WORKBOOK), parser())
        ns = etree.QName(root).namespace or MAIN[0]
        targets = self._relationships()
        entries = []
        for sheet in root.iterfind(f"{{{ns}}}sheets/{{{ns}}}sheet"):
            rid = next((sheet.get(f"{{{r}}}id") for r in RELATIONSHIPS if sheet.get(f"{{{r}}}id")), None)
            part = targets.get(rid or "")
            if part is not None:
                entries.append(SheetEntry(sheet.get("name", ""), sheet.get("state", "visible"), part))
        self.sheets = entries
        self._by_name = {entry.name: entry for entry in reversed(entries)}  # the first of two equal names

    @property
    def sheetnames(self) -> list[str]:
        return [entry.name for entry in self.sheets]

    def entry(self, name: str) -> SheetEntry | None:
        return self._by_name.get(name)

    def sheet_xml(self, name: str) -> bytes:
        """The bytes of a sheet's part, read once per book (b"" for a sheet the workbook does not have)."""
        entry = self._by_name.get(name)
        if entry is None:
            return b""
        if entry.part not in self._xml:
            self._xml[entry.part] = self.archive.read(entry.part)
        return self._xml[entry.part]

    def _relationships(self) -> dict[str, str]:
        """Relationship id → part name, and ``"strings"`` → the shared strings' part when the workbook names one."""
        try:
            data = self.archive.read("xl/_rels/workbook.xml.rels")
        except KeyError:
            return {}
        found: dict[str, str] = {}
        for rel in etree.fromstring(data, parser()).iter(PACKAGE_RELS):
            target = rel.get("Target", "")
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
            found[rel.get("Id", "")] = part
            if rel.get("Type", "").endswith("/sharedStrings"):
                found["strings"] = part
        self._strings_part = found.pop("strings", SHARED_STRINGS)
        return found

    @cached_property
    def strings(self) -> list[str]:
        """The shared strings, in order (none when the workbook has no such part)."""
        try:
            part = self.archive.open(self._strings_part)
        except KeyError:
            return []
        with part:
            out = []
            for _, item in etree.iterparse(
                part,
                events=("end",),
                tag=[f"{{{ns}}}si" for ns in MAIN],
                resolve_entities=False,
                no_network=True,
            ):
                out.append(rich_text(item, etree.QName(item).namespace or MAIN[0]))
                item.clear()
            return out
