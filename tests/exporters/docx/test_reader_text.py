"""The words of a published report: title, section headings, contact details, the agency's level."""

from __future__ import annotations

import pytest

from exporters.reading.document_text import (
    heading_key,
    level_from_agency,
    parse_title,
    read_contact,
    read_sections,
    title_from_name,
)
from model.formats import load_format


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["杭州市城市管理局2020年政府信息公开工作年度报告"], ("杭州市城市管理局", 2020)),
        (["杭州市城市管理局", "2020年政府信息公开工作年度报告", "根据……"], ("杭州市城市管理局", 2020)),
        (["某某市某某局 2023 年度政府信息公开工作年度报告"], ("某某市某某局", 2023)),
        (["某某县人民政府关于二〇二二年政府信息公开工作年度报告"], ("某某县人民政府", 2022)),
        (["某某区某某街道办事处２０２４年政府信息公开工作年度报告"], ("某某区某某街道办事处", 2024)),
        (["附件2", "某某局", "2021年政府信息公开", "工作年度报告"], ("某某局", 2021)),
        (["附件2：某某局2021年政府信息公开工作年度报告"], ("某某局", 2021)),
    ],
)
def test_titles(paragraphs, expected):
    assert parse_title(paragraphs) == expected


def test_no_title():
    assert parse_title(["根据《条例》要求，现将有关情况报告如下。"]) is None
    assert title_from_name("某某局2023年政府信息公开工作年度报告.docx") == ("某某局", 2023)
    assert title_from_name("scan.docx") is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("一、总体情况", "s1"),
        ("1、 总体情况", "s1"),
        ("总体情况", "s1"),
        ("一.总体情况", "s1"),
        ("二、主动公开政府信息情况", "t2"),
        ("四、政府信息公开行政复议、行政诉讼情况", "t4"),
        ("五、存在的主要问题及改进情况", "s5"),
        ("六、其他需要报告的事项", "s6"),
        ("6. 其他需要报告事项", "s6"),
        ("（一）主动公开", None),
        ("本年度共收到申请47件。", None),
        ("", None),
    ],
)
def test_headings(text, key):
    assert heading_key(text, load_format("2021")) == key


def test_sections_stop_at_the_next_heading_and_drop_the_signature():
    paragraphs = [
        "某某局2023年政府信息公开工作年度报告",
        "开头段落。",
        "一、总体情况",
        "（一）主动公开",
        "正文。",
        "二、主动公开政府信息情况",
        None,
        "五、存在的主要问题及改进情况",
        "问题和措施。",
        "六、其他需要报告的事项",
        "收取信息处理费0元。",
        "",
        "某某局",
        "2024年1月20日",
    ]
    text = read_sections(paragraphs, load_format("2021"), "某某局")
    assert text.prose == {"s1": "（一）主动公开\n正文。", "s5": "问题和措施。", "s6": "收取信息处理费0元。"}
    assert text.headings == ["s1", "t2", "s5", "s6"]
    assert "开头段落。" in text.opening


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        (
            "如对本报告有疑问，请与局办公室联系（地址：某某路1号（东楼）；邮编：100000；电话：010-1234；电子邮箱：a@b.cn）。",
            {
                "office": "局办公室",
                "address": "某某路1号（东楼）",
                "postcode": "100000",
                "phone": "010-1234",
                "email": "a@b.cn",
            },
        ),
        (
            "联系部门：办公室，联系地址：某某街8号，邮政编码：310000，联系电话：0571-1，网址：http://x.gov.cn。",
            {
                "office": "办公室",
                "address": "某某街8号",
                "postcode": "310000",
                "phone": "0571-1",
                "website": "http://x.gov.cn",
            },
        ),
    ],
)
def test_contact(opening, expected):
    contact = read_contact(opening)
    for name in ("office", "address", "postcode", "phone", "email", "website"):
        assert getattr(contact, name) == expected.get(name, "")


@pytest.mark.parametrize(
    ("agency", "level"),
    [
        ("某某县某某镇人民政府", "乡镇街道"),
        ("某某乡", "乡镇街道"),
        ("某某区某某街道办事处", "乡镇街道"),
        ("某某省人民政府", "省级政府"),
        ("上海市人民政府", "省级政府"),
        ("某某市人民政府", "设区的市政府"),
        ("某某县人民政府", "县级政府"),
        ("杭州市城市管理局", "政府部门"),
        ("国务院办公厅", "国务院部门"),
    ],
)
def test_level_is_guessed_from_the_name(agency, level):
    assert level_from_agency(agency) == level
