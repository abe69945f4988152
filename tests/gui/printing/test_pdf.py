"""导出 PDF (gui/printing/): A4 pages with 「— n —」, embedded fonts, selectable text with every label and value,
ruled tables that the PDF reader reads back as the same report; header rows repeated on a table's next page; the
filed copy's signature block; ``nianbao export --pdf`` without a screen."""

from __future__ import annotations

import re
import shutil
import subprocess

import pypdf
import pytest

from exporters.kinds import ExportOptions, kind
from exporters.reading import read_any
from gui.printing.pdf import write_pdf
from model.example import load_example
from model.table_plan import table_texts
from model.vocabulary import SIGNATURE
from tests.exporters.reading.test_reading_roundtrip import awkward_2021, findings, same_report
from tests.support.factories import full_2021

CASES = {"example": load_example, "full_2021": full_2021, "awkward": awkward_2021}
A4 = (595, 842)


def page_texts(pdf) -> list[str]:  # type: ignore[no-untyped-def]
    """Each page's text in poppler's reading order (-raw keeps a cell's wrapped lines together)."""
    text = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


@pytest.fixture(scope="module")
def poppler() -> None:
    if shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils (pdftotext, pdftoppm) is not installed")


@pytest.mark.parametrize("name", list(CASES))
def test_the_pdf_reads_back_as_the_same_report(qapp, tmp_path, name):
    report = CASES[name]()
    path = tmp_path / "report.pdf"
    kind("pdf").write(report, path, ExportOptions())
    read, document = read_any(path)
    assert document == []
    same_report(read, report)
    assert set(read.stated) == set(read.fmt.totals)  # every total printed, and read as printed
    assert [code for code, _ in findings(read)] == [code for code, _ in findings(report)]


@pytest.mark.parametrize("name", ["example", "full_2021"])
def test_a4_page_numbers_fonts_embedded_and_every_label_and_value(qapp, tmp_path, poppler, name):
    report = CASES[name]()
    path = tmp_path / "r.pdf"
    write_pdf(report, path)
    pdf = pypdf.PdfReader(path)
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pdf.pages]
    assert 4 <= len(sizes) <= 8 and set(sizes) == {A4}, sizes  # table 四 portrait at 小五
    for page in pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            descendant = font.get_object()["/DescendantFonts"][0].get_object()
            assert (
                "/FontFile2" in descendant["/FontDescriptor"] or "/FontFile3" in descendant["/FontDescriptor"]
            )
    pages = page_texts(path)
    for number, text in enumerate(pages, start=1):
        assert re.search(rf"—\s*{number}\s*—\s*$", text.rstrip()), number  # centred at the foot
    flat = "".join("".join(pages).split())
    assert "".join(report.title.split()) in flat
    for section in report.fmt.sections:
        assert section.heading in flat
    for table in report.fmt.tables:
        for row in table.rows:
            for cell in row.cells:
                assert "".join(cell.text.split()) in flat, (table.key, cell.text)
        assert all(value in flat for value in table_texts(table, report).values())
    subprocess.run(
        ["pdftoppm", "-png", "-r", "20", str(path), str(tmp_path / "page")], check=True, timeout=60
    )
    assert len(list(tmp_path.glob("page-*.png"))) == len(sizes)


def test_a_table_longer_than_a_page_repeats_its_header_rows(qapp, tmp_path, poppler):
    report = full_2021()
    spec = report.fmt.table("t3")
    for cell in spec.cells[::7]:  # long notes in many cells: table 三 no longer fits one page
        if not report.fmt.is_computed(cell.cell_id):
            report.values.pop(cell.cell_id, None)
            report.invalid[cell.cell_id] = "约" * 40
    report.changed()
    path = tmp_path / "long.pdf"
    write_pdf(report, path)
    pages = page_texts(path)
    with_table = [number for number, text in enumerate(pages) if "约约约约" in text]  # table 三's rows
    assert len(with_table) >= 2
    for number in with_table:  # the header rows on every page the table runs over
        assert "申请人情况" in pages[number] and "法人或其他组织" in pages[number], number
    assert sum("申请人情况" in text for text in pages) == len(with_table)


def test_landscape_page_for_table_four_when_its_columns_do_not_fit(qapp, tmp_path):
    report = full_2021()
    for cell in report.fmt.table("t4").cells:
        if not report.fmt.is_computed(cell.cell_id):
            report.set_value(cell.cell_id, 1234567)
    report.changed()
    path = tmp_path / "wide.pdf"
    write_pdf(report, path)
    sizes = [
        (round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pypdf.PdfReader(path).pages
    ]
    assert sizes.count((842, 595)) == 1 and sizes[-1] == A4
    read, _ = read_any(path)
    assert read.values == report.values


def test_the_filed_copy_carries_the_signature_block_the_published_one_does_not(qapp, tmp_path, poppler):
    report = load_example()
    texts = {}
    for closing in ("none", "sign_off", "filed"):
        path = tmp_path / f"{closing}.pdf"
        kind("pdf").write(report, path, ExportOptions(closing=closing))
        texts[closing] = "".join("".join(page_texts(path)).split())
    assert not any(line in texts["none"] for line in SIGNATURE) and "年月" not in texts["none"][-40:]
    assert not any(line in texts["sign_off"] for line in SIGNATURE)
    assert all(line in texts["filed"] for line in SIGNATURE)
    tail = texts["filed"][texts["filed"].rindex("六、") :]
    assert "杭州市城市管理局" in tail and re.search(r"\d{4}年\d{1,2}月\d{1,2}日", tail)
    read, document = read_any(tmp_path / "filed.pdf")  # the closing is no part of section 六
    assert document == []
    same_report(read, report)


def test_cli_exports_a_pdf_without_a_screen(tmp_path):
    from model import draft

    source = tmp_path / "草稿.nianbao"
    draft.save(full_2021(), source)
    out = tmp_path / "报告.pdf"
    env = {k: v for k, v in __import__("os").environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [__import__("sys").executable, "-m", "nianbao", "export", str(source), "--pdf", str(out), "--filed"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF") and "已导出" in done.stdout
    assert read_any(out)[0].values == full_2021().values
