"""The 校验结果 dock: every finding by severity; clicking one asks the window to show its cells."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from model.engine import counts
from model.rules import Finding
from model.vocabulary import SEVERITIES, SEVERITY_NAMES

SEVERITY_COLOURS = {"error": "#c42b1c", "warning": "#c77700", "info": "#2b6cb0"}
SEVERITY_SIGNS = {"error": "x", "warning": "!", "info": "i"}
FINDING_ROLE = Qt.ItemDataRole.UserRole + 10


_ICONS: dict[tuple[str, int], QIcon] = {}


def badge(colour: str, sign: str, size: int = 16) -> QIcon:
    """A filled circle in a colour with a white sign (x, !, i or a tick), drawn with lines: no font needed."""
    key = (colour + sign, size)
    if key not in _ICONS:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(colour))  # not QBrush(…): its overloads make PySide6 build QGradient's enums
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
        pen = QPen(QColor("white"), max(1.5, size / 8))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        s = size / 16
        lines: dict[str, list[tuple[float, float, float, float]]] = {
            "x": [(5, 5, 11, 11), (11, 5, 5, 11)],
            "!": [(8, 4, 8, 9.5), (8, 12, 8, 12.2)],
            "i": [(8, 3.8, 8, 4), (8, 7, 8, 12)],
            "ok": [(4.5, 8.5, 7, 11), (7, 11, 11.5, 5.5)],
        }
        for x1, y1, x2, y2 in lines[sign]:
            painter.drawLine(QPointF(x1 * s, y1 * s), QPointF(x2 * s, y2 * s))
        painter.end()
        _ICONS[key] = QIcon(pixmap)
    return _ICONS[key]


def severity_icon(severity: str, size: int = 16) -> QIcon:
    return badge(SEVERITY_COLOURS[severity], SEVERITY_SIGNS[severity], size)


def ok_icon(size: int = 16) -> QIcon:
    return badge("#2e7d32", "ok", size)


def summary(findings: list[Finding]) -> str:
    number = counts(findings)
    if not findings:
        return "未发现问题"
    if all(f.severity == "info" for f in findings):  # 提示 only (the reviewer's ratios): nothing to correct
        return f"未发现问题 · {number['info']}个{SEVERITY_NAMES['info']}"
    return " · ".join(f"{number[s]}个{SEVERITY_NAMES[s]}" for s in SEVERITIES if number[s])


class FindingsPanel(QDockWidget):
    """Lists findings, errors first; emits findingActivated when the clerk clicks or presses Enter on one."""

    findingActivated = Signal(object)  # noqa: N815 - a Finding

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("校验结果", parent)
        self.setObjectName("findings")
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.header = QLabel()  # the summary, in the title bar beside 校验结果: one row less below the pages
        self.setTitleBarWidget(self._title_bar())
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setIconSize(QSize(16, 16))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.setMinimumWidth(240)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.itemClicked.connect(self._activated)
        self.list.itemActivated.connect(self._activated)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.list)
        self.setWidget(body)
        self._icons = {s: severity_icon(s) for s in SEVERITIES}
        self.findings: list[Finding] = []
        self._shown = False
        self._fitted: int | None = None  # the height last fitted to the findings

    def _title_bar(self) -> QWidget:
        """「校验结果  2个错误 · 3个警告」 and a × that hides the panel (视图 → 校验结果面板 shows it again)."""
        bar = QWidget()
        bar.setObjectName("findings_title")
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(6, 2, 2, 2)
        layout.setSpacing(12)
        layout.addWidget(QLabel("校验结果"))
        layout.addWidget(self.header, 1)
        close = QToolButton()
        close.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        close.setAutoRaise(True)
        close.setToolTip("关闭校验结果面板（可从“视图”菜单重新打开）")
        close.clicked.connect(self.close)
        layout.addWidget(close)
        return bar

    def fitted_height(self, cap: int) -> int:
        """The height that shows every finding without scrolling, or as many whole rows as ``cap`` pixels hold
        (two at least)."""
        height = self.titleBarWidget().sizeHint().height() + 2 * self.list.frameWidth() + 2
        # measured one by one, only the rows that fit (this runs after each edit)
        for shown in range(self.list.count()):
            row = self.list.sizeHintForRow(shown) + 2 * self.list.spacing()
            if shown >= 2 and height + row > cap:
                break
            height += row
        return height

    def fit_in(self, window: QMainWindow) -> None:
        """Below the pages: as tall as its findings, at most a sixth of the window (the rows of 表三 need the
        room); once the clerk has dragged its edge, it keeps the height they chose."""
        if window.dockWidgetArea(self) != Qt.DockWidgetArea.BottomDockWidgetArea:
            return
        if self._fitted is not None and self.isVisible() and abs(self.height() - self._fitted) > 2:
            return  # dragged
        window.resizeDocks([self], [self.fitted_height(window.height() // 6)], Qt.Orientation.Vertical)
        self._fitted = None
        QTimer.singleShot(0, self, self._remember_height)  # the layout takes the height a moment later

    def _remember_height(self) -> None:
        self._fitted = self.height() if self.isVisible() else None

    def show_findings(self, findings: list[Finding]) -> None:
        """Replace the list (errors, then warnings, then hints; the engine's order within each)."""
        ordered = sorted(findings, key=lambda f: SEVERITIES.index(f.severity))
        if self._shown and ordered == self.findings:
            return
        self._shown = True
        self.findings = ordered
        self.list.clear()
        for finding in ordered:
            item = QListWidgetItem(
                self._icons[finding.severity], f"{SEVERITY_NAMES[finding.severity]}  {finding.message}"
            )
            item.setData(FINDING_ROLE, finding)
            item.setToolTip(f"[{finding.code}] {finding.message}")
            self.list.addItem(item)
        if not ordered:
            item = QListWidgetItem(ok_icon(), "未发现问题：各表的勾稽关系均已核对。")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        self.header.setText(f"<b>{summary(ordered)}</b>")

    def _activated(self, item: QListWidgetItem) -> None:
        finding = item.data(FINDING_ROLE)
        if finding is not None:
            self.findingActivated.emit(finding)

    def select(self, index: int) -> None:
        """Select and activate the index-th finding (F8 steps through them)."""
        if 0 <= index < len(self.findings):
            item = self.list.item(index)
            self.list.setCurrentItem(item)
            self.list.scrollToItem(item)
            self._activated(item)
