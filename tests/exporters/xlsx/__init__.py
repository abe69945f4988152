"""Tests of the Excel writer and reader."""
