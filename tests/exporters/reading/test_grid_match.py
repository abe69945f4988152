"""Finding the official tables in grids of cell texts by their labels, not by position."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporters.reading.grid_match import format_vote, identify, read_table
from exporters.reading.grid_report import choose_format, fill_values, read_grids
from exporters.reading.label_match import canon, match
from model.formats import load_format
from model.report import Report
from model.values import format_value
from tests.support.factories import full_2021


def render(
    report: Report,
    key: str,
    format_id: str | None = None,
    labels: dict[str, str] | None = None,
    texts: dict[str, str] | None = None,
) -> list[list[str]]:
    """A table as python-docx/openpyxl give it: merged cells repeated in every position they cover."""
    table = load_format(format_id or report.format_id).table(key)
    grid = [[""] * table.grid_columns for _ in table.rows]
    for row in table.rows:
        for cell in row.cells:
            if cell.cell_id is None:
                text = (labels or {}).get(cell.text, cell.text)
            elif texts and cell.cell_id in texts:
                text = texts[cell.cell_id]
            else:
                text = (
                    format_value(report.effective(cell.cell_id)) if cell.cell_id in report.fmt.cells else ""
                )
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    grid[r][c] = text
    return grid


@pytest.mark.parametrize(
    ("printed", "official"),
    [
        ("1、属于国家秘密", "1.属于国家秘密"),
        ("（1）属于 国家秘密", "1.属于国家秘密"),
        ("商业\n企业", "商业企业"),
        ("一.本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量"),
        ('3.危及"三安全一稳定"', "3.危及“三安全一稳定”"),
        ("(七)总计", "（七）总计"),
        ("科研\u3000机构", "科研机构"),
    ],
)
def test_loose_variants_are_the_official_label(printed, official):
    assert canon(printed) == canon(official)
    hit = match("2021", "t3", printed)
    assert hit is not None and hit.exact and hit.label.text == official


@pytest.mark.parametrize(
    ("printed", "official", "key"),
    [
        ("2.其他法律行政止公开", "2.其他法律行政法规禁止公开", "t3"),
        ("现行有效件", "现行有效件数", "t2"),
        ("规范性文件", "行政规范性文件", "t2"),
        ("（二）部分公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "t3"),
        ("其它", "其他", "t3"),
        ("3、其它", "3.其他", "t3"),
    ],
)
def test_misprinted_labels_match_approximately(printed, official, key):
    hit = match("2021", key, printed)
    assert hit is not None and not hit.exact and hit.label.text == official


@pytest.mark.parametrize("text", ["12", "-", "—", "无", "", "3.5万元", "本机关工作人员", "合计"])
def test_values_and_strangers_are_no_labels(text):
    assert match("2021", "t3", text) is None


@pytest.mark.parametrize("format_id", ["2021", "2019"])
def test_every_table_is_identified_and_read_completely(format_id, example):
    report = full_2021() if format_id == "2021" else example
    for table in report.fmt.tables:
        key, scores = identify(render(report, table.key))
        assert key == table.key
        read = read_table(render(report, table.key), format_id, table.key)
        assert set(read.texts) == {c.cell_id for c in table.cells}
        assert not read.approximate and not read.notes
    assert format_vote(identify(render(report, "t2"))[1]) == format_id
    assert format_vote(identify(render(report, "t3"))[1]) == format_id
    assert format_vote(identify(render(report, "t4"))[1]) is None  # the same in both formats


def test_columns_are_found_by_their_headers_not_their_position():
    report = full_2021()
    grid = render(report, "t3")
    for row in grid:  # swap 自然人 and 其他 columns, and add a blank column in front
        row[3], row[8] = row[8], row[3]
        row.insert(0, "")
    read = read_table(grid, "2021", "t3")
    assert read.texts["t3.new.natural"] == "40" and read.texts["t3.new.others"] == "0"
    assert read.texts["t3.new.total"] == "47"


def test_rows_are_found_by_their_labels_not_their_position():
    report = full_2021()
    grid = render(report, "t3")
    header, data = grid[:3], grid[3:]
    grid = header + [[""] * 10] + list(reversed(data))
    read = read_table(grid, "2021", "t3")
    assert read.texts["t3.next.natural"] == "4" and read.texts["t3.carry.natural"] == "3"


def test_table_four_with_a_blank_row_under_its_headers():
    report = full_2021()
    grid = render(report, "t4")
    grid.insert(3, [""] * 15)
    read = read_table(grid, "2021", "t4")
    assert read.texts["t4.cases.review_upheld"] == "2" and read.texts["t4.cases.after_pending"] == "1"


def test_a_table_that_is_none_of_the_three():
    assert identify([["联系部门", "地址"], ["办公室", "某某路1号"]]) is None
    assert identify([]) is None
    reading = read_grids([[["x"]]], 2023)
    assert reading.tables == [] and {f.code for f in reading.findings} == {"DOC-TABLE"}


def test_the_single_2019_row_in_a_2021_table_goes_to_other():
    report = full_2021()
    grid = render(
        report,
        "t3",
        "2019",
        texts={f"t3.other.{c}": "2" if c == "natural" else "0" for c in report.fmt.table("t3").columns},
    )
    assert format_vote(identify(grid)[1]) == "2019"
    reading = read_grids([render(report, "t2"), grid, render(report, "t4")], 2023)
    assert reading.format_id == "2021"
    assert reading.texts["t3.other_other.natural"] == "2"
    assert "t3.other_overdue.natural" not in reading.texts
    mixed = [f for f in reading.findings if f.code == "FMT-MIXED"]
    assert len(mixed) == 2 and "3.其他" in mixed[1].message
    assert "t3.other_other.natural" in mixed[1].cells and "t3.other_fee.natural" not in mixed[1].cells


def test_format_follows_the_tables_then_the_year():
    assert choose_format({"t2": "2019", "t3": None}, 2023) == "2019"  # FMT-YEAR will tell
    assert choose_format({"t2": "2021", "t3": "2019"}, 2023) == "2021"
    assert choose_format({"t2": "2021", "t3": "2019"}, 2020) == "2019"
    assert choose_format({"t3": None, "t4": None}, 2020) == "2019"
    assert choose_format({}, None) == "2021"


def test_printed_totals_become_stated_and_junk_becomes_invalid():
    report = Report.new(2023, "x")
    fill_values(
        report,
        {
            "t3.new.natural": "5",
            "t3.new.business": "-",
            "t3.new.total": "",
            "t3.carry.total": "9",
            "t3.open.natural": "约5件",
            "t3.open.business": "",
        },
    )
    assert report.values["t3.new.natural"] == 5 and report.values["t3.new.business"] == 0
    assert "t3.open.business" not in report.values  # blank stays blank, never 0
    assert report.stated == {"t3.new.total": None, "t3.carry.total": 9}
    assert report.invalid == {"t3.open.natural": "约5件"}


def test_a_table_broken_in_two():
    report = full_2021()
    grid = render(report, "t3")
    first, second = grid[:12], grid[12:]
    for part in ([first, second], [first, grid[:3] + second], [first, [row + [""] for row in second]]):
        reading = read_grids([render(report, "t2"), *part, render(report, "t4")], 2023)
        assert reading.texts["t3.next.natural"] == "4" and reading.texts["t3.open.natural"] == "20"
        assert not [f for f in reading.findings if f.code != "DOC-TABLE"]


def test_a_look_alike_table_before_the_real_one():
    report = full_2021()
    summary = [["申请人", "自然人", "其他", "总计"], ["件数", "40", "0", "47"]]
    reading = read_grids([render(report, "t2"), summary, render(report, "t3"), render(report, "t4")], 2023)
    assert reading.texts["t3.new.natural"] == "40" and reading.texts["t3.next.natural"] == "4"


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_loosely_printed_labels_and_extra_blank_lines_read_the_same(data):
    """Spaces and line breaks anywhere in labels, 「、」 numbering, half-width brackets, blank rows and columns."""
    report = full_2021()
    key = data.draw(st.sampled_from(["t2", "t3", "t4"]))
    exact = read_table(render(report, key), "2021", key).texts
    grid = render(report, key)
    blank_cols = data.draw(st.lists(st.integers(0, len(grid[0])), max_size=2))
    blank_rows = data.draw(st.lists(st.integers(0, len(grid)), max_size=2))
    loose: dict[str, str] = {}
    for row in grid:
        for index, text in enumerate(row):
            if text and not text[0].isdigit() or len(text) > 2:
                if text not in loose:
                    where = data.draw(st.integers(0, len(text)))
                    gap = data.draw(st.sampled_from([" ", "\n", "\u3000", " \n "]))
                    loose[text] = (text[:where] + gap + text[where:]).replace("（", "(").replace("）", ")")
                    loose[text] = (
                        loose[text].replace(".", "、", 1) if loose[text][:1].isdigit() else loose[text]
                    )
                row[index] = loose[text] if not text.replace(".", "").isdigit() else text
    for col in sorted(blank_cols, reverse=True):
        for row in grid:
            row.insert(col, "")
    for at in sorted(blank_rows, reverse=True):
        grid.insert(at, [""] * len(grid[0]))
    read = read_table(grid, "2021", key)
    assert read.texts == exact and not read.approximate


@pytest.mark.parametrize(
    ("key", "official", "printed", "cell_id"),
    [
        ("t3", "总计", "合计", "t3.new.total"),
        ("t4", "总计", "合计", "t4.cases.after_total"),
        ("t3", "法律服务机构", "律师事务所", "t3.next.legal"),
        ("t2", "本年废止件数", "废止", "t2.normative.repealed"),
    ],
)
def test_a_column_header_printed_past_recognition_is_placed_beside_its_neighbours(
    key, official, printed, cell_id
):
    report = full_2021()
    exact = read_table(render(report, key), "2021", key)
    read = read_table(render(report, key, labels={official: printed}), "2021", key)
    assert read.texts == exact.texts and cell_id in read.texts
    assert [(h.printed, h.label.text) for h in read.approximate] == [(printed, official)]


def test_an_unknown_column_is_not_guessed_without_a_header():
    report = full_2021()
    grid = render(report, "t3")
    for row in grid:
        row[9] = ""  # the 总计 column printed without any header or figures
    read = read_table(grid, "2021", "t3")
    assert "t3.new.total" not in read.texts and not read.approximate
