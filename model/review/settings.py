"""What the desk takes from resources/review.json: the review file's name, the levels by scope, the tables summed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from model.vocabulary import LEVELS


@dataclass(frozen=True)
class DeskSettings:
    review_file: str  # the marks beside the reports: 审核记录.nianbao-review
    region_levels: tuple[
        str, ...
    ]  # a report of these levels covers a whole region: never summed with its units
    lower_levels: tuple[str, ...]  # not 本级机关 (乡镇街道)
    sum_tables: tuple[str, ...]  # summed whole
    partial_tables: tuple[
        str, ...
    ]  # summed where the figures add up (规章 only from units that may make them)
    stock_columns: tuple[str, ...]  # counts of what stands (现行有效件数): summed, but flagged for review
    scopes: dict[str, str]  # "region" → 全区域, "own" → 本级机关


@lru_cache(maxsize=1)
def desk_settings() -> DeskSettings:
    """The settings, checked once: every level named is one of the vocabulary's."""
    text = resources.files("resources").joinpath("review.json").read_text(encoding="utf-8")
    data = json.loads(text)
    for key in ("region_levels", "lower_levels"):
        unknown = set(data[key]) - set(LEVELS)
        if unknown:
            raise ValueError(f"review.json {key}: unknown levels {sorted(unknown)}")
    return DeskSettings(
        data["review_file"],
        tuple(data["region_levels"]),
        tuple(data["lower_levels"]),
        tuple(data["sum_tables"]),
        tuple(data["partial_tables"]),
        tuple(data["stock_columns"]),
        dict(data["scopes"]),
    )
