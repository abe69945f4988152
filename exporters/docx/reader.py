"""Read a published Word report (.docx, made by anyone in Word or WPS) back into a report and document findings."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from lxml import etree

from exporters.docx.body import DOCUMENT_PART, read_body
from exporters.reading.blocks import report_from_blocks
from exporters.reading.safe_zip import DocumentError, UnsafeFileError, check_package
from model.report import Report
from model.rules import Finding

REQUIRED_PARTS = ("[Content_Types].xml",)


class DocxError(DocumentError):
    """The file is no readable Word report; the message is one Chinese sentence without the file name."""


def read_docx(path: str | os.PathLike[str]) -> tuple[Report, list[Finding]]:
    """The report printed in a .docx, and findings about the document (labels, mixed formats, missing parts)."""
    try:
        check_package(path, REQUIRED_PARTS)
        blocks = read_body(path)
    except UnsafeFileError as exc:
        raise DocxError(str(exc)) from exc
    except (etree.XMLSyntaxError, zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
        raise DocxError("文件内容已损坏，无法读取") from exc
    if blocks is None:
        raise DocxError(f"文件缺少必需的部件（{DOCUMENT_PART}），可能已损坏或不是此类型")
    return report_from_blocks(blocks, Path(path).name)
