"""The window keeps to the limits a draft keeps: fields stop at them, a prose section over them is refused with a
sentence, what the document accepts saves and opens again equal, and 保存 over a read-only draft offers 另存为."""

from __future__ import annotations

import stat

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor

from gui.document import ReportDocument
from model import draft, limits
from model.report import Contact
from model.values import InputError
from tests.support.factories import full_2021
from tests.support.gui_window import make_window, type_text
from tests.support.office_docs import Style, build


def test_the_info_fields_stop_at_the_limits(qtbot, seam, example):
    window = make_window(qtbot, example, dialogs=seam)
    page = window.show_page("info")
    page.agency.setText("某" * (limits.MAX_AGENCY - 1))
    type_text(page.agency, "局局局")
    assert window.document.report.agency == "某" * (limits.MAX_AGENCY - 1) + "局"
    page.contact["address"].setText("路" * (limits.MAX_CONTACT_FIELD + 50))
    assert len(window.document.report.contact.address) == limits.MAX_CONTACT_FIELD
    assert page.year.minimum() == limits.MIN_YEAR and page.year.maximum() == limits.MAX_YEAR


def test_a_prose_paste_over_the_limit_is_refused_with_a_sentence(qtbot, seam, example):
    window = make_window(qtbot, example, dialogs=seam)
    page = window.show_page("s5")
    before = window.document.report.prose["s5"]
    steps = window.document.undo_stack.count()
    page.editor.moveCursor(QTextCursor.MoveOperation.End)
    page.editor.insertPlainText("长" * limits.MAX_PROSE)  # as a paste: one insertion
    assert window.document.report.prose["s5"] == before and page.editor.toPlainText() == before
    assert window.document.undo_stack.count() == steps
    assert not page.refusal.isHidden()
    assert page.refusal.text() == (
        f"⚠ 正文过长：每节最多20万字，这次修改后将有{len(before) + limits.MAX_PROSE}字，没有采用。请精简后再输入"
    )
    type_text(page.editor, "好")  # the next edit is taken and the sentence goes
    assert window.document.report.prose["s5"].endswith("好") and page.refusal.isHidden()


def test_the_document_refuses_prose_over_the_limit_and_cuts_fields(qapp):
    document = ReportDocument(full_2021())
    with pytest.raises(InputError, match="正文过长"):
        document.set_prose("s5", "长" * (limits.MAX_PROSE + 1))
    document.set_meta("agency", "某" * 500)
    document.set_meta("contact.email", "a" * 900)
    assert len(document.report.agency) == limits.MAX_AGENCY
    assert len(document.report.contact.email) == limits.MAX_CONTACT_FIELD
    with pytest.raises(InputError, match="报告年度应在1990—2200年之间"):
        document.set_meta("year", 1989)


LONG = st.builds(lambda part, times: part * times, st.text(min_size=1, max_size=6), st.integers(0, 700))
TEXT = st.one_of(st.text(max_size=30), LONG)
CELLS = sorted(full_2021().fmt.input_ids())
META = st.sampled_from(["agency", *(f"contact.{f}" for f in Contact.FIELDS)])
EDIT = st.one_of(
    st.tuples(st.just("meta"), META, TEXT),
    st.tuples(st.just("prose"), st.sampled_from(["s1", "s5", "s6"]), TEXT),
    st.tuples(st.just("cell"), st.sampled_from(CELLS), TEXT),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(EDIT, max_size=12))
def test_whatever_the_document_accepts_saves_and_opens_again_equal(qapp, edits):
    document = ReportDocument(full_2021())
    for kind, key, text in edits:
        try:
            if kind == "meta":
                document.set_meta(key, text)
            elif kind == "prose":
                document.set_prose(key, text)
            else:
                document.set_cells({key: text})
        except InputError:
            pass  # refused, nothing changed
    report = document.report
    assert draft.loads(draft.dumps(report)) == report


def test_a_word_report_with_a_long_note_opens_saves_and_opens_again(qtbot, seam, tmp_path):
    note = "说明：" + "本项为跨年度结转" * 31  # 251 characters in one cell
    source = build(full_2021(), tmp_path / "报告.docx", Style(texts={"t3.new.natural": note}))
    window = make_window(qtbot, dialogs=seam)
    assert window.files.open_path(str(source), confirm=False)
    assert any(f.code == "DOC-LONG" and f.cells == ("t3.new.natural",) for f in window.document.findings)
    seam.save_paths = [str(tmp_path / "草稿.nianbao")]
    assert window.files.save()
    assert window.files.open_path(str(tmp_path / "草稿.nianbao"), confirm=False)
    assert window.document.report.invalid["t3.new.natural"] == note[: limits.MAX_CELL_TEXT]
    assert "error" not in seam.kinds()


def test_saving_over_a_read_only_draft_says_so_and_offers_save_as(qtbot, seam, example, tmp_path):
    path = tmp_path / "只读.nianbao"
    draft.save(example, path)
    path.chmod(stat.S_IREAD)
    try:
        window = make_window(qtbot, draft.load(path), str(path), dialogs=seam)
        window.document.set_cells({"t3.new.natural": "77"})
        seam.save_paths = [str(tmp_path / "副本.nianbao")]
        window.named_actions["保存"].trigger()
        assert seam.asked[0] == ("error", "“只读.nianbao”是只读文件，请另存为其他文件")
        assert seam.kinds() == ["error", "save_file"]
        assert window.document.path == str(tmp_path / "副本.nianbao") and not window.isWindowModified()
        assert draft.load(tmp_path / "副本.nianbao").values["t3.new.natural"] == 77
        assert draft.load(path).values["t3.new.natural"] != 77  # the read-only file is left as it was
    finally:
        path.chmod(stat.S_IREAD | stat.S_IWRITE)


def test_a_failed_save_says_why_in_chinese(qtbot, seam, example, tmp_path):
    window = make_window(qtbot, example, dialogs=seam)
    assert not window.files.save_to(str(tmp_path / "没有这个文件夹" / "报告.nianbao"))
    assert seam.asked == [
        (
            "error",
            "无法保存“报告.nianbao”：文件夹“没有这个文件夹”不存在（可能已被移动、删除，或U盘已拔出），请另选位置",
        )
    ]
    assert window.isWindowModified() or window.document.path is None
