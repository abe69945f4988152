"""The menu bar — 文件, 编辑, 视图, 帮助 — every entry with an access letter and a name (tests trigger them);
the toolbar over the same actions."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from exporters.kinds import exportable
from gui import exports
from gui.access_keys import KeepLetter, free_letter, with_key
from gui.info_page import InfoPage
from gui.ledger.action import import_ledger
from gui.page_keys import page_shortcuts, page_title
from gui.printing.actions import add_print_actions
from gui.toolbar import build_toolbar

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
        self.export_actions: list[
            QAction
        ] = []  # 导出 Word, Excel, …, 全部导出: also the toolbar's 导出 button
        self._recent_dirty = True
        bar = window.menuBar()
        self._file(bar.addMenu("文件(&F)"))
        self._edit(bar.addMenu("编辑(&E)"))
        self._view(bar.addMenu("视图(&V)"))
        help_menu = bar.addMenu("帮助(&H)")
        self.add(
            help_menu,
            "使用说明",
            self.show_help,
            QKeySequence(QKeySequence.StandardKey.HelpContents),
            key="H",
        )
        help_menu.addSeparator()
        self.add(help_menu, "关于年报助手", lambda: window.dialogs.about(window, ABOUT), name="关于", key="A")

    def show_help(self) -> None:
        from gui.help_window import show_help

        show_help(self.window)

    def add(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
        name: str = "",
        key: str = "",
    ) -> QAction:
        """An entry named ``name`` (else its text); its access letter is ``key``, else the first free one."""
        action = menu.addAction(with_key(text, key or free_letter(menu, "")))
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.named_actions[name or text] = action
        return action

    def _file(self, menu: QMenu) -> None:
        window, files = self.window, self.window.files
        self.add(menu, "新建…", files.new, QKeySequence.StandardKey.New, "新建", "N")
        self.add(menu, "打开…", files.open_dialog, QKeySequence.StandardKey.Open, "打开", "O")
        self.add(menu, "保存", files.save, QKeySequence.StandardKey.Save, "保存", "S")
        self.add(menu, "另存为…", files.save_as, QKeySequence("Ctrl+Shift+S"), "另存为", "A")
        self.recent = menu.addMenu("最近打开(&R)")
        self.recent.aboutToShow.connect(self.recent_actions)
        self.recent_changed()
        menu.addSeparator()
        self.add(menu, "打开示例报告", files.open_example, key="D")
        self.add(menu, "导入上年报告…", files.import_previous, name="导入上年报告", key="I")
        self.add(menu, "导入依申请台账…", partial(import_ledger, window), name="导入依申请台账", key="T")
        clipboard_keys = QKeySequence("Ctrl+Shift+V")
        self.add(menu, "从剪贴板导入", files.import_clipboard, clipboard_keys, "从剪贴板导入", "B")
        self.add(menu, "审核一批报告…", self.review, name="审核一批报告", key="J")
        menu.addSeparator()
        for entry in exportable():
            self.export_actions.append(
                self.add(
                    menu,
                    exports.export_title(entry) + "…",
                    partial(exports.run_export, window, [entry.key]),
                    name=exports.export_title(entry),
                    key=free_letter(menu, entry.short + entry.key),  # 网页版: H, from "html"
                )
            )
        export_all = lambda: exports.run_export(window, exports.kinds())  # noqa: E731 - one line
        self.export_actions.append(self.add(menu, "全部导出…", export_all, name="全部导出", key="L"))
        add_print_actions(self, menu)  # 打印预览, 打印, 复制网页版, 落款 (gui/printing/actions.py)
        fonts = menu.addAction(with_key("导出 Word 时只用 Windows 自带字体（宋体、仿宋、楷体）", "F"))
        fonts.setCheckable(True)
        fonts.setChecked(exports.windows_fonts(window.files.settings))
        fonts.setToolTip("电脑上没有仿宋_GB2312、方正小标宋简体等公文字体时勾选")
        fonts.toggled.connect(self._windows_fonts)
        self.named_actions["Windows字体"] = fonts
        menu.addSeparator()
        self.add(menu, "退出", window.close, QKeySequence("Ctrl+Q"), "退出", "X")

    def review(self) -> None:
        from gui.review.window import open_review

        open_review(self.window, self.window.dialogs)

    def _windows_fonts(self, on: bool) -> None:
        self.window.files.settings.setValue(exports.WINDOWS_FONTS, on)

    def _edit(self, menu: QMenu) -> None:
        window = self.window
        undo = window.document.undo_stack.createUndoAction(window, "撤销")
        undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        redo = window.document.undo_stack.createRedoAction(window, "重做")
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        stack = window.document.undo_stack
        KeepLetter(undo, "撤销", "U", stack.undoTextChanged)
        KeepLetter(redo, "重做", "R", stack.redoTextChanged)
        menu.addAction(undo)
        menu.addAction(redo)
        self.named_actions.update({"撤销": undo, "重做": redo})
        menu.addSeparator()
        for name, keys, letter in (
            ("剪切", QKeySequence.StandardKey.Cut, "T"),
            ("复制", QKeySequence.StandardKey.Copy, "C"),
            ("粘贴", QKeySequence.StandardKey.Paste, "P"),
        ):
            self.add(menu, name, partial(self.clipboard, name), keys, key=letter)
        self.add(menu, "清除内容", lambda: self.clipboard("清除"), name="清除", key="L")
        menu.addSeparator()
        # the find bar is built when first used (MainWindow.find_bar)
        self.add(
            menu, "查找…", lambda: window.find_bar.open_bar(), QKeySequence.StandardKey.Find, "查找", "F"
        )
        self.add(menu, "查找下一个", lambda: window.find_bar.step(1), QKeySequence("F3"), key="N")
        self.add(menu, "查找上一个", lambda: window.find_bar.step(-1), QKeySequence("Shift+F3"), key="V")
        menu.addSeparator()
        self.add(menu, "下一个问题", lambda: window.step_finding(1), QKeySequence("F8"), key="Q")
        self.add(menu, "上一个问题", lambda: window.step_finding(-1), QKeySequence("Shift+F8"), key="W")

    def _view(self, menu: QMenu) -> None:
        window = self.window
        self.toolbar = build_toolbar(window, self.named_actions, self.export_actions)
        menu.addAction(self.toolbar.toggleViewAction())
        toggle = window.findings_panel.toggleViewAction()
        toggle.setText("校验结果面板(&P)")
        menu.addAction(toggle)
        menu.addSeparator()
        zoom = window.zoom
        bigger = self.add(menu, "放大", zoom.zoom_in, QKeySequence.StandardKey.ZoomIn, key="I")
        bigger.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")])
        self.add(menu, "缩小", zoom.zoom_out, QKeySequence.StandardKey.ZoomOut, key="O")
        self.add(menu, "重置缩放 (100%)", zoom.reset, QKeySequence("Ctrl+0"), "重置缩放", "Z")
        menu.addSeparator()
        fmt = window.document.report.fmt
        shortcuts = page_shortcuts(fmt, window.keys[0])
        for key in window.keys:
            keys = shortcuts.get(key)
            text = page_title(fmt, key, window.keys[0])
            letter = "B" if key == window.keys[0] else (keys or "")[-1:]
            self.add(
                menu,
                text,
                partial(self._go_to, key),
                QKeySequence(keys) if keys else None,
                f"page:{key}",
                letter,
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
