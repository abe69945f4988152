"""The errors every reader raises: one Chinese sentence for the clerk, without the file name."""

from __future__ import annotations


class DocumentError(Exception):
    """A file that cannot be read as a report (each reader raises this or its own subclass)."""


class UnsafeFileError(DocumentError):
    """The file is refused before parsing: size, zip bomb, DTD, nesting, missing parts."""


class NoReportError(DocumentError):
    """The document reads, but holds none of the report's tables: it is not an annual report."""
