"""`nianbao check` never prints a traceback and never mistakes a failure for «errors found» (exit 1): a draft with a
5,001-digit number or a lone surrogate, a folder named like a file, an empty folder — one Chinese sentence, exit 2,
and a folder run goes on past the bad file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from model import draft
from tests.support.factories import full_2021

ROOT = Path(__file__).resolve().parent.parent.parent


def _check(*args: str) -> subprocess.CompletedProcess[str]:
    """The real command in a child process, as a clerk's terminal runs it."""
    return subprocess.run(
        [sys.executable, "-m", "nianbao", "check", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        timeout=120,
        cwd=ROOT,
        check=False,
    )


def _mutated(path: Path, change: str, into: str) -> Path:
    text = draft.dumps(full_2021()).decode("utf-8")
    assert change in text
    path.write_text(text.replace(change, into, 1), encoding="utf-8")
    return path


def test_a_number_of_5001_digits_is_one_sentence_and_exit_2(tmp_path):
    path = _mutated(tmp_path / "长数字.nianbao", '"year": 2023', '"year": ' + "9" * 5001)
    done = _check(str(path))
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.strip() == "无法打开“长数字.nianbao”：文件中有位数过多的数字，不是有效的草稿文件"


def test_a_folder_run_goes_on_past_a_file_it_cannot_read(tmp_path):
    for name in "abcdefghij":  # ten files: read in worker processes
        draft.save(full_2021(), tmp_path / f"{name}.nianbao")
    _mutated(tmp_path / "e.nianbao", '"year": 2023', '"year": ' + "9" * 5001)
    done = _check(str(tmp_path), "--json")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(json.loads(done.stdout)) == 9


def test_a_lone_surrogate_in_a_draft_is_replaced(tmp_path):
    path = _mutated(tmp_path / "代理.nianbao", '"agency": "', '"agency": "\\ud800')
    done = _check(str(path))
    assert done.returncode == 0, done.stderr
    assert "\ufffd" in done.stdout and "Traceback" not in done.stderr


def test_a_lone_surrogate_in_an_unknown_key_prints(tmp_path):
    path = _mutated(tmp_path / "键.nianbao", '"values": {', '"values": {"\\udc80x": 1, ')
    done = _check(str(path))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "不符合草稿格式" in done.stderr


def test_a_folder_named_like_a_report_and_an_empty_folder(tmp_path):
    (tmp_path / "x.docx").mkdir()
    (tmp_path / "空").mkdir()
    (tmp_path / "空" / "说明.txt").write_text("不是报告", encoding="utf-8")
    done = _check(str(tmp_path / "x.docx"), str(tmp_path / "空"))
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 2 and all(
        "是文件夹，其中没有可检查的报告文件（.nianbao、.docx" in line for line in lines
    )
    assert "x.docx" in lines[0] and "空" in lines[1]


def test_an_internal_error_on_one_file_does_not_stop_the_others(tmp_path, monkeypatch, capsys):
    from model import engine
    from nianbao.cli import main

    real = engine.evaluate

    def failing(report):  # type: ignore[no-untyped-def]
        if report.agency == "坏":
            raise RuntimeError("a bug in a rule")
        return real(report)

    monkeypatch.setattr(engine, "evaluate", failing)
    draft.save(full_2021(agency="坏"), tmp_path / "a.nianbao")
    draft.save(full_2021(), tmp_path / "b.nianbao")
    assert main(["check", str(tmp_path), "-j", "1"]) == 2
    captured = capsys.readouterr()
    assert captured.err.strip() == "无法检查“a.nianbao”：程序内部错误（RuntimeError），其余文件照常检查"
    assert "b.nianbao：某某市某某局" in captured.out
