"""Form bombs written with the loose syntax pdfium reads (found by ``tests/fuzz``: a reference with generation
``-1`` hid a form from the count, and a 1.8 KB file took 500 MB and 3 s): refused before pdfium parses them."""

from __future__ import annotations

import pytest

from exporters.pdf.errors import PdfError
from exporters.pdf.safe_pdf import MAX_FORM_DRAWS, check_pdf
from tests.support import pdf_files
from tests.support.bounded import read_bounded

LOOSE = {
    "negative generation": {"reference": b"%d -1 R"},
    "huge generation": {"reference": b"%d 99999999999999999999 R"},
    "comments between the tokens": {"reference": b"%d %%c\n0 %%d\nR"},
    "a decimal object number": {"reference": b"%d.0 0 R"},
    "a comment before Do": {"draw": b"/X %c\nDo\n"},
    "a signed generation in the headers": {"header": b"%d -0 obj"},
}


@pytest.mark.parametrize("loose", LOOSE.values(), ids=list(LOOSE))
def test_a_form_bomb_in_loose_syntax_is_refused_before_pdfium_sees_it(tmp_path, loose):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(pdf_files.form_bomb(5, 8, **loose))  # 8 ** 5 = 32,768 forms drawn
    with pytest.raises(PdfError, match="对象过多"):
        check_pdf(path)
    assert "对象过多" in read_bounded(path)["error"]


def test_a_form_bomb_under_the_limit_still_passes(tmp_path):
    path = tmp_path / "small.pdf"
    path.write_bytes(pdf_files.form_bomb(3, 8, reference=b"%d -1 R"))  # 512 forms drawn
    assert check_pdf(path)


def test_a_name_drawn_that_no_reference_gives_counts_as_any_form(tmp_path):
    objects = pdf_files.one_page(b"/Z Do\n" * (MAX_FORM_DRAWS + 1), b"/XObject << /X 10 0 R >>")
    objects[10] = pdf_files.stream(b"0 0 m 1 1 l S", b"/Type /XObject /Subtype /Form /BBox [0 0 10 10]")
    path = tmp_path / "unseen.pdf"
    path.write_bytes(pdf_files.pdf_bytes(objects))
    with pytest.raises(PdfError, match="对象过多"):
        check_pdf(path)
    objects[3] = objects[3].replace(
        b"/X 10 0 R", b"/X 10 0 R /Z 10 0 R"
    )  # named: the form is drawn that often
    path.write_bytes(pdf_files.pdf_bytes(objects))
    with pytest.raises(PdfError, match="对象过多"):
        check_pdf(path)


