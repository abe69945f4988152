"""基本信息's 执行口径 and the prose page's highlight of sentences repeated from last year."""

from __future__ import annotations

from PySide6.QtGui import QStandardItemModel

from gui.document import ReportDocument
from gui.info_page import InfoPage
from gui.prose_page import ProsePage
from gui.repeated_text import REPEATED
from model.packs import NATIONAL_LABEL
from tests.support.factories import full_2021

OLD = "本机关坚持以公开为常态、不公开为例外，围绕中心工作，深入推进决策、执行、管理、服务、结果公开。"


def test_the_clerk_picks_a_pack_undoably(qtbot) -> None:  # type: ignore[no-untyped-def]
    document = ReportDocument(full_2021(year=2025))
    page = InfoPage(document)
    qtbot.addWidget(page)
    choices = [(page.pack.itemText(i), page.pack.itemData(i)) for i in range(page.pack.count())]
    assert choices == [(NATIONAL_LABEL, ""), ("某市2025年度执行口径（示例）", "2025sample")]
    page.pack.setCurrentIndex(1)
    page.pack.activated.emit(1)
    assert document.report.pack == "2025sample"
    assert "SEC-TOPICS" in {f.code for f in document.findings}
    document.undo_stack.undo()
    assert document.report.pack == "" and page.pack.currentData() == ""
    assert "SEC-TOPICS" not in {f.code for f in document.findings}


def test_the_pack_does_not_follow_the_report_into_the_other_format(qtbot) -> None:  # type: ignore[no-untyped-def]
    document = ReportDocument(full_2021(year=2025))
    page = InfoPage(document)
    qtbot.addWidget(page)
    document.set_meta("pack", "2025sample")
    document.set_meta("format_id", "2019")
    assert document.report.pack == "" and page.pack.count() == 1  # no pack for the 2019 format here


def test_a_missing_pack_is_listed_and_kept(qtbot) -> None:  # type: ignore[no-untyped-def]
    report = full_2021(year=2025)
    report.pack = "某省口径"
    page = InfoPage(ReportDocument(report))
    qtbot.addWidget(page)
    assert "本机没有这个执行口径" in page.pack.currentText() and page.pack.currentData() == "某省口径"
    model = page.pack.model()
    assert isinstance(model, QStandardItemModel) and all(
        model.item(i).isEnabled() for i in range(model.rowCount())
    )


def test_repeated_sentences_are_highlighted(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    report, last = full_2021(year=2025), full_2021(year=2024)
    last.prose["s1"] = OLD
    report.prose["s1"] = "本年新增政务公开专区。" + OLD + "\n本年新收政府信息公开申请47件。"
    report.previous = last
    page = ProsePage(ReportDocument(report), "s1")
    qtbot.addWidget(page)
    page.resize(900, 400)
    page.show()
    first = page.editor.document().firstBlock()
    ranges = [
        (r.start, r.length) for r in first.layout().formats() if r.format.background().color() == REPEATED
    ]
    assert ranges == [(len("本年新增政务公开专区。"), len(OLD))]
    assert not [r for r in first.next().layout().formats() if r.format.background().color() == REPEATED]
    page.grab().save(str(tmp_path / "prose.png"))
