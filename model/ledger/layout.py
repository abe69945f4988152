"""Where the header row is in a ledger's first rows, and which column holds what (a guess the clerk corrects)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from model.ledger.dates import BadDateError, parse_date
from model.ledger.vocab import Role, Vocabulary, norm

Row = Sequence[Any]
MIN_ROLES = 2  # a header row names at least two of the columns counting needs


@dataclass(frozen=True)
class Layout:
    """The header row (0-based among the sheet's rows), its texts, and the column (0-based) of each role."""

    header_row: int
    headers: tuple[str, ...]
    columns: dict[str, int | None] = field(default_factory=dict)
    header_rows: int = 1  # 2: a second header row under merged group labels (「申请人信息」 over 姓名, 类型)

    @property
    def first_data(self) -> int:
        """The index of the first row below the header."""
        return self.header_row + self.header_rows

    @property
    def where(self) -> str:
        """「第3行」 or 「第3—4行」: the header's rows as the sheet numbers them."""
        first = self.header_row + 1
        return f"第{first}行" if self.header_rows == 1 else f"第{first}—{first + self.header_rows - 1}行"

    @property
    def signature(self) -> str:
        """The same header texts in the same order: the same layout, whose mapping is remembered."""
        names = [norm(h) for h in self.headers]
        while names and not names[-1]:
            names.pop()
        return "|".join(names)

    def column(self, role: str) -> int | None:
        return self.columns.get(role)

    def with_column(self, role: str, column: int | None) -> Layout:
        """The layout with ``role`` in ``column`` (None: the ledger has no such column); a column has one role."""
        columns = {r: (None if c == column and column is not None else c) for r, c in self.columns.items()}
        columns[role] = column
        return replace(self, columns=columns)

    def named(self) -> dict[str, str]:
        """role → header text, to remember (by text, not by place)."""
        return {r: norm(self.headers[c]) for r, c in self.columns.items() if c is not None}


def _score(role: Role, header: str) -> int:
    if not header:
        return 0
    if header in role.exact:
        return 200 - role.exact.index(header)
    for index, word in enumerate(role.contains):
        if word in header:
            return 100 - index
    return 0


def _row_score(vocab: Vocabulary, row: Row) -> int:
    texts = [norm(v) for v in row if isinstance(v, str)]
    return sum(1 for t in texts if any(_score(role, t) for role in vocab.roles))


def find_header(vocab: Vocabulary, rows: Sequence[Row]) -> int | None:
    """The index of the row most like a header among the first rows (title rows above it are skipped)."""
    best, best_score = None, MIN_ROLES - 1
    for index, row in enumerate(rows[: vocab.header_search_rows]):
        score = _row_score(vocab, row)
        if score > best_score:
            best, best_score = index, score
    return best


def guess(
    vocab: Vocabulary, rows: Sequence[Row], remembered: dict[str, dict[str, str]] | None = None
) -> Layout:
    """The header row and the column of each role: as remembered for this layout, else by the header words."""
    index = find_header(vocab, rows)
    if index is None:
        return Layout(-1, (), {role.key: None for role in vocab.roles})
    if (
        index > 0
        and _row_score(vocab, rows[index - 1]) >= MIN_ROLES
        and _second_header(vocab, rows, index - 1)
    ):
        index -= 1  # the row found is the lower of two header rows
    return fit(vocab, rows, index, remembered)


def _texts(row: Row) -> list[str]:
    return ["" if v is None else str(v).strip() for v in row]


def _second_header(vocab: Vocabulary, rows: Sequence[Row], index: int) -> bool:
    """The row under the header names columns too, and holds no date or number: a second header row."""
    if index + 1 >= len(rows):
        return False
    below = [v for v in rows[index + 1] if v is not None and str(v).strip()]
    if not below or not all(isinstance(v, str) for v in below):
        return False
    if any(_is_date(v) for v in below):
        return False
    return _row_score(vocab, rows[index + 1]) > 0


def _is_date(value: object) -> bool:
    try:
        return parse_date(value) is not None
    except BadDateError:
        return False  # text that is no date: a label


def fit(
    vocab: Vocabulary, rows: Sequence[Row], index: int, remembered: dict[str, dict[str, str]] | None = None
) -> Layout:
    """The layout with its header at row ``index`` (and the row below it, when that is a second header row)."""
    upper = _texts(rows[index]) if index < len(rows) else []
    count = 2 if _second_header(vocab, rows, index) else 1
    if count == 2:
        lower = _texts(rows[index + 1])
        width = max(len(upper), len(lower))
        upper += [""] * (width - len(upper))
        lower += [""] * (width - len(lower))
        upper = [low or up for up, low in zip(upper, lower)]
    layout = Layout(index, tuple(upper), header_rows=count)
    known = (remembered or {}).get(layout.signature)
    if known is not None:
        texts = [norm(h) for h in layout.headers]
        columns = {
            r.key: (texts.index(known[r.key]) if known.get(r.key) in texts else None) for r in vocab.roles
        }
        return replace(layout, columns=columns)
    return replace(layout, columns=_assign(vocab, [norm(h) for h in layout.headers]))


def _assign(vocab: Vocabulary, texts: list[str]) -> dict[str, int | None]:
    """Roles to columns, the best-scoring pairs first (「受理编号」 is the number, not the received date)."""
    pairs = sorted(
        ((_score(role, text), -col, role.key, col) for role in vocab.roles for col, text in enumerate(texts)),
        reverse=True,
    )
    columns: dict[str, int | None] = {role.key: None for role in vocab.roles}
    taken: set[int] = set()
    for score, _, role_key, col in pairs:
        if score and columns[role_key] is None and col not in taken:
            columns[role_key] = col
            taken.add(col)
    return columns
