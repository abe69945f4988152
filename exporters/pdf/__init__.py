"""Published PDF reports: ``reader`` (PDF → blocks → report), ``safe_pdf`` (limits before pdfium parses anything),
``syntax`` (the little of PDF syntax that the limits need), ``page`` (characters and ruling lines from pdfium),
``ruling`` (tables from ruling lines), ``text`` (lines and paragraphs from characters), ``layout`` (pages → blocks:
page numbers dropped, tables and paragraphs joined over page breaks), ``errors`` (``PdfError``)."""
