"""The PDF reader's error: one Chinese sentence for the clerk, without the file name."""

from __future__ import annotations

from exporters.reading.errors import DocumentError


class PdfError(DocumentError):
    """The file is no readable PDF report: refused by a limit, encrypted, scanned, damaged or without text."""
