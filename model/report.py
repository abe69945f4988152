"""The report being drafted: metadata, prose, the values typed in, and the totals computed from them."""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from model.formats import Format, format_for_year, load_format
from model.packs import format_with_pack
from model.values import Value, parse_value
from model.vocabulary import DEFAULT_LEVEL, LEVELS

if TYPE_CHECKING:  # a ledger is read only where a draft has one
    from model.ledger.source import LedgerSource


def agency_key(name: str) -> str:
    """An agency name for comparison: full-width forms folded, white space (also 「　」) dropped."""
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", name))


__all__ = ["LEVELS", "Contact", "Report"]


@dataclass
class Contact:
    """Where the public addresses questions about the report (the standard opening paragraph)."""

    office: str = ""
    address: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""

    FIELDS = ("office", "address", "postcode", "phone", "email", "website")
    LABELS = ("联系部门", "地址", "邮编", "电话", "电子邮箱", "网站")


@dataclass
class Report:
    """One year's report of one agency; blank cells are absent from ``values``, never 0."""

    format_id: str
    year: int
    agency: str = ""
    level: str = DEFAULT_LEVEL
    contact: Contact = field(default_factory=Contact)
    prose: dict[str, str] = field(default_factory=dict)
    values: dict[str, Value] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    stated: dict[str, Value | None] = field(default_factory=dict)
    invalid: dict[str, str] = field(default_factory=dict)
    previous: Report | None = None
    previous_source: str = ""
    published: datetime.date | None = None  # the date the report was published (from a web page), if known
    ledger: LedgerSource | None = None  # the 依申请台账 table 三 was counted from (model/ledger/source.py)
    # a roll-up's cells: each unit's contribution as (unit, file, value as text) — model/review/rollup.py
    provenance: dict[str, tuple[tuple[str, str, str], ...]] = field(default_factory=dict)
    pack: str = ""  # the rule pack (执行口径) checked besides the format's rules; "" for national rules only
    sign_off_date: datetime.date | None = None  # 落款日期: the date the 落款 carries; None: the day of export
    # a document read back: its title and opening paragraph as printed ("" in a draft, whose title and opening the
    # app writes); the hygiene rules check them (model/hygiene.py); not saved in drafts, not part of equality
    printed_title: str = field(default="", compare=False)
    opening: str = field(default="", compare=False)
    _totals: dict[str, Value | None] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def new(
        cls, year: int, agency: str = "", level: str = DEFAULT_LEVEL, format_id: str | None = None
    ) -> Report:
        """A blank report in the format of its year unless another is asked for."""
        return cls(format_id or format_for_year(year).id, year, agency, level)

    @property
    def fmt(self) -> Format:
        """The report's format, with the rules of its pack (model/packs.py) when one is chosen."""
        return format_with_pack(self.format_id, self.pack) if self.pack else load_format(self.format_id)

    @property
    def title(self) -> str:
        return f"{self.agency}{self.year}年政府信息公开工作年度报告"

    def changed(self) -> None:
        """Forget computed totals; call after changing ``values`` directly."""
        self._totals = None

    def totals(self) -> dict[str, Value | None]:
        """Every computed cell from the inputs: blank when all its parts are blank."""
        if self._totals is None:
            fmt = self.fmt
            out: dict[str, Value | None] = {}
            values = self.values
            for cell_id in fmt.total_order:
                parts = [out[p] if p in out else values.get(p) for p in fmt.totals[cell_id].parts]
                present = [p for p in parts if p is not None]
                out[cell_id] = _sum(present) if present else None
            self._totals = out
        return self._totals

    def value(self, cell_id: str) -> Value | None:
        """What the cell holds: the input, or the computed total."""
        if cell_id in self.fmt.totals:
            return self.totals()[cell_id]
        return self.values.get(cell_id)

    def effective(self, cell_id: str) -> Value | None:
        """The value the rules use: a stated total where one was printed, else the computed one."""
        stated = self.stated.get(cell_id)
        return stated if stated is not None else self.value(cell_id)

    def set_value(self, cell_id: str, value: Value | None, unit: str | None = None) -> None:
        """Store an input value (None clears the cell)."""
        if cell_id not in self.fmt.cells:
            raise KeyError(cell_id)
        if cell_id in self.fmt.totals:
            raise ValueError(f"{cell_id} is computed")
        self.invalid.pop(cell_id, None)
        if value is None:
            self.values.pop(cell_id, None)
            self.units.pop(cell_id, None)
        else:
            self.values[cell_id] = value
            if unit:
                self.units[cell_id] = unit
            elif self.fmt.cells[cell_id].kind != "money":
                self.units.pop(cell_id, None)
        self._totals = None

    def set_text(self, cell_id: str, text: str) -> Value | None:
        """Parse and store what a clerk typed; raises InputError (Chinese message) and changes nothing."""
        spec = self.fmt.cells[cell_id]
        value, unit = parse_value(text, spec.kind, spec.name)
        self.set_value(cell_id, value, unit)
        return value

    def input_ids(self) -> list[str]:
        return self.fmt.input_ids()

    def copy(self) -> Report:
        """An independent copy (the previous report is shared, it is not edited through this one)."""
        return Report(
            self.format_id,
            self.year,
            self.agency,
            self.level,
            Contact(**{f: getattr(self.contact, f) for f in Contact.FIELDS}),
            dict(self.prose),
            dict(self.values),
            dict(self.units),
            dict(self.stated),
            dict(self.invalid),
            self.previous,
            self.previous_source,
            self.published,
            pack=self.pack,
            sign_off_date=self.sign_off_date,
            printed_title=self.printed_title,
            opening=self.opening,
            ledger=self.ledger,
            provenance=dict(self.provenance),
        )

    @classmethod
    def from_format(cls, format_id: str, year: int) -> Report:
        load_format(format_id)  # raises KeyError for an unknown format
        return cls(format_id, year)


def _sum(values: list[Value]) -> Value:
    if any(isinstance(v, Decimal) for v in values):
        return sum((Decimal(v) for v in values), Decimal(0))
    return sum(values)
