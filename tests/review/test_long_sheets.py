"""问题清单 and 数据 written as sheet XML into openpyxl's package: every value and finding read back as written,
text kept as text (a name that starts like a formula too), the header row's look, filter and print setup kept."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from exporters.review_xlsx.writer import DATA, FINDINGS, SUMMARY, write_review_workbook
from model.engine import evaluate
from model.review.desk import build_desk
from model.review.entry import entry_of
from model.review.marks import MarkStore
from tests.support.review_folder import unit_report

AWKWARD = ("=SUM(A1) 某局", "某某县<水利>&局", " 前后有空格的局 ")


def _desk():  # type: ignore[no-untyped-def]
    entries = []
    for index, agency in enumerate(("某某县教育局", *AWKWARD)):
        report = unit_report(agency, "政府部门", index, broken=index == 1)
        entries.append(
            entry_of(f"报告/{index:02d}{agency}.nianbao", "草稿", 0.0, report, evaluate(report), [])
        )
    return build_desk(entries)


def test_every_value_and_finding_read_back(tmp_path: Path) -> None:
    desk = _desk()
    marks = MarkStore(tmp_path / "审核记录.nianbao-review")
    broken = desk.rows[1]
    assert broken.entry is not None and broken.entry.errors
    marks.put(broken.unit, broken.entry.findings[0], "确认", "+已电话告知")
    out = tmp_path / "审核结果.xlsx"
    write_review_workbook(desk, out, marks)
    book = load_workbook(out)
    data = book[DATA]
    lines = list(data.iter_rows(min_row=2, values_only=True))
    expected = [
        (row.unit, row.entry.name, cell_id, value)
        for row in desk.rows
        if row.entry is not None
        for cell_id, value in row.entry.values.items()
    ]
    assert [(u, f, c, v) for u, f, _t, _n, v, _m, c in lines] == expected
    assert all(isinstance(v, int) for *_, v in expected)  # whole numbers come back as numbers, not text
    assert data.max_row == len(expected) + 1 and data.auto_filter.ref == f"A1:G{len(expected) + 1}"
    assert data.freeze_panes == "A2" and data.print_title_rows == "$1:$1"
    assert data.page_setup.orientation == "landscape"
    first = data.cell(2, 4)
    assert first.font.name == "宋体" and first.font.sz == 10 and first.data_type == "s"
    assert data.cell(2, 5).number_format == "0"
    quoted = [c for c in data["A"][1:] if c.value == AWKWARD[0]]
    assert quoted and all(c.data_type == "s" and c.quotePrefix for c in quoted)  # text, kept text when edited
    assert not any(c.quotePrefix for c in data["A"][1:] if c.value == "某某县教育局")
    summary = book[SUMMARY]
    units = [c for c in summary["A"][1:-1]]
    assert [c.value for c in units] == [r.unit for r in desk.rows] and units[1].quotePrefix
    assert all(c.data_type == "s" for c in units)
    total = [c.value for c in summary[summary.max_row]]
    assert total[0] == "合计（计入的单位）" and str(total[6]).startswith("=SUMIF(")
    assert (
        summary.auto_filter.ref == f"A1:{summary.cell(1, summary.max_column).column_letter}{len(units) + 1}"
    )
    findings = book[FINDINGS]
    rows = list(findings.iter_rows(min_row=2, values_only=True))
    assert len(rows) == sum(len(r.entry.findings) for r in desk.rows if r.entry)
    marked = [r for r in rows if r[6] == "确认"]
    assert len(marked) == 1 and marked[0][7] == "+已电话告知" and marked[0][0] == AWKWARD[0]
    assert findings.auto_filter.ref == f"A1:H{len(rows) + 1}"


def test_an_amount_keeps_its_decimals(tmp_path: Path) -> None:
    desk = _desk()
    entry = desk.rows[0].entry
    assert entry is not None
    cell_id = next(c for c in entry.values if c.startswith("t3."))
    entry.values[cell_id] = Decimal("3.1250")
    out = tmp_path / "审核结果.xlsx"
    write_review_workbook(desk, out)
    data = load_workbook(out)[DATA]
    cell = next(row[4] for row in data.iter_rows(min_row=2) if row[6].value == cell_id)
    assert cell.value == 3.125 and cell.number_format == "0.0000"
