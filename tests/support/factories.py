"""Reports built for tests: a complete, consistent 2021-format report, and variations of it."""

from __future__ import annotations

from decimal import Decimal

from model.report import Contact, Report


def full_2021(year: int = 2023, agency: str = "某某市某某局", level: str = "政府部门") -> Report:
    """A 2021-format report with every input filled and every in-year rule passing."""
    report = Report.new(year, agency, level)
    for cell_id in report.input_ids():
        report.set_value(cell_id, Decimal(0) if report.fmt.cells[cell_id].kind == "amount" else 0)
    figures = {
        "t2.normative.issued": 4,
        "t2.normative.repealed": 1,
        "t2.normative.valid": 27,
        "t2.license.decisions": 1520,
        "t2.penalty.decisions": 311,
        "t2.coercion.decisions": 12,
        "t2.fees.amount": Decimal("59237.2449"),
        "t3.new.natural": 40,
        "t3.new.business": 6,
        "t3.new.legal": 1,
        "t3.carry.natural": 3,
        "t3.open.natural": 20,
        "t3.open.business": 4,
        "t3.partial.natural": 5,
        "t3.deny_third.natural": 2,
        "t3.unable_nohold.natural": 9,
        "t3.unable_nohold.business": 2,
        "t3.reject_repeat.legal": 1,
        "t3.other_other.natural": 3,
        "t3.next.natural": 4,
        "t4.cases.review_upheld": 2,
        "t4.cases.review_corrected": 1,
        "t4.cases.direct_upheld": 1,
        "t4.cases.after_pending": 1,
    }
    for cell_id, value in figures.items():
        report.set_value(cell_id, value)
    report.contact = Contact("局办公室", "某某市某某路1号", "100000", "010-12345678", "gk@example.cn", "")
    report.prose = {
        "s1": "（一）主动公开\n本年主动公开各类信息1200条。\n（二）依申请公开\n本年新收政府信息公开申请47件，上年结转3件。",
        "s5": "存在的问题：解读形式单一。改进措施：增加图解和视频解读。",
        "s6": "本年度未收取信息处理费，收取信息处理费0元。",
    }
    return report
