"""What a portal puts around a report: the CMS content containers, navigation and share bars, meta lines, dates."""

from __future__ import annotations

import datetime
import re

from lxml import etree

# The article's container as the CMSs name it (TRS, 大汉, 开普云 …), by class token or id, lower case.
CONTAINER_CLASSES = frozenset(
    {"trs_editor", "trs_ueditor", "custom_unionstyle", "pages_content", "article-content"}
)
CONTAINER_IDS = frozenset({"zoom", "ivs_content", "ucap-content", "fontzoom"})
CHROME_TAGS = frozenset({"nav", "footer", "aside", "menu"})
# Words in a class or id that mark navigation, breadcrumbs, share bars, footers (substrings; tokens below).
_CHROME_PARTS = (
    "breadcrumb",
    "crumb",
    "share",
    "footer",
    "copyright",
    "toolbar",
    "navbar",
    "sidebar",
    "bdshare",
)
_CHROME_TOKENS = frozenset(
    {
        "nav",
        "menu",
        "foot",
        "position",
        "location",
        "dqwz",
        "bottom",
        "related",
        "xglj",
        "xgwz",
        "print",
        "fenxiang",
    }
)
_OUTER_TOKENS = frozenset(
    {"header", "head", "top", "banner", "logo", "search", "topbar"}
)  # the portal's header
_TITLE_TOKENS = ("title", "tit", "bt", "biaoti", "headline")
_TOKEN = re.compile(r"[^a-z0-9]+")
TITLE_TAGS = frozenset({"h1", "h2", "h3"})

# Lines of a page that are not the report: a collector's 「标题：」, the info bar (dates, source, hits, font size),
# the print / close / share links; dropped when short.
_META = re.compile(
    r"^\s*[【\[]?\s*(?:标\s*题|索\s*引\s*号|发布机构|主题分类|文\s*号|来\s*源|信息来源|文章来源|作\s*者|浏览次数|阅读次数|"
    r"点击数|访问量|字\s*[号体]|打印本页|打印|关闭窗口|关闭|分享到|扫一扫|发布日期|公开日期|发布时间|公开时间|发布于)"
    r"\s*(?:[:：】\]]|$)"
)
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[—–-]+\s*\d{1,4}\s*[—–-]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)\s*$"
)
_PAGE_PARTS = frozenset({"header", "footer"})
META_LENGTH = 120
_DAY = r"(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
LABELLED_DATE = re.compile(r"(?:发布日期|公开日期|发布时间|公开时间|发布于)\s*[:：]?\s*" + _DAY)
_WEAK_DATE = re.compile(r"(?:^|[\s|｜])(?:日期|时间)\s*[:：]\s*" + _DAY)
_DATE_ONLY = re.compile(  # a date alone, or first on the info line (「2025-01-20　来源：某某局　浏览次数：12」)
    r"^\s*[\[【(（]?\s*" + _DAY + r"\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*[\]】)）]?\s*"
    r"(?:$|[|｜]|(?:来源|信息来源|作者|浏览|阅读|点击|字号|字体|【))"
)
_COLLECTED_TITLE = re.compile(r"^\s*标\s*题\s*[:：]\s*")


def _tokens(element: etree._Element) -> tuple[str, str]:
    return str(element.get("class") or "").lower(), str(element.get("id") or "").lower()


_NAMED = etree.XPath("descendant-or-self::*[@class or @id]")


def containers(element: etree._Element) -> list[etree._Element]:
    """The CMS content elements in ``element`` (itself included), in document order."""
    return [e for e in _NAMED(element) if isinstance(e, etree._Element) and is_container(e)]


def is_container(element: etree._Element) -> bool:
    classes, ident = _tokens(element)
    return ident in CONTAINER_IDS or bool(CONTAINER_CLASSES.intersection(classes.split()))


def is_chrome(element: etree._Element, outer: bool = False) -> bool:
    """Navigation, breadcrumbs, share bars and footers (``outer``: also the portal's header and search box)."""
    name = element.tag
    if name in CHROME_TAGS or (outer and name == "header"):
        return True
    if name == "div" and element.get("title") in _PAGE_PARTS:  # LibreOffice's page header and footer
        return True
    classes, ident = element.get("class"), element.get("id")
    if not classes and not ident:
        return False
    classes, ident = str(classes or "").lower(), str(ident or "").lower()
    names = f"{classes} {ident}"
    if any(part in names for part in _CHROME_PARTS):
        return True
    tokens = set(_TOKEN.split(names))
    return bool(tokens & _CHROME_TOKENS or (outer and tokens & _OUTER_TOKENS))


def is_title_element(element: etree._Element) -> bool:
    if element.tag in TITLE_TAGS:
        return True
    classes, ident = _tokens(element)
    return any(token.startswith(_TITLE_TOKENS) for token in _TOKEN.split(f"{classes} {ident}") if token)


def is_meta_line(text: str) -> bool:
    return len(text) <= META_LENGTH and bool(_META.match(text) or _PAGE_NUMBER.match(text))


def collected_title(text: str) -> str | None:
    """The title a collector's 「标题：…」 line names, or None."""
    found = _COLLECTED_TITLE.match(text)
    return text[found.end() :].strip() if found else None


def _date(found: re.Match[str]) -> datetime.date | None:
    try:
        day = datetime.date(int(found.group("y")), int(found.group("m")), int(found.group("d")))
    except ValueError:
        return None
    return day


def labelled_date(text: str, weak: bool = False) -> datetime.date | None:
    """The date after 「发布日期：」「公开日期」「发布时间」 (``weak``: also a bare 「日期：」「时间：」)."""
    for pattern in (LABELLED_DATE, _WEAK_DATE) if weak else (LABELLED_DATE,):
        for found in pattern.finditer(text):
            day = _date(found)
            if day is not None:
                return day
    return None


def date_only(text: str) -> datetime.date | None:
    """A line that is a date (「2025-01-20」「2025年1月20日 10:30」), alone or before the info bar's other items."""
    found = _DATE_ONLY.match(text)
    return _date(found) if found else None
