"""A page saved as one file (.mhtml / .mht, MIME multipart/related): its HTML parts, decoded, the page itself first."""

from __future__ import annotations

import email
import re
from email import policy
from email.message import Message

from exporters.html.decode import decode_page
from exporters.html.errors import HtmlError, UnsafePageError

MAX_PARTS = 5000  # resources of the saved page (images, style sheets, frames)
MAX_MULTIPARTS = 64  # nested multipart bodies (Chrome writes one, Internet Explorer two or three)
MAX_PAGES = 8  # HTML parts looked at for the report (the page, then its frames)
_PART_HEADER = re.compile(rb"^content-type\s*:", re.IGNORECASE | re.MULTILINE)
_BOUNDARY = re.compile(rb"boundary\s*=", re.IGNORECASE)
_MIME_START = re.compile(
    rb"^\s*(?:(?:from|date|subject|mime-version|content-[a-z-]+|snapshot-content-location|x-[a-z-]+)\s*:)",
    re.IGNORECASE,
)


def looks_like_mhtml(data: bytes) -> bool:
    """MIME headers first and a multipart body: what browsers write for 「网页，单个文件」 (whatever the suffix)."""
    head = data[:4096]
    return bool(_MIME_START.match(head)) and b"multipart/" in head.lower()


def html_parts(data: bytes) -> list[str]:
    """The text/html parts of the message, the page itself (the root of multipart/related) first; their transfer
    encodings (quoted-printable, base64) undone and their text decoded by each part's own charset."""
    if len(_PART_HEADER.findall(data)) > MAX_PARTS:
        raise UnsafePageError(f"网页文件包含的部件过多（超过 {MAX_PARTS} 个），疑为恶意文件，已拒绝打开")
    if len(_BOUNDARY.findall(data)) > MAX_MULTIPARTS:
        raise UnsafePageError("网页文件的 MIME 结构嵌套过深，疑为恶意文件，已拒绝打开")
    try:
        message = email.message_from_bytes(data, policy=policy.compat32)
        parts = [part for part in message.walk() if part.get_content_type() == "text/html"]
    except RecursionError as exc:
        raise UnsafePageError("网页文件的 MIME 结构嵌套过深，疑为恶意文件，已拒绝打开") from exc
    if not parts:
        raise HtmlError("不是有效的“网页，单个文件”（.mhtml）：其中没有网页内容")
    root = _root(message, parts)
    ordered = [root, *(p for p in parts if p is not root)][:MAX_PAGES]
    return [_text(part) for part in ordered]


def _root(message: Message, parts: list[Message]) -> Message:
    """The page itself: named by multipart/related's ``start``, or by the snapshot's location, else the first."""
    start = str(message.get_param("start", "", header="content-type") or "").strip("<>")
    location = str(message.get("Snapshot-Content-Location", "") or "").strip()
    for part in parts:
        if start and str(part.get("Content-ID", "")).strip().strip("<>") == start:
            return part
        if location and str(part.get("Content-Location", "")).strip() == location:
            return part
    return parts[0]


def _text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    charset = part.get_content_charset()
    return decode_page(data, charset)
