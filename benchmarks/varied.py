"""Varied reports and office layouts for the benchmarks: both formats, random figures, prose of random lengths.

Every benchmark that reads files builds them here, so that no figure is measured over near-identical files.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from model.report import Contact, Report

SENTENCES = (
    "本机关坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。",
    "全年通过门户网站主动公开政府信息，及时发布政策文件和解读材料。",
    "依申请公开工作严格按照法定时限办理，答复规范，程序完整。",
    "加强政府信息公开平台建设，优化栏目设置，提升检索和下载的便利程度。",
    "开展政务公开业务培训，提高工作人员的公开意识和业务能力。",
    "存在的主要问题是公开内容的解读还不够深入，与公众的互动有待加强。",
    "下一步将完善工作机制，加强监督检查，推动政务公开工作提质增效。",
)
LEVELS = ("政府部门", "县级以上人民政府", "乡镇人民政府")


def prose(rng: random.Random, low: int = 60, high: int = 3000) -> str:
    """Paragraphs of random length, from a few dozen characters to a few thousand."""
    goal, lines, line = rng.randint(low, high), [], ""
    while sum(map(len, lines)) + len(line) < goal:
        line += rng.choice(SENTENCES)
        if rng.random() < 0.3:
            lines.append(line)
            line = ""
    return "\n".join([*lines, line] if line else lines)


def figure(rng: random.Random, kind: str) -> Decimal | int:
    """A value as offices report them: many zeros and small counts, now and then a large one."""
    if kind == "amount":
        return Decimal(rng.choice((0, 0, rng.randint(1, 10_000_000)))) / 100
    return rng.choice((0, 0, 0, 1, 2, rng.randint(3, 40), rng.randint(40, 5000)))


def varied_report(rng: random.Random, index: int) -> Report:
    """A report of a random year 2019–2025 (so both formats), its figures and prose random."""
    year = rng.randint(2019, 2025)
    report = Report.new(year, f"某某市第{index}{rng.choice(('局', '委员会', '办公室'))}", rng.choice(LEVELS))
    for cell_id in report.input_ids():
        if rng.random() < 0.97:  # a few cells left blank
            report.set_value(cell_id, figure(rng, report.fmt.cells[cell_id].kind))
    for section in report.fmt.sections:
        if section.kind == "prose":
            report.prose[section.key] = prose(rng)
    report.contact = Contact(
        office=f"办公室{index}", address=f"某某路{rng.randint(1, 999)}号", postcode="310000",
        phone=f"0571-{rng.randint(10_000_000, 99_999_999)}", email="gk@example.cn", website="",
    )  # fmt: skip
    return report


Writer = Callable[[Report, Path, random.Random, int], Path]


def write_all(folder: Path, count: int, write: Writer, seed: int = 17) -> list[Path]:
    """``count`` files written by ``write(report, folder, rng, index)`` from varied reports; their paths."""
    rng = random.Random(seed)
    return [write(varied_report(rng, index), folder, rng, index) for index in range(count)]
