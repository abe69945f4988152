"""A web page as the report's blocks: parsed safely, the article found among the portal's chrome, its title and date."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from lxml import etree

from exporters.html import chrome
from exporters.html.decode import CONTROL
from exporters.html.errors import HtmlError, UnsafePageError
from exporters.html.flow import Line, Mark, Walker, hidden, rows, tag
from exporters.reading.blocks import Block
from exporters.reading.document_text import TITLE_LOOKAHEAD, parse_title
from exporters.reading.grid_match import identify, pad

MAX_TEXT = 16 * 1024 * 1024  # characters of HTML parsed (report pages have 50 KB – 2 MB)
MAX_TAGS = (
    150_000  # '<' in the page: a bound on its elements before the parser runs (real pages: under 60 000)
)
MAX_DEPTH = 255  # libxml2's own limit without XML_PARSE_HUGE; a deeper page is refused, not read in part
# Levels above the report's tables searched for the rest of the article when no CMS container is named.
CLIMB = 8
CLIMB_ELEMENTS = 50_000
DATE_AFTER = 15  # lines after the title (or the content's start) searched for the publication date
DATE_BEFORE = 15
_XML_PROLOG = re.compile(r"^\s*<\?xml[^>]{0,300}\?>")


@dataclass
class Page:
    """What a page gives the report: its blocks, the publication date shown, and images in the article."""

    blocks: list[Block] = field(default_factory=list)
    published: datetime.date | None = None
    images: int = 0
    by_container: bool = False  # the article was taken to be the CMS container, its tables not read first


def parser() -> etree.HTMLParser:
    """An HTML parser that touches no network, keeps no comments or processing instructions and stays within
    libxml2's limits (no huge trees)."""
    return etree.HTMLParser(
        recover=True,
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
        default_doctype=False,
        compact=True,
    )


def parse(html: str) -> etree._Element:
    """The page's tree; UnsafePageError for a page too large or too deeply nested, HtmlError for no page."""
    if len(html) > MAX_TEXT:
        raise UnsafePageError(
            f"网页过大（{len(html) // (1024 * 1024)} MB 文字，上限 {MAX_TEXT // (1024 * 1024)} MB）"
        )
    if html.count("<") > MAX_TAGS:
        raise UnsafePageError(f"网页的标签过多（超过 {MAX_TAGS} 个），疑为恶意文件，已拒绝打开")
    html = CONTROL.sub("", _XML_PROLOG.sub("", html, count=1))
    if not html.strip():
        raise HtmlError("网页没有内容")
    own = parser()
    try:
        root = etree.fromstring(html, own)
    except etree.XMLSyntaxError as exc:
        raise HtmlError("网页内容已损坏，无法读取") from exc
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in own.error_log):
        raise UnsafePageError(f"网页结构嵌套过深（超过 {MAX_DEPTH} 层），疑为恶意文件，已拒绝打开")
    if root is None:
        raise HtmlError("网页没有内容")
    return root


def read_page(html: str, by_container: bool = True) -> Page:
    """The report's blocks from a page: the article's own title, then its paragraphs and tables.

    ``by_container``: a CMS container holding tables is taken for the article without reading which tables are the
    report's (the common case, and quicker); False finds the report's tables by their labels first."""
    root = parse(html)
    body = root.find("body")
    body = root if body is None else body
    walker = Walker()
    content, tables, trusted = _content(body, walker, by_container)
    keep = {content, *content.iterancestors(), *(a for t in tables for a in t.iterancestors())}
    walker.skip = lambda element: element not in keep and chrome.is_chrome(element)
    lines = walker.lines(body, mark=Mark(content, chrome.is_title_element))
    first = next((i for i, line in enumerate(lines) if line.region == 0), len(lines))
    title = _title(lines, first)
    blocks = [Block(text=lines[i].text) for i in title.lines]
    start = title.lines[-1] + 1 if title.lines and title.lines[-1] >= first else first
    for line in lines[start:]:
        if line.region != 0:
            continue
        if line.grid is not None:
            blocks.append(Block(grid=line.grid))
        elif not chrome.is_meta_line(line.text):
            blocks.append(Block(text=line.text))
    anchor = title.lines[0] if title.lines else first
    published = _published(lines, anchor, first)
    images = sum(1 for element in content.iter("img") if not hidden(element))
    return Page(blocks, published, images, trusted)


def _content(
    body: etree._Element, walker: Walker, by_container: bool
) -> tuple[etree._Element, list[etree._Element], bool]:
    """The article: the innermost CMS container holding every table of the report, else the tables' common
    ancestor widened to the article around them (up to the chrome); and the report's tables (``by_container``:
    the tables in CMS containers)."""
    containers = chrome.containers(body)
    data = [table for table in body.iter("table") if not walker.is_layout(table) and rows(table)]
    if by_container and containers:
        named = set(containers)
        inside = [t for t in data if any(a in named for a in t.iterancestors())]
        holding = _holding(inside, containers)
        if holding:
            return max(holding, key=_depth), inside, True
    tables = [t for t in data if (grid := walker.grid(t)) and identify(pad(grid)) is not None]
    if tables:
        holding = _holding(tables, containers)
        if holding:
            return max(holding, key=_depth), tables, False
        return _widen(_common(tables)), tables, False
    return (containers[0] if containers else body), tables, False


