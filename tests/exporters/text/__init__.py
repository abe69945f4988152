"""Tests of the reader of text copied from a web page (.txt and pasted text)."""
