"""Check a .docx/.xlsx package before any XML parser sees it: size limits, zip bombs, DTDs and entities."""

from __future__ import annotations

import os
import re
import zipfile
import zlib
from pathlib import Path

from exporters.reading.errors import DocumentError, UnsafeFileError

__all__ = ["DocumentError", "UnsafeFileError", "check_package"]

MAX_FILE = 50 * 1024 * 1024  # bytes on disk
MAX_UNPACKED = 200 * 1024 * 1024  # all entries, uncompressed
MAX_XML = 30 * 1024 * 1024  # XML parts, uncompressed (these are parsed; real reports have 1–3 MB)
MAX_ENTRIES = 5000
MAX_RATIO = 200  # uncompressed / compressed, for entries over RATIO_FLOOR bytes
RATIO_FLOOR = 1024 * 1024
CHUNK = 1024 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_XML_SUFFIXES = (".xml", ".rels", ".vml")


def check_package(
    path: str | os.PathLike[str], required: tuple[str, ...], max_xml: int | None = None
) -> None:
    """Raise UnsafeFileError unless the file is a sane OOXML zip holding the ``required`` parts.

    ``max_xml`` lowers the limit on XML for readers that build a large tree per cell (openpyxl)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise UnsafeFileError(f"文件无法读取（{exc.strerror or exc}）") from exc
    if size > MAX_FILE:
        raise UnsafeFileError(f"文件过大（{size // (1024 * 1024)} MB，上限 {MAX_FILE // (1024 * 1024)} MB）")
    if head == OLE_MAGIC:
        raise UnsafeFileError(
            "这是旧版（.doc/.xls）或已加密的文件，请在 Word/WPS/Excel 中另存为新版格式（不加密）后再打开"
        )
    if not head.startswith(b"PK"):
        raise UnsafeFileError("文件不是有效的 Office 文档（内容已损坏或不是此类型）")
    try:
        with zipfile.ZipFile(path) as archive:
            _check_entries(archive, required, MAX_XML if max_xml is None else min(max_xml, MAX_XML))
    except UnsafeFileError:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        OSError,
        ValueError,
        RuntimeError,
        NotImplementedError,
        UnicodeDecodeError,
        zlib.error,  # a damaged deflate stream
    ) as exc:
        raise UnsafeFileError("文件已损坏，无法解压") from exc


def _check_entries(archive: zipfile.ZipFile, required: tuple[str, ...], max_xml: int) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise UnsafeFileError(f"文件包含的部件过多（{len(infos)} 个），疑为恶意文件")
    names = {info.filename for info in infos}
    missing = [name for name in required if name not in names]
    if missing:
        raise UnsafeFileError(f"文件缺少必需的部件（{missing[0]}），可能已损坏或不是此类型")
    total = xml_total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise UnsafeFileError("文件中有加密部件，无法读取")
        total += info.file_size
        if total > MAX_UNPACKED:
            raise UnsafeFileError("文件解压后过大，疑为压缩炸弹，已拒绝打开")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise UnsafeFileError("文件压缩比异常，疑为压缩炸弹，已拒绝打开")
        if info.filename.lower().endswith(_XML_SUFFIXES) or info.filename == "[Content_Types].xml":
            xml_total += info.file_size
            if xml_total > max_xml:
                raise UnsafeFileError("文件中的 XML 内容过大，已拒绝打开")
            _scan_xml(archive, info)


def _scan_xml(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Refuse DTDs and entity declarations (no real OOXML part has them); read at most the declared size."""
    seen = 0
    tail = b""
    wide: bool | None = None
    with archive.open(info) as part:
        while True:
            chunk = part.read(CHUNK)
            if not chunk:
                break
            seen += len(chunk)
            if seen > info.file_size:
                raise UnsafeFileError("文件部件的实际大小与声明不符，已拒绝打开")
            if wide is None:
                wide = chunk[:2] in (b"\xff\xfe", b"\xfe\xff")
            if wide:  # UTF-16: ASCII markup shows once the zero bytes are dropped
                chunk = chunk.replace(b"\x00", b"")
            window = tail + chunk
            if _DTD.search(window):
                raise UnsafeFileError("文件包含 DTD 或实体声明，出于安全原因已拒绝打开")
            tail = window[-32:]
