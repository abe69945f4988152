"""Access letters in the Windows style: 「另存为(&A)…」, one letter per entry, none twice in a menu."""

from __future__ import annotations

import re

import shiboken6
from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

_MARK = re.compile(r"&([^&\s])")


def with_key(text: str, letter: str) -> str:
    """「另存为…」 with A → 「另存为(&A)…」 (the letter before a trailing ellipsis); a text with a letter stays."""
    if _MARK.search(text.replace("&&", "")):
        return text
    tail = "…" if text.endswith("…") else ""
    return f"{text.removesuffix('…')}(&{letter.upper()}){tail}"


def letter_of(text: str) -> str | None:
    """The access letter of a menu text, upper-cased, or None."""
    found = _MARK.search(text.replace("&&", ""))
    return str(found.group(1)).upper() if found else None


def taken(menu: QMenu) -> set[str]:
    """The letters the menu's entries (and submenus) already use."""
    letters = (letter_of(action.text()) for action in menu.actions() if not action.isSeparator())
    return {letter for letter in letters if letter}


def free_letter(menu: QMenu, wanted: str) -> str:
    """The first letter of ``wanted`` (then A–Z, 1–9) that no entry of the menu uses yet."""
    used = taken(menu)
    for char in wanted.upper() + "ABCDEFGHIJKLMNOPQRSTUVWXYZ123456789":
        if char.isascii() and char.isalnum() and char not in used:
            return char
    return "Z"  # pragma: no cover - a menu of more than 35 entries


class KeepLetter(QObject):
    """Keeps the letter on an action whose text Qt rewrites (「撤销 粘贴(&U)」 for the undo stack's action); it
    lives as long as the action, so a late signal finds nothing to update."""

    def __init__(self, action: QAction, prefix: str, letter: str, changed: SignalInstance) -> None:
        super().__init__(action)
        self.action, self.prefix, self.letter = action, prefix, letter
        changed.connect(self.update)  # after Qt's own update of the text
        action.setText(with_key(action.text(), letter))

    def update(self, text: str) -> None:
        if shiboken6.isValid(self.action):  # the stack also speaks while the window is being taken down
            self.action.setText(with_key(f"{self.prefix} {text}".strip(), self.letter))
