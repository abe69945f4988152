"""`nianbao export` says why a write failed in one Chinese sentence: a full disk, a name too long, a missing folder."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys

import pytest

from model.example import EXAMPLE_NAME
from nianbao.cli import main
from tests.support import ROOT


@pytest.fixture
def saved(tmp_path):
    """The example draft, as `nianbao demo` writes it."""
    assert main(["demo", str(tmp_path)]) == 0
    return tmp_path / EXAMPLE_NAME


def _small_disk() -> None:
    signal.signal(
        signal.SIGXFSZ, signal.SIG_IGN
    )  # the kernel then answers EFBIG, as a full disk answers ENOSPC
    resource.setrlimit(resource.RLIMIT_FSIZE, (8192, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))


@pytest.mark.skipif(os.name != "posix", reason="needs RLIMIT_FSIZE")
def test_an_export_onto_a_full_disk_says_so_and_leaves_nothing(saved, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    target = out / "报告.xlsx"
    result = subprocess.run(
        [sys.executable, "-m", "nianbao", "export", str(saved), "--xlsx", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        preexec_fn=_small_disk,
    )
    assert result.returncode == 2
    assert f"无法导出“{target}”：磁盘空间不足，请清理磁盘后再试，或保存到其他磁盘" in result.stderr
    assert "Traceback" not in result.stderr and "File too large" not in result.stderr
    assert list(out.iterdir()) == []


def test_a_name_too_long_or_a_missing_folder_is_one_sentence(saved, tmp_path, capsys):
    long = tmp_path / ("长" * 100 + ".docx")
    assert main(["export", str(saved), "--docx", str(long)]) == 2
    assert "文件路径过长，请换一个较短的文件名" in capsys.readouterr().err
    gone = tmp_path / "没有" / "报告.docx"
    assert main(["export", str(saved), "--docx", str(gone)]) == 2
    assert "文件夹“没有”不存在" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == [EXAMPLE_NAME]
