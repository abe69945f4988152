"""Tests of what every reader shares."""
