"""The one set of limits on what a report holds: readers, the GUI and draft files all keep to these values.

A draft file refuses anything beyond them, so every other way in cuts or refuses first: what any reader returns is
cut with a finding (``model.clamp``, once, in ``exporters.reading.read_any`` and ``read_pasted``), the GUI's fields
stop at the limit and a prose section over it is refused. The largest report within the limits still fits in
``MAX_DRAFT_BYTES`` (a test checks it). Values: ``model.values.MAX_VALUE``.
"""

from __future__ import annotations

import re

MAX_DRAFT_BYTES = 8 * 1024 * 1024  # a draft file, read whole
MAX_FORMAT_ID = 20  # a format's id (its file's "id")
MIN_YEAR, MAX_YEAR = 1990, 2200  # the report year and the publication date's year
MAX_AGENCY = 200  # 机关名称
MAX_LEVEL = 40  # 机关层级
MAX_CONTACT_FIELD = 500  # each contact field: 联系部门, 地址, 邮编, 电话, 电子邮箱, 网站
MAX_PROSE = 200_000  # each prose section (一、五、六)
MAX_CELL_TEXT = 200  # the text of a cell that holds no valid value (kept so the clerk sees what was printed)
MAX_UNIT = 10  # a value's unit (元, 万元)
MAX_SOURCE = 1000  # the name of the file the previous year's report came from

_SURROGATE = re.compile("[\ud800-\udfff]")


def clean(text: str, limit: int) -> str:
    """Text as a report may hold it: at most ``limit`` characters, no lone surrogates (UTF-8 cannot save them)."""
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    return text[:limit]


def prose_refusal(text: str) -> str | None:
    """The sentence refusing a prose section's text over the limit, or None when it fits."""
    if len(text) <= MAX_PROSE:
        return None
    most = f"{MAX_PROSE // 10_000}万" if MAX_PROSE % 10_000 == 0 else str(MAX_PROSE)
    return f"正文过长：每节最多{most}字，这次修改后将有{len(text)}字，没有采用。请精简后再输入"
