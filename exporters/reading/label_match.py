"""Loose matching of printed table labels against the official wording of one table of one format."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from model.formats import TableSpec, load_format, on_reload
from model.ideographs import unify
from model.values import ZERO_WORDS

MIN_RATIO = 0.795  # difflib ratio from which a misprinted label is still taken for the official one
NOTE_RATIO = 0.9  # a label that differs only by a trailing note in brackets, or by a variant character
_VARIANTS = str.maketrans("它帐", "他账")  # common variant characters (「其它」 for 「其他」)

_QUOTES = str.maketrans({c: '"' for c in "“”„‟″〝〞＂「」『』"} | {c: "'" for c in "‘’‚‛′"})
_SPACE = re.compile(r"[\s\u3000\u00a0\u200b\ufeff]+")
_ARABIC = re.compile(r"^(?:\((\d+)\)|(\d+)\s*[.、,])")
_HAN_NUMBER = re.compile(r"^([一二三四五六七八九十]+)[.、,，]")
_NOTE = re.compile(r"\([^()]*\)$")
_NUMBER = re.compile(r"^[+-]?[\d,]*\.?\d+(万元|元|亿元)?$")
# A cell's text longer than this is no label (the official ones have at most 40 characters): it is neither matched
# nor normalised whole, and no cache keeps it (a hostile cell of megabytes cost seconds at every comparison).
MAX_LABEL_TEXT = 300


def canon(text: str) -> str:
    """The comparable form of a label: NFKC, no spaces or line breaks, one style of numbering and quotes (of the
    first ``MAX_LABEL_TEXT`` characters)."""
    return _canon(text[:MAX_LABEL_TEXT])


@lru_cache(maxsize=8192)
def _canon(text: str) -> str:
    text = _SPACE.sub("", unicodedata.normalize("NFKC", unify(text)).translate(_QUOTES))
    text = _ARABIC.sub(lambda m: f"{m.group(1) or m.group(2)}.", text, count=1)
    return _HAN_NUMBER.sub(lambda m: f"{m.group(1)}、", text, count=1).rstrip(":：")


def looks_like_value(text: str) -> bool:
    """Numbers, zero words and blanks: what a value cell holds, never a label (told by the first
    ``MAX_LABEL_TEXT`` characters: a long run of digits is a misprinted value)."""
    return _looks_like_value(text[:MAX_LABEL_TEXT])


@lru_cache(maxsize=8192)
def _looks_like_value(text: str) -> bool:
    core = canon(text)
    return core == "" or core in ZERO_WORDS or bool(_NUMBER.match(core))


@dataclass(frozen=True)
class Label:
    """One official label of a table: its wording, role and the grid rows it covers in the format."""

    text: str
    role: str  # "title", "header", "row" (names one data row), "group" (spans several data rows)
    rows: tuple[int, ...]
    col: int


@dataclass(frozen=True)
class Hit:
    """A printed label taken for an official one; ``ratio`` 1.0 when the wording is the official one."""

    label: Label
    printed: str
    ratio: float

    @property
    def exact(self) -> bool:
        return self.ratio >= 1.0


@dataclass(frozen=True)
class Inventory:
    """Every label of one table of one format, by canonical form."""

    format_id: str
    table_key: str
    labels: dict[str, Label]

    @property
    def size(self) -> int:
        return len(self.labels)

    @cached_property
    def longest(self) -> int:
        """Characters of the longest canonical label."""
        return max(map(len, self.labels), default=0)


def _labels(table: TableSpec) -> dict[str, Label]:
    out: dict[str, Label] = {}
    for row in table.rows:
        texts = [c for c in row.cells if not c.is_value and c.text]
        specific = max((c for c in texts if c.rowspan == 1), key=lambda c: c.col, default=None)
        for cell in texts:
            covered = tuple(range(cell.row, cell.row + cell.rowspan))
            if row.role == "data":
                role = "row" if cell is specific else "group"
            else:
                role = row.role
            out.setdefault(canon(cell.text), Label(cell.text, role, covered, cell.col))
    return out


@cache
def inventory(format_id: str, table_key: str) -> Inventory:
    """The labels of one table, read from the format file."""
    return Inventory(format_id, table_key, _labels(load_format(format_id).table(table_key)))


def match(format_id: str, table_key: str, printed: str) -> Hit | None:
    """The official label a printed text stands for, exactly or approximately; None for values and strangers."""
    if len(printed) > MAX_LABEL_TEXT or looks_like_value(printed):
        return None
    return _match(format_id, table_key, printed)


@lru_cache(maxsize=16384)
def _match(format_id: str, table_key: str, printed: str) -> Hit | None:
    table = inventory(format_id, table_key)
    labels = table.labels
    key = canon(printed)
    if key in labels:
        return Hit(labels[key], printed, 1.0)
    bare = _NOTE.sub("", key).translate(_VARIANTS)
    for official_key, label in labels.items():
        if bare and (bare == _NOTE.sub("", official_key).translate(_VARIANTS)):
            return Hit(label, printed, NOTE_RATIO)
    if len(key) * MIN_RATIO > table.longest * (2 - MIN_RATIO):
        return None  # too long for any label to reach MIN_RATIO; difflib would still index all of it first
    best: tuple[float, Label] | None = None
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(key)
    for official_key, label in labels.items():
        matcher.set_seq1(official_key)
        if matcher.real_quick_ratio() < MIN_RATIO or matcher.quick_ratio() < MIN_RATIO:
            continue
        ratio = matcher.ratio()
        if ratio >= MIN_RATIO and (best is None or ratio > best[0]):
            best = (ratio, label)
    return Hit(best[1], printed, best[0]) if best else None


on_reload(inventory.cache_clear)
on_reload(_match.cache_clear)
