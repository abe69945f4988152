"""导入上年报告 asks once before importing another agency's or year's report, or one that changes filled cells."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QMessageBox

from exporters.kinds import kind
from gui.import_dialogs import import_question
from model import draft
from model.report import Report
from tests.support.gui_window import make_window

CODE = re.compile(r"[A-Z]{2,}-[A-Z]{2,}")


@pytest.fixture
def saved_example(tmp_path, example):
    """杭州市城市管理局's 2020 report as a draft."""
    path = tmp_path / "城管局2020.nianbao"
    draft.save(example, path)
    return path


def traffic_2025() -> Report:
    report = Report.new(2025, "某市交通局")
    report.set_value("t3.carry.natural", 5)
    report.set_value("t3.carry.business", 1)
    return report


def test_a_wrong_report_is_asked_about_once_and_no_changes_nothing(qtbot, seam, saved_example):
    window = make_window(qtbot, traffic_2025(), dialogs=seam)
    seam.import_anyway = False
    seam.open_paths = [str(saved_example)]
    window.named_actions["导入上年报告"].trigger()
    assert seam.kinds() == ["open_file", "confirm_import"]
    reasons, changes = seam.asked[1][1]
    assert reasons == [
        "所选报告是“杭州市城市管理局”的，本报告是“某市交通局”的",
        "所选报告是2020年度的，本报告是2025年度，上年报告应是2024年度的",
    ]
    assert changes == ["表三·自然人·上年结转：5 → 0", "表三·商业企业·上年结转：1 → 0"]
    report = window.document.report
    assert report.value("t3.carry.natural") == 5 and report.value("t3.carry.business") == 1
    assert report.previous is None and window.document.undo_stack.count() == 0
    assert "已取消导入" in window.statusBar().currentMessage()


def test_yes_imports_in_one_undo_step(qtbot, seam, saved_example):
    window = make_window(qtbot, traffic_2025(), dialogs=seam)
    assert window.files.import_previous_from(str(saved_example))
    assert seam.kinds() == ["confirm_import"]
    report = window.document.report
    assert report.value("t3.carry.natural") == 0 and report.previous is not None
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    assert report.value("t3.carry.natural") == 5 and report.value("t3.carry.business") == 1
    assert report.previous is None


def test_last_years_report_of_the_agency_is_imported_without_a_question(qtbot, seam, saved_example):
    window = make_window(qtbot, Report.new(2021, "杭州市 城市管理局"), dialogs=seam)
    assert window.files.import_previous_from(str(saved_example))
    assert "confirm_import" not in seam.kinds()
    message = window.statusBar().currentMessage()
    assert message.startswith("已导入杭州市城市管理局2020年度报告") and "已核对与上年报告的衔接" in message
    info = window.page("info").previous.text()
    assert "表三“上年结转”" in info
    assert not CODE.search(message) and not CODE.search(info)


def test_a_word_report_of_last_year_is_imported_with_its_prose(qtbot, seam, example, tmp_path):
    path = tmp_path / "上年.docx"
    kind("docx").write(example, path)
    window = make_window(qtbot, Report.new(2021), dialogs=seam)
    assert window.files.import_previous_from(str(path)) and seam.kinds() == []
    previous = window.document.report.previous
    assert previous is not None and "政策解读形式还不够丰富" in previous.prose["s5"]


def test_the_question_box_lists_reasons_and_changes_and_defaults_to_cancel(qtbot):
    changes = [f"表三·第{i}行·上年结转：{i} → 0" for i in range(15)]
    box = import_question(None, ["所选报告是2020年度的，本报告是2025年度，上年报告应是2024年度的"], changes)
    qtbot.addWidget(box)
    text = box.text()
    assert "所选的报告可能不是本报告的上年报告" in text and "2024年度" in text
    assert "表三·第11行" in text and "表三·第12行" not in text and "……等共15处" in text
    assert [b.text() for b in box.buttons()] == ["仍然导入(&I)", "取消"]
    assert box.defaultButton().text() == "取消" and box.escapeButton() is box.defaultButton()
    assert box.buttonRole(box.buttons()[0]) == QMessageBox.ButtonRole.AcceptRole
