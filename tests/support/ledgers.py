"""Ledgers as offices keep them, made for the tests: title rows merged above the header, a 序号 column, dates as
text and as Excel dates, free-text outcomes; each record knows its true applicant column and outcome row, so the
expected table 三 is counted here, without the code under test."""

from __future__ import annotations

import csv
import datetime
import random
from dataclasses import dataclass
from pathlib import Path

YEAR = 2025
TYPES = {  # true column → how ledgers write it
    "natural": ["个人", "公民", "自然人"],
    "business": ["企业", "公司", "商业企业"],
    "research": ["科研机构"],
    "welfare": ["社会公益组织"],
    "legal": ["律师事务所", "法律服务机构"],
    "others": ["其他"],
}
NAMES = {  # true column → applicants' names (for ledgers without a type column)
    "natural": ["张三", "李四", "王小明", "欧阳娜娜"],
    "business": ["某某科技有限公司", "某某建设集团"],
    "research": ["某某研究院"],
    "welfare": ["某某慈善基金会"],
    "legal": ["某某律师事务所"],
    "others": ["某某村民委员会"],
}
OUTCOMES = {  # true row → free-text outcomes as written
    "open": ["同意公开", "予以公开", "经审查，同意公开，已邮寄"],
    "partial": ["部分公开"],
    "deny_secret": ["不予公开-国家秘密", "不予公开（属于国家秘密）"],
    "deny_third": ["不予公开，涉及第三方合法权益"],
    "unable_nohold": ["信息不存在", "本机关不掌握", "不掌握"],
    "unable_make": ["需另行制作，无法提供"],
    "reject_repeat": ["重复申请"],
    "reject_complaint": ["属于信访举报投诉，不予处理"],
    "other_overdue": ["逾期未补正"],
    "other_other": ["申请人撤回申请"],
}
HEADER = ["序号", "申请编号", "申请人", "申请人类型", "收到日期", "答复日期", "处理结果", "备注"]


@dataclass
class Record:
    number: str
    name: str
    type_text: str
    received: datetime.date | None
    concluded: datetime.date | None
    outcome_text: str
    column: str  # the truth
    outcome: str | None  # the truth: None while pending at 31 December
    countable: bool = True


def _day(rng: random.Random, year: int) -> datetime.date:
    return datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(365))


