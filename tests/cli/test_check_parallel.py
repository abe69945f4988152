"""`nianbao check` over a folder in worker processes: the same results in the same order as one process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exporters.docx.writer import write_docx
from exporters.xlsx.writer import write_xlsx
from model import draft
from nianbao.batch import MIN_PARALLEL, workers_for
from nianbao.cli import main
from tests.support.factories import full_2021


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("reports")
    for index in range(12):
        report = full_2021(agency=f"某某市第{index}局")
        if index % 4 == 1:
            report.set_value("t3.new.natural", 999)  # an error in some of them
            report.changed()
        writer = (write_docx, write_xlsx, draft.save)[index % 3]
        writer(report, root / f"{index:02d}{('.docx', '.xlsx', '.nianbao')[index % 3]}")
    (root / "05x.docx").write_bytes(b"PK\x03\x04 broken")  # one unreadable file among them
    return root


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["check", *args])
    out = capsys.readouterr()
    return status, out.out, out.err


def test_two_workers_give_what_one_process_gives_in_the_same_order(folder: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    one = run(capsys, str(folder), "--json", "--jobs", "1")
    two = run(capsys, str(folder), "--json", "--jobs", "2")
    assert one == two
    status, out, err = two
    results = json.loads(out)
    assert [Path(r["path"]).name for r in results] == sorted(
        p.name for p in folder.iterdir() if p.name != "05x.docx"
    )
    assert status == 2 and "05x.docx" in err  # the unreadable file is named; the others are all checked
    errors = [r["agency"] for r in results if any(f["severity"] == "error" for f in r["findings"])]
    assert errors == ["某某市第1局", "某某市第5局", "某某市第9局"]


def test_workers_check_against_last_years_report(folder: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    previous = full_2021(agency="某某市第0局")
    previous.year -= 1
    previous.set_value("t3.next.natural", 77)
    previous.changed()
    path = tmp_path / "上年.docx"
    write_docx(previous, path)
    _, out, _ = run(capsys, str(folder), "--json", "--jobs", "2", "--previous", str(path))
    codes = {f["code"] for r in json.loads(out) for f in r["findings"]}
    assert "XY-CARRY" in codes


def test_text_output_is_the_same_with_workers(folder: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(capsys, str(folder), "--jobs", "1") == run(capsys, str(folder), "--jobs", "2")


def test_a_few_files_are_checked_without_workers() -> None:
    assert workers_for(MIN_PARALLEL - 1, None) == 1
    assert workers_for(MIN_PARALLEL, None) >= 1 and workers_for(3, 2) == 2
