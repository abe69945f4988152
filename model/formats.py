"""The formats there are: every JSON file in resources/formats (and in $NIANBAO_FORMATS), found, not listed.

A file is a format; ``"official": true`` marks the two the State Council's office issued (2019 试行, 2021), which
are what a new report of their years gets. Any other file is a variant the user may pick: it ``"extends"`` another
(model/format_extend.py) and belongs to that format's *family* — the official format at the root, whose tables the
readers recognise first before they look for the variant's own rows.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, NamedTuple

from model.format_extend import extend
from model.format_spec import (
    KINDS,
    CellSpec,
    Format,
    FormatError,
    GridCell,
    GridRow,
    RuleSpec,
    SectionSpec,
    TableSpec,
    Total,
    build_format,
)
from model.limits import MAX_FORMAT_ID

__all__ = [
    "KINDS",
    "CellSpec",
    "Format",
    "FormatError",
    "FormatSummary",
    "GridCell",
    "GridRow",
    "RuleSpec",
    "SectionSpec",
    "TableSpec",
    "Total",
    "build_format",
    "definition",
    "family_ids",
    "format_dirs",
    "format_for_year",
    "format_ids",
    "format_summary",
    "load_format",
    "on_reload",
    "own_definition",
    "pack_ids",
    "reload_formats",
    "variants_of",
]

ENV_FORMATS = "NIANBAO_FORMATS"  # more folders of format files (a province's variant, a local rule pack)
MAX_EXTENDS = 8


class FormatSummary(NamedTuple):
    """What a format is called, the years it is for and whose variant it is, read without building its tables."""

    id: str
    name: str
    notice: str
    years: tuple[int, int | None]
    official: bool = False
    extends: str | None = None
    family: str = ""

    def fits_year(self, year: int) -> bool:
        first, last = self.years
        return year >= first and (last is None or year <= last)

    @property
    def label(self) -> str:
        """How lists show it: 「2021年格式（国办公开办函〔2021〕30号）」."""
        return f"{self.name}（{self.notice}）"


def format_dirs() -> list[Traversable]:
    """Where format files are looked for: the built-in resources/formats and resources/packs (rule packs), then
    each folder in $NIANBAO_FORMATS."""
    dirs: list[Traversable] = [resources.files("resources.formats"), resources.files("resources.packs")]
    extra = os.environ.get(ENV_FORMATS, "")
    dirs += [Path(p) for p in extra.split(os.pathsep) if p.strip()]
    return dirs


def _files(dirs: Iterable[Traversable]) -> dict[str, tuple[Traversable, dict[str, Any]]]:
    found: dict[str, tuple[Traversable, dict[str, Any]]] = {}
    for folder in dirs:
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir(), key=lambda p: p.name):
            if not path.name.endswith(".json") or not path.is_file():
                continue
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (ValueError, UnicodeDecodeError) as exc:
                raise FormatError(f"格式或执行口径文件“{path.name}”不是有效的 JSON 文件：{exc}") from exc
            if not isinstance(data, dict) or not isinstance(data.get("id"), str):
                raise FormatError(f'{path.name}: a format file needs an "id"')
            if not 0 < len(data["id"]) <= MAX_FORMAT_ID:  # a draft stores it and refuses a longer one
                raise FormatError(f"{path.name}: a format id has 1 to {MAX_FORMAT_ID} characters")
            if data["id"] in found:
                raise FormatError(f"{path.name}: format id {data['id']!r} is defined twice")
            found[data["id"]] = (path, data)
    return found


@cache
def _catalogue() -> dict[str, tuple[Traversable, dict[str, Any]]]:
    return _files(format_dirs())


@cache
def _resolved(format_id: str) -> dict[str, Any]:
    """The full definition of a format: its own file, or its base's with its changes applied."""
    chain: list[dict[str, Any]] = []
    current: str | None = format_id
    while current is not None:
        entry = _catalogue().get(current)
        if entry is None:
            if not chain:
                raise KeyError(format_id)
            raise FormatError(f"format {chain[-1]['id']!r} extends {current!r}, which does not exist")
        chain.append(entry[1])
        current = entry[1].get("extends")
        if len(chain) > MAX_EXTENDS:
            raise FormatError(f'format {format_id!r}: "extends" goes round in a circle or too deep')
    data = dict(chain[-1])
    data.setdefault("family", data["id"])
    for variant in reversed(chain[:-1]):
        data = extend(data, variant)
    return data


