"""Start-up loads only what the first window shows: no file-format library, no printing, review, ledger, find or
Word-layout module until the clerk uses it (a fresh interpreter each time, as the app starts), and no frozen
dataclass (≈ 5 M instructions each to create, a NamedTuple 1.4 M); and the garbage collections held back while the
window is built (nianbao/cli.py) run again once it is up."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys

import pytest

from model import draft
from model.example import load_example
from tests.support import ROOT

CHILD = """
import json, sys
from gui.app import application, show_first, start_window
app = application(["-platform", "offscreen"])
window = start_window(sys.argv[1] or None, example=not sys.argv[1])
show_first(window)
app.processEvents()
shown = {"title": window.windowTitle(), "page": window.current_page(), "findings": len(window.findings_panel.findings)}
ours = [m for name, m in list(sys.modules.items()) if name.split(".")[0] in ("gui", "model", "exporters")]
frozen = sorted(
    f"{m.__name__}.{name}"
    for m in ours
    for name, value in vars(m).items()
    if isinstance(value, type) and value.__module__ == m.__name__
    and getattr(getattr(value, "__dataclass_params__", None), "frozen", False)
)
print(json.dumps({"shown": shown, "modules": sorted(sys.modules), "frozen": frozen}))
window.autosave.close()
window.guard.release()
"""

# top-level packages and modules that the first window must not have imported
LATER = (
    "docx",
    "openpyxl",
    "lxml",
    "pypdfium2",
    "PySide6.QtPrintSupport",
    "PySide6.QtSvg",
    "gui.review",
    "gui.table",  # the grids: with the first table shown
    "gui.prose_page",
    "gui.find_bar",  # Ctrl+F
    "gui.help_window",
    "model.search",
    "model.document",  # the Word / PDF / print layout
    "model.import_check",  # 导入上年报告
    "model.ledger.source",
)
HOOKS = ("gui.printing.actions", "gui.ledger.action")  # the menus' entries; their packages load on first use


def started(tmp_path, file: str = "") -> dict[str, object]:  # type: ignore[no-untyped-def]
    """What a freshly started app shows, and the modules it imported to show it."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        NIANBAO_SETTINGS=str(tmp_path / "settings.ini"),
        NIANBAO_RECOVERY_DIR=str(tmp_path / "recovery"),
    )
    child = subprocess.run(
        [sys.executable, "-c", CHILD, file],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == 0, child.stderr
    result: dict[str, object] = json.loads(child.stdout.strip().splitlines()[-1])
    return result


def too_early(modules: list[str]) -> list[str]:
    return [
        m
        for m in modules
        if m not in HOOKS
        and any(m == name or m.startswith(name + ".") for name in (*LATER, "gui.printing", "gui.ledger"))
        and m
        not in ("gui.printing", "gui.ledger")  # the packages of the hooks (their __init__ is a docstring)
    ]


@pytest.mark.parametrize("source", ["example", "draft"])
def test_the_first_window_imports_nothing_it_does_not_show(tmp_path, source):
    file = ""
    if source == "draft":
        file = str(tmp_path / "草稿.nianbao")
        draft.save(load_example(), file)
    result = started(tmp_path, file)
    shown, modules = result["shown"], result["modules"]
    assert isinstance(shown, dict) and isinstance(modules, list)
    assert shown["page"] == "info" and shown["findings"] > 0  # the window was built, with the report checked
    assert ("示例报告" if source == "example" else "草稿.nianbao") in shown["title"]
    assert "gui.main_window" in modules and "model.engine" in modules
    assert too_early(modules) == []
    assert result["frozen"] == []  # records on the way to the first window are NamedTuples


def test_the_check_names_a_module_loaded_too_early():
    assert too_early(
        ["gui.main_window", "docx.oxml", "gui.printing.actions", "gui.printing.pdf", "lxml"]
    ) == [
        "docx.oxml",
        "gui.printing.pdf",
        "lxml",
    ]


def test_collections_held_back_at_start_run_again_once_the_window_is_up(qtbot, seam, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from gui import app as gui_app
    from gui.main_window import MainWindow

    monkeypatch.setattr(gui_app, "GC_AFTER_MS", 0)
    before = set(QApplication.topLevelWidgets())
    shown: list[MainWindow] = []

    def look_and_quit() -> None:
        shown.extend(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w not in before
        )
        QApplication.exit(0)  # not quit(): that closes every window and leaves the app "closing"

    gc.disable()  # as nianbao/cli.py does before it imports Qt
    try:
        QTimer.singleShot(200, look_and_quit)
        assert gui_app.run(["--example"]) == 0
        assert gc.isenabled()
    finally:
        gc.enable()
        for window in shown:
            qtbot.addWidget(
                window, before_close_func=lambda w: (w.document.undo_stack.setClean(), w.autosave.close())
            )
    assert len(shown) == 1 and shown[0].isVisible()  # the example's window was up (pytest-qt closes it)


def test_collections_run_again_when_the_app_stops_before_its_window(capsys):
    from nianbao.cli import main

    assert gc.isenabled()
    with pytest.raises(SystemExit):
        main(["--help"])
    assert gc.isenabled()  # not left off for whatever runs next in this process
    assert "nianbao" in capsys.readouterr().out
