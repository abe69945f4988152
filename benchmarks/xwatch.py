"""Time a program's first window on an X server by its events: exec → window mapped → first pixels drawn in it.

An X client of its own (xcffib, the XCB binding) listens on the root window for ``MapNotify`` (a top-level window
shown; there is no window manager on Xvfb, so top-level windows are the root's children) and puts a DAMAGE monitor
on the first mapped window. Mapping a window damages it too, with nothing drawn, so at each ``DamageNotify`` the
watcher clears the damage and looks at the window's pixels: the first paint is the first damage after which the
window shows a drawing in its pixels (``_drawn``: an empty frame does not count; Qt draws the whole window from its
backing store at once). Events are waited for with ``select`` on the connection, not polled: the times are those
of the events as they arrive.

    with Xvfb() as display: map_s, paint_s = first_paint([python, "-c", script], env, display)
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType

import xcffib
import xcffib.damage
import xcffib.xproto

TIMEOUT = 60.0
PLANE = 0x8000  # the top bit of green in a 24-bit visual
MIN_PATTERNS = (
    8  # distinct bytes (8 pixels each) of that plane: text and lines give many, an empty frame one or two
)


class Xvfb:
    """A private Xvfb server on a free display number, for as long as the ``with`` block lasts."""

    def __init__(self, size: str = "1600x1000x24") -> None:
        self.size = size
        self.process: subprocess.Popen[bytes] | None = None
        self.display = ""

    def __enter__(self) -> str:
        if shutil.which("Xvfb") is None:
            raise RuntimeError("Xvfb is not installed (apt-get install xvfb)")
        with tempfile.TemporaryDirectory() as folder:
            ready = Path(folder) / "display"
            with ready.open("w") as out:  # Xvfb writes the display number it took, once it accepts clients
                self.process = subprocess.Popen(
                    [
                        "Xvfb",
                        "-displayfd",
                        str(out.fileno()),
                        "-screen",
                        "0",
                        self.size,
                        "-nolisten",
                        "tcp",
                        "-noreset",
                    ],
                    pass_fds=(out.fileno(),),
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            deadline = time.monotonic() + 20
            while not ready.read_text().strip():
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError("Xvfb did not start")
                time.sleep(0.02)
            self.display = f":{ready.read_text().strip()}"
        return self.display

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)


def first_paint(
    argv: list[str], env: dict[str, str], display: str, cwd: str | None = None
) -> tuple[float, float]:
    """Seconds from starting ``argv`` to its first top-level window's MapNotify, and to the first damage in it.
    The program is ended once it has drawn."""
    connection = xcffib.connect(display=display)
    try:
        root = connection.get_setup().roots[0].root
        connection.core.ChangeWindowAttributesChecked(
            root, xcffib.xproto.CW.EventMask, [xcffib.xproto.EventMask.SubstructureNotify]
        ).check()
        damage = connection(xcffib.damage.key)
        damage.QueryVersion(1, 1).reply()
        start = time.perf_counter()
        process = subprocess.Popen(
            argv,
            env={**env, "DISPLAY": display},
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            return _watch(connection, damage, start, process)
        finally:
            process.terminate()
            process.wait(10)
    finally:
        connection.disconnect()


def _watch(
    connection: xcffib.Connection,
    damage: xcffib.damage.damageExtension,
    start: float,
    process: subprocess.Popen[bytes],
) -> tuple[float, float]:
    mapped: float | None = None
    window = monitor = None
    descriptor = connection.get_file_descriptor()
    while time.perf_counter() - start < TIMEOUT:
        event = connection.poll_for_event()
        if event is None:
            if process.poll() is not None:
                raise RuntimeError(f"the program ended (exit {process.returncode}) before it drew a window")
            select.select([descriptor], [], [], 0.5)
            continue
        now = time.perf_counter() - start
        if isinstance(event, xcffib.xproto.MapNotifyEvent) and window is None and not event.override_redirect:
            mapped, window, monitor = now, event.window, connection.generate_id()
            damage.Create(monitor, window, xcffib.damage.ReportLevel.NonEmpty)
            connection.flush()
        elif isinstance(event, xcffib.damage.NotifyEvent) and mapped is not None and event.drawable == window:
            damage.Subtract(monitor, 0, 0)  # the next drawing notifies again
            if _drawn(connection, event.drawable, event.geometry):
                return mapped, now
    raise RuntimeError("no window was drawn within the time allowed")


def _drawn(connection: xcffib.Connection, window: int, geometry: xcffib.xproto.RECTANGLE) -> bool:
    """Whether the window shows a drawing, not an empty frame: one bit plane of its pixels (the top bit of green:
    dark text on light ground) is fetched, 1 bit a pixel, and must hold both values in many patterns."""
    reply = connection.core.GetImage(
        xcffib.xproto.ImageFormat.XYPixmap, window, 0, 0, geometry.width, geometry.height, PLANE
    ).reply()
    return len(set(bytes(reply.data))) > MIN_PATTERNS


def environment() -> dict[str, str]:
    """The benchmark's environment for a program on X: no QT_* settings (as installed), byte code cached."""
    return {k: v for k, v in os.environ.items() if not k.startswith("QT_") and k != "PYTHONDONTWRITEBYTECODE"}
