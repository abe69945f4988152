"""A folder of units' reports as a 政务公开办 receives it, written by the app's own writers (draft, Word, Excel,
PDF) and as portal pages: 40 units, two submitted twice (one as .docx and .pdf), two with errors, a roster that lacks
three of them and names three that never came, and the values kept to sum independently. Writing the PDFs needs a
Qt application (the tests' ``qapp``; else gui/printing/pdf.py makes one)."""

from __future__ import annotations

import os
import random
from dataclasses import dataclass, field
from pathlib import Path

from exporters.kinds import kind
from model import draft
from model.report import Report
from tests.support.html_pages import page_bytes

YEAR = 2024
COUNTY = "某某县"
DEPARTMENTS = [
    "教育局",
    "公安局",
    "民政局",
    "司法局",
    "财政局",
    "人力资源和社会保障局",
    "自然资源局",
    "生态环境分局",
    "住房和城乡建设局",
    "交通运输局",
    "水利局",
    "农业农村局",
    "商务局",
    "文化和旅游局",
    "卫生健康局",
    "退役军人事务局",
    "应急管理局",
    "审计局",
    "市场监督管理局",
    "统计局",
    "医疗保障局",
    "林业局",
    "城市管理局",
    "行政审批局",
    "信访局",
    "档案馆",
    "发展和改革委员会",
    "工业和信息化局",
]
TOWNS = ("城关镇", "河西镇", "东关街道", "北山乡", "南湖镇", "柳林乡", "石桥镇", "青山街道")
GOVERNMENT = f"{COUNTY}人民政府"
KINDS = ("nianbao", "docx", "xlsx", "html")
NOT_SUBMITTED = ("气象局", "地震局", "供销合作社联合社")
# written by 导出 PDF instead of their turn in KINDS: the one submitted as .docx and .pdf, one with errors, a town,
# a department, one not on the roster
PDF_UNITS = (
    "某某县教育局",
    "某某县审计局",
    f"{COUNTY}东关街道办事处",
    "某某县卫生健康局",
    "某某县体育中心",
)


@dataclass
class Folder:
    path: Path
    roster: Path
    reports: dict[str, Report] = field(default_factory=dict)  # unit → the report that counts (the newest)
    levels: dict[str, str] = field(default_factory=dict)
    files: dict[str, list[Path]] = field(default_factory=dict)  # unit → its files, the counted one last
    with_errors: list[str] = field(default_factory=list)
    off_roster: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # the roster's names never submitted


def unit_report(agency: str, level: str, seed: int, broken: bool = False) -> Report:
    """A balanced report of the 2021 format (table 三 adds up in every column), or one off by one when ``broken``."""
    rng = random.Random(seed)
    report = Report.new(YEAR, agency, level)
    fmt = report.fmt
    t3 = fmt.table("t3")
    results = [r for r in t3.data_row_keys() if r not in ("new", "carry", "total", "next")]
    for col in t3.columns:
        if f"t3.new.{col}" in fmt.totals:
            continue
        new, carry = rng.randint(0, 40), rng.randint(0, 3)
        left = new + carry
        for row in results:
            share = rng.randint(0, left // 3) if row in ("open", "partial", "unable_nohold") else 0
            report.set_value(f"t3.{row}.{col}", min(share, left))
            left -= min(share, left)
        report.set_value(f"t3.new.{col}", new)
        report.set_value(f"t3.carry.{col}", carry)
        report.set_value(f"t3.next.{col}", left + (1 if broken and col == "natural" else 0))
    for cell_id in fmt.input_ids():
        spec = fmt.cells[cell_id]
        if spec.table == "t4":
            report.set_value(cell_id, rng.randint(0, 2))
        elif spec.table == "t2" and not spec.regulations and spec.kind == "count":
            report.set_value(cell_id, rng.randint(0, 20))
        elif spec.table == "t2" and spec.regulations:
            report.set_value(cell_id, 0)
    report.prose = {
        s.key: f"{agency}{YEAR}年度政府信息公开工作情况。" * 3 for s in fmt.sections if s.kind == "prose"
    }
    report.contact.office = f"{agency}办公室"
    return report


def write(report: Report, path: Path, key: str) -> Path:
    if key == "nianbao":
        draft.save(report, path)
    elif key == "html":
        path.write_bytes(page_bytes(report))
    else:
        kind(key).write(report, path)
    return path


def units() -> list[tuple[str, str]]:
    """(name, level) of the 40 units: the county's own report, 8 towns, 31 departments."""
    out = [(GOVERNMENT, "县级政府")]
    out += [(f"{COUNTY}{t}" if not t.endswith("街道") else f"{COUNTY}{t}办事处", "乡镇街道") for t in TOWNS]
    out += [(f"{COUNTY}{d}", "政府部门") for d in DEPARTMENTS]
    out += [(f"{COUNTY}{d}", "政府部门") for d in ("科学技术局", "体育中心", "机关事务服务中心")]
    return out[:40]


def build_folder(root: Path) -> Folder:
    folder = Folder(root / "报告", root / "名单.txt")
    folder.path.mkdir(parents=True)
    broken = {"某某县审计局", "某某县河西镇"}
    for index, (name, level) in enumerate(units()):
        report = unit_report(name, level, index, broken=name in broken)
        key = "pdf" if name in PDF_UNITS else KINDS[index % len(KINDS)]
        target = write(report, folder.path / f"{index + 1:02d}{name}{kind(key).suffix}", key)
        folder.reports[name], folder.levels[name], folder.files[name] = report, level, [target]
        if name in broken:
            folder.with_errors.append(name)
    _twice(folder, "某某县教育局", "docx", "pdf")
    _twice(folder, "某某县民政局", "xlsx", "xlsx")
    off = [name for name, _ in units()[-3:]]  # the last three are not on the roster
    folder.off_roster = off
    folder.missing = [f"{COUNTY}{n}" for n in NOT_SUBMITTED]
    roster = [_short(name, i) for i, (name, _) in enumerate(units()) if name not in off] + folder.missing
    folder.roster.write_text("\n".join(f"{i}. {n}" for i, n in enumerate(roster, 1)), encoding="utf-8")
    return folder


def _short(name: str, index: int) -> str:
    """Roster names as offices type them: some without the county (「教育局」), some with 「县」 only."""
    bare = name.removeprefix(COUNTY)
    return (name, bare, "县" + bare)[index % 3] if name != GOVERNMENT else name


def _twice(folder: Folder, unit: str, first: str, second: str) -> None:
    """The unit's report once more, older, in another file; the newer (a corrected one) counts."""
    report = folder.reports[unit]
    old = report.copy()
    old.set_value("t3.open.natural", (report.values.get("t3.open.natural") or 0) + 1)  # an earlier version
    old_path = write(old, folder.path / f"{unit}（初稿）{kind(first).suffix}", first)
    stamp = os.path.getmtime(folder.files[unit][0]) - 3600
    os.utime(old_path, (stamp, stamp))
    folder.files[unit].insert(0, old_path)
    del second
