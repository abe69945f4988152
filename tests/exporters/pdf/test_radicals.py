"""PDFs made elsewhere whose text maps name radicals for ideographs (Qt and WPS write 「⼯作」 for 「工作」,
「⼈⺠」 for 「人民」): the reader takes the ideographs, and the full-width punctuation stays as printed."""

from __future__ import annotations

import pytest

from exporters.pdf.reader import read_pages, read_pdf
from gui.printing.pdf import pdf_bytes
from model.document import report_document
from model.example import load_example
from tests.exporters.reading.test_reading_roundtrip import findings, same_report
from tests.support.factories import full_2021
from tests.support.pdf_files import bare_text, one_page, stream
from tests.support.pdf_files import pdf_bytes as raw_pdf

CASES = {"example": load_example, "full_2021": full_2021}


@pytest.mark.parametrize("name", list(CASES))
def test_a_pdf_as_qt_writes_it_reads_back_as_the_same_report(qapp, tmp_path, name):
    report = CASES[name]()
    data = pdf_bytes(report_document(report), mend=False)  # Qt's own ToUnicode maps, as other Qt programs'
    text = bare_text(data)
    assert "⺠" in text and "⼯" in text and "民" not in text  # the radicals really are in the text layer
    path = tmp_path / "qt.pdf"
    path.write_bytes(data)
    read, document = read_pdf(path)
    assert document == []
    same_report(read, report)
    assert findings(read) == findings(report)


# Helvetica with a ToUnicode map: codes 1–7 are 「⼯作（⼈⺠）：」 (two radicals of each block, full-width brackets)
CMAP = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Radicals def /CMapType 2 def
1 begincodespacerange <00> <FF> endcodespacerange
7 beginbfchar
<01> <2F2F> <02> <4F5C> <03> <FF08> <04> <2F08> <05> <2EA0> <06> <FF09> <07> <FF1A>
endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end"""


def test_a_minimal_pdf_whose_to_unicode_map_names_radicals():
    objects = one_page(b"BT /F1 24 Tf 72 720 Td <01020304050607> Tj ET", b"/Font << /F1 5 0 R >>")
    objects[5] = (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 1 /LastChar 7 "
        b"/Widths [1000 1000 1000 1000 1000 1000 1000] /ToUnicode 6 0 R >>"
    )
    objects[6] = stream(CMAP)
    data = raw_pdf(objects)
    assert bare_text(data).strip() == "⼯作（⼈⺠）："
    (page,) = read_pages(data)
    assert "".join(c.text for c in page.chars if c.text.strip()) == "工作（人民）："
