"""How many .docx reports per second `nianbao check` reads and checks over 100 files, against same-run floors.

Run: python benchmarks/bench_check_docx.py   (absolute times vary between machines; compare the ratios)
Files: 100 varied reports (benchmarks/varied.py: both formats, random figures, prose of 60–3,000 characters per
section), a third the app's own Word export, the rest laid out as Word and WPS users type them (merged or repeated
labels, numbering, zero as 「-」, line breaks in labels, extra rows and columns, one- or two-line titles, at random).
Floors: python-docx merely opening the same files; zipfile + lxml parsing their document.xml.
Times are medians of 7 passes over all files, the jobs alternating pass by pass, after one warm-up pass (the
"first pass" line is that warm-up of our reader: its label-matching caches empty).
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
from lxml import etree  # noqa: E402

from exporters.docx.body import parser  # noqa: E402
from exporters.docx.writer import write_docx  # noqa: E402
from exporters.reading import read_any  # noqa: E402
from model.engine import evaluate  # noqa: E402
from model.report import Report  # noqa: E402
from tests.support.office_docs import Style, build  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from varied import write_all  # noqa: E402

FILES = 100
ROUNDS = 7


def office_style(rng: random.Random) -> Style:
    """How one office typed its report: Word-like (merged labels) or WPS-like (labels repeated), with variations."""
    return Style(
        merged=rng.random() < 0.5,
        numbering=rng.choice(("一、", "1、 ", "")),
        row_numbering=rng.choice((".", "、")),
        breaks=rng.random() < 0.3,
        zero=rng.choice(("0", "0", "-", "—", "无")),
        extra_column=rng.random() < 0.2,
        extra_row=rng.random() < 0.2,
        title_lines=rng.choice((1, 2)),
        signature=rng.random() < 0.8,
    )


def make_files(folder: Path) -> list[Path]:
    """100 varied reports: a third the app's own Word export, the rest Word-/WPS-like documents of other offices."""

    def write(report: Report, folder: Path, rng: random.Random, index: int) -> Path:
        path = folder / f"r{index:03}.docx"
        if index % 3 == 0:
            write_docx(report, path)
        else:
            build(report, path, office_style(rng))
        return path

    return write_all(folder, FILES, write)


def timed(func: Callable[[Path], object], paths: list[Path]) -> float:
    start = time.perf_counter()
    for path in paths:
        func(path)
    return time.perf_counter() - start


def medians(jobs: dict[str, Callable[[Path], object]], paths: list[Path]) -> dict[str, float]:
    """Median seconds of a pass over all files per job, the jobs alternating pass by pass."""
    times: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(ROUNDS):
        for name, job in jobs.items():
            times[name].append(timed(job, paths))
    return {name: statistics.median(spent) for name, spent in times.items()}


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
        formats = sorted({read_any(p)[0].format_id for p in paths})
        print(
            f"{len(paths)} varied .docx reports (formats {', '.join(formats)}), {size:.0f} KiB each on average"
        )
        cold = timed(read_and_check, paths)  # first pass in this process: label-matching caches are empty
        timed(open_with_python_docx, paths), timed(parse_document_xml, paths)  # warm-up of the floors
        found = medians(
            {"open": open_with_python_docx, "parse": parse_document_xml, "ours": read_and_check}, paths
        )
        floor_open, floor_parse, warm = found["open"], found["parse"], found["ours"]
        startup = statistics.median(interpreter_floor() for _ in range(5))
        whole = statistics.median(cli(folder) for _ in range(3))
    rows = [
        ("floor: python-docx opens each file", floor_open),
        ("floor: zipfile + lxml parse document.xml", floor_parse),
        ("read_any + evaluate, first pass (cold caches)", cold),
        ("read_any + evaluate, median of later passes", warm),
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
