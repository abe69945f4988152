"""Tests of the Word writer and reader."""
