"""`nianbao export` says so when the report still has errors (the app asks; the command exports and warns)."""

from __future__ import annotations

from model import draft
from nianbao.cli import main
from tests.support.factories import full_2021


def test_export_of_a_report_with_errors_warns_on_stderr(tmp_path, capsys):
    report = full_2021()
    report.set_value("t3.new.natural", report.value("t3.new.natural") + 1)  # T3-BAL and T3-ROW… fail
    draft.save(report, tmp_path / "bad.nianbao")
    assert main(["export", str(tmp_path / "bad.nianbao"), "--xlsx", str(tmp_path / "bad.xlsx")]) == 0
    captured = capsys.readouterr()
    assert (tmp_path / "bad.xlsx").exists()
    assert "注意：报告还有" in captured.err and "个错误" in captured.err and "nianbao check" in captured.err


def test_export_of_a_clean_report_is_quiet(tmp_path, capsys):
    draft.save(full_2021(), tmp_path / "good.nianbao")
    assert main(["export", str(tmp_path / "good.nianbao"), "--xlsx", str(tmp_path / "good.xlsx")]) == 0
    assert capsys.readouterr().err == ""