def _holding(tables: list[etree._Element], containers: list[etree._Element]) -> list[etree._Element]:
    """The containers that hold every one of the tables (in time linear in the tables, not their product)."""
    if not tables:
        return []
    common = set(tables[0].iterancestors())
    for table in tables[1:]:
        common.intersection_update(table.iterancestors())
    return [c for c in containers if c in common]


def _depth(element: etree._Element) -> int:
    return sum(1 for _ in element.iterancestors())


def _common(elements: list[etree._Element]) -> etree._Element:
    """The nearest element holding them all (the elements themselves are kept in the sets: lxml's proxies are
    the same objects only while referenced)."""
    chain = [elements[0], *elements[0].iterancestors()]
    common = set(chain)
    for element in elements[1:]:
        common.intersection_update({element, *element.iterancestors()})
    return next(a for a in chain if a in common)


def _widen(node: etree._Element) -> etree._Element:
    """Up from the tables while the wider element holds no navigation, share bar or footer (the article's title,
    opening and closing sections are beside the tables)."""
    if tag(node) in ("table", "tbody", "thead", "tfoot", "tr"):
        node = next(
            (a for a in node.iterancestors() if tag(a) not in ("table", "tbody", "thead", "tfoot", "tr")),
            node,
        )
    for _ in range(CLIMB):
        parent = node.getparent()
        if parent is None or tag(parent) in ("body", "html"):
            break
        seen = 0
        for child in parent:
            if child is node:
                continue
            for element in child.iter():
                seen += 1
                if seen > CLIMB_ELEMENTS or (
                    isinstance(element.tag, str) and chrome.is_chrome(element, outer=True)
                ):
                    return node
        node = parent
    return node


@dataclass
class _Title:
    lines: list[int] = field(default_factory=list)  # indexes of the title's lines in the page's lines


def _title(lines: list[Line], first: int) -> _Title:
    """The report's own title: in the first lines of the article, else the nearest heading above it, else the
    nearest title-like line above it; a collector's 「标题：…」 line only as a last resort."""
    content: list[int] = []
    for index in range(first, len(lines)):
        line = lines[index]
        if line.region != 0 or line.grid is not None or len(content) >= TITLE_SEARCH:
            break
        if not chrome.is_meta_line(line.text):
            content.append(index)
    found = _title_in(lines, content)
    if found is not None:
        return found
    above = [i for i in range(first - 1, max(-1, first - 1 - TITLE_SEARCH), -1) if lines[i].grid is None]
    for candidates in ([i for i in above if lines[i].heading], above):
        for index in candidates:
            if _is_title(lines[index].text):
                return _Title(_with_agency_line(lines, index, set(candidates)))
    for index in [*content, *above]:
        named = chrome.collected_title(lines[index].text)
        if named and _is_title(named):
            lines[index] = Line(named, None, lines[index].region, True, lines[index].element)
            return _Title([index])
    return _Title()


TITLE_SEARCH = 30
_BREADCRUMB = re.compile(r"[>›»]|当前位置|您的位置")


def _is_title(text: str) -> bool:
    found = parse_title([text])
    return found is not None and not _BREADCRUMB.search(found[0]) and not chrome.is_meta_line(text)


def _title_in(lines: list[Line], indexes: list[int]) -> _Title | None:
    """A title among the article's first lines: one line, or the agency on the line before 「2025年…报告」, or one
    title broken over two short lines."""
    for index in indexes:
        if _is_title(lines[index].text):
            return _Title(_with_agency_line(lines, index, set(indexes)))
    for at in range(min(len(indexes) - 1, TITLE_LOOKAHEAD)):
        one, two = lines[indexes[at]].text, lines[indexes[at + 1]].text
        if len(one) <= 40 and len(two) <= 40 and _is_title(one + two):
            return _Title([indexes[at], indexes[at + 1]])
    return None


def _with_agency_line(lines: list[Line], index: int, allowed: set[int]) -> list[int]:
    """The title line, with the line naming the agency above it when the title itself names none."""
    found = parse_title([lines[index].text])
    previous = max((i for i in allowed if i < index), default=None)
    if found is not None and not found[0] and previous is not None and len(lines[previous].text) <= 40:
        return [previous, index]
    return [index]


def _published(lines: list[Line], anchor: int, first: int) -> datetime.date | None:
    """The date the page says it was published (「发布日期：2025-01-20」, 「发布时间：2025年1月20日」) near the title;
    else a line of a date alone between the title and the article."""
    texts = [line.text for line in lines]

    def pair(index: int) -> str:
        return texts[index] + " " + (texts[index + 1] if index + 1 < len(texts) else "")

    after = range(anchor, min(len(texts), anchor + DATE_AFTER))
    before = range(anchor - 1, max(-1, anchor - 1 - DATE_BEFORE), -1)
    for window, weak in ((after, True), (before, False)):
        for index in window:
            day = chrome.labelled_date(pair(index), weak)
            if day is not None:
                return day
    for index in range(anchor + 1, min(len(texts), max(first, anchor + 1) + 3)):
        day = chrome.date_only(texts[index])
        if day is not None:
            return day
    return None
