"""Zoom of the grids and the prose (Ctrl+plus, Ctrl+minus, Ctrl+0, Ctrl+wheel): 80 %–200 %, kept in the settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QWheelEvent
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

STEPS = (80, 90, 100, 110, 125, 150, 175, 200)


def zoom_range() -> str:
    """The sizes a clerk can choose, as the help says them: 「80%–200%」."""
    return f"{STEPS[0]}%–{STEPS[-1]}%"


KEY = "zoom"
BASE = "nianbao_zoom_base"  # a widget's own point size at 100 %
WHEEL_STEP = 120  # angle delta of one notch of a mouse wheel


def nearest_step(percent: object) -> int:
    """A stored value as one of the steps (100 for anything unreadable)."""
    try:
        value = int(str(percent))
    except ValueError:
        return 100
    return min(STEPS, key=lambda step: abs(step - value))


def stepped(percent: int, step: int) -> int:
    """The next step up (``step`` 1) or down (-1) from ``percent``, staying within the steps."""
    index = STEPS.index(nearest_step(percent)) + step
    return STEPS[max(0, min(len(STEPS) - 1, index))]


def scale_font(widget: QWidget, percent: int) -> None:
    """Give the widget its own font size times ``percent`` (its size at 100 % is remembered on the widget)."""
    base = widget.property(BASE)
    if not isinstance(base, float):
        base = widget.font().pointSizeF()
        widget.setProperty(BASE, base)
    font = QFont(widget.font())
    font.setPointSizeF(base * percent / 100)
    if font.pointSizeF() != widget.font().pointSizeF():
        widget.setFont(font)


class Zoom(QObject):
    """The zoom of one window: the widgets it scales, and Ctrl+wheel over them; ``changed`` with the percent."""

    changed = Signal(int)

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.percent = nearest_step(settings.value(KEY, 100))
        self._widgets: list[QWidget] = []
        self._wheel = 0

    def attach(self, widget: QWidget, *wheel_areas: QWidget) -> None:
        """Scale ``widget``'s font from now on; Ctrl+wheel over it (or over ``wheel_areas``) zooms."""
        self._widgets.append(widget)
        widget.destroyed.connect(lambda _o=None, w=widget: self._forget(w))
        scale_font(widget, self.percent)
        for area in wheel_areas or (widget,):
            area.installEventFilter(self)

    def _forget(self, widget: QWidget) -> None:
        self._widgets = [w for w in self._widgets if w is not widget]

    def set_percent(self, percent: int) -> None:
        percent = nearest_step(percent)
        changed = percent != self.percent
        self.percent = percent
        for widget in self._widgets:
            scale_font(widget, percent)
        self.settings.setValue(KEY, percent)
        if changed:
            self.changed.emit(percent)

    def zoom_in(self) -> None:
        self.set_percent(stepped(self.percent, 1))

    def zoom_out(self) -> None:
        self.set_percent(stepped(self.percent, -1))

    def reset(self) -> None:
        self.set_percent(100)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Ctrl+wheel zooms (one step a notch; a touchpad's small steps add up), never scrolls."""
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(event, QWheelEvent)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._wheel += event.angleDelta().y()
            while abs(self._wheel) >= WHEEL_STEP:
                up = self._wheel > 0
                self._wheel -= WHEEL_STEP if up else -WHEEL_STEP
                self.set_percent(stepped(self.percent, 1 if up else -1))
            event.accept()
            return True
        return super().eventFilter(watched, event)
