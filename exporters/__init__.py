"""One module per file format: Word and Excel, written and read back."""
