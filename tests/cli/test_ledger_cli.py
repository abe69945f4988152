"""`nianbao ledger`: a dry run lists the count and the rows left out; --report and --into write drafts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from model import draft
from model.report import Report
from nianbao.cli import main
from tests.support import ledgers

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def ledger(tmp_path: Path) -> tuple[Path, list[ledgers.Record], dict[str, int]]:
    items = ledgers.records(200, seed=2)
    bad = ledgers.spoil(items)
    return ledgers.write_xlsx(tmp_path / "2025年台账.xlsx", items), items, bad


def test_a_dry_run_prints_the_table_and_the_rows_left_out(ledger, capsys) -> None:  # type: ignore[no-untyped-def]
    path, items, bad = ledger
    assert main(["ledger", str(path)]) == 1  # some rows could not be counted
    out = capsys.readouterr().out
    new = sum(v for k, v in ledgers.expected(items).items() if k.startswith("t3.new."))
    assert f"2025年度计入{len(items) - 5}行" in out
    assert f"本年新收：{new}（" in out
    assert f"第{bad['no_date'] + 4}行：没有收到日期" in out
    assert f"第{bad['duplicate'] + 4}行：编号“YSQ-00001”与第4行相同" in out
    assert f"未计入：第{bad['old'] + 4}行" in out


def test_report_writes_a_new_draft(ledger, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    path, items, _ = ledger
    out = tmp_path / "new.nianbao"
    assert main(["ledger", str(path), "--report", str(out), "--agency", "某某局"]) == 1
    report = draft.load(out)
    assert (report.year, report.agency, report.format_id) == (2025, "某某局", "2021")
    counted = {k: v for k, v in report.values.items() if k.startswith("t3.") and v}
    assert counted == ledgers.expected(items)
    assert report.ledger is not None and report.ledger.file == "2025年台账.xlsx"
    assert main(["ledger", str(path), "--report", str(out)]) == 2  # exists: refused without --force
    assert "已经存在" in capsys.readouterr().err
    assert main(["ledger", str(path), "--report", str(out), "--force"]) == 1


def test_into_fills_an_existing_draft_and_keeps_a_backup(ledger, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path, items, _ = ledger
    target = tmp_path / "draft.nianbao"
    before = Report.new(2025, "某某局")
    before.set_value("t2.regulations.issued", 2)
    before.set_value("t3.open.natural", 500)
    draft.save(before, target)
    assert main(["ledger", str(path), "--into", str(target)]) == 1
    after = draft.load(target)
    assert after.values["t2.regulations.issued"] == 2
    assert after.values["t3.open.natural"] == ledgers.expected(items).get("t3.open.natural", 0)
    assert draft.load(target.with_name("draft.nianbao.bak")).values["t3.open.natural"] == 500


def test_json_and_a_clean_ledger_exits_0(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    items = ledgers.records(60, seed=4)
    path = ledgers.write_csv(tmp_path / "l.csv", items, "gbk")
    assert main(["ledger", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["year"] == 2025 and data["problems"] == [] and data["header_row"] == 1
    assert {k: v for k, v in data["cells"].items() if v} == ledgers.expected(items)


def test_the_memory_file_keeps_the_layout(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    items = ledgers.records(30, seed=4)
    path = ledgers.write_csv(tmp_path / "l.csv", items, "utf-8")
    memory = tmp_path / "memory.json"
    assert main(["ledger", str(path), "--memory", str(memory)]) == 0
    saved = json.loads(memory.read_text(encoding="utf-8"))
    assert list(saved["layouts"].values()) == [
        {
            "number": "申请编号",
            "type": "申请人类型",
            "name": "申请人",
            "received": "收到日期",
            "concluded": "答复日期",
            "outcome": "处理结果",
        }
    ]


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [("bad.xlsx", b"nonsense", "无法读取“bad.xlsx”"), ("empty.csv", b"", "没有内容")],
)
def test_unreadable_ledgers_exit_2(tmp_path, capsys, name: str, data: bytes, says: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_bytes(data)
    assert main(["ledger", str(path)]) == 2
    assert says in capsys.readouterr().err


def test_a_ledger_without_a_header_asks_for_the_columns(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    assert main(["ledger", str(path), "--year", "2025"]) == 2
    assert "没有找到表头" in capsys.readouterr().err


def test_the_command_runs_without_qt(ledger) -> None:  # type: ignore[no-untyped-def]
    path, _, _ = ledger
    code = (
        "import sys; from nianbao.cli import main; code = main(['ledger', sys.argv[1]]);"
        "assert 'PySide6' not in sys.modules; sys.exit(code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
