"""How many published PDF reports per second are read and checked, against floors measured in the same run.

Run: python benchmarks/bench_read_pdf.py   (needs LibreOffice to print the reports; absolute times vary between
machines: compare the ratios). Files: 24 reports of 5–6 pages — the app's Word export of the example (2019
format) and of 2021 reports, some laid out as WPS leaves them (rows that break across pages), printed by
LibreOffice. Floors: pypdfium2's bare text extraction (open, every page's text, close) and pdfplumber's bare
``extract_tables()`` on every page (pdfplumber is a benchmark-only install: ``pip install pdfplumber``; without it
that floor is skipped). Target: at least 4 reports/s per core, aiming at 10.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402

from exporters.docx.writer import write_docx  # noqa: E402
from exporters.pdf.reader import read_pdf  # noqa: E402
from model.engine import evaluate  # noqa: E402
from model.example import load_example  # noqa: E402
from tests.support.factories import full_2021  # noqa: E402
from tests.support.libreoffice import soffice_path  # noqa: E402
from tests.support.pdf_docs import convert_all, edit_docx, let_rows_split  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from timing import per_call  # noqa: E402

FILES = 24


def make_files(folder: Path) -> list[Path]:
    sources = []
    for index in range(FILES):
        if index % 4 == 0:
            report = load_example()
        else:
            report = full_2021(year=2021 + index % 4, agency=f"某某市第{index}局")
            report.set_value("t3.new.natural", 40 + index % 7)
            report.prose["s1"] += "\n" + "\n".join(
                ["本年度持续推进政务公开标准化规范化建设。"] * (index % 3 * 14)
            )
        source = folder / f"r{index:02}.docx"
        write_docx(report, source)
        if index % 2:
            edit_docx(source, let_rows_split)
        sources.append(source)
    return list(convert_all(sources, folder).values())


def bare_text(path: Path) -> None:
    document = pdfium.PdfDocument(path)
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
    finally:
        document.close()


def plumber_tables(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()


def read_and_check(path: Path) -> None:
    report, findings = read_pdf(path)
    findings + evaluate(report)


def main() -> None:
    if soffice_path() is None:
        raise SystemExit("LibreOffice (soffice) is needed to print the reports to PDF")
    try:
        import pdfplumber  # noqa: F401

        have_plumber = True
    except ImportError:
        have_plumber = False
    with tempfile.TemporaryDirectory(prefix="bench-read-pdf-") as name:
        paths = make_files(Path(name))
        pages = []
        for path in paths:
            document = pdfium.PdfDocument(path)
            pages.append(len(document))
            document.close()
        size = sum(p.stat().st_size for p in paths) / len(paths) / 1024
        print(f"{len(paths)} PDF reports, {min(pages)}–{max(pages)} pages, {size:.0f} KiB each on average")

        def each(func):
            return lambda: [func(path) for path in paths]

        cold = per_call(each(read_and_check), rounds=1, number=1) / len(paths)  # empty label caches
        ours = per_call(each(read_and_check), rounds=5, number=1) / len(paths)
        text = per_call(each(bare_text), rounds=5, number=1) / len(paths)
        rows = [
            ("read_pdf + evaluate, first pass (cold caches)", cold),
            ("read_pdf + evaluate, later passes", ours),
            ("floor: pypdfium2 bare text of every page", text),
        ]
        if have_plumber:
            plumber = per_call(each(plumber_tables), rounds=3, number=1) / len(paths)
            rows.append(("floor: pdfplumber extract_tables() of every page", plumber))
    for label, seconds in rows:
        print(
            f"{label:<50} {seconds * 1e3:7.1f} ms/report  {1 / seconds:6.1f} reports/s  {seconds / text:6.2f}× text"
        )
    print(f"read + check vs pypdfium2's bare text: {ours / text:.1f}×")
    if have_plumber:
        print(f"read + check vs pdfplumber's bare extract_tables(): {ours / plumber:.2f}×")
    else:
        print("pdfplumber is not installed (pip install pdfplumber): its floor is skipped")


if __name__ == "__main__":
    main()
