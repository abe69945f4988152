"""Web pages: reports published as .html / .htm (any charset) and .mhtml / .mht (「网页，单个文件」)."""
