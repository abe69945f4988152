"""Data files: the official formats, the example report, document templates."""
