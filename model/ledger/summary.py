"""The count in words, for the command line and the mapping dialog: table 三's rows, the rows left out."""

from __future__ import annotations

from model.ledger.session import LedgerSession
from model.ledger.source import ranges
from model.ledger.vocab import Vocabulary


def row_names(session: LedgerSession) -> dict[str, str]:
    """Row key → the format's name of the row, for the rows the ledger fills."""
    table = session.fmt.table(session.targets.table)
    return {row.key: row.name for row in table.rows if row.key}


def count_sentence(session: LedgerSession) -> str:
    """「2024年度计入40行：本年新收35件，上年结转5件，办结38件，结转下年度2件。」, in the format's row names."""
    t, counted = session.targets, session.counted()
    names = row_names(session)

    def row(key: str) -> int:
        return sum(counted.counts.get(t.cell(key, c), 0) for c in t.applicants)

    done = sum(row(k) for k in t.outcomes)
    return (
        f"{session.year}年度计入{counted.counted}行：{names[t.new]}{row(t.new)}件，{names[t.carry]}{row(t.carry)}件，"
        f"办结{done}件，{names[t.pending]}{row(t.pending)}件。"
    )


def by_name_note(words: Vocabulary) -> str:
    """How applicants are typed by their names, from the vocabulary's rules in the order they are tried:
    「含“律师事务所”等的计为法律服务机构，……，像姓名的（二至五个汉字）计为自然人」."""
    parts = []
    for rule in words.name_rules:
        who = rule.means or (f"含“{rule.any[0]}”等的" if rule.any else "")
        if who:
            parts.append(f"{who}计为{'、'.join(rule.to)}")
    return "，".join(parts)


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
