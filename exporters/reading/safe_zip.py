"""Check a .docx/.xlsx package before any XML parser sees it: size limits, zip bombs, DTDs and entities.

Every entry that any parser could take for XML is checked, whatever its name (``xml_scan``): its bytes count
towards ``MAX_XML`` and its elements towards ``MAX_ELEMENTS``, and it may hold no DTD or entity declaration.
"""

from __future__ import annotations

import os
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path

from exporters.reading.errors import DocumentError, UnsafeFileError
from exporters.reading.xml_scan import scan

__all__ = ["DocumentError", "UnsafeFileError", "check_package"]

MAX_FILE = 50 * 1024 * 1024  # bytes on disk
MAX_UNPACKED = 200 * 1024 * 1024  # all entries, uncompressed
MAX_XML = 30 * 1024 * 1024  # XML parts, uncompressed (these are parsed; real reports have 1–3 MB)
# XML elements in all parts (parsed, one costs ≈ 250 bytes; a real report has ≈ 20,000)
MAX_ELEMENTS = 1_000_000
MAX_ENTRIES = 5000
MAX_RATIO = 200  # uncompressed / compressed, for entries over RATIO_FLOOR bytes
RATIO_FLOOR = 1024 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def check_package(
    path: str | os.PathLike[str],
    required: tuple[str, ...],
    max_xml: int | None = None,
    max_elements: int | None = None,
    part_elements: Mapping[str, int] | None = None,
) -> None:
    """Raise UnsafeFileError unless the file is a sane OOXML zip holding the ``required`` parts.

    ``max_xml`` and ``max_elements`` lower the limits for readers that build more per element (openpyxl);
    ``part_elements`` limits the elements of named parts (openpyxl's styles cost ≈ 30 µs an element)."""
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
            _check_entries(
                archive,
                required,
                MAX_XML if max_xml is None else min(max_xml, MAX_XML),
                MAX_ELEMENTS if max_elements is None else min(max_elements, MAX_ELEMENTS),
                part_elements or {},
            )
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


def _check_entries(
    archive: zipfile.ZipFile,
    required: tuple[str, ...],
    max_xml: int,
    max_elements: int,
    part_elements: Mapping[str, int],
) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise UnsafeFileError(f"文件包含的部件过多（{len(infos)} 个），疑为恶意文件")
    names = {info.filename for info in infos}
    missing = [name for name in required if name not in names]
    if missing:
        raise UnsafeFileError(f"文件缺少必需的部件（{missing[0]}），可能已损坏或不是此类型")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise UnsafeFileError("文件中有加密部件，无法读取")
        total += info.file_size
        if total > MAX_UNPACKED:
            raise UnsafeFileError("文件解压后过大，疑为压缩炸弹，已拒绝打开")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise UnsafeFileError("文件压缩比异常，疑为压缩炸弹，已拒绝打开")
    xml = elements = 0
    for info in infos:
        if info.is_dir():
            continue
        found = scan(archive, info, max_xml - xml)  # refuses an XML entry larger than what is left
        if found is None:
            continue  # no parser takes it for XML: an image, a font, an embedded file
        xml += found.size
        elements += found.elements
        if elements > max_elements or found.elements > part_elements.get(info.filename, max_elements):
            raise UnsafeFileError("文件中的 XML 元素过多，疑为恶意文件，已拒绝打开")
