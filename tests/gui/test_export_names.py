"""Proposed names of 另存为, 导出 and 全部导出 are valid Windows names that fit; a full disk is said in Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest

from exporters.kinds import kind
from gui import exports
from gui.export_files import free_name
from model.file_names import MAX_NAME_BYTES
from model.report import Report
from tests.support.gui_window import make_window

TAIL = "2025年政府信息公开工作年度报告"


def report_of(agency: str, example: Report) -> Report:
    """The example (a fresh one each test) under another agency name, for 2025 (a report may hold any name)."""
    example.agency, example.year = agency, 2025
    return example


@pytest.mark.parametrize("length", [69, 70, 200, 300])
def test_long_agencies_export_both_files_under_a_shortened_name(tmp_path, example, length):
    report = report_of("某" * length, example)
    written, problems = exports.export(report, ["docx", "xlsx"], tmp_path)
    assert problems == [] and len(written) == 2
    for path in written:
        assert path.exists() and path.stem.endswith(TAIL) and len(path.name.encode()) <= MAX_NAME_BYTES
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in written)  # no temp left


def test_save_as_proposes_a_name_not_a_path(qtbot, seam, tmp_path, example):
    window = make_window(qtbot, report_of("某市住房/城乡建设局", example), dialogs=seam)
    seam.save_paths = [None]
    window.named_actions["另存为"].trigger()
    suggested = Path(str(seam.asked[-1][1]))
    assert suggested.name == f"某市住房_城乡建设局{TAIL}.nianbao"
    assert suggested.parent == Path(window.files.folder())


def test_export_proposes_names_without_newline_tab_leading_dot_or_a_device_name(
    qtbot, seam, tmp_path, example
):
    window = make_window(qtbot, report_of("\n.某局\t办公室", example), dialogs=seam)
    seam.save_paths = [None]
    exports.run_export(window, ["docx"])
    assert Path(str(seam.asked[-1][1])).name == f"某局 办公室{TAIL}.docx"
    window.document.report.agency = "CON."
    seam.folders = [str(tmp_path)]
    written = exports.run_export(window, exports.kinds())
    assert {p.name for p in written} == {f"CON_.{TAIL}{kind(k).suffix}" for k in exports.kinds()}


def test_a_deep_folder_gets_a_name_whose_path_fits_in_260_characters(example):
    name = exports.file_name(report_of("某" * 150, example), "docx", Path("C:/") / ("子" * 150))
    assert name.endswith(f"…{TAIL}.docx") and len("C:/" + "子" * 150) + 1 + len(name) <= 259 - 29


def test_the_numbered_name_beside_a_taken_one_fits_too(tmp_path):
    taken = tmp_path / ("某" * 60 + f"{TAIL}.docx")
    taken.write_bytes(b"")
    second = free_name(taken)
    assert second.name.endswith(f"…{TAIL}（2）.docx") and len(second.name.encode()) <= MAX_NAME_BYTES
