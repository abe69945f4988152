"""A report copied from a web page often sits inside a layout table: its title and prose are read there too."""

from __future__ import annotations

import copy
from pathlib import Path

import docx

from exporters.reading import read_any
from tests.support.factories import full_2021
from tests.support.office_docs import Style, build

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def wrapped(tmp_path: Path, columns: int = 1) -> Path:
    """The whole report moved into the last cell of a one-row layout table."""
    report = full_2021(year=2025, agency="某县交通运输局")
    report.prose["s5"] = "（一）存在的问题\n政策解读形式单一。"
    report.changed()
    path = build(report, tmp_path / "web.docx", Style())
    document = docx.Document(str(path))
    body = document.element.body
    items = [e for e in body if e.tag != f"{W}sectPr"]
    cell = document.add_table(rows=1, cols=columns).cell(0, columns - 1)._tc
    for element in items:
        body.remove(element)
        cell.append(element)
    cell.append(copy.deepcopy(cell.find(f"{W}p")))  # a cell ends with a paragraph
    document.save(str(path))
    return path


def test_title_prose_and_tables_inside_a_layout_table_are_read(tmp_path):
    read, findings = read_any(wrapped(tmp_path))
    assert [f.code for f in findings] == []
    assert (read.agency, read.year) == ("某县交通运输局", 2025)
    assert read.prose["s5"] == "（一）存在的问题\n政策解读形式单一。"
    assert read.value("t3.new.total") == full_2021().value("t3.new.total")


def test_a_layout_table_with_a_margin_column(tmp_path):
    read, findings = read_any(wrapped(tmp_path, columns=2))
    assert (read.agency, read.year) == ("某县交通运输局", 2025) and findings == []
