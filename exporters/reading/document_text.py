"""The words of a published report: title (agency, year), the prose sections by their headings, contact details."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from model.formats import Format, load_format
from model.report import Contact
from model.vocabulary import SIGNATURE

_HAN_DIGITS = str.maketrans("〇零○一二三四五六七八九", "00012345678" + "9")
_TITLE = re.compile(
    r"^(?P<agency>.*?)(?P<year>(?:19|20)\d\d|[〇零○一二][〇零○一二三四五六七八九]{3})\s*年度?\s*"
    r"(?:政府)?信息公开(?:工作)?(?:年度?)?报告"  # 「…工作报告」 too: a title misworded (HYG-TITLE says so)
)
_YEAR_TEXT = r"(?P<year>(?:19|20)\d\d|[〇零○一二][〇零○一二三四五六七八九]{3})\s*年度?"
_REPORT = r"政府信息公开(?:工作)?(?:年度?)?报告"
_OTHER_TITLES = (  # 「2025年某某局政府信息公开工作年度报告」, 「某某局政府信息公开工作年度报告（2025年）」
    re.compile(rf"^{_YEAR_TEXT}\s*(?P<agency>[^，。；,;]+){_REPORT}"),
    re.compile(rf"^(?P<agency>[^，。；,;]+){_REPORT}[（(]{_YEAR_TEXT}[)）]"),
)
_NUMBER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．，,]|\d+\s*[、.．，,]|[（(]\s*[一二三四五六七八九十\d]+\s*[)）])\s*"
)
_DATE = re.compile(
    r"^\s*(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*[\d〇零○一二三四五六七八九十]{1,3}\s*月"
    r"\s*[\d〇零○一二三四五六七八九十]{1,3}\s*日\s*$"
)
_SPACE = re.compile(r"\s+")
_ATTACHMENT = re.compile(r"^附件\d*[:：]?")
HEADING_RATIO = 0.8
TITLE_LOOKAHEAD = 4  # paragraphs at the top where the title may be
TITLE_CHARS = 400  # characters of a paragraph looked at for the title (an agency has at most 200)

# Contact fields: the words that introduce each in the opening paragraph, longest first.
_CONTACT = {
    "address": ("通讯地址", "联系地址", "地址"),
    "postcode": ("邮政编码", "邮编"),
    "phone": ("联系电话", "咨询电话", "电话"),
    "email": ("电子邮箱", "电子信箱", "电子邮件", "E-mail", "Email", "邮箱"),
    "website": ("网站地址", "网址", "网站"),
    "office": ("联系部门", "联系单位", "请联系"),  # then the sentence forms in _PHRASES
}
_STOP = r"[；;，,。\n]"


@dataclass
class DocumentText:
    """What the paragraphs say besides the tables."""

    agency: str = ""
    year: int | None = None
    title_found: bool = False
    prose: dict[str, str] = field(default_factory=dict)
    headings: list[str] = field(default_factory=list)  # section keys found, in order
    opening: str = ""


def flat(text: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def parse_title(paragraphs: list[str]) -> tuple[str, int] | None:
    """Agency and year from 「{机关}{年份}年政府信息公开工作年度报告」, over one or two lines."""
    found = find_title(paragraphs)
    return None if found is None else (found[0], found[1])


def find_title(paragraphs: list[str]) -> tuple[str, int, str] | None:
    """Agency, year and the title as printed (its lines joined, without spaces), if the top has a title."""
    # no title is longer than TITLE_CHARS: a paragraph of megabytes is not normalised whole at every try
    stripped = (p[: TITLE_CHARS * 4].strip()[:TITLE_CHARS] for p in paragraphs)
    lines = list(islice((line for line in stripped if line), TITLE_LOOKAHEAD))
    for start in range(len(lines)):
        for count in (1, 2, 3):
            text = flat("".join(lines[start : start + count]))
            found = _TITLE.match(text) or next((m for m in (t.match(text) for t in _OTHER_TITLES) if m), None)
            if not found:
                continue
            year = int(found.group("year").translate(_HAN_DIGITS))
            agency = _ATTACHMENT.sub("", found.group("agency")).strip('：:“”"《》 ').removesuffix("关于")
            if not agency and start > 0 and len(flat(lines[start - 1])) <= 40:
                agency = flat(lines[start - 1])
            return agency, year, found.group(0)
    return None


def title_from_name(name: str) -> tuple[str, int] | None:
    found = _TITLE.search(flat(name))
    if not found:
        return None
    return found.group("agency"), int(found.group("year").translate(_HAN_DIGITS))


def heading_key(text: str, fmt: Format) -> str | None:
    """The section a paragraph heads (「一、总体情况」, 「1、 总体情况」, 「总体情况」), or None."""
    return heading_match(text, fmt)[0]


def heading_match(text: str, fmt: Format) -> tuple[str | None, bool]:
    """The section a paragraph heads and whether by its title (True) or only by its number and part of the title
    (False: 「五、存在的主要问题和改进措施」), which ``read_sections`` takes only where nothing better stands."""
    core = flat(_NUMBER.sub("", _PART.sub("", text)))
    if not core or len(core) > 30:
        return None, False
    key = _heading_key(core, fmt.id)
    if key is not None:
        return key, True
    numbered = _SECTION_NUMBER.match(text)
    if numbered:
        return _numbered_key(core, numbered.group(1) or numbered.group(2), fmt.id), False
    return None, False


_SECTION_NUMBER = re.compile(r"^\s*(?:([一二三四五六七八九十]+)\s*[、.．]|第([一二三四五六七八九十]+)部分)")
_PART = re.compile(r"^\s*第[一二三四五六七八九十]+部分\s*")
TITLE_COVERAGE = 0.4  # share of the official title's characters, in order, in a numbered heading


@lru_cache(maxsize=4096)
def _numbered_key(core: str, number: str, format_id: str) -> str | None:
    for section in load_format(format_id).sections:
        if section.number != number:
            continue
        title = flat(section.title)
        blocks = difflib.SequenceMatcher(None, core, title, autojunk=False).get_matching_blocks()
        if sum(b.size for b in blocks) / len(title) >= TITLE_COVERAGE:
            return section.key
    return None


@lru_cache(maxsize=4096)
def _heading_key(core: str, format_id: str) -> str | None:
    best: tuple[float, str] | None = None
    for section in load_format(format_id).sections:
        title = flat(section.title)
        ratio = 1.0 if core == title else difflib.SequenceMatcher(None, core, title).ratio()
        if ratio >= HEADING_RATIO and (best is None or ratio > best[0]):
            best = (ratio, section.key)
    return best[1] if best else None


def read_sections(paragraphs: list[str | None], fmt: Format, agency: str = "") -> DocumentText:
    """Split paragraphs (None marks a table) at the section headings; prose sections keep their paragraphs."""
    out = DocumentText()
    current: str | None = None
    collected: dict[str, list[str]] = {}
    opening: list[str] = []
    order = [section.key for section in fmt.sections]
    matches = [heading_match(text, fmt) if text is not None else (None, False) for text in paragraphs]
    by_title = {key for key, exact in matches if key is not None and exact}
    for text, (key, exact) in zip(paragraphs, matches):
        if text is None:
            continue
        if (
            key is not None
            and not exact
            and (  # a loose heading: only in order, and not beside the real one
                key in by_title or (current is not None and order.index(key) <= order.index(current))
            )
        ):
            key = None
        if key is not None and key not in out.headings:
            out.headings.append(key)
            current = key
            continue
        if not text.strip():
            continue
        if current is None:
            opening.append(text.strip())
        else:
            collected.setdefault(current, []).append(text.strip())
    prose_keys = {s.key for s in fmt.sections if s.kind == "prose"}
    for key, lines in collected.items():
        if key in prose_keys:
            out.prose[key] = "\n".join(_without_signature(lines, agency))
    out.opening = "\n".join(opening)
    return out


def _without_signature(lines: list[str], agency: str) -> list[str]:
    """Drop the closing signature (agency name, date) that follows the last section, and the filed copy's
    signature block (「单位负责人（签字）：」「（单位盖章）」「日期：」, resources/vocabulary.json)."""
    lines = list(lines)
    while lines and (
        _DATE.match(lines[-1])
        or (agency and flat(lines[-1]) == flat(agency))
        or flat(lines[-1]).startswith(_SIGNATURE)
    ):
        lines.pop()
    return lines


_SIGNATURE = tuple(flat(label) for label in SIGNATURE)


_PHRASES = {  # contact details told in a sentence rather than after a label
    "office": re.compile(r"(?:请与|请联系|可与|欢迎与)\s*([^，,。；;（(]+?)\s*联系"),
    "website": re.compile(r"电子版可在\s*(\S+?)\s*(?:查阅|下载|获取)"),
}


def _balanced(value: str) -> str:
    """Drop a closing bracket that belongs to the sentence, not to the value (「…电子邮箱：a@b.cn）」)."""
    value = value.strip()
    while (
        value
        and value[-1] in ")）"
        and value.count("(") + value.count("（") < value.count(")") + value.count("）")
    ):
        value = value[:-1].rstrip()
    return value


def read_contact(opening: str) -> Contact:
    """Contact details from the opening paragraph: 「地址：…，邮编：…，电话：…，电子邮箱：…」."""
    contact = Contact()
    for name, words in _CONTACT.items():
        for word in words:
            found = re.search(re.escape(word) + r"\s*[:：为是]\s*([^；;，,。\n]+)", opening)
            if found and _balanced(found.group(1)):
                setattr(contact, name, _balanced(found.group(1)))
                break
        phrase = _PHRASES.get(name)
        if not getattr(contact, name) and phrase is not None:
            found = phrase.search(opening)
            if found:
                setattr(contact, name, _balanced(found.group(1)))
    return contact


def level_from_agency(agency: str) -> str:
    """A guess at the agency's level from its name (a heuristic: 镇/乡/街道 are 乡镇街道, 人民政府 by place)."""
    name = flat(agency)
    if re.search(r"(镇|乡|街道|街道办事处)(人民政府)?$", name):
        return "乡镇街道"
    if name.endswith("人民政府"):
        place = name[: -len("人民政府")]
        if place.endswith(("省", "自治区")) or place in ("北京市", "天津市", "上海市", "重庆市"):
            return "省级政府"
        if place.endswith(("县", "区", "旗")):
            return "县级政府"
        if place.endswith(("市", "州", "盟")):
            return "设区的市政府"
    if name.startswith("国务院") or name.startswith("中华人民共和国"):
        return "国务院部门"
    return "政府部门"