def _with_streams(stream: bytes, count: int) -> bytes:
    """A sound one-page file with ``count`` more copies of ``stream`` (an object with a stream) before its xref."""
    objects = pdf_files.one_page(b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET", b"/Font << /F1 5 0 R >>")
    objects[5] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    for number in range(10, 10 + count):
        objects[number] = stream
    return pdf_files.pdf_bytes(objects)


def test_many_streams_with_false_lengths_are_refused_before_pdfium_repairs_them(tmp_path):
    """Found by ``tests/fuzz``: a 4 MB file of streams whose /Length is false and that no ``endstream`` ends kept
    pdfium's repair busy for minutes (each stream searched for its end to the end of the file)."""
    path = tmp_path / "unended.pdf"
    path.write_bytes(_with_streams(b"<< /Length 500 >>\nstream\nhello\n", 3000))
    with pytest.raises(PdfError, match="严重损坏"):
        check_pdf(path)
    assert "严重损坏" in read_bounded(path)["error"]


def test_streams_with_false_lengths_that_end_soon_are_read(tmp_path):
    """A sloppy writer's lengths: wrong, but each stream ends at its own ``endstream`` — pdfium finds it at once."""
    path = tmp_path / "sloppy.pdf"
    path.write_bytes(_with_streams(b"<< /Length 500 >>\nstream\nhello\nendstream", 3000))
    assert check_pdf(path)


@pytest.mark.parametrize(
    "objects", [b"[" * 4_000_000, b"[" + b"[] " * 3_100_000 + b"]", b"[" + b"1 " * 3_100_000 + b"]"]
)
def test_millions_of_tiny_objects_are_refused_before_pdfium_builds_them(tmp_path, objects):
    """Found by ``tests/fuzz``: 4 MB of 「[」 in a page's resources took pdfium 425 MB (50–85 bytes an object)."""
    path = tmp_path / "tiny.pdf"
    path.write_bytes(pdf_files.pdf_bytes(pdf_files.one_page(b"", b"/Deep " + objects)))
    with pytest.raises(PdfError, match="对象过多"):
        check_pdf(path)
    assert "对象过多" in read_bounded(path)["error"]


def test_the_numbers_inside_a_content_stream_do_not_count_as_objects(tmp_path):
    path = tmp_path / "drawn.pdf"
    path.write_bytes(pdf_files.pdf_bytes(pdf_files.one_page(b"1 1 m 2 2 l S\n" * 400_000)))  # 2.4 M numbers
    assert check_pdf(path)


def test_a_form_bomb_whose_forms_declare_no_length_is_refused(tmp_path):
    """Found by ``tests/fuzz``: pdfium takes a stream up to its ``endstream`` when /Length is false (here 0), so the
    forms it draws are counted from the same bytes."""
    data = pdf_files.form_bomb(5, 8)
    path = tmp_path / "bomb.pdf"
    path.write_bytes(data.replace(b"/Length 17 ", b"/Length 00 "))  # the same size: the xref stays right
    assert data.count(b"/Length 17 ") == 5
    with pytest.raises(PdfError, match="对象过多"):
        check_pdf(path)
    assert "对象过多" in read_bounded(path)["error"]


FORM = b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X %d 0 R >> >>"


def _forms(chain: dict[int, int], fan: int = 2) -> bytes:
    """A page drawing form 10; each form N draws its own /X (form ``chain[N]``) ``fan`` times; 0 ends a chain."""
    objects = pdf_files.one_page(b"/X Do\n" * fan, b"/XObject << /X 10 0 R >>")
    for number, target in chain.items():
        if target:
            objects[number] = pdf_files.stream(b"/X Do\n" * fan, FORM % target)
        else:
            objects[number] = pdf_files.stream(
                b"0 0 m 1 1 l S", b"/Type /XObject /Subtype /Form /BBox [0 0 10 10]"
            )
    return pdf_files.pdf_bytes(objects)


@pytest.mark.parametrize(
    "chain", [{10: 10}, {10: 11, 11: 10}, {10: 11, 11: 12, 12: 11}], ids=["self", "pair", "later"]
)
def test_a_form_that_draws_itself_is_refused(tmp_path, chain):
    """Found by ``tests/fuzz``: pdfium follows a form drawing itself (twice) until the process aborts."""
    path = tmp_path / "loop.pdf"
    path.write_bytes(_forms(chain))
    with pytest.raises(PdfError, match="对象过多"):
        check_pdf(path)
    assert "对象过多" in read_bounded(path)["error"]


def test_nested_forms_that_reuse_a_name_are_no_loop(tmp_path):
    """Every form names its own child /X (as PDF writers do): the names are resolved form by form."""
    path = tmp_path / "nested.pdf"
    path.write_bytes(_forms({10: 11, 11: 12, 12: 0}))
    assert check_pdf(path)


def test_a_stream_two_damaged_objects_lead_to_is_counted_for_both(tmp_path):
    """Found by ``tests/fuzz``: object 12's dictionary ran into a copy of object 10 (pdfium skips the words where a
    key should be and takes the inner dictionary's keys), so 12 became a form drawing 11, which draws 12."""
    data = _forms({10: 11, 11: 12, 12: 0})
    at = data.index(b"12 0 obj\n") + len(b"12 0 obj\n")
    damaged = (
        data[:at] + b"<< /Lengthbj\n10 0 obj\n<< /Length 6 " + FORM % 11 + b" >>\nstream\n/X Do\n\nendstream"
    )
    damaged += data[data.index(b"\nendobj", at) :]
    path = tmp_path / "damaged.pdf"
    path.write_bytes(damaged)
    with pytest.raises(PdfError, match="对象过多"):
        check_pdf(path)
