"""The web page reader's errors: one Chinese sentence for the clerk, without the file name."""

from __future__ import annotations

from exporters.reading.errors import DocumentError, UnsafeFileError


class HtmlError(DocumentError):
    """The file is no readable web page (damaged, empty, not HTML)."""


class UnsafePageError(UnsafeFileError, HtmlError):
    """The page is refused before or while parsing: size, tag count, nesting, MIME parts."""
