"""Ledgers laid out as offices keep them, read and counted; the expected table 三 is counted by the test's own
records (tests/support/ledgers.py), not by the code under test."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from exporters.ledger.reader import read_ledger
from exporters.reading.errors import DocumentError
from model.formats import load_format
from model.ledger.session import LedgerSession
from tests.support import ledgers


def session(path: Path, format_id: str = "2021", memory: dict | None = None) -> LedgerSession:
    return LedgerSession(read_ledger(path), load_format(format_id), ledgers.YEAR, memory or {})


def nonzero(counts: dict[str, int]) -> dict[str, int]:
    return {k: v for k, v in counts.items() if v}


def balanced(s: LedgerSession) -> None:
    """T3-BAL by construction: new + carry = outcomes + pending, in every column."""
    t, counts = s.targets, s.counted().counts
    for col in t.applicants:
        left = counts[t.cell(t.new, col)] + counts[t.cell(t.carry, col)]
        right = sum(counts[t.cell(r, col)] for r in t.outcomes) + counts[t.cell(t.pending, col)]
        assert left == right, col


@pytest.fixture(scope="module")
def thousand(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[ledgers.Record], dict[str, int], Path]:
    items = ledgers.records(1000, seed=7)
    bad = ledgers.spoil(items)
    folder = tmp_path_factory.mktemp("ledger")
    return items, bad, folder


def test_xlsx_with_title_rows_serial_column_and_mixed_dates(thousand) -> None:  # type: ignore[no-untyped-def]
    items, bad, folder = thousand
    s = session(ledgers.write_xlsx(folder / "台账.xlsx", items))
    assert s.layout.header_row == 2  # two merged title rows above the header
    assert s.layout.columns == {
        "number": 1,
        "type": 3,
        "name": 2,
        "received": 4,
        "concluded": 5,
        "outcome": 6,
    }
    counted = s.counted()
    assert nonzero(counted.counts) == ledgers.expected(items)
    assert counted.counted == 1000
    first = 4  # row of the first record: two title rows and the header above it
    reasons = {p.row - first: p.reason for p in counted.problems}
    assert reasons == {
        bad["no_date"]: "没有收到日期",
        bad["ambiguous"]: "处理结果“不予公开”未对应到表三的栏目",
        bad["type"]: "申请人类型“法人”未对应到表三的栏目",
        bad["duplicate"]: "编号“YSQ-00001”与第4行相同",
    }
    assert counted.outside == [bad["old"] + first]
    balanced(s)


def test_the_same_ledger_as_gbk_csv(thousand) -> None:  # type: ignore[no-untyped-def]
    items, bad, folder = thousand
    path = ledgers.write_csv(folder / "台账.csv", items, "gbk")
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")  # really GBK
    s = session(path)
    assert s.layout.header_row == 0
    assert nonzero(s.counted().counts) == ledgers.expected(items)
    assert len(s.counted().problems) == 4


def test_utf8_csv_with_bom(thousand) -> None:  # type: ignore[no-untyped-def]
    items, _, folder = thousand
    s = session(ledgers.write_csv(folder / "台账u.csv", items, "utf-8-sig"))
    assert nonzero(s.counted().counts) == ledgers.expected(items)


def test_old_xls(thousand) -> None:  # type: ignore[no-untyped-def]
    items, _, folder = thousand
    s = session(ledgers.write_xls(folder / "台账.xls", items))
    assert s.layout.header_row == 1
    assert nonzero(s.counted().counts) == ledgers.expected(items)


def test_the_2019_format_counts_other_outcomes_in_one_row(thousand) -> None:  # type: ignore[no-untyped-def]
    items, _, folder = thousand
    truth = [ledgers.Record(**vars(r)) for r in items]
    for r in truth:
        if r.outcome in ("other_overdue", "other_other"):
            r.outcome = "other"
    s = session(ledgers.write_xlsx(folder / "台账2019.xlsx", items), "2019")
    assert nonzero(s.counted().counts) == ledgers.expected(truth)
    balanced(s)


def test_without_a_type_column_by_the_applicants_name(tmp_path: Path) -> None:
    items = ledgers.records(400, seed=3)
    s = session(ledgers.write_xlsx(tmp_path / "无类型.xlsx", items, with_type=False))
    assert s.layout.column("type") is None and s.layout.column("name") == 2
    unmapped = {p.reason for p in s.counted().problems}
    assert unmapped == {"无法从申请人“某某村民委员会”判断申请人类型"}  # never guessed silently
    assert set(s.counted().seen["applicant"]) == {"某某村民委员会"}
    s.correct("applicant", "某某村民委员会", "others")
    assert s.counted().problems == []
    assert nonzero(s.counted().counts) == ledgers.expected(items)


def test_the_layout_and_words_are_remembered(tmp_path: Path) -> None:
    items = ledgers.records(50, seed=5)
    items[3].received, items[3].concluded = datetime.date(2025, 5, 1), datetime.date(2025, 5, 8)
    items[3].outcome_text = "答复完毕"
    path = ledgers.write_xlsx(tmp_path / "a.xlsx", items)
    first = session(path)
    assert [(p.row, p.reason) for p in first.counted().problems] == [
        (7, "处理结果“答复完毕”未对应到表三的栏目")
    ]
    first.set_column("concluded", None)  # the clerk says the ledger has no reply dates
    first.set_column("concluded", 5)  # … and takes it back
    first.correct("outcome", "答复完毕", "open")
    assert first.counted().problems == []
    memory = first.remembered()
    second = session(path, memory=memory)
    assert second.layout == first.layout
    assert second.words.outcome("答复完毕") == "open"


def test_a_header_in_words_the_vocabulary_does_not_know(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["登记号", "来件人", "人员类别", "来件日期", "回复日", "结论"])
    sheet.append(["1", "张三", "个人", "2025-01-02", "2025-01-09", "同意公开"])
    book.save(tmp_path / "odd.xlsx")
    s = session(tmp_path / "odd.xlsx")
    assert s.layout.header_row == 0
    assert s.layout.column("received") is None
    assert s.ready() == "请指定“收到日期”所在的列"
    s.set_column("received", 3)
    s.set_column("outcome", 5)
    assert s.ready() == ""
    assert s.counted().counts["t3.open.natural"] == 1
    again = session(tmp_path / "odd.xlsx", memory=s.remembered())
    assert again.layout.column("received") == 3 and again.ready() == ""


@pytest.mark.slow
def test_twenty_thousand_rows(tmp_path: Path) -> None:
    items = ledgers.records(20_000, seed=11)
    s = session(ledgers.write_xlsx(tmp_path / "big.xlsx", items))
    assert s.counted().counted == 20_000
    assert nonzero(s.counted().counts) == ledgers.expected(items)
    balanced(s)


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("x.xlsx", b"not a zip at all", "不是有效的 Office 文档"),
        ("x.xls", b"PK\x03\x04 not ole", "不是有效的 .xls"),
        ("x.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "无法读取这个 .xls"),
        ("x.csv", b"\x00\x01\x02\xff\xfe\x00" * 100, "文件不是文本"),
        ("x.docx", b"PK", "不是可读取的台账"),
    ],
)
def test_files_that_are_no_ledger(tmp_path: Path, name: str, data: bytes, says: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DocumentError, match=says):
        read_ledger(path)


def test_too_many_rows_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from exporters.ledger import tabular

    monkeypatch.setattr(tabular, "MAX_ROWS", 100)
    path = ledgers.write_csv(tmp_path / "big.csv", ledgers.records(150), "utf-8")
    with pytest.raises(DocumentError, match="超过 100 行"):
        read_ledger(path)


def test_a_zip_bomb_is_refused_before_openpyxl(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", "<a>" + " " * (60 * 1024 * 1024) + "</a>")
    with pytest.raises(DocumentError, match="压缩炸弹"):
        read_ledger(path)


def test_a_two_row_header_under_merged_group_labels(tmp_path: Path) -> None:
    """「申请人信息」 merged over 姓名/名称 and 类型, the dates merged down over both header rows."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["某某局政府信息公开申请登记台账"])
    sheet.merge_cells("A1:G1")
    sheet.append(["序号", "申请人信息", None, "收到日期", "办理情况", None, "备注"])
    sheet.append([None, "姓名/名称", "类型", None, "答复日期", "处理结果", None])
    for cells in ("B2:C2", "E2:F2", "A2:A3", "D2:D3", "G2:G3"):
        sheet.merge_cells(cells)
    sheet.append([1, "张三", "个人", "2025-01-05", "2025-01-12", "同意公开", None])
    sheet.append([2, "某某律师事务所", "律师事务所", "2025.2.1", "2025.2.9", "不予公开-国家秘密", None])
    book.save(tmp_path / "two.xlsx")
    s = session(tmp_path / "two.xlsx")
    assert (s.layout.header_row, s.layout.header_rows, s.layout.where) == (1, 2, "第2—3行")
    assert s.layout.columns == {
        "number": None,
        "type": 2,
        "name": 1,
        "received": 3,
        "concluded": 4,
        "outcome": 5,
    }
    counted = s.counted()
    assert counted.problems == [] and counted.counted == 2
    assert nonzero(counted.counts) == {
        "t3.new.natural": 1,
        "t3.open.natural": 1,
        "t3.new.legal": 1,
        "t3.deny_secret.legal": 1,
    }
    assert [n for n, _ in s.samples()] == [4, 5]
