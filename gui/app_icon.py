"""The app's icon (a red 年), read once from resources — light, for QApplication before the window's modules load."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon


@cache
def app_icon() -> QIcon:
    """The 256-pixel PNG (the SVG where it is missing: it would load Qt's SVG plugin at start-up)."""
    from importlib import resources

    folder = resources.files("resources")
    for name in ("nianbao.png", "nianbao.svg"):
        item = folder.joinpath(name)
        if item.is_file():
            return QIcon(str(item))
    return QIcon()
