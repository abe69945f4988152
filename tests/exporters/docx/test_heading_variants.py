"""Section headings as departments print them: the section's number with a reworded title still starts the section."""

from __future__ import annotations

import pytest

from exporters.reading.document_text import heading_key
from model.formats import load_format

FMT = load_format("2021")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("一、2025年政府信息公开工作总体情况", "s1"),
        ("第一部分 总体情况", "s1"),
        ("五、存在的主要问题和改进措施", "s5"),
        ("六、其他事项", "s6"),
        ("一、总体情况", "s1"),  # the official wording, as before
    ],
)
def test_numbered_reworded_headings(text, key):
    assert heading_key(text, FMT) == key


@pytest.mark.parametrize(
    "text", ["一、加强培训", "二、改进措施", "三、下一步工作打算", "六、其他", "一、存在的问题"]
)
def test_numbered_items_inside_a_section_are_no_headings(text):
    assert heading_key(text, FMT) is None


def test_a_loose_heading_gives_way_to_the_official_one():
    from exporters.reading.document_text import read_sections

    paragraphs = [
        "一、总体情况",
        "（一）主动公开",
        "二、主动公开情况良好，共发布信息100条",
        "二、主动公开情况",
        "本年继续推进。",
        "二、主动公开政府信息情况",
        None,
        "五、存在的主要问题和改进措施",
        "培训不足。",
    ]
    text = read_sections(paragraphs, FMT)
    assert (
        text.prose["s1"]
        == "（一）主动公开\n二、主动公开情况良好，共发布信息100条\n二、主动公开情况\n本年继续推进。"
    )
    assert text.prose["s5"] == "培训不足。"


def test_a_report_with_reworded_headings_keeps_its_prose(tmp_path):
    from exporters.reading import read_any
    from model.engine import evaluate
    from tests.support.factories import full_2021
    from tests.support.office_docs import Style, build

    report = full_2021(year=2025)
    path = build(
        report,
        tmp_path / "a.docx",
        Style(
            headings={
                "s1": "一、2025年政府信息公开工作总体情况",
                "s5": "五、存在的主要问题和改进措施",
                "s6": "六、其他事项",
            }
        ),
    )
    read, findings = read_any(path)
    assert findings == []
    assert {k: read.prose.get(k) for k in ("s1", "s5", "s6")} == {
        k: report.prose[k] for k in ("s1", "s5", "s6")
    }
    assert [f.code for f in evaluate(read) if f.severity != "info"] == []
