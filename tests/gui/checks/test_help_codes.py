"""The help (F1) lists the new rule codes from the format files, and the example pack's with the pack's name."""

from __future__ import annotations

from gui.help_text import help_html, pack_rule_rows, rule_rows

NATIONAL = ("RATIO", "HYG-TITLE", "HYG-PARTS", "HYG-NOTICE", "HYG-PERIOD", "HYG-CONTACT", "HYG-WEB", "XY-FIX")


def test_every_new_code_is_in_the_help() -> None:
    page = help_html([], {})
    for code in (*NATIONAL, "SEC-LEN", "SEC-ITEMS", "SEC-TOPICS"):
        assert f"<td>{code}</td>" in page, code
    assert {r.code for r in rule_rows()} >= set(NATIONAL)
    packed = {r.code: r.formats for r in pack_rule_rows()}
    assert packed["SEC-LEN"] == ("某市2025年度执行口径（示例）",)
    assert "执行口径" in page
