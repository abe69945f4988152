"""Workbooks that claim or hold far more cells than a report has: every sheet walk stops at the cells the format can
have, so each is read right (or refused) within 500 MB and 10 s of CPU — measured in a child process."""

from __future__ import annotations

import os
import re
from pathlib import Path

from openpyxl import Workbook, load_workbook

from exporters.xlsx import writer as xlsx_writer
from tests.support.bounded import read_bounded
from tests.support.factories import full_2021
from tests.support.zip_parts import package, parts_of


def sheet_part(path: Path, title: str) -> str:
    return f"xl/worksheets/sheet{load_workbook(path, read_only=True).sheetnames.index(title) + 1}.xml"


def expected() -> dict[str, str]:
    return {k: str(v) for k, v in full_2021().values.items()}


def test_one_far_cell_in_the_hidden_cells_sheet_is_not_walked_to(tmp_path):
    path = tmp_path / "report.xlsx"
    xlsx_writer.write_xlsx(full_2021(), path)
    parts = parts_of(path)
    name = sheet_part(path, "_cells")
    far = b'<row r="1048576"><c r="F1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    parts[name] = parts[name].replace(b"</sheetData>", far)
    result = read_bounded(package(tmp_path / "far.xlsx", parts))
    assert result["values"] == expected()


def test_sheets_whose_dimension_claims_a_million_rows(tmp_path):
    path = tmp_path / "report.xlsx"
    xlsx_writer.write_xlsx(full_2021(), path)
    parts = parts_of(path)
    for name in [n for n in parts if n.startswith("xl/worksheets/")]:
        parts[name] = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', parts[name])
        if b"<dimension" not in parts[name]:
            parts[name] = parts[name].replace(b"<sheetData", b'<dimension ref="A1:XFD1048576"/><sheetData', 1)
    result = read_bounded(package(tmp_path / "claims.xlsx", parts))
    assert result["values"] == expected()


def _workbook_with(tmp_path: Path, rows: bytes, part: str = "xl/worksheets/sheet1.xml") -> Path:
    """A workbook made elsewhere whose first sheet holds ``rows``, in a part named ``part``."""
    book = Workbook()
    book.active["A1"] = "某某局2024年政府信息公开工作年度报告"
    path = tmp_path / "other.xlsx"
    book.save(path)
    parts = parts_of(path)
    sheet = parts.pop("xl/worksheets/sheet1.xml")
    head, _, rest = sheet.partition(b"<sheetData>")
    tail = rest.split(b"</sheetData>", 1)[1]
    parts[part] = head + b"<sheetData>" + rows + b"</sheetData>" + tail
    if part != "xl/worksheets/sheet1.xml":
        target = part.removeprefix("xl/").encode()
        for name in ("xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
            parts[name] = parts[name].replace(b"worksheets/sheet1.xml", target)
    return package(tmp_path / "hostile.xlsx", parts)


def _cells(count: int) -> bytes:
    digits = bytes(ord("0") + byte % 10 for byte in os.urandom(count))
    return b"".join(b"<c><v>" + digits[i : i + 1] + b"</v></c>" for i in range(count))


def test_a_sheet_named_bin_counts_as_xml(tmp_path):
    rows = b"".join(b'<row r="%d">' % r + _cells(100) + b"</row>" for r in range(1, 5001))
    result = read_bounded(_workbook_with(tmp_path, rows, "xl/worksheets/sheet1.bin"))
    assert "XML 元素过多" in result["error"]


def test_rows_as_wide_as_a_sheet_goes(tmp_path):
    rows = b"".join(b'<row r="%d">' % r + _cells(16_000) + b"</row>" for r in range(1, 7))
    result = read_bounded(_workbook_with(tmp_path, rows))
    assert "没有找到年度报告的统计表" in result["error"]


def test_a_style_sheet_beyond_what_excel_allows(tmp_path):
    path = _workbook_with(tmp_path, b"")
    parts = parts_of(path)
    formats = b"".join(b'<xf numFmtId="%d"/>' % (i % 50) for i in range(210_000))
    parts["xl/styles.xml"] = re.sub(
        rb'<cellXfs count="\d+">', b'<cellXfs count="210001">' + formats, parts["xl/styles.xml"]
    )
    result = read_bounded(package(tmp_path / "styles.xlsx", parts))
    assert "XML 元素过多" in result["error"]
