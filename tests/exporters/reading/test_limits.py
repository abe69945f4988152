"""The readers keep to the limits a draft keeps: a too-long text is cut with a DOC-LONG finding, and whatever a
reader returns saves as a draft and opens again, equal (the Word report with a 250-character cell note of issue 16)."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporters.docx.body import read_body
from exporters.reading import read_any
from exporters.reading.blocks import Block, report_from_blocks
from exporters.reading.errors import NoReportError
from model import draft, limits
from model.clamp import CODE, clamp
from model.report import Report
from tests.support.factories import full_2021
from tests.support.office_docs import Style, build

NOTE = "注：本项含跨年度结转的申请，" * 18  # 252 characters printed in one cell
_WORK = Path(tempfile.mkdtemp(prefix="nianbao-limits-"))


def _saved_and_opened(report: Report, folder: Path) -> Report:
    path = folder / "读回.nianbao"
    draft.save(report, path)
    return draft.load(path)


def test_a_word_report_with_a_long_cell_note_is_cut_with_a_finding_and_its_draft_opens_again(tmp_path):
    report = full_2021()
    path = build(report, tmp_path / "报告.docx", Style(texts={"t3.new.natural": NOTE}))
    read, found = read_any(path)
    assert read.invalid["t3.new.natural"] == "".join(NOTE.split())[: limits.MAX_CELL_TEXT]
    long = [f for f in found if f.code == CODE]
    assert len(long) == 1 and long[0].cells == ("t3.new.natural",) and long[0].severity == "warning"
    assert long[0].message == (
        f"“表三·自然人·本年新收”中的文字过长（{len(NOTE)}字），只保留了前{limits.MAX_CELL_TEXT}字，请核对"
    )
    assert _saved_and_opened(read, tmp_path) == read


def test_a_long_agency_and_contact_in_a_word_report_are_cut(tmp_path):
    report = full_2021(agency="某某市" + "某" * 300 + "局")
    report.contact.address = "某某路" * 200
    read, found = read_any(build(report, tmp_path / "长.docx", Style(title_lines=1)))
    assert len(read.agency) <= limits.MAX_AGENCY and len(read.contact.address) <= limits.MAX_CONTACT_FIELD
    messages = [f.message for f in found if f.code == CODE]
    assert any(m.startswith("机关名称过长") for m in messages)
    assert any(m.startswith("联系方式“地址”过长") for m in messages)
    assert _saved_and_opened(read, tmp_path) == read


def test_a_workbook_with_long_texts_is_cut_and_its_draft_opens_again(tmp_path):
    from exporters.xlsx.anchor import CELLS_SHEET
    from exporters.xlsx.writer import build_workbook

    book = build_workbook(full_2021())
    where = {row[0]: (row[1], row[2]) for row in book[CELLS_SHEET].iter_rows(min_row=2, values_only=True)}
    for cell_id, text in (("info.contact.address", "路" * 600), ("t3.new.natural", NOTE)):
        sheet, coordinate = where[cell_id]
        book[sheet][coordinate] = text
    path = tmp_path / "长.xlsx"
    book.save(path)
    read, found = read_any(path)
    assert len(read.contact.address) == limits.MAX_CONTACT_FIELD
    assert len(read.invalid["t3.new.natural"]) == limits.MAX_CELL_TEXT
    assert sum(f.code == CODE for f in found) == 2
    assert _saved_and_opened(read, tmp_path) == read


@cache
def _blocks() -> tuple[Block, ...]:
    path = build(full_2021(), _WORK / "base.docx", Style(title_lines=1))
    blocks = read_body(path)
    assert blocks is not None
    return tuple(blocks)


LONG = st.builds(lambda part, times: part * times, st.text(min_size=1, max_size=6), st.integers(0, 800))
TEXT = st.one_of(st.text(max_size=30), LONG)


def _edit(blocks: tuple[Block, ...], texts: list[str], cells: list[tuple[int, int, str]]) -> list[Block]:
    """The document with paragraphs rewritten and table cells replaced by drawn texts."""
    out = list(blocks)
    paragraphs = [i for i, b in enumerate(out) if not b.is_table]
    tables = [i for i, b in enumerate(out) if b.is_table]
    for index, text in zip(paragraphs, texts):
        out[index] = Block(text=text)
    for which, where, text in cells:
        block = out[tables[which % len(tables)]]
        grid = [list(row) for row in block.grid or []]
        row = grid[where % len(grid)]
        row[(where * 7) % len(row)] = text
        out[tables[which % len(tables)]] = replace(block, grid=grid)
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.builds(
        lambda agency, year: f"{agency}{year}年政府信息公开工作年度报告", TEXT, st.integers(1900, 2099)
    ),
    opening=st.builds(lambda office, address: f"请联系：{office}，地址：{address}。", TEXT, TEXT),
    texts=st.lists(TEXT, max_size=8),
    cells=st.lists(st.tuples(st.integers(0, 9), st.integers(0, 99), TEXT), max_size=8),
)
def test_whatever_the_common_reader_path_returns_saves_and_opens_again_equal(title, opening, texts, cells):
    blocks = _edit(_blocks(), [title, opening, *texts], cells)
    try:
        report, _ = report_from_blocks(blocks, "报告.docx")
    except NoReportError:  # a document that reads as no report is the reader's own error
        return
    clamp(report)  # as read_any does to every reader's report
    assert draft.loads(draft.dumps(report)) == report
