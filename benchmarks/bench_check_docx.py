"""How many .docx reports per second `nianbao check` reads and checks over 100 files, against same-run floors.

Run: python benchmarks/bench_check_docx.py   (absolute times vary between machines; compare the ratios)
Floors: python-docx merely opening the same 100 files; zipfile + lxml parsing their document.xml.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
from lxml import etree  # noqa: E402

from exporters.docx.body import parser  # noqa: E402
from exporters.reading import read_any  # noqa: E402
from model.engine import evaluate  # noqa: E402
from tests.support.factories import full_2021  # noqa: E402
from tests.support.office_docs import Style, build  # noqa: E402

FILES = 100
STYLES = [
    Style(),
    Style(
        merged=False,
        numbering="1、 ",
        row_numbering="、",
        breaks=True,
        zero="-",
        extra_column=True,
        extra_row=True,
        title_lines=1,
    ),
]


def make_files(folder: Path) -> list[Path]:
    """100 reports: the app's own Word export when available, and Word-/WPS-like documents of other offices."""
    try:
        from exporters.docx.writer import write_docx
    except ImportError:
        write_docx = None
    paths = []
    for index in range(FILES):
        report = full_2021(year=2021 + index % 4, agency=f"某某市第{index}局")
        report.set_value("t3.new.natural", 40 + index % 7)
        path = folder / f"r{index:03}.docx"
        if write_docx is not None and index % 3 == 0:
            write_docx(report, path)
        else:
            build(report, path, STYLES[index % 2])
        paths.append(path)
    return paths


def timed(func, paths: list[Path]) -> float:
    start = time.perf_counter()
    for path in paths:
        func(path)
    return time.perf_counter() - start


def read_and_check(path: Path) -> None:
    report, findings = read_any(path)
    findings + evaluate(report)


def open_with_python_docx(path: Path) -> None:
    docx.Document(str(path))


def parse_document_xml(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        etree.fromstring(archive.read("word/document.xml"), parser())


def cli(folder: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "nianbao", "check", str(folder), "--json"], cwd=ROOT, capture_output=True
    )
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr.decode("utf-8"))
    return elapsed


def interpreter_floor() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import docx, openpyxl, lxml.etree"], cwd=ROOT, check=True)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-check-docx-") as name:
        folder = Path(name)
        paths = make_files(folder)
        size = sum(p.stat().st_size for p in paths) / len(paths) / 1024
        print(f"{len(paths)} .docx reports, {size:.0f} KiB each on average")
        floor_open = min(timed(open_with_python_docx, paths) for _ in range(3))
        floor_parse = min(timed(parse_document_xml, paths) for _ in range(3))
        cold = timed(read_and_check, paths)  # first pass in this process: label-matching caches are empty
        warm = min(timed(read_and_check, paths) for _ in range(3))
        startup = min(interpreter_floor() for _ in range(3))
        whole = min(cli(folder) for _ in range(3))
    rows = [
        ("floor: python-docx opens each file", floor_open),
        ("floor: zipfile + lxml parse document.xml", floor_parse),
        ("read_any + evaluate, first pass (cold caches)", cold),
        ("read_any + evaluate, later passes", warm),
        ("nianbao check <folder> --json (subprocess)", whole),
        ("floor: python starting, importing docx/openpyxl", startup),
    ]
    for label, seconds in rows:
        print(
            f"{label:<50} {seconds:7.3f} s  {FILES / seconds:8.1f} files/s  {seconds / floor_open:5.2f} × open floor"
        )
    print(
        f"in-process check vs python-docx open: {warm / floor_open:.2f}×; vs raw XML parse: {warm / floor_parse:.2f}×"
    )
    print(
        f"CLI over 100 files: {FILES / whole:.1f} reports/s including {startup:.2f} s of interpreter start-up"
    )


if __name__ == "__main__":
    main()
