"""Clipboard formats of Excel and WPS: tab-separated text and HTML tables, read and written."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gui.clipboard import parse_clipboard, parse_html, parse_tsv, to_html, to_tsv

# cell texts as clerks have them: digits (full-width too), Chinese, signs, quotes, tabs and line breaks inside
CELL = st.text(
    alphabet=st.sampled_from(list("0123456789０１２３４５６７８９-.,元万无—“”\"'\t\n自然人 ")), max_size=8
)
PLAIN = st.text(
    alphabet=st.sampled_from(list("0123456789０１２３４５６７８９-.,元万无—自然人\"'&<>")), max_size=8
)


def grids(cell: st.SearchStrategy[str]) -> st.SearchStrategy[list[list[str]]]:
    return st.integers(1, 5).flatmap(
        lambda width: st.lists(st.lists(cell, min_size=width, max_size=width), min_size=1, max_size=5)
    )


@given(grids(CELL))
def test_tsv_round_trip(rows: list[list[str]]) -> None:
    rows = [[c.replace("\r", "") for c in row] for row in rows]
    if all(c == "" for c in rows[0]) and len(rows) == 1 and len(rows[0]) == 1:
        return  # one empty cell is an empty clipboard
    assert parse_tsv(to_tsv(rows)) == rows


@given(grids(PLAIN))
def test_html_round_trip(rows: list[list[str]]) -> None:
    cells = [(r, c, 1, 1, text) for r, row in enumerate(rows) for c, text in enumerate(row)]
    assert parse_html(to_html(cells, len(rows))) == rows


@given(st.text(max_size=200))
def test_any_text_parses_to_a_rectangle(text: str) -> None:
    rows = parse_tsv(text)
    assert len({len(r) for r in rows}) <= 1


@given(st.text(max_size=200))
def test_any_html_parses_without_error(text: str) -> None:
    rows = parse_html("<table><tr><td>" + text)
    assert rows is None or len({len(r) for r in rows}) <= 1


def test_excel_tsv_with_crlf_and_trailing_newline() -> None:
    assert parse_tsv("12\t0\t3\r\n4\t\t6\r\n") == [["12", "0", "3"], ["4", "", "6"]]


def test_tsv_ragged_rows_are_padded() -> None:
    assert parse_tsv("1\t2\t3\n4") == [["1", "2", "3"], ["4", "", ""]]


def test_tsv_quote_inside_a_cell_is_kept_when_not_a_quoted_cell() -> None:
    assert parse_tsv('"3\t4') == [['"3', "4"]]


EXCEL_HTML = """Version:1.0
StartHTML:000000105
<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta charset=utf-8><style><!--td {mso-number-format:General;} --></style></head>
<body><!--StartFragment--><table border=0 cellpadding=0 cellspacing=0 width=216>
 <col width=72 span=3>
 <tr height=19>
  <td height=19 width=72 x:num>12</td>
  <td class=xl65 width=72 x:num="1234">1,234</td>
  <td width=72>&nbsp;</td>
 </tr>
 <tr height=19>
  <td colspan=2 height=19>合并<br>两行</td>
  <td x:num>１５</td>
 </tr>
</table><!--EndFragment--></body></html>"""


def test_excel_html_fragment() -> None:
    assert parse_html(EXCEL_HTML) == [["12", "1,234", ""], ["合并\n两行", "", "１５"]]


def test_html_rowspan_and_colspan_expand_into_a_grid() -> None:
    fragment = (
        "<table><tr><td rowspan=2>甲</td><td colspan=2>乙</td></tr>"
        "<tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td><td>5</td></tr></table>"
    )
    assert parse_html(fragment) == [["甲", "乙", ""], ["", "1", "2"], ["3", "4", "5"]]


def test_wps_html_with_paragraphs_and_nested_table_is_read_from_the_outer_table() -> None:
    fragment = (
        "<table><tr><td><p>7</p></td><td><span style='x'> 8 </span></td></tr>"
        "<tr><td><table><tr><td>inner</td></tr></table>x</td><td>9</td></tr></table>"
    )
    assert parse_html(fragment) == [["7", "8"], ["x", "9"]]


def test_clipboard_prefers_the_html_table_and_falls_back_to_text() -> None:
    assert parse_clipboard("1\t2", "<table><tr><td colspan=2>5</td></tr></table>") == [["5", ""]]
    assert parse_clipboard("1\t2", "<b>no table</b>") == [["1", "2"]]
    assert parse_clipboard("1\t2", None) == [["1", "2"]]
    assert parse_clipboard("", "") == []


def test_written_html_keeps_merges_and_line_breaks() -> None:
    html = to_html([(0, 0, 1, 2, "a<b"), (1, 0, 1, 1, "x\ny"), (1, 1, 1, 1, "&")], 2)
    assert 'colspan="2"' in html and "a&lt;b" in html and "x<br>y" in html
    assert parse_html(html) == [["a<b", ""], ["x\ny", "&"]]
