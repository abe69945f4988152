"""打印 to a PDF file (the print dialog's 打印到文件): the file gets the text maps of 导出 PDF, so copied or extracted
text reads 「人民」, not the radicals 「⼈⺠」 Qt's PDF engine names; a file that cannot be rewritten is left as Qt
wrote it."""

from __future__ import annotations

from gui.printing.pdf import mend_file, pdf_bytes
from model.document import report_document
from tests.support.gui_window import make_window
from tests.support.pdf_files import bare_text


def radicals(text: str) -> set[str]:
    return {c for c in text if 0x2E80 <= ord(c) <= 0x2FDF}


def test_a_print_to_a_pdf_file_names_ideographs_not_radicals(qtbot, seam, tmp_path, example):
    assert radicals(bare_text(pdf_bytes(report_document(example), mend=False)))  # what Qt alone writes
    window = make_window(qtbot, example, dialogs=seam)
    seam.print_to = tmp_path / "printed.pdf"
    window.menus.named_actions["打印"].trigger()
    text = bare_text(seam.print_to)
    assert not radicals(text)
    assert "中华人民共和国政府信息公开条例" in "".join(text.split())


def test_a_file_that_cannot_be_read_is_left_alone(qapp, tmp_path, example):
    missing = tmp_path / "gone.pdf"
    mend_file(missing, report_document(example))  # no error, nothing written
    assert not missing.exists()
