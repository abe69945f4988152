"""After an export: open a file in its program, or show it in its folder (Explorer selects it on Windows).

Tests replace ``open_url`` and ``launch`` (module attributes, looked up at each call) so that nothing starts.
"""

from __future__ import annotations

import ntpath
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices


def open_url(url: QUrl) -> bool:
    """The desktop's program for a file or folder URL."""
    return QDesktopServices.openUrl(url)


def launch(command: str | list[str]) -> None:
    """Start a program and leave it running (no shell; on Windows a string is the command line as given)."""
    subprocess.Popen(command)  # a fixed program; the path is its argument


def explorer_command(path: Path) -> str:
    """``explorer /select,"C:\\…\\报告.docx"``: Explorer wants the quotes after the comma, so the command line is
    written out whole rather than quoted argument by argument."""
    return f'explorer /select,"{ntpath.normpath(path)}"'


def open_file(path: Path) -> None:
    """打开文件: the file in Word, WPS or Excel (whatever opens it on this computer)."""
    open_url(QUrl.fromLocalFile(str(path)))


def show_in_folder(path: Path, platform: str = sys.platform) -> None:
    """打开所在文件夹: on Windows Explorer with the file selected, elsewhere the folder."""
    if platform == "win32":
        launch(explorer_command(path))
    else:
        open_url(QUrl.fromLocalFile(str(path.parent)))
