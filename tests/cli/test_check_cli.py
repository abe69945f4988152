"""`nianbao check` on Word, Excel and draft files, folders, a broken file among good ones, and --previous of any kind."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from model import draft
from nianbao.cli import main
from tests.support.copied_text import copied_text
from tests.support.factories import full_2021
from tests.support.html_pages import Portal, mhtml_bytes, page_bytes
from tests.support.libreoffice import convert
from tests.support.office_docs import Style, build

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    build(full_2021(), tmp_path / "a.docx", Style())
    (tmp_path / "sub").mkdir()
    build(
        full_2021(agency="某某县某某镇人民政府"), tmp_path / "sub" / "b.docx", Style(merged=False, zero="-")
    )
    draft.save(full_2021(), tmp_path / "c.nianbao")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "~$a.docx").write_bytes(b"lock file of Word")
    (tmp_path / "sub" / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 an old Word file")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    return tmp_path


def test_a_folder_with_one_unreadable_file(folder, capsys):
    assert main(["check", str(folder), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.err.strip().splitlines() == [
        "无法打开“broken.docx”：文件已损坏，无法解压",
        "无法打开“old.doc”：这是旧版Word文件，请在 Word/WPS/Excel 中另存为 .docx 后再打开",
    ]
    listing = json.loads(captured.out)
    assert sorted(Path(item["path"]).name for item in listing) == ["a.docx", "b.docx", "c.nianbao"]
    town = next(item for item in listing if item["path"].endswith("b.docx"))
    assert town["agency"] == "某某县某某镇人民政府" and town["year"] == 2023 and town["format"] == "2021"


def test_text_output_and_exit_code_for_errors(tmp_path, capsys):
    report = full_2021()
    report.set_value("t4.cases.review_upheld", 10)
    build(report, tmp_path / "t4.docx", Style(texts={"t4.cases.review_total": "0"}))
    build(full_2021(), tmp_path / "good.docx", Style())
    assert main(["check", str(tmp_path / "good.docx")]) == 0
    assert main(["check", str(tmp_path / "good.docx"), str(tmp_path / "t4.docx")]) == 1
    out = capsys.readouterr().out
    assert "t4.docx：某某市某某局2023年（2021年格式）— 1个错误" in out and "[错误] T4-SUM" in out


@pytest.mark.parametrize("kind", [".docx", ".xlsx", ".nianbao", ".html", ".mht", ".txt", ".pdf"])
def test_previous_report_of_any_kind(tmp_path, capsys, kind, request):
    last = full_2021(year=2022)
    target = tmp_path / f"last{kind}"
    if kind == ".docx":
        build(last, target, Style())
    elif kind == ".xlsx":
        from exporters.xlsx.writer import write_xlsx

        write_xlsx(last, target)
    elif kind == ".html":
        target.write_bytes(page_bytes(last, Portal(charset="gbk")))
    elif kind == ".mht":
        target.write_bytes(mhtml_bytes(last))
    elif kind == ".txt":
        target.write_text(copied_text(last), encoding="utf-8")
    elif kind == ".pdf":
        request.getfixturevalue("soffice")  # skips with the reason where LibreOffice is missing
        build(last, tmp_path / "last-source.docx", Style())
        convert(tmp_path / "last-source.docx", "pdf", tmp_path).rename(target)
    else:
        draft.save(last, target)
    this = full_2021(year=2023)
    this.set_value("t3.carry.natural", 4)  # last year carried 4 forward (t3.next.natural)
    this.set_value("t3.new.natural", 39)
    build(this, tmp_path / "this.docx", Style())
    main(["check", str(tmp_path / "this.docx"), "--previous", str(tmp_path / f"last{kind}"), "--json"])
    found = {f["code"] for f in json.loads(capsys.readouterr().out)[0]["findings"]}
    assert (
        "XY-CARRY" not in found and "XY-VALID" in found
    )  # 现行有效件数 27 = 27 + 4 - 1 fails: a real check ran


def test_an_unreadable_previous_report(tmp_path, capsys):
    build(full_2021(), tmp_path / "this.docx", Style())
    (tmp_path / "last.xlsx").write_bytes(b"garbage")
    assert main(["check", str(tmp_path / "this.docx"), "--previous", str(tmp_path / "last.xlsx")]) == 2
    assert "上年报告：无法打开“last.xlsx”" in capsys.readouterr().err


def _run(args: list[str], tty: bool) -> tuple[int, str]:
    """Run `nianbao check` in a subprocess; stderr on a pseudo-terminal when ``tty``; returns (status, stderr)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "nianbao", "check", *args]
    if not tty:
        done = subprocess.run(command, capture_output=True, env=env, timeout=120, cwd=ROOT)
        return done.returncode, done.stderr.decode("utf-8")
    import pty  # POSIX only; the test that needs it is skipped elsewhere

    master, slave = pty.openpty()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=slave, env=env, cwd=ROOT)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return process.wait(timeout=120), b"".join(chunks).decode("utf-8", errors="replace")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX only")
def test_progress_only_on_a_terminal(folder):
    status, err = _run([str(folder)], tty=True)
    assert (
        status == 2 and "检查中 1/5：a.docx" in err and "检查中 5/5" in err and "无法打开“broken.docx”" in err
    )
    status, err = _run([str(folder)], tty=False)
    assert status == 2 and "检查中" not in err


def test_no_qt_when_checking_documents(tmp_path):
    build(full_2021(), tmp_path / "a.docx", Style())
    probe = (
        "import sys; from nianbao.cli import main; code = main(['check', sys.argv[1]]); "
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'gui'))]; sys.exit(code)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path / "a.docx")],
        capture_output=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8")
