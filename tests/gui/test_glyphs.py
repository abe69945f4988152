"""Text drawn as boxes is found: by the app's glyph check (gui/glyphs.py), in the smoke run, by check_outputs."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui.glyphs import boxes_in, missing
from tests.support import ROOT

TEXT = "三、收到和处理政府信息公开申请情况 (28)"
CJK = "Noto Sans CJK SC"


def latin_only() -> QFont:
    """A font without CJK glyphs, Qt's fallback to other fonts turned off: as where no CJK font can be found."""
    font = QFont("DejaVu Sans")
    font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    return font


def check_outputs() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "installer_check_outputs", ROOT / "installer" / "check_outputs.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def page(qtbot, font: QFont) -> QWidget:
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    for text in (TEXT, "本年新收政府信息公开申请数量"):
        label = QLabel(text)
        label.setFont(font)
        layout.addWidget(label)
    root.show()
    return root


def test_a_font_without_chinese_draws_boxes(qtbot):
    assert missing(TEXT, latin_only()) == "三、收到和处理政府信息公开申请情况"
    count, boxes = boxes_in(page(qtbot, latin_only()))
    assert count == len(TEXT) + 14 and set(boxes) == set("三、收到和处理政府信息公开申请情况本年新数量")


def test_the_cjk_font_draws_every_character(qtbot):
    if CJK not in QFontDatabase.families():
        pytest.skip(f"the font {CJK} is not installed (.ci/run installs it)")
    assert missing(TEXT, QFont(CJK)) == ""
    assert boxes_in(page(qtbot, QFont(CJK))) == (len(TEXT) + 14, "")


def _smoke(tmp_path: Path, env: dict[str, str]) -> Path:
    out = tmp_path / "out"
    env = {
        **env,
        "NIANBAO_SETTINGS": str(tmp_path / "settings.ini"),
        "NIANBAO_RECOVERY_DIR": str(tmp_path / "r"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "nianbao", "--smoke", str(out), "-platform", "offscreen"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return out


def test_check_outputs_fails_a_smoke_run_whose_text_is_boxes_and_passes_it_with_the_fonts(qapp, tmp_path):
    fc_match = shutil.which("fc-match")
    if fc_match is None or sys.platform == "win32":
        pytest.skip("needs fontconfig (fc-match) to run the app with a Latin-only font set")
    latin = subprocess.run(
        [fc_match, "-f", "%{file}", "DejaVu Sans"], capture_output=True, text=True, check=False
    )
    if "DejaVu" not in latin.stdout:
        pytest.skip("the DejaVu fonts are not installed")
    config = tmp_path / "fonts.conf"
    config.write_text(
        f"<?xml version='1.0'?><fontconfig><dir>{Path(latin.stdout).parent}</dir>"
        f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    boxed = _smoke(tmp_path / "latin", {**env, "FONTCONFIG_FILE": str(config)})
    found = json.loads((boxed / "glyphs.json").read_text(encoding="utf-8"))
    assert all("政" in page["boxes"] for page in found.values()) and len(found) == 7
    problems = check_outputs().check(boxed, exports=True)
    assert len(problems) == 7 and all("方框" in p for p in problems)
    if CJK in QFontDatabase.families():
        assert check_outputs().check(_smoke(tmp_path / "cjk", env), exports=True) == []
