"""Reading a file off the GUI thread: the window keeps painting, and a slow read gets a progress dialog with 取消.

The work (``read_any`` and the like, Qt-free) runs in a daemon thread; the GUI thread waits in a local event loop,
so the caller stays synchronous (``Files.open_path`` returns the outcome, as before) while the window repaints.
For the first ``SHOW_AFTER_MS`` no user input is taken (a fast read looks instant and cannot be interrupted);
then a window-modal 「正在读取 文件名…」 dialog appears, which blocks input to the window until the read ends or the
clerk presses 取消: that returns at once with ``ReadCancelledError``, the window as it was, the thread's result dropped.

Why a thread and not a child process: a process could be killed, but on Windows every read would pay a fresh
interpreter's start-up and imports (about a second on a clerk's PC) and the report's pickling; the readers are
bounded instead (the limits of ``exporters/reading/safe_zip.py``, ``exporters/pdf/safe_pdf.py``, the sheet walks;
``tests/fuzz`` holds every reader to 5 s and 500 MB on damaged files), so an abandoned read ends by itself soon.
The worker touches no Qt object; the GUI thread polls its future.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, wait
from typing import Protocol, TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
SHOW_AFTER_MS = 300  # a read shorter than this shows no dialog
POLL_MS = 15
QUICK_S = 0.04  # waited for at once: shorter than a frame's worth of lag the clerk could notice
NAME_CHARS = 60  # of a file name in the dialog


class ReadCancelledError(Exception):
    """The clerk pressed 取消: nothing was changed, the read's result will be dropped."""


class ProgressSeam(Protocol):
    """The part of the dialog seam (``gui/dialogs.py``) the wait uses."""

    def reading(self, parent: QWidget | None, text: str) -> QProgressDialog: ...


def reading_text(name: str) -> str:
    """The progress dialog's sentence for a file (or 「剪贴板中的内容」); a very long name keeps its two ends."""
    if len(name) > NAME_CHARS:
        name = f"{name[: NAME_CHARS - 16]}…{name[-15:]}"
    return f"正在读取 {name}…"


def progress_dialog(parent: QWidget | None, text: str) -> QProgressDialog:
    """A busy indicator with 取消, not yet shown; modal to the window it belongs to."""
    dialog = QProgressDialog(text, "取消", 0, 0, parent)
    dialog.setWindowTitle("年报助手")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(360)
    return dialog


def start(work: Callable[[], T]) -> Future[T]:
    """Run ``work`` in a daemon thread (an abandoned read never holds up quitting); its outcome in the future."""
    future: Future[T] = Future()

    def run() -> None:
        future.set_running_or_notify_cancel()
        try:
            future.set_result(work())
        except BaseException as exc:  # noqa: BLE001 - handed over to the GUI thread, which re-raises it
            future.set_exception(exc)

    threading.Thread(target=run, name="nianbao-read", daemon=True).start()
    return future


def run(work: Callable[[], T], parent: QWidget | None, text: str, seam: ProgressSeam) -> T:
    """``work()`` computed off the GUI thread; raises what it raised, or ``ReadCancelledError`` when the clerk cancels."""
    future = start(work)
    wait([future], timeout=QUICK_S)  # most reads (a draft) end here, with no event loop turned
    if future.done():
        return future.result()
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(POLL_MS)
    poll.timeout.connect(lambda: loop.quit() if future.done() else None)
    poll.start()
    QTimer.singleShot(SHOW_AFTER_MS - round(QUICK_S * 1000), loop, loop.quit)
    try:
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        if not future.done():
            _wait_with_dialog(loop, future, seam.reading(parent, text))
    finally:
        poll.stop()
    return future.result()


def _wait_with_dialog(loop: QEventLoop, future: Future[T], dialog: QProgressDialog) -> None:
    cancelled: list[bool] = []

    def cancel() -> None:
        cancelled.append(True)
        loop.quit()

    dialog.canceled.connect(cancel)
    dialog.show()
    try:
        while not future.done() and not cancelled:
            loop.exec()
    finally:
        dialog.canceled.disconnect(cancel)
        dialog.hide()
        dialog.deleteLater()
    if cancelled:
        raise ReadCancelledError
