"""The text of a .txt file: size limit, then UTF-8 (with or without BOM), UTF-16/32 with BOM, else GB18030."""

from __future__ import annotations

import codecs
import os

from exporters.reading.errors import DocumentError, UnsafeFileError

MAX_BYTES = 5 * 1024 * 1024  # a report's text is 20–100 KB; a whole portal page copied is well under 1 MB
MAX_CHARS = MAX_BYTES  # the same limit for text pasted from the clipboard

_BOMS = (  # longest first: a UTF-32 LE mark begins like a UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class TextError(DocumentError):
    """The file is no readable text; the message is one Chinese sentence without the file name."""


def too_large(size: int) -> UnsafeFileError:
    return UnsafeFileError(
        f"文字内容过大（超过 {MAX_BYTES // (1024 * 1024)} MB），不像是一份年度报告，已拒绝读取"
    )


def read_file_text(path: str | os.PathLike[str]) -> str:
    """The file's text, decoded; raises UnsafeFileError when too large and TextError when it is not text."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise TextError(f"文件无法读取（{exc.strerror or exc}）") from exc
    if len(data) > MAX_BYTES:
        raise too_large(len(data))
    return decode(data)


def decode(data: bytes) -> str:
    """Bytes as text: a byte-order mark decides, else UTF-8, else GB18030 (GBK and GB2312 from Windows Notepad)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data[len(bom) :], encoding)
    for encoding in ("utf-8", "gb18030"):
        try:
            return _checked(data, encoding)
        except TextError:
            continue
    raise _not_text()


def _checked(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _not_text() from exc
    if "\x00" in text:  # a binary file that happens to decode
        raise _not_text()
    return text


def _not_text() -> TextError:
    return TextError("文件不是文本，或编码无法识别（可读取 UTF-8、GBK/GB18030 和带 BOM 的 UTF-16 文本）")
