"""OS errors in the window: a full disk met by an export and by the autosave, a recovery folder gone."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from tests.support import ROOT
from tests.support.gui_window import make_window


def test_an_autosave_whose_folder_was_removed_makes_it_again(qtbot, seam, example):
    window = make_window(qtbot, example, dialogs=seam)
    shutil.rmtree(window.autosave.folder)  # a clean-up tool took it
    window.document.set_cells({"t3.new.natural": "9"})
    window.autosave.save_now()
    assert window.autosave.file.exists() and window.autosave_label.text().startswith("已自动保存")
    assert window.autosave.file.with_suffix(".lock").exists()  # a running session's file: no orphan


GUI_FULL_DISK = """
import os, resource, signal, sys
sys.path.insert(0, {root!r})
from PySide6.QtWidgets import QApplication
app = QApplication(["test"])
from exporters.kinds import kind
from gui import exports
from gui.main_window import MainWindow
from model.example import load_example
from tests.support.gui_window import FakeDialogs
seam = FakeDialogs()
window = MainWindow(load_example(), dialogs=seam)
seam.save_paths = [{target!r}]
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the kernel then answers EFBIG, as a full disk answers ENOSPC
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
written = exports.run_export(window, ["docx"])
print(written, seam.asked[-1])
window.document.set_cells({{"t3.new.natural": "9"}})
window.autosave.save_now()  # the recovery file (≈ 7 KB) does not fit either
print(window.autosave_label.text(), "|", window.autosave_label.toolTip())
window.autosave.close()
"""


@pytest.mark.skipif(os.name != "posix", reason="needs RLIMIT_FSIZE")
def test_an_export_and_an_autosave_onto_a_full_disk_say_so_in_chinese_and_leave_nothing(tmp_path):
    target = tmp_path / "out" / "报告.docx"
    target.parent.mkdir()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NIANBAO_SETTINGS=str(tmp_path / "s.ini"))
    env["NIANBAO_RECOVERY_DIR"] = str(tmp_path / "recovery")
    script = textwrap.dedent(GUI_FULL_DISK.format(root=str(ROOT), target=str(target)))
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, result.stderr
    export_line, autosave_line = result.stdout.splitlines()
    assert export_line.startswith("[] ('error', '无法写入“报告.docx”：磁盘空间不足，请清理磁盘后再试")
    assert (
        "自动保存失败：磁盘空间不足</span> | 磁盘空间不足，请清理磁盘后再试，或保存到其他磁盘"
        in autosave_line
    )
    assert "No space" not in result.stdout and "File too large" not in result.stdout
    assert list(target.parent.iterdir()) == []
