"""Where the 审核 window's roster (名单) comes from: a list (.txt, .xlsx), read at once, or last year's folder of
reports, read in the background like the folder under review; ``names`` is emitted with the units found."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from gui.dialogs import Dialogs
from gui.review.loader import FolderLoader
from model.review.entry import Entry

ROSTER_FILTER = "名单 (*.txt *.xlsx)"


class RosterSource(QObject):
    """The 名单 button with its menu (a list, or last year's folder) and the reading of what was chosen."""

    names = Signal(list)
    reading = Signal(str)  # 「正在读取名单：…」 while a folder is read

    def __init__(self, parent: QWidget, dialogs: Dialogs, folder: Path) -> None:
        super().__init__(parent)
        self.parent_widget, self.dialogs, self.folder = parent, dialogs, folder
        self.button = QPushButton("名单(&L)")
        menu = QMenu(self.button)
        menu.addAction("名单文件（.txt、.xlsx）(&F)…", self.choose_file)
        menu.addAction("上年报告所在的文件夹(&D)…", self.choose_folder)
        self.button.setMenu(menu)
        self.loader = FolderLoader(self)
        self.entries: list[Entry] = []
        self.loader.entries.connect(self.entries.extend)
        self.loader.finished.connect(self._read)

    def choose_file(self) -> None:
        path = self.dialogs.open_file(self.parent_widget, "选择名单", str(self.folder), ROSTER_FILTER)
        if path:
            self.load(path)

    def choose_folder(self) -> None:
        """名单 from last year's reports: the units of the folder chosen."""
        title = "名单：选择上年报告所在的文件夹"
        path = self.dialogs.choose_folder(self.parent_widget, title, str(self.folder.parent))
        if path:
            self.load(path)

    def load(self, path: str) -> bool:
        """A roster file, read at once, or a folder of reports, read in the background; False when refused."""
        from nianbao.review import RosterError, folder_files, read_roster

        if Path(path).is_dir():
            files = folder_files(path)
            if not files:
                self._refuse(f"文件夹“{Path(path).name}”中没有报告")
                return False
            self.entries.clear()
            self.button.setEnabled(False)
            self.reading.emit(f"正在读取名单：{Path(path).name}中的{len(files)}个文件…")
            self.loader.start(files)
            return True
        try:
            names = read_roster(path)
        except RosterError as exc:
            self._refuse(str(exc))
            return False
        self.names.emit(names)
        return True

    def _read(self, cancelled: bool) -> None:
        from nianbao.review import roster_of

        self.button.setEnabled(True)
        names = roster_of(self.entries)
        if cancelled:
            return
        if not names:
            self._refuse("所选文件夹中没有可以读取机关名称的报告")
            return
        self.names.emit(names)

    def _refuse(self, text: str) -> None:
        self.dialogs.error(self.parent_widget, "无法读取名单", text)

    def close(self) -> None:
        self.loader.cancel()
        self.loader.wait()
