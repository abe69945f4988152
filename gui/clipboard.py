"""Qt-free clipboard formats of spreadsheets (Excel, WPS): tab-separated text and HTML tables, both ways."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

Rows = list[list[str]]

_BLOCK_BREAKS = frozenset({"br", "p", "div"})
_SPACES = re.compile(r"[ \t\r\n\f]+")  # HTML whitespace only: &nbsp; and U+3000 stay as the text has them


def parse_tsv(text: str) -> Rows:
    """Rows of cells from tab-separated text, with Excel's quoting of cells that hold tabs, newlines or quotes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    rows: Rows = [[]]
    cell: list[str] = []
    i, n = 0, len(text)
    at_start = True
    while i < n:
        ch = text[i]
        if at_start and ch == '"' and _closes_quote(text, i):
            end = _quote_end(text, i)
            cell.append(text[i + 1 : end].replace('""', '"'))
            i = end + 1
            at_start = False
            continue
        at_start = False
        if ch == "\t":
            rows[-1].append("".join(cell))
            cell, at_start = [], True
        elif ch == "\n":
            rows[-1].append("".join(cell))
            rows.append([])
            cell, at_start = [], True
        else:
            cell.append(ch)
        i += 1
    rows[-1].append("".join(cell))
    return _square(rows) if text else []


def _quote_end(text: str, start: int) -> int:
    i = start + 1
    while i < len(text):
        if text[i] == '"':
            if i + 1 < len(text) and text[i + 1] == '"':
                i += 2
                continue
            return i
        i += 1
    return -1


def _closes_quote(text: str, start: int) -> bool:
    """A quote opens a quoted cell only when a closing quote is followed by a tab, a newline or the end."""
    end = _quote_end(text, start)
    return end > start and (end + 1 == len(text) or text[end + 1] in "\t\n")


def to_tsv(rows: Rows) -> str:
    """Tab-separated text the way Excel writes it (quoted where a cell holds a tab, newline or quote)."""

    def cell(text: str) -> str:
        if any(ch in text for ch in '\t\n"'):
            return '"' + text.replace('"', '""') + '"'
        return text

    return "".join("\t".join(cell(c) for c in row) + "\n" for row in rows)


class _TableParser(HTMLParser):
    """Collects the first <table> of an HTML fragment into a grid, expanding colspan and rowspan."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[tuple[str, int, int]]] = []
        self._depth = 0  # nesting of tables; only the outermost is read
        self._done = False
        self._cell: list[str] | None = None
        self._span = (1, 1)
        self._skip = 0  # inside <style>, <script>, <head>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script", "head", "title"):
            self._skip += 1
        elif tag == "table" and not self._done:
            self._depth += 1
        elif self._depth == 1 and tag == "tr":
            self.rows.append([])
        elif self._depth == 1 and tag in ("td", "th"):
            if not self.rows:
                self.rows.append([])
            self._finish_cell()
            found = dict(attrs)
            self._span = (_int(found.get("rowspan")), _int(found.get("colspan")))
            self._cell = []
        elif self._cell is not None and tag in _BLOCK_BREAKS:
            self._cell.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._cell is not None and tag == "br":
            self._cell.append("\n")
        else:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "head", "title"):
            self._skip = max(0, self._skip - 1)
        elif tag == "table" and self._depth:
            if self._depth == 1:
                self._finish_cell()
                self._done = True
            self._depth -= 1
        elif self._depth == 1 and tag in ("td", "th", "tr"):
            self._finish_cell()

    def handle_data(self, data: str) -> None:
        if self._cell is not None and not self._skip and self._depth == 1:
            self._cell.append(_SPACES.sub(" ", data))

    def _finish_cell(self) -> None:
        if self._cell is None:
            return
        lines = [line.strip(" ") for line in "".join(self._cell).split("\n")]
        text = "\n".join(line for line in lines if line)
        self.rows[-1].append((text.replace("\u00a0", " ").strip(" "), *self._span))
        self._cell = None


def _int(value: str | None) -> int:
    try:
        return max(1, min(int(str(value).strip()), 1000))
    except ValueError:
        return 1


def parse_html(fragment: str) -> Rows | None:
    """The first table of an HTML clipboard fragment as a grid (merged cells: the text in the top-left,
    the covered positions empty), or None when the fragment holds no table."""
    if "<table" not in fragment.lower():
        return None
    parser = _TableParser()
    parser.feed(fragment)
    parser.close()
    parser._finish_cell()
    grid: dict[tuple[int, int], str] = {}
    width = 0
    for r, row in enumerate(parser.rows):
        col = 0
        for text, rowspan, colspan in row:
            while (r, col) in grid:
                col += 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[(r + dr, col + dc)] = text if (dr, dc) == (0, 0) else ""
            col += colspan
            width = max(width, col)
    height = max((r for r, _ in grid), default=-1) + 1
    height = min(height, len(parser.rows)) if parser.rows else 0
    return [[grid.get((r, c), "") for c in range(width)] for r in range(height)]


def to_html(cells: list[tuple[int, int, int, int, str]], rows: int) -> str:
    """An HTML table for spreadsheets from cells (row, col, rowspan, colspan, text) in ``rows`` rows."""
    by_row: dict[int, list[tuple[int, int, int, int, str]]] = {}
    for cell in sorted(cells):
        by_row.setdefault(cell[0], []).append(cell)
    out = ['<html><head><meta charset="utf-8"></head><body><table border="1">']
    for r in range(rows):
        out.append("<tr>")
        for _, _, rowspan, colspan, text in by_row.get(r, []):
            spans = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
                f' colspan="{colspan}"' if colspan > 1 else ""
            )
            body = "<br>".join(html.escape(line) for line in text.split("\n"))
            out.append(f"<td{spans}>{body}</td>")
        out.append("</tr>")
    out.append("</table></body></html>")
    return "".join(out)


def parse_clipboard(text: str | None, html_text: str | None) -> Rows:
    """The rows a paste brings: the HTML table when there is one (it knows merged cells), else the text."""
    if html_text:
        rows = parse_html(html_text)
        if rows:
            return rows
    return parse_tsv(text or "")


def _square(rows: Rows) -> Rows:
    width = max(len(r) for r in rows)
    return [r + [""] * (width - len(r)) for r in rows]
