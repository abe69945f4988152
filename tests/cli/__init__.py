"""Tests of the nianbao command."""
