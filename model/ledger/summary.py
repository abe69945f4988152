"""The count in words, for the command line and the mapping dialog: table 三's rows, the rows left out."""

from __future__ import annotations

from model.ledger.session import LedgerSession
from model.ledger.source import ranges


def row_names(session: LedgerSession) -> dict[str, str]:
    """Row key → the format's name of the row, for the rows the ledger fills."""
    table = session.fmt.table(session.targets.table)
    return {row.key: row.name for row in table.rows if row.key}


def table_lines(session: LedgerSession) -> list[str]:
    """「本年新收：35（自然人 30，商业企业 5）」 for each row that counts something."""
    t, counts = session.targets, session.counted().counts
    names = row_names(session)
    lines = []
    for row in (t.new, t.carry, *t.outcomes, t.pending):
        parts = [(label, counts.get(t.cell(row, col), 0)) for col, label in t.applicants.items()]
        total = sum(n for _, n in parts)
        if total or row in (t.new, t.carry, t.pending):
            detail = "，".join(f"{label} {n}" for label, n in parts if n)
            lines.append(f"{names[row]}：{total}" + (f"（{detail}）" if detail else ""))
    return lines


def problem_lines(session: LedgerSession) -> list[str]:
    """The rows that are not counted, each with its reason; rows of other years in one line."""
    counted = session.counted()
    lines = []
    if counted.problems:
        lines.append(f"未计入的行（{len(counted.problems)}行，请在台账中更正或在导入时指定对应）：")
        lines += [f"  第{p.row}行：{p.reason}" for p in counted.problems]
    if counted.outside:
        lines.append(
            f"另有{len(counted.outside)}行不属于{session.year}年度（上年已办结，或本年度之后收到），"
            f"未计入：第{ranges(counted.outside)}行"
        )
    return lines
