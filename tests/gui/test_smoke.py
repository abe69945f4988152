"""``nianbao --smoke DIR [FILE]``: every page as PNG and the exports, without a display, from the command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from gui import exports
from gui.app import parse
from model import draft
from model.report import Report
from tests.support import ROOT


def _smoke(tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}  # as under wine: no QT_* variables
    env["NIANBAO_SETTINGS"] = str(tmp_path / "settings.ini")
    env["NIANBAO_RECOVERY_DIR"] = str(tmp_path / "recovery")
    return subprocess.run(
        [sys.executable, "-m", "nianbao", "--smoke", str(tmp_path / "out"), *extra, "-platform", "offscreen"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_smoke_writes_every_page_and_the_exports_and_prints_each_file(tmp_path):
    done = _smoke(tmp_path)
    assert done.returncode == 0, done.stderr
    printed = [Path(line) for line in done.stdout.splitlines()]
    pngs = [p for p in printed if p.suffix == ".png"]
    assert [p.name for p in pngs] == [
        "01-info.png",
        "02-s1.png",
        "03-t2.png",
        "04-t3.png",
        "05-t4.png",
        "06-s5.png",
        "07-s6.png",
    ]
    for png in pngs:
        image = QImage(str(png))
        assert image.width() >= 1000 and image.height() >= 700
    expected = {exports.file_name(Report.new(2020, "杭州市城市管理局"), k) for k in exports.kinds()}
    assert {p.name for p in printed if p.suffix != ".png"} == expected
    assert all(p.stat().st_size > 0 for p in printed)
    assert not list((tmp_path / "recovery").glob("*.json"))


def test_smoke_opens_a_given_file(tmp_path):
    source = tmp_path / "空白.nianbao"
    draft.save(Report.new(2025, "某某县某某局", "县级政府"), source)
    done = _smoke(tmp_path, str(source))
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "settings.ini").exists()  # no recent files, no window size: no trace
    assert any(
        line.endswith("某某县某某局2025年政府信息公开工作年度报告.xlsx") for line in done.stdout.splitlines()
    )


def test_smoke_with_an_unreadable_file_fails_with_a_message(tmp_path):
    bad = tmp_path / "坏.nianbao"
    bad.write_text("not a draft", encoding="utf-8")
    done = _smoke(tmp_path, str(bad))
    assert done.returncode == 2 and "坏.nianbao" in done.stderr


def test_smoke_needs_no_platform_argument(monkeypatch):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    options, qt_args = parse(["--smoke", "out"])
    assert options.platform == "offscreen" and qt_args == ["-platform", "offscreen"]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--smoke", "out", "a.nianbao", "-platform", "offscreen"], ("out", "a.nianbao", "offscreen", False)),
        (["-platform", "offscreen", "--example"], (None, None, "offscreen", True)),
        (["b.docx"], (None, "b.docx", None, False)),
    ],
)
def test_arguments(argv, expected):
    options, qt_args = parse(argv)
    assert (options.smoke, options.file, options.platform, options.example) == expected
    assert qt_args == (["-platform", "offscreen"] if expected[2] else [])
