"""The small toolbar — 新建, 打开, 保存, 导出 (Word, or a kind from its menu), 下一个问题 — shown or hidden from 视图."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QStyle, QToolBar, QToolButton

if TYPE_CHECKING:
    from gui.main_window import MainWindow

SETTING = "toolbar"
ICONS = {  # Qt's own icons: the app ships no icon set
    "新建": QStyle.StandardPixmap.SP_FileIcon,
    "打开": QStyle.StandardPixmap.SP_DialogOpenButton,
    "保存": QStyle.StandardPixmap.SP_DialogSaveButton,
    "导出": QStyle.StandardPixmap.SP_ArrowForward,
    "下一个问题": QStyle.StandardPixmap.SP_MessageBoxWarning,
}
TIPS = {
    "新建": "新建年度报告",
    "打开": "打开草稿或 Word、Excel、网页、PDF 报告",
    "保存": "保存草稿",
    "导出": "导出 Word（点右侧箭头选择其他格式）",
    "下一个问题": "定位到下一个校验问题",
}


def shown(settings_value: object) -> bool:
    """The stored choice (an .ini file gives text back): shown unless the clerk hid it."""
    return str(settings_value).lower() not in ("false", "0")


def build_toolbar(window: MainWindow, actions: dict[str, QAction], exports: list[QAction]) -> QToolBar:
    """The toolbar over the menus' named ``actions``; ``exports`` are the 导出 entries, the first the default."""
    bar = QToolBar("工具栏", window)
    bar.setObjectName("toolbar")
    bar.setMovable(False)
    bar.setIconSize(QSize(20, 20))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    style = window.style()
    for name in ("新建", "打开", "保存"):
        _add(bar, actions[name], name, style)
    bar.addSeparator()
    bar.addWidget(_export_button(window, exports, style))
    bar.addSeparator()
    _add(bar, actions["下一个问题"], "下一个问题", style)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    bar.setVisible(shown(window.files.settings.value(SETTING, True)))
    toggle = bar.toggleViewAction()
    toggle.setText("工具栏(&T)")
    toggle.triggered.connect(lambda on: window.files.settings.setValue(SETTING, bool(on)))
    return bar


def _add(bar: QToolBar, action: QAction, name: str, style: QStyle) -> None:
    action.setIcon(style.standardIcon(ICONS[name]))
    action.setIconText(name)
    keys = action.shortcut().toString()
    action.setToolTip(f"{TIPS[name]}（{keys}）" if keys else TIPS[name])
    bar.addAction(action)


def _export_button(window: MainWindow, exports: list[QAction], style: QStyle) -> QToolButton:
    """导出: a click exports Word (the first entry), the arrow offers every 导出 entry of the 文件 menu."""
    button = QToolButton()
    button.setObjectName("export")
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
    menu = QMenu(button)
    for action in exports:
        menu.addAction(action)
    button.setMenu(menu)
    default = QAction(style.standardIcon(ICONS["导出"]), "导出", button)
    default.setToolTip(TIPS["导出"])
    if exports:
        default.triggered.connect(exports[0].trigger)
    button.setDefaultAction(default)
    return button