@cache
def load_format(format_id: str) -> Format:
    """The format with this id (a file in a formats folder); KeyError when there is none."""
    return build_format(_resolved(format_id))


@cache
def format_summary(format_id: str) -> FormatSummary:
    """The name, notice, years and family of a format, without building it (a faster start; lists of formats)."""
    data = _resolved(format_id)
    first, last = data["years"]
    return FormatSummary(
        data["id"],
        data["name"],
        data["notice"],
        (int(first), None if last is None else int(last)),
        bool(data.get("official", False)),
        data.get("extends"),
        data["family"],
    )


def format_ids() -> tuple[str, ...]:
    """Every format: the official ones newest first, each followed by its variants, then the rest."""
    summaries = [format_summary(i) for i, (_, data) in _catalogue().items() if not data.get("pack")]
    roots = sorted(
        (s for s in summaries if s.extends is None), key=lambda s: (not s.official, -s.years[0], s.id)
    )
    out: list[str] = []
    for root in roots:
        out.append(root.id)
        out += sorted(s.id for s in summaries if s.family == root.id and s.id != root.id)
    return tuple(out)


def pack_ids() -> tuple[str, ...]:
    """Every rule pack (a format file with ``"pack": true``) in the format folders, by id."""
    return tuple(sorted(i for i, (_, data) in _catalogue().items() if data.get("pack")))


def definition(format_id: str) -> dict[str, Any]:
    """The full JSON definition of a format (its base's with its changes applied); shared: do not change it."""
    return _resolved(format_id)


def own_definition(format_id: str) -> tuple[str, dict[str, Any]]:
    """The file name and the JSON of one format file as written (a variant's or a pack's changes only)."""
    path, data = _catalogue()[format_id]
    return path.name, data


def family_ids() -> tuple[str, ...]:
    """The formats that extend none: the readers tell these apart by their tables first."""
    return tuple(i for i in format_ids() if format_summary(i).extends is None)


def variants_of(family: str) -> tuple[str, ...]:
    """The variants of an official format (everything whose root is ``family``, but itself)."""
    return tuple(i for i in format_ids() if i != family and format_summary(i).family == family)


def format_for_year(year: int) -> Format:
    """The official format for a report year: 2019 试行 up to 2020, 2021 from then on (read from the files)."""
    candidates = [format_summary(i) for i in format_ids()]
    for wanted in (lambda s: s.official, lambda s: s.extends is None, lambda s: True):
        fitting = [s for s in candidates if wanted(s) and s.fits_year(year)]
        if fitting:
            return load_format(max(fitting, key=lambda s: s.years[0]).id)
    official = [s for s in candidates if s.official] or candidates
    return load_format(min(official, key=lambda s: _distance(s, year)).id)


def _distance(summary: FormatSummary, year: int) -> int:
    first, last = summary.years
    return first - year if year < first else 0 if last is None else max(0, year - last)


_RELOAD_HOOKS: list[Callable[[], object]] = []


def on_reload(hook: Callable[[], object]) -> None:
    """Call ``hook`` (a cache's ``cache_clear``) whenever the formats are read again."""
    _RELOAD_HOOKS.append(hook)


def reload_formats() -> None:
    """Read the format folders again (after $NIANBAO_FORMATS changed, or a file was added)."""
    for cached in (_catalogue, _resolved, load_format, format_summary):
        cached.cache_clear()
    for hook in _RELOAD_HOOKS:
        hook()
