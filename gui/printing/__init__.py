"""The report's pages on Qt: laid out from model/document.py, painted for print preview, the printer and the PDF."""
