"""Every format definition loads, and matches the official formats (labels, rows, merges, cell kinds)."""

from __future__ import annotations

import copy
import json
from importlib import resources

import pytest

from model.engine import RULES
from model.formats import FormatError, build_format, format_for_year, load_format

FORMAT_FILES = sorted(
    p.name for p in resources.files("resources.formats").iterdir() if p.name.endswith(".json")
)

T3_2021_LABELS = [
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
    "（七）总计",
    "四、结转下年度继续办理",
]


def raw(format_id: str) -> dict:
    return json.loads(resources.files("resources.formats").joinpath(f"{format_id}.json").read_text("utf-8"))


def last_label(table, row) -> str:
    return [c.text for c in row.cells if not c.is_value][-1]


@pytest.mark.parametrize("name", FORMAT_FILES)
def test_every_definition_loads_and_names_known_rules(name):
    fmt = load_format(name.removesuffix(".json"))
    assert [t.key for t in fmt.tables] == ["t2", "t3", "t4"]
    assert [s.number for s in fmt.sections] == ["一", "二", "三", "四", "五", "六"]
    for spec in fmt.rules:
        assert spec.kind in RULES, spec.code
        assert spec.severity in ("error", "warning", "info")
    assert FORMAT_FILES == ["2019.json", "2021.json"]


def test_table_three_has_25_rows_in_2021_and_23_in_2019():
    t3_2021 = load_format("2021").table("t3")
    t3_2019 = load_format("2019").table("t3")
    assert len(t3_2021.data_row_keys()) == 25
    assert len(t3_2019.data_row_keys()) == 23
    data_rows = [r for r in t3_2021.rows if r.role == "data"]
    assert [last_label(t3_2021, r) for r in data_rows] == T3_2021_LABELS
    labels_2019 = [last_label(t3_2019, r) for r in t3_2019.rows if r.role == "data"]
    assert "（六）其他处理" in labels_2019 and "3.其他" not in labels_2019