def records(count: int, seed: int = 1, overdue_row: str = "other_overdue") -> list[Record]:
    """``count`` requests: most received in YEAR, some carried from the year before, some pending at its end."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        column = rng.choice(list(TYPES))
        outcome: str | None = rng.choice(list(OUTCOMES))
        kind = rng.random()
        if kind < 0.75:  # received and concluded this year
            received = _day(rng, YEAR)
            concluded: datetime.date | None = min(
                received + datetime.timedelta(days=rng.randrange(20)), datetime.date(YEAR, 12, 31)
            )
        elif kind < 0.85:  # carried over from last year, concluded this year
            received = datetime.date(YEAR - 1, 12, 1) + datetime.timedelta(days=rng.randrange(31))
            concluded = datetime.date(YEAR, 1, 1) + datetime.timedelta(days=rng.randrange(30))
        elif kind < 0.95:  # received this December, still open at 31 December (or answered next January)
            received = datetime.date(YEAR, 12, 10) + datetime.timedelta(days=rng.randrange(20))
            concluded = None if rng.random() < 0.5 else datetime.date(YEAR + 1, 1, 10)
            outcome = None
        else:  # carried over and still open
            received = datetime.date(YEAR - 1, 12, 20)
            concluded = None
            outcome = None
        text = rng.choice(OUTCOMES[outcome]) if outcome and (concluded is not None) else ""
        if outcome == "other_overdue":
            outcome = overdue_row
        out.append(
            Record(
                f"YSQ-{i + 1:05d}",
                rng.choice(NAMES[column]),
                rng.choice(TYPES[column]),
                received,
                concluded,
                text,
                column,
                outcome,
            )
        )
    return out


def _bad(
    number: str,
    name: str,
    kind: str,
    received: datetime.date | None,
    concluded: datetime.date | None,
    outcome: str,
) -> Record:
    return Record(number, name, kind, received, concluded, outcome, "natural", None, countable=False)


def spoil(items: list[Record]) -> dict[str, int]:
    """Rows that cannot be counted, appended; returns what each is → its index among the records."""
    base, day = len(items), datetime.date
    items.extend(
        [
            _bad("BAD-1", "赵六", "个人", None, None, "同意公开"),  # no received date
            _bad("BAD-2", "钱七", "个人", day(YEAR, 2, 3), day(YEAR, 2, 9), "不予公开"),  # which 不予公开?
            _bad(
                "BAD-3", "孙八", "法人", day(YEAR, 3, 3), day(YEAR, 3, 9), "同意公开"
            ),  # which kind of 法人?
            _bad(
                items[0].number, "周九", "个人", day(YEAR, 4, 4), day(YEAR, 4, 9), "同意公开"
            ),  # a number again
            _bad(
                "OLD-1", "吴十", "个人", day(YEAR - 1, 3, 1), day(YEAR - 1, 3, 9), "同意公开"
            ),  # last year's
        ]
    )
    return {"no_date": base, "ambiguous": base + 1, "type": base + 2, "duplicate": base + 3, "old": base + 4}


def expected(items: list[Record], table_rows: tuple[str, ...] = ("new", "carry", "next")) -> dict[str, int]:
    """Table 三 from the truth: every input cell that a record falls in (cells not listed are 0)."""
    new, carry, pending = table_rows
    out: dict[str, int] = {}
    start, end = datetime.date(YEAR, 1, 1), datetime.date(YEAR, 12, 31)
    for r in items:
        if not r.countable or r.received is None:
            continue
        first = new if r.received >= start else carry
        done = r.concluded is not None and r.concluded <= end
        for row in (first, r.outcome if done else pending):
            key = f"t3.{row}.{r.column}"
            out[key] = out.get(key, 0) + 1
    return out


def _date_cell(day: datetime.date | None, i: int) -> object:
    """Dates as ledgers hold them: Excel dates, and text in four ways."""
    if day is None:
        return None
    style = i % 5
    if style == 0:
        return datetime.datetime(day.year, day.month, day.day)
    return [
        None,
        f"{day.year}.{day.month}.{day.day}",
        f"{day.year}年{day.month}月{day.day}日",
        day.isoformat(),
        f"{day.year}/{day.month}/{day.day}",
    ][style]


def rows_of(items: list[Record], with_type: bool = True) -> list[list[object]]:
    header = HEADER if with_type else [h for h in HEADER if h != "申请人类型"]
    out: list[list[object]] = [header]
    for i, r in enumerate(items):
        row: list[object] = [
            i + 1,
            r.number,
            r.name,
            r.type_text,
            _date_cell(r.received, i),
            _date_cell(r.concluded, i + 2),
            r.outcome_text,
            "",
        ]
        if not with_type:
            del row[3]
        out.append(row)
    return out


def write_xlsx(path: Path, items: list[Record], with_type: bool = True, title_rows: int = 2) -> Path:
    """The ledger as an office keeps it: merged title rows, then the header, then one request a row."""
    from openpyxl import Workbook

    book = Workbook(write_only=False)
    sheet = book.active
    assert sheet is not None
    sheet.title = "依申请台账"
    rows = rows_of(items, with_type)
    width = len(rows[0])
    titles = [f"某某市某某局{YEAR}年政府信息公开申请办理台账", "填报单位：某某市某某局办公室（盖章）"]
    for t in range(title_rows):
        sheet.append([titles[t % 2]])
        sheet.merge_cells(start_row=t + 1, start_column=1, end_row=t + 1, end_column=width)
    for row in rows:
        sheet.append(row)
    for cells in sheet.iter_rows(min_row=title_rows + 2):
        for cell in cells:
            if isinstance(cell.value, datetime.datetime):
                cell.number_format = "yyyy-mm-dd"
    book.save(path)
    return path


def write_csv(path: Path, items: list[Record], encoding: str = "gbk", with_type: bool = True) -> Path:
    rows = rows_of(items, with_type)
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        for row in rows:
            writer.writerow(
                [
                    "" if v is None else v.strftime("%Y-%m-%d") if isinstance(v, datetime.date) else v
                    for v in row
                ]
            )
    return path


def write_xls(path: Path, items: list[Record]) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("台账")
    style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    sheet.write_merge(0, 0, 0, len(HEADER) - 1, f"{YEAR}年依申请公开台账")
    for r, row in enumerate(rows_of(items), 1):
        for c, value in enumerate(row):
            if isinstance(value, datetime.datetime):
                sheet.write(r, c, value, style)
            elif value is not None:
                sheet.write(r, c, value)
    book.save(str(path))
    return path
