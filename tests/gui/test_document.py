"""ReportDocument: parsed, undoable edits of a Report, with findings and marks re-evaluated after each."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gui.document import ReportDocument
from model.report import Report
from model.rules import Finding


@pytest.fixture
def doc(qapp, example):
    return ReportDocument(example, "example.nianbao")


def test_accepted_edit_updates_totals_findings_and_is_one_undo_step(doc, qtbot):
    assert doc.findings == [] or all(f.severity != "error" for f in doc.findings)
    with qtbot.waitSignals([doc.cellsChanged, doc.findingsChanged, doc.changed]):
        messages, skipped = doc.set_cells({"t3.new.natural": "29", "t3.new.business": "２"}, "粘贴")
    assert (messages, skipped) == ([], [])
    assert doc.report.value("t3.new.natural") == 29
    assert doc.report.value("t3.new.business") == 2
    assert doc.report.value("t3.new.total") == 30 + 2
    assert "t3.new.natural" in doc.marks and doc.marks["t3.new.natural"][0] == "error"
    assert doc.is_modified() and doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.report.value("t3.new.natural") == 28 and doc.report.value("t3.new.business") == 1
    assert "t3.new.natural" not in doc.marks and not doc.is_modified()
    doc.undo_stack.redo()
    assert doc.report.value("t3.new.total") == 32


def test_cells_changed_names_the_totals_that_moved(doc, qtbot):
    with qtbot.waitSignal(doc.cellsChanged) as blocker:
        doc.set_cells({"t3.new.natural": "31"}, "编辑")
    assert {"t3.new.natural", "t3.new.total"} <= set(blocker.args[0])


def test_refused_text_changes_nothing_and_comes_back_in_chinese(doc):
    messages, skipped = doc.set_cells({"t3.new.natural": "三十", "t3.new.business": "2"}, "粘贴")
    assert len(messages) == 1 and "自然人" in messages[0] and "整数" in messages[0]
    assert doc.report.value("t3.new.natural") == 28
    assert doc.report.value("t3.new.business") == 2
    assert "t3.new.natural" in doc.refused
    doc.set_cells({"t3.new.natural": "28"}, "编辑")
    assert "t3.new.natural" not in doc.refused


def test_computed_cells_are_skipped(doc):
    messages, skipped = doc.set_cells({"t3.new.total": "99", "t3.new.natural": "28"}, "粘贴")
    assert skipped == ["t3.new.total"] and messages == []
    assert doc.report.value("t3.new.total") == 30
    assert doc.undo_stack.count() == 0  # nothing changed: no undo step


def test_clear_cells_is_one_step_and_blank_is_not_zero(doc):
    doc.clear_cells(["t3.new.natural", "t3.new.business", "t3.new.total"])
    assert doc.report.value("t3.new.natural") is None
    assert doc.undo_stack.count() == 1
    assert any(f.code == "BLANK" for f in doc.findings)
    doc.undo_stack.undo()
    assert doc.report.value("t3.new.natural") == 28


def test_clearing_a_computed_cell_forgets_a_printed_total(doc):
    doc.report.stated["t4.cases.review_total"] = 0
    doc.report.set_text("t4.cases.review_upheld", "3")
    doc.replace_report(doc.report)
    assert doc.marks["t4.cases.review_total"][0] == "error"
    doc.clear_cells(["t4.cases.review_total"])
    assert "t4.cases.review_total" not in doc.report.stated
    assert "t4.cases.review_total" not in doc.marks
    doc.undo_stack.undo()
    assert doc.report.stated["t4.cases.review_total"] == 0


def test_money_keeps_its_unit_and_invalid_text_is_restored_by_undo(qapp):
    report = Report.new(2020, "某局")
    report.invalid["t2.procurement.amount"] = "约25万"
    doc = ReportDocument(report)
    doc.set_cells({"t2.procurement.amount": "251000元"}, "编辑")
    assert (
        report.value("t2.procurement.amount") == Decimal(251000)
        and report.units["t2.procurement.amount"] == "元"
    )
    assert "t2.procurement.amount" not in report.invalid
    doc.set_cells({"t2.procurement.amount": "300000"}, "编辑")
    assert report.units["t2.procurement.amount"] == "元"
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert (
        report.invalid["t2.procurement.amount"] == "约25万" and report.value("t2.procurement.amount") is None
    )


def test_year_change_switches_format_keeping_shared_cells_and_undo_restores(doc, qtbot):
    before = dict(doc.report.values)
    with qtbot.waitSignal(doc.formatChanged):
        doc.set_meta("year", 2021)
    assert doc.report.format_id == "2021" and doc.report.year == 2021
    assert doc.report.value("t3.new.natural") == 28  # table 三 is the same in both formats
    assert all(c in doc.report.fmt.cells for c in doc.report.values)
    assert "t2.license.prev" not in doc.report.values
    doc.undo_stack.undo()
    assert doc.report.format_id == "2019" and doc.report.values == before


def test_meta_and_prose_edits_merge_into_one_step_each(doc):
    doc.set_meta("agency", "杭州市城")
    doc.set_meta("agency", "杭州市城管局")
    doc.set_prose("s5", "问题一")
    doc.set_prose("s5", "问题一、二")
    doc.set_meta("contact.phone", "0571-1234567")
    assert doc.undo_stack.count() == 3
    assert doc.report.agency == "杭州市城管局" and doc.report.contact.phone == "0571-1234567"
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.report.prose.get("s5", "") != "问题一" and doc.report.agency == "杭州市城管局"
    with pytest.raises(KeyError):
        doc.set_meta("colour", "red")


def test_replace_report_and_saving(doc, qtbot):
    doc.set_cells({"t3.new.natural": "31"}, "编辑")
    doc.mark_saved("a.nianbao")
    assert not doc.is_modified() and doc.path == "a.nianbao"
    with qtbot.waitSignals([doc.reportReplaced, doc.findingsChanged]):
        doc.replace_report(Report.new(2023, "某镇"), None)
    assert doc.report.format_id == "2021" and doc.undo_stack.count() == 0 and doc.path is None
    assert any(f.code == "BLANK" for f in doc.findings)


def test_document_findings_are_listed_and_marked_until_another_report_is_shown(qapp, example):
    label = Finding("FMT-LABEL", "warning", "表三的行标签与格式不符", ("t3.new.natural",))
    doc = ReportDocument(example, None, document_findings=[label])
    assert doc.findings[0] == label and doc.marks["t3.new.natural"][0] == "warning"
    doc.set_cells({"t3.new.natural": "29"}, "编辑")  # re-evaluation keeps the file's findings, the error wins
    assert label in doc.findings and doc.marks["t3.new.natural"][0] == "error"
    doc.undo_stack.undo()
    assert doc.marks["t3.new.natural"][0] == "warning"
    doc.replace_report(example.copy(), None)
    assert label not in doc.findings and "t3.new.natural" not in doc.marks
    doc.replace_report(example.copy(), None, [label])
    assert doc.document_findings == [label] and doc.findings[0] == label


def test_apply_report_is_one_undo_step_on_the_same_report_object(doc):
    report = doc.report
    after = report.copy()
    after.set_text("t3.new.natural", "29")
    after.prose["s5"] = "导入的正文"
    doc.apply_report(after, "导入上年报告")
    assert (
        doc.report is report and report.value("t3.new.natural") == 29 and report.prose["s5"] == "导入的正文"
    )
    assert doc.undo_stack.count() == 1 and doc.undo_stack.undoText() == "导入上年报告"
    assert doc.marks["t3.new.natural"][0] == "error"
    doc.undo_stack.undo()
    assert report.value("t3.new.natural") == 28 and report.prose.get("s5", "") != "导入的正文"


def test_a_refusal_is_forgotten_at_the_next_edit_undo_or_redo(doc, qtbot):
    doc.set_cells({"t3.new.natural": "-1"}, "编辑")
    assert "t3.new.natural" in doc.refused and doc.report.value("t3.new.natural") == 28
    with qtbot.waitSignal(doc.cellsChanged) as blocker:
        doc.set_cells({"t3.new.business": "2"}, "编辑")  # typing elsewhere: the old cell's red frame goes
    assert doc.refused == {} and "t3.new.natural" in blocker.args[0]
    doc.set_cells({"t3.new.natural": "三十"}, "编辑")
    doc.undo_stack.undo()
    assert doc.refused == {}
    doc.set_cells({"t3.new.natural": "三十", "t3.new.legal": "1"}, "粘贴")  # a paste keeps its own refusals
    assert list(doc.refused) == ["t3.new.natural"]
    doc.undo_stack.undo()
    doc.undo_stack.redo()
    assert doc.refused == {}
