"""查找: the Qt-free search over the report's prose and its format's table labels (model/search.py)."""

from __future__ import annotations

from model.report import Report
from model.search import Hit, find_all, fold, next_hit

PAGES = ["info", "s1", "t2", "t3", "t4", "s5", "s6"]


def report() -> Report:
    r = Report.new(2023, "某局")
    r.prose = {"s1": "本年度共受理申请3件，依申请公开工作……申请", "s5": "无"}
    return r


def test_prose_hits_give_the_section_and_the_place_of_every_occurrence():
    hits = [h for h in find_all(report(), "申请") if not h.in_label]
    text = report().prose["s1"]
    assert [(h.page, h.start) for h in hits] == [
        ("s1", text.index("申请")),
        ("s1", text.index("申请公开")),
        ("s1", text.rindex("申请")),
    ]
    assert all(text[h.start : h.start + h.length] == "申请" for h in hits)


def test_labels_are_found_in_the_format_with_their_grid_cell_ignoring_spaces_and_width():
    fmt = report().fmt
    hits = find_all(report(), "三安全 一稳定")  # a space typed in between
    (hit,) = [h for h in hits if h.in_label]
    cell = next(c for row in fmt.table("t3").rows for c in row.cells if (c.row, c.col) == (hit.row, hit.col))
    assert hit.page == "t3" and "三安全一稳定" in cell.text and not cell.is_value
    assert fold("ＡＢ ｃ") == "abc"


def test_hits_come_in_page_order_and_nothing_for_an_empty_or_missing_phrase():
    hits = find_all(report(), "申请")
    order = [PAGES.index(h.page) for h in hits]
    assert order == sorted(order) and {"s1", "t3"} <= {h.page for h in hits}
    assert find_all(report(), "  ") == [] and find_all(report(), "没有这样的话") == []


def test_next_hit_starts_at_the_page_shown_and_wraps_round():
    hits = [Hit("s1", 0, 1), Hit("t3", row=5, col=1), Hit("s5", 0, 1)]
    assert next_hit(hits, PAGES, -1, 1, "t2") == 1  # the first on or after 表二
    assert next_hit(hits, PAGES, -1, -1, "t3") == 0  # going back: the last before it
    assert next_hit(hits, PAGES, 2, 1, "s5") == 0 and next_hit(hits, PAGES, 0, -1, "s1") == 2
    assert next_hit([], PAGES, -1, 1, "s1") == -1
