"""Tests of the document kinds (exporters/)."""
