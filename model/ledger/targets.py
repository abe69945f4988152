"""Where ledger counts go, found from the format: the table of T3-BAL's balance, its rows and applicant columns."""

from __future__ import annotations

from dataclasses import dataclass

from model.format_spec import Format
from model.ledger.vocab import bare


class NoLedgerTableError(ValueError):
    """The format has no table that balances received and concluded applications."""


@dataclass(frozen=True)
class Targets:
    """Table 三's places: the rows of new, carried and pending applications, the outcome rows, the columns."""

    table: str
    new: str
    carry: str
    pending: str
    outcomes: dict[str, str]  # row key → row name (「不予公开·属于国家秘密」), in the format's order
    applicants: dict[str, str]  # column key → label (自然人, 商业企业, …), in the format's order

    def cell(self, row: str, col: str) -> str:
        return f"{self.table}.{row}.{col}"

    def outcome_key(self, names: tuple[str, ...]) -> str | None:
        """The first of these row names the format has (a name, its last part, or its own label)."""
        for name in names:
            wanted = bare(name)
            for key, row_name in self.outcomes.items():
                if wanted in (bare(row_name), bare(row_name.split("·")[-1])):
                    return key
        return None

    def applicant_key(self, label: str) -> str | None:
        wanted = bare(label)
        return next((k for k, v in self.applicants.items() if bare(v) == wanted), None)


def targets(fmt: Format) -> Targets:
    """The cells the ledger fills: T3-BAL says the rows (new + carry = total + next), the totals the rest."""
    for rule in fmt.rules:
        params = rule.params
        if rule.kind != "balance" or len(params.get("left", ())) != 2 or len(params.get("right", ())) != 2:
            continue
        table = fmt.table(params["table"])
        (new, carry), (total, pending) = params["left"], params["right"]
        names = {row.key: row.name for row in table.rows if row.key}
        first_col = next(iter(table.columns))
        outcome_total = fmt.totals.get(f"{table.key}.{total}.{first_col}")
        row_total = next(
            (fmt.totals[c] for c in (f"{table.key}.{new}.{k}" for k in table.columns) if c in fmt.totals),
            None,
        )
        if outcome_total is None or row_total is None:
            continue
        outcomes = {p.split(".")[1]: names[p.split(".")[1]] for p in outcome_total.parts}
        applicants = {p.split(".")[2]: table.columns[p.split(".")[2]]["label"] for p in row_total.parts}
        return Targets(table.key, new, carry, pending, outcomes, applicants)
    raise NoLedgerTableError("报告格式中没有依申请情况表（表三），无法导入台账")
