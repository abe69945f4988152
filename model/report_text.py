"""The report's words as published: the title lines, the standard opening paragraph from its data, the prose split
into paragraphs and sub-headings — the same for the Word, PDF and web exports (model/document.py)."""

from __future__ import annotations

import re

from model.report import Report

LAW = "《中华人民共和国政府信息公开条例》"
TITLE_LINE_EM = 20  # an 二号 title line holds about 20 characters in the type area
_SUBHEADING = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_LEADING = " \t\u3000\u00a0"


def display_width(text: str) -> float:
    """Width in em: Chinese characters count one, digits and Latin letters half."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def title_lines(report: Report) -> list[str]:
    """The title, broken after the agency's name when it does not fit on one line."""
    rest = f"{report.year}年政府信息公开工作年度报告"
    agency = report.agency.strip()
    if not agency:
        return [rest]
    if display_width(agency + rest) <= TITLE_LINE_EM:
        return [agency + rest]
    return [*_agency_lines(agency), rest]


_BREAK_AFTER = "省市县区州盟旗镇乡府局委厅办室院会"  # a title line reads best ending with a unit's name
_KEEP_WITH = ("人民政府", "政府", "人民", "委员会")  # 「某某区」 stays with its 「人民政府」


def _agency_lines(agency: str) -> list[str]:
    """The agency on lines of about equal width that fit the title line, broken after a unit's name if one is
    near (「某某省某某市某某区人民政府」「办公室政务公开科」, not 「…政务公开」「科」)."""
    count = -(-int(display_width(agency) * 2) // (TITLE_LINE_EM * 2))  # ceil, in half-em
    lines, rest = [], agency
    for left in range(count, 1, -1):
        ideal = round(len(rest) / left)
        near = [
            i
            for i in range(max(1, ideal - 3), min(len(rest), ideal + 4))
            if rest[i - 1] in _BREAK_AFTER
            and not rest.startswith(_KEEP_WITH, i)
            and display_width(rest[:i]) <= TITLE_LINE_EM
        ]
        cut = min(near, key=lambda i: abs(i - ideal)) if near else ideal
        while cut > 1 and display_width(rest[:cut]) > TITLE_LINE_EM:
            cut -= 1
        lines.append(rest[:cut])
        rest = rest[cut:]
    return [*lines, rest]


def _parts(report: Report) -> str:
    sections = report.fmt.sections
    named = "".join(f"“{section.title}”" for section in sections)
    return f"全文包括{named}{sections[-1].number}个部分"


def contact_lines(report: Report) -> list[str]:
    """Where to read and whom to ask, one line each after the opening paragraph (set flush left: justified,
    a long number, address or e-mail address that wraps would spread 「电　话：」 into gaps). Blank fields are left out.
    """
    contact = report.contact
    lines = []
    website = contact.website.strip()
    if website:
        lines.append(f"本报告电子版可在{website}查阅、下载。")
    details = [
        f"{label}：{getattr(contact, name).strip()}"
        for name, label in zip(contact.FIELDS, contact.LABELS)
        if name not in ("office", "website") and getattr(contact, name).strip()
    ]
    office = contact.office.strip() or report.agency.strip()
    if office or details:
        lines.append(f"如对本报告有疑问，请与{office or '本机关'}联系" + ("：" if details else "。"))
    return lines + details


def opening_text(report: Report) -> str:
    """The standard opening: the law and format followed, the parts, the period, where to read and ask."""
    return "".join(opening_paragraphs(report))


def opening_paragraphs(report: Report) -> list[str]:
    """The opening as printed: the paragraph about the report, then the lines of ``contact_lines``."""
    fmt = report.fmt
    who = report.agency.strip() or "本机关"
    about = (
        f"本报告由{who}依照{LAW}的规定，按照{fmt.document}（{fmt.notice}）的要求编制，{_parts(report)}。"
        f"报告所列数据的统计期限为{report.year}年1月1日至12月31日。"
    )
    return [about, *contact_lines(report)]


def prose_blocks(text: str) -> list[tuple[str, str]]:
    """Paragraphs of a prose section as ("subheading" | "body", text); blank lines are dropped."""
    blocks = []
    for raw in text.splitlines():
        line = raw.strip(_LEADING).rstrip()
        if not line:
            continue
        blocks.append(("subheading" if _SUBHEADING.match(line) else "body", line))
    return blocks


def split_subheading(line: str) -> tuple[str, str]:
    """A sub-heading line as (heading, text that follows on the same line): 「（一）主动公开。本年…」."""
    end = line.find("。")
    if end == -1 or end == len(line) - 1:
        return line, ""
    return line[: end + 1], line[end + 1 :]
