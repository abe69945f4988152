"""Shipped as lib/nianbao_winenv.py: set up the process before the app starts (run by the Windows launchers)."""

from __future__ import annotations

import contextlib
import os
import sys


def setup() -> None:
    """UTF-8 console output; on Windows: fonts for Qt's offscreen platform (``--smoke``), no foreign Qt plugins."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")
    # On Windows, Qt's offscreen platform reads fonts only from QT_QPA_FONTDIR (default: a folder inside Qt
    # that does not exist), so without this a headless run renders no text. The normal "windows" platform
    # ignores the variable and uses the system's font service.
    if sys.platform != "win32":
        return
    if "QT_QPA_FONTDIR" not in os.environ:
        os.environ["QT_QPA_FONTDIR"] = os.path.join(os.environ.get("WINDIR", r"C:\Windows"), "Fonts")
    # Another Qt program's plugin folders, set for the whole PC, would make Qt load plugins of another
    # version ("no Qt platform plugin could be initialized"): we ship our own.
    for name in ("QT_PLUGIN_PATH", "QT_QPA_PLATFORM_PLUGIN_PATH"):
        os.environ.pop(name, None)
