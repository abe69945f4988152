"""Text copied from a web page (.txt, or the clipboard's plain text): the report read back from its lines."""
