"""The geometry under the PDF reader, on positions as pdfium reports them: lines and their gaps, paragraphs,
tables from ruling lines (a missing top rule, a frame around prose), and the PDF syntax the limits read."""

from __future__ import annotations

import pytest

from exporters.pdf.page import Char, Rule
from exporters.pdf.ruling import find_tables, place
from exporters.pdf.syntax import MalformedError, Ref, parse
from exporters.pdf.text import Margins, make_lines, paragraphs


def word(
    text: str, left: float, top: float = 100.0, size: float = 16.0, advance: float | None = None
) -> list[Char]:
    """Characters set one after another, each ``advance`` wide (a full em for Chinese, half for digits)."""
    out = []
    for char in text:
        width = advance if advance is not None else (size / 2 if char.isascii() else size)
        out.append(Char(char, left, top, left + width, top + size))
        left += width
    return out


def test_gaps_become_spaces_only_between_latin_words():
    chars = word("21", 100) + word("件", 118) + word("Tel", 140) + word("0571", 170)
    assert make_lines(chars, 1)[0].text == "21件Tel 0571"


def test_printed_spaces_stay_and_a_character_printed_twice_is_one():
    chars = word("结", 100) + word(" ", 116) + word("果", 124)
    bold = word("总", 200) + word("总", 200.5) + word("计", 216) + word("计", 216.4)
    assert make_lines(chars + bold, 1)[0].text == "结 果总计"


def test_paragraphs_end_at_an_indent_a_short_line_or_a_heading():
    first, second = "本年度本机关依照条例推进政府信息", "公开工作，各项工作均按计划完成，并"  # 16 and 18 wide
    lines = make_lines(
        word(first, 132, 100)  # indented first line, up to the right margin
        + word(second, 100, 130)  # a full line
        + word("351", 100, 160, advance=8)
        + word("件。", 124, 160)  # short: the paragraph ends
        + word("（一）主动公开", 100, 190)  # a heading, not indented
        + word("通过门户网站公开信息", 100, 220),
        1,
    )
    edges = {1: Margins(100.0, 100.0 + 18 * 16)}
    assert paragraphs(lines, edges, gap=14.0) == [
        first + second + "351件。",
        "（一）主动公开",
        "通过门户网站公开信息",
    ]


def grid_rules(xs: list[float], ys: list[float], top_rule: bool = True) -> list[Rule]:
    rules = [Rule(True, y, xs[0], xs[-1]) for y in (ys if top_rule else ys[1:])]
    return rules + [Rule(False, x, ys[0], ys[-1]) for x in xs]


def test_a_table_without_its_top_rule_keeps_its_first_row():
    xs, ys = [100.0, 200.0, 260.0], [100.0, 120.0, 140.0]
    for top_rule in (True, False):
        (table,) = find_tables(1, grid_rules(xs, ys, top_rule))
        outside = place(word("规章", 110, 104) + word("0", 220, 104) + word("5", 220, 124), [table])
        assert outside == [] and table.grid() == [["规章", "0"], ["", "5"]]


def test_a_missing_line_merges_cells_and_a_frame_is_no_table():
    xs, ys = [100.0, 200.0, 260.0], [100.0, 120.0, 140.0]
    rules = [r for r in grid_rules(xs, ys) if not (not r.horizontal and r.at == 200.0)]
    rules.append(Rule(False, 200.0, 120.0, 140.0))  # the column line only in the second row
    (table,) = find_tables(1, rules)
    place(word("申请人情况", 150, 104), [table])
    assert table.grid() == [["申请人情况", "申请人情况"], ["", ""]]
    frame = grid_rules([100.0, 400.0], [100.0, 300.0])
    assert find_tables(1, frame) == []


def test_the_pdf_syntax_the_limits_read():
    value, end = parse(b"<< /Type /P#61ge /Kids [3 0 R 4 0 R] /Name (a(b)c) /Hex <4E6F> /N -1.5 >>rest", 0)
    assert value == {"Type": "Page", "Kids": [Ref(3), Ref(4)], "Name": b"a(b)c", "Hex": b"No", "N": -1.5}
    assert end == len(b"<< /Type /P#61ge /Kids [3 0 R 4 0 R] /Name (a(b)c) /Hex <4E6F> /N -1.5 >>")
    with pytest.raises(MalformedError):
        parse(b"[" * 100 + b"]" * 100, 0)
    with pytest.raises(MalformedError):
        parse(b"<< /A (unterminated", 0)
