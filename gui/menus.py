"""The menu bar — 文件, 编辑, 查看, 帮助 — with every action named, so tests can trigger them; the app icon."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu

from exporters.kinds import exportable
from gui import exports
from gui.info_page import InfoPage

if TYPE_CHECKING:
    from gui.main_window import MainWindow

ABOUT = (
    "<h3>年报助手 nianbao</h3>"
    "<p>政府信息公开工作年度报告填报助手：按官方格式填写表二、表三、表四，自动计算总计，"
    "实时核对勾稽关系，导出 Word 和 Excel。</p>"
    "<p>支持 2021 年格式（国办公开办函〔2021〕30号）和 2019 年试行格式（国办公开办函〔2019〕60号）。</p>"
    "<p>本程序不联网，报告只保存在本机。</p>"
)


class Menus:
    """Builds the window's menus; ``named_actions`` by name (新建, 打开, 保存, 撤销, page:t3, …)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.named_actions: dict[str, QAction] = {}
        self._recent_dirty = True
        bar = window.menuBar()
        self._file(bar.addMenu("文件(&F)"))
        self._edit(bar.addMenu("编辑(&E)"))
        self._view(bar.addMenu("查看(&V)"))
        help_menu = bar.addMenu("帮助(&H)")
        self.add(help_menu, "关于年报助手", lambda: window.dialogs.about(window, ABOUT), name="关于")

    def add(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
        name: str = "",
    ) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.named_actions[name or text] = action
        return action

    def _file(self, menu: QMenu) -> None:
        window, files = self.window, self.window.files
        self.add(menu, "新建…", files.new, QKeySequence.StandardKey.New, "新建")
        self.add(menu, "打开…", files.open_dialog, QKeySequence.StandardKey.Open, "打开")
        self.add(menu, "保存", files.save, QKeySequence.StandardKey.Save, "保存")
        self.add(menu, "另存为…", files.save_as, QKeySequence("Ctrl+Shift+S"), "另存为")
        self.recent = menu.addMenu("最近打开")
        self.recent.aboutToShow.connect(self.recent_actions)
        self.recent_changed()
        menu.addSeparator()
        self.add(menu, "打开示例报告", files.open_example)
        self.add(menu, "导入上年报告…", files.import_previous, name="导入上年报告")
        self.add(menu, "从剪贴板导入", files.import_clipboard, QKeySequence("Ctrl+Shift+V"), "从剪贴板导入")
        menu.addSeparator()
        for entry in exportable():
            self.add(
                menu,
                f"导出 {entry.short}…",
                partial(exports.run_export, window, [entry.key]),
                name=f"导出 {entry.short}",
            )
        self.add(menu, "全部导出…", lambda: exports.run_export(window, exports.kinds()), name="全部导出")
        fonts = menu.addAction("导出 Word 时只用 Windows 自带字体（宋体、仿宋、楷体）")
        fonts.setCheckable(True)
        fonts.setChecked(exports.windows_fonts(window.files.settings))
        fonts.setToolTip("电脑上没有仿宋_GB2312、方正小标宋简体等公文字体时勾选")
        fonts.toggled.connect(self._windows_fonts)
        self.named_actions["Windows字体"] = fonts
        menu.addSeparator()
        self.add(menu, "退出", window.close, QKeySequence("Ctrl+Q"), "退出")

    def _windows_fonts(self, on: bool) -> None:
        self.window.files.settings.setValue(exports.WINDOWS_FONTS, on)

    def _edit(self, menu: QMenu) -> None:
        window = self.window
        undo = window.document.undo_stack.createUndoAction(window, "撤销")
        undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        redo = window.document.undo_stack.createRedoAction(window, "重做")
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        menu.addAction(undo)
        menu.addAction(redo)
        self.named_actions.update({"撤销": undo, "重做": redo})
        menu.addSeparator()
        for name, key in (
            ("剪切", QKeySequence.StandardKey.Cut),
            ("复制", QKeySequence.StandardKey.Copy),
            ("粘贴", QKeySequence.StandardKey.Paste),
        ):
            self.add(menu, name, partial(self.clipboard, name), key)
        self.add(menu, "清除内容", lambda: self.clipboard("清除"), name="清除")
        menu.addSeparator()
        self.add(menu, "下一个问题", lambda: window.step_finding(1), QKeySequence("F8"))
        self.add(menu, "上一个问题", lambda: window.step_finding(-1), QKeySequence("Shift+F8"))

    def _view(self, menu: QMenu) -> None:
        window = self.window
        toggle = window.findings_panel.toggleViewAction()
        toggle.setText("校验结果面板")
        menu.addAction(toggle)
        menu.addSeparator()
        for row, key in enumerate(window.keys):
            self.add(
                menu,
                window.nav.item(row).text(),
                partial(self._go_to, key),
                QKeySequence(f"Ctrl+{row + 1}"),
                f"page:{key}",
            )

    def _go_to(self, key: str) -> None:
        self.window.show_page(key)
        self.window.focus_page(key)

    def clipboard(self, what: str) -> None:
        """剪切/复制/粘贴/清除 on the current page (keys in an editor or the grid reach it first)."""
        page = self.window.page(self.window.current_page())
        if isinstance(page, InfoPage):
            return  # its fields take these keys themselves
        from gui.prose_page import ProsePage

        if isinstance(page, ProsePage):
            editor = page.editor
            actions: dict[str, Callable[[], None]] = {
                "剪切": editor.cut,
                "复制": editor.copy,
                "粘贴": editor.paste,
                "清除": lambda: editor.textCursor().removeSelectedText(),
            }
        else:  # a table page
            actions = {"剪切": page.cut, "复制": page.copy, "粘贴": page.paste, "清除": page.clear_selection}
        actions[what]()

    def recent_changed(self) -> None:
        """The list changed: the menu is rebuilt when next shown (never inside one of its own actions)."""
        self.recent.setEnabled(bool(self.window.files.recent()))
        self._recent_dirty = True

    def recent_actions(self) -> list[QAction]:
        """The 最近打开 entries, rebuilt if the list changed."""
        if self._recent_dirty:
            self._recent_dirty = False
            self.recent.clear()
            for index, path in enumerate(self.window.files.recent(), 1):
                action = self.recent.addAction(f"&{index} {Path(path).name}")
                action.setToolTip(path)
                action.triggered.connect(lambda _c=False, p=path: self.window.files.open_path(p))
        return self.recent.actions()


def app_icon() -> QIcon:
    """The app's icon (a red 年), from resources."""
    from importlib import resources

    icon = QIcon()
    folder = resources.files("resources")
    for name in ("nianbao.png", "nianbao.svg"):
        item = folder.joinpath(name)
        if item.is_file():
            icon.addFile(str(item))
    return icon
