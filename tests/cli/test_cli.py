"""The command line: new, demo, check (text and JSON, exit codes) and no Qt on the non-GUI paths."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from model import draft
from nianbao.cli import main
from tests.support.factories import full_2021

ROOT = Path(__file__).resolve().parent.parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "nianbao", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
    )


def test_demo_then_check_passes(tmp_path):
    result = run("demo", str(tmp_path))
    assert result.returncode == 0, result.stderr
    target = tmp_path / "example.nianbao"
    assert draft.load(target).agency == "杭州市城市管理局"
    result = run("check", str(target))
    assert result.returncode == 0
    assert "0个错误，0个警告" in result.stdout


def test_new_writes_a_blank_draft_in_the_year_s_format(tmp_path, capsys):
    out = tmp_path / "new.nianbao"
    assert (
        main(["new", "--year", "2025", "--agency", "某某县某某局", "--level", "政府部门", "-o", str(out)])
        == 0
    )
    report = draft.load(out)
    assert (report.year, report.format_id, report.agency, report.values) == (2025, "2021", "某某县某某局", {})
    assert main(["new", "--year", "2020", "--agency", "某镇", "--level", "乡镇街道", "-o", str(out)]) == 0
    assert draft.load(out).format_id == "2019"


def test_new_refuses_an_unknown_level(tmp_path, capsys):
    assert (
        main(["new", "--year", "2025", "--agency", "x", "--level", "村委会", "-o", str(tmp_path / "x")]) == 2
    )
    assert "机关层级应为以下之一" in capsys.readouterr().err


def test_check_exit_codes_and_json(tmp_path, capsys):
    good, bad, broken = tmp_path / "good.nianbao", tmp_path / "bad.nianbao", tmp_path / "broken.nianbao"
    draft.save(full_2021(), good)
    wrong = full_2021()
    wrong.set_value("t3.new.natural", 41)
    draft.save(wrong, bad)
    broken.write_text("{", encoding="utf-8")
    assert main(["check", str(good)]) == 0
    assert main(["check", str(good), str(bad)]) == 1
    capsys.readouterr()
    assert main(["check", str(good), str(broken), str(bad), "--json"]) == 2
    captured = capsys.readouterr()
    assert "无法打开“broken.nianbao”" in captured.err and len(captured.err.strip().splitlines()) == 1
    listing = json.loads(captured.out)
    assert [Path(item["path"]).name for item in listing] == ["good.nianbao", "bad.nianbao"]
    assert set(listing[1]) == {"path", "format", "year", "agency", "findings"}
    assert listing[1]["format"] == "2021" and listing[1]["year"] == 2023
    finding = listing[1]["findings"][0]
    assert finding["code"] == "T3-BAL" and finding["severity"] == "error"
    assert "t3.new.natural" in finding["cells"]


def test_check_with_the_previous_report(tmp_path, capsys):
    last, this = tmp_path / "2022.nianbao", tmp_path / "2023.nianbao"
    draft.save(full_2021(year=2022), last)
    draft.save(full_2021(year=2023), this)
    assert main(["check", str(this), "--previous", str(last), "--json"]) == 1
    found = {f["code"] for f in json.loads(capsys.readouterr().out)[0]["findings"]}
    assert {"XY-CARRY", "XY-VALID", "COPY"} <= found
    assert main(["check", str(this), "--previous", str(tmp_path / "none.nianbao")]) == 2


def test_check_a_folder(tmp_path, capsys):
    for year in (2021, 2022):
        draft.save(full_2021(year=year), tmp_path / f"{year}.nianbao")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    assert main(["check", str(tmp_path), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2


@pytest.mark.parametrize(
    "command",
    [
        ["demo", "{tmp}"],
        ["check", "{tmp}/example.nianbao"],
        ["new", "--year", "2024", "--agency", "x", "-o", "{tmp}/n.nianbao"],
    ],
)
def test_no_qt_on_the_command_line_paths(tmp_path, command):
    main(["demo", str(tmp_path)])
    args = [a.format(tmp=tmp_path) for a in command]
    script = (
        f"import sys; from nianbao.cli import main; code = main({args!r}); "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'gui')]; "
        "print(bad); sys.exit(code if not bad else 99)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_export_with_the_fonts_every_windows_has(tmp_path):
    import zipfile

    out = tmp_path / "r.docx"
    assert (
        main(["export", str(ROOT / "resources/example.nianbao"), "--docx", str(out), "--fonts", "windows"])
        == 0
    )
    styles = zipfile.ZipFile(out).read("word/styles.xml").decode("utf-8")
    assert 'w:eastAsia="仿宋"' in styles and "GB2312" not in styles
    assert main(["export", str(ROOT / "resources/example.nianbao"), "--docx", str(out), "--force"]) == 0
    assert "仿宋_GB2312" in zipfile.ZipFile(out).read("word/styles.xml").decode("utf-8")
