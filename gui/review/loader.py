"""Reading a folder without blocking the window: a thread walks ``nianbao.review.read_folder`` (worker processes
for a folder's worth), the window takes the results from a queue on a timer, and 取消 stops between files."""

from __future__ import annotations

import queue
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from model.review.entry import Entry

POLL_MS = 100


class FolderLoader(QObject):
    """``entries`` with each batch that arrived, ``progress`` (done, total), ``finished`` (cancelled or not)."""

    entries = Signal(list)
    progress = Signal(int, int)
    finished = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: queue.Queue[Entry | None] = queue.Queue()
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._take)
        self.total = self.done = 0

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self, files: list[Path], workers: int | None = None) -> None:
        self.total, self.done = len(files), 0
        self._cancel.clear()
        self._thread = threading.Thread(target=self._read, args=(files, workers), daemon=True)
        self._thread.start()
        self._timer.start()
        self.progress.emit(0, self.total)

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self) -> None:
        """Until the thread ended (closing the window, tests)."""
        if self._thread is not None:
            self._thread.join()
            self._take()

    def _read(self, files: list[Path], workers: int | None) -> None:
        from nianbao.review import read_folder

        results = read_folder(files, workers)
        try:
            for entry in results:
                self._queue.put(entry)
                if self._cancel.is_set():
                    break
        finally:
            results.close()  # the pool's files not yet started are dropped
            self._queue.put(None)

    def _take(self) -> None:
        got: list[Entry] = []
        ended = False
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item is None:
                ended = True
                break
            got.append(item)
        if got:
            self.done += len(got)
            self.entries.emit(got)
            self.progress.emit(self.done, self.total)
        if ended:
            self._timer.stop()
            self._thread = None
            self.finished.emit(self._cancel.is_set())
