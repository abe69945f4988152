"""The words every part uses alike, read once from resources/vocabulary.json: 机关层级, the severity names, the
filed copy's signature block."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def _load() -> dict[str, Any]:
    text = resources.files("resources").joinpath("vocabulary.json").read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


_DATA = _load()

LEVELS: tuple[str, ...] = tuple(_DATA["levels"])  # 机关层级, in the order the forms list them
DEFAULT_LEVEL: str = _DATA["default_level"]
SEVERITY_NAMES: dict[str, str] = dict(_DATA["severities"])  # error → 错误, warning → 警告, info → 提示
SEVERITIES: tuple[str, ...] = tuple(SEVERITY_NAMES)  # most severe first
SIGNATURE: tuple[str, ...] = tuple(_DATA["signature"])  # the signature block of the filed copy (备案稿)
