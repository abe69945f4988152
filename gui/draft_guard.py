"""The window's hold on its draft: the lock beside the file while it is open, read-only when someone else has it,
and no save over a draft that another program saved since (both send 保存 to 另存为)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget

from gui.export_dialogs import MIN_TEXT_EM
from model.draft_lock import (
    REFRESH_SECONDS,
    DraftChangedError,
    DraftLock,
    DraftLockedError,
    Owner,
    Stamp,
    changed_since,
    holder,
    stamp,
)

if TYPE_CHECKING:
    from gui.main_window import MainWindow

READ_ONLY_MARK = "（只读）"  # after the file name in the window title


class DraftGuard(QObject):
    """Locks the window's draft while it is shown; says who has it when it is opened read-only."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.path: Path | None = None
        self.lock: DraftLock | None = None
        self.other: Owner | None = None  # who has the draft open, when it was opened read-only here
        self.stamp: Stamp | None = None
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(REFRESH_SECONDS * 1000)
        self.heartbeat.timeout.connect(self._refresh)
        self.label = QLabel(f"<b style='color:#b00'>{READ_ONLY_MARK.strip('（）')}</b>")  # in the status bar
        self.label.setVisible(False)
        window.statusBar().addPermanentWidget(self.label)

    @property
    def read_only(self) -> bool:
        return self.other is not None

    def title_mark(self) -> str:
        return READ_ONLY_MARK if self.read_only else ""

    def attach(self, path: str | None) -> None:
        """The window now shows ``path`` (None: a report with no draft): let go of the last one, lock this one."""
        self.release()
        if not path:
            return
        self.path = Path(path)
        self.stamp = stamp(self.path)
        other = self._lock(self.path)
        if other is not None and self.lock is not None:
            text = (
                f"{other.sentence(self.lock.me)}。已以只读方式打开：可以查看和修改，保存时请另存为其他文件。"
            )
            if self.window.dialogs.open_locked(self.window, text):
                self._take_over()
                return
            self._show(other)

    def release(self) -> None:
        """The draft is closed (another shown, the window closed): remove our lock."""
        self.heartbeat.stop()
        if self.lock is not None:
            self.lock.release()
        self.path, self.lock, self.stamp = None, None, None
        self._show(None)

    def before_save(self, path: str) -> None:
        """Refuse (ReadOnlyDraftError, so 保存 offers 另存为) a save over a draft open elsewhere or changed on disk."""
        target = Path(path)
        name = target.name
        if not self._is_ours(target):
            other = holder(target)
            if other is not None:
                raise DraftLockedError(f"{other.sentence()}，不能保存到“{name}”，请另存为其他文件")
            return
        if self.other is not None or (self.lock is not None and self.lock.held and not self.lock.refresh()):
            other = self.other or holder(target)
            who = other.sentence(self.lock.me if self.lock else None) if other else "该草稿正由其他人打开"
            raise DraftLockedError(f"{who}，本窗口是只读的，不能保存到“{name}”，请另存为其他文件")
        if changed_since(target, self.stamp):
            raise DraftChangedError(
                f"“{name}”在打开后已被其他程序或其他人修改并保存。为免覆盖对方的修改，没有保存到这个文件，"
                "请另存为其他文件，再比较两份内容"
            )

    def saved(self, path: str) -> None:
        """A save went through: the draft is ``path`` now, ours and as saved."""
        target = Path(path)
        if not self._is_ours(target) or self.other is not None:
            self.release()
            self.path = target
            self._lock(target)
            self._show(None)  # we just wrote it: whoever held it before, this window's copy is the file
        self.stamp = stamp(target)

    # ---- inside ----------------------------------------------------------------------------------
    def _is_ours(self, target: Path) -> bool:
        if self.path is None:
            return False
        try:
            return os.path.samefile(self.path, target)
        except OSError:
            return os.path.abspath(self.path) == os.path.abspath(target)

    def _lock(self, path: Path) -> Owner | None:
        """Take the lock on ``path``; who else has it, or None. A folder that takes no lock file: no lock."""
        lock = DraftLock(path)
        try:
            other = lock.acquire()
        except OSError:
            self.lock = None
            return None
        self.lock = lock
        if other is None:
            self.heartbeat.start()
        return other

    def _take_over(self) -> None:
        assert self.lock is not None
        try:
            self.lock.take_over()
        except OSError:
            return
        self._show(None)
        self.heartbeat.start()

    def _show(self, other: Owner | None) -> None:
        """Read-only because ``other`` has the draft (None: not read-only): 只读 in the status bar, who in its tip."""
        self.other = other
        self.label.setVisible(other is not None)
        if other is not None:
            me = self.lock.me if self.lock else None
            self.label.setToolTip(f"{other.sentence(me)}，已以只读方式打开，保存时请另存为其他文件")
            self.window.statusBar().showMessage(f"{other.sentence(me)}，已以只读方式打开", 15000)

    def _refresh(self) -> None:
        if self.lock is not None and self.other is None:
            self.lock.refresh()


def locked_box(parent: QWidget | None, text: str) -> tuple[QMessageBox, QPushButton]:
    """The box saying who has the draft open; the box and its 「仍然编辑」 button (只读 is the default)."""
    box = QMessageBox(QMessageBox.Icon.Information, "草稿已被打开", text, parent=parent)
    box.setStyleSheet(
        f"QLabel#qt_msgbox_label {{ min-width: {MIN_TEXT_EM}em; }}"
    )  # the sentence on two lines
    box.setInformativeText("如果确定对方已经关闭了这个草稿（如那台电脑已关机），可以选择“仍然编辑”。")
    read_only = box.addButton("以只读方式打开(&R)", QMessageBox.ButtonRole.AcceptRole)
    anyway = box.addButton("仍然编辑(&E)", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(read_only)
    box.setEscapeButton(read_only)
    return box, anyway