@pytest.mark.parametrize("format_id,result_rows", [("2021", 22), ("2019", 20)])
def test_table_three_header_and_label_merges(format_id, result_rows):
    t3 = load_format(format_id).table("t3")
    assert t3.grid_columns == 10 and t3.header_rows == 3
    corner = t3.rows[0].cells[0]
    assert (corner.rowspan, corner.colspan) == (3, 3)
    assert corner.text == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    assert [(c.text, c.colspan) for c in t3.rows[0].cells[1:]] == [("申请人情况", 7)]
    assert [(c.text, c.rowspan, c.colspan) for c in t3.rows[1].cells] == [
        ("自然人", 2, 1),
        ("法人或其他组织", 1, 5),
        ("总计", 2, 1),
    ]
    assert [c.text for c in t3.rows[2].cells] == [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    results = next(c for r in t3.rows for c in r.cells if c.text == "三、本年度办理结果")
    assert (results.rowspan, results.col) == (result_rows, 0)
    deny = next(c for r in t3.rows for c in r.cells if c.text == "（三）不予公开")
    assert (deny.rowspan, deny.col) == (8, 1)
    assert [c["label"] for c in t3.columns.values()] == [
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]


@pytest.mark.parametrize("format_id", ["2021", "2019"])
def test_table_four_layout(format_id):
    t4 = load_format(format_id).table("t4")
    assert t4.grid_columns == 15 and t4.header_rows == 3
    assert [(c.text, c.colspan) for c in t4.rows[0].cells] == [("行政复议", 5), ("行政诉讼", 10)]
    second = [(c.text, c.rowspan, c.colspan) for c in t4.rows[1].cells]
    assert second[:5] == [(t, 2, 1) for t in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")]
    assert second[5:] == [("未经复议直接起诉", 1, 5), ("复议后起诉", 1, 5)]
    assert [c.text for c in t4.rows[2].cells] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2
    assert len(t4.cells) == 15 and all(c.kind == "count" for c in t4.cells)


def t2_rows(format_id):
    t2 = load_format(format_id).table("t2")
    return [[(c.text or c.cell_id, c.colspan) for c in row.cells] for row in t2.rows]


def test_table_two_2021():
    rows = t2_rows("2021")
    assert rows[0] == [("第二十条第（一）项", 4)]
    assert rows[1] == [("信息内容", 1), ("本年制发件数", 1), ("本年废止件数", 1), ("现行有效件数", 1)]
    assert rows[2][0] == ("规章", 1) and rows[3][0] == ("行政规范性文件", 1)
    assert rows[5] == [("信息内容", 1), ("本年处理决定数量", 3)]
    assert rows[6] == [("行政许可", 1), ("t2.license.decisions", 3)]
    assert [r[0][0] for r in rows if r[0][1] == 4] == [
        "第二十条第（一）项",
        "第二十条第（五）项",
        "第二十条第（六）项",
        "第二十条第（八）项",
    ]
    assert rows[-2] == [("信息内容", 1), ("本年收费金额（单位：万元）", 3)]
    fmt = load_format("2021")
    assert fmt.cells["t2.fees.amount"].kind == "amount"
    assert {c.kind for c in fmt.table("t2").cells} == {"count", "amount"}


def test_table_two_2019():
    rows = t2_rows("2019")
    titles = [r[0][0] for r in rows if r[0][1] == 4]
    assert titles[-1] == "第二十条第（九）项" and len(titles) == 5
    labels = [r[0][0] for r in rows if len(r) > 1 and r[0][0] != "信息内容"]
    assert labels == [
        "规章",
        "规范性文件",
        "行政许可",
        "其他对外管理服务事项",
        "行政处罚",
        "行政强制",
        "行政事业性收费",
        "政府集中采购",
    ]
    fmt = load_format("2019")
    assert fmt.cells["t2.license.delta"].kind == "signed"
    assert fmt.cells["t2.procurement.amount"].kind == "money"
    assert fmt.cells["t2.normative.made"].name == "表二·规范性文件·本年新制作数量"


def test_computed_cells():
    fmt = load_format("2021")
    computed = set(fmt.totals)
    assert {f"t3.{r}.total" for r in fmt.table("t3").data_row_keys()} <= computed
    assert {f"t3.total.{c}" for c in fmt.table("t3").columns} <= computed
    assert {"t4.cases.review_total", "t4.cases.direct_total", "t4.cases.after_total"} <= computed
    assert len(computed) == 25 + 6 + 3
    assert fmt.totals["t3.total.natural"].parts[0] == "t3.open.natural"
    assert len(fmt.totals["t3.total.natural"].parts) == 21  # （一）…（六）, items included
    assert not any(c.startswith("t2.") for c in computed)


def test_format_for_year():
    assert format_for_year(2019).id == "2019" and format_for_year(2020).id == "2019"
    assert format_for_year(2021).id == "2021" and format_for_year(2030).id == "2021"


def test_provincial_variant_is_a_data_file_not_code():
    data = raw("2021")
    variant = copy.deepcopy(data)
    variant["id"] = "2021-zj"
    t2 = variant["tables"][0]
    t2["rows"].append(
        {
            "role": "data",
            "key": "extra",
            "name": "重大行政决策",
            "cells": [{"text": "重大行政决策"}],
            "values": [{"col": "decisions", "colspan": 3}],
        }
    )
    fmt = build_format(variant)
    assert fmt.cells["t2.extra.decisions"].name == "表二·重大行政决策·本年处理决定数量"


def test_broken_definitions_are_refused():
    data = raw("2021")
    overlap = copy.deepcopy(data)
    overlap["tables"][2]["rows"][0]["cells"][0]["colspan"] = 6
    with pytest.raises(FormatError):
        build_format(overlap)
    unknown = copy.deepcopy(data)
    unknown["tables"][1]["totals"][0]["of"].append("nowhere")
    with pytest.raises(FormatError):
        build_format(unknown)
    kind = copy.deepcopy(data)
    kind["tables"][1]["columns"]["natural"]["kind"] = "text"
    with pytest.raises(FormatError):
        build_format(kind)


def test_format_summaries_agree_with_the_built_formats():
    from model.formats import format_summary

    for format_id in ("2019", "2021"):
        fmt = load_format(format_id)
        summary = format_summary(format_id)
        assert (summary.id, summary.name, summary.notice, summary.years) == (
            fmt.id,
            fmt.name,
            fmt.notice,
            fmt.years,
        )
        assert summary.official and summary.family == fmt.family == format_id and fmt.extends is None
        assert all(
            format_for_year(y).id == format_id
            for y in range(1990, 2100)
            if load_format(format_id).fits_year(y)
        )
