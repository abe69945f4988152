"""How many web-page reports per second are read and checked, against bare lxml.html parsing of the same pages.

Run: python benchmarks/bench_read_html.py   (absolute times vary between machines; compare the ratios)
Pages: 100 portal pages as CMSs write them (TRS / 大汉 containers, GBK and UTF-8, labels in spans, a header,
navigation, share bar and footer; both formats and the example), some saved as .mht, and — when LibreOffice is
installed — the app's Word export converted to HTML by LibreOffice. Floor: lxml.html parsing each page's bytes.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lxml import html as lxml_html  # noqa: E402

from exporters.html.decode import decode_page  # noqa: E402
from exporters.html.page import read_page  # noqa: E402
from exporters.html.reader import read_html  # noqa: E402
from exporters.reading.blocks import report_from_blocks  # noqa: E402
from model.engine import evaluate  # noqa: E402
from model.example import load_example  # noqa: E402
from tests.support.factories import full_2021  # noqa: E402
from tests.support.html_pages import Portal, mhtml_bytes, page_bytes  # noqa: E402
from tests.support.libreoffice import soffice_path  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from timing import per_call  # noqa: E402

FILES = 100
PORTALS = [
    Portal(),
    Portal(container="Custom_UnionStyle", charset="gbk", http_equiv=True),
    Portal(container="#zoom", title_at="content", title_lines=2, spans=False, charset="gbk"),
    Portal(container="#ivs_content", title_at="both", layout_table=True, collector=True),
    Portal(container="", wrapped=False),
]


def libreoffice_pages(folder: Path) -> list[bytes]:
    """The app's Word export of the example (2019) and of a 2021 report, saved as HTML by LibreOffice."""
    if soffice_path() is None:
        return []
    from exporters.docx.writer import write_docx
    from tests.support.libreoffice import convert

    pages = []
    for index, report in enumerate((load_example(), full_2021())):
        source = folder / f"lo{index}.docx"
        write_docx(report, source)
        pages.append(convert(source, "html", folder).read_bytes())
    return pages


def make_files(folder: Path) -> list[Path]:
    converted = libreoffice_pages(folder)
    paths = []
    for index in range(FILES):
        report = (
            load_example()
            if index % 4 == 0
            else full_2021(year=2021 + index % 4, agency=f"某某市第{index}局")
        )
        if converted and index % 10 == 9:
            data, suffix = converted[index % len(converted)], ".html"
        elif index % 10 == 7:
            data, suffix = mhtml_bytes(report), ".mht"
        else:
            data, suffix = page_bytes(report, PORTALS[index % len(PORTALS)]), ".html"
        path = folder / f"p{index:03}{suffix}"
        path.write_bytes(data)
        paths.append(path)
    return paths


def cli(folder: Path) -> float:
    """``nianbao check FOLDER --json`` in a subprocess (worker processes, as a clerk runs it)."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "nianbao", "check", str(folder), "--json"], cwd=ROOT, capture_output=True
    )
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr.decode("utf-8"))
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-read-html-") as name:
        paths = make_files(Path(name))
        data = [p.read_bytes() for p in paths]
        size = sum(len(d) for d in data) / len(data) / 1024
        kinds = sum(p.suffix == ".mht" for p in paths)
        print(f"{len(paths)} pages ({kinds} .mht), {size:.0f} KiB each on average")
        pages = [d for p, d in zip(paths, data) if p.suffix == ".html"]
        texts = [decode_page(d) for d in pages]
        blocks = [read_page(t).blocks for t in texts]

        def read_and_check() -> None:
            for path in paths:
                report, findings = read_html(path)
                findings + evaluate(report)

        def parse_floor() -> None:
            for page in pages:
                lxml_html.document_fromstring(page)

        def page_to_blocks() -> None:
            for text in texts:
                read_page(text)

        def blocks_to_report() -> None:  # the step every reader shares (Word, PDF, web page)
            for page_blocks in blocks:
                report, findings = report_from_blocks(page_blocks)
                findings + evaluate(report)

        read_and_check()  # label-matching caches warm, as after the first file of a folder
        whole = per_call(read_and_check, rounds=7, number=1)
        floor = per_call(parse_floor, rounds=7, number=1) * len(paths) / len(pages)
        html_part = per_call(page_to_blocks, rounds=7, number=1) * len(paths) / len(pages)
        shared = per_call(blocks_to_report, rounds=7, number=1) * len(paths) / len(pages)
        for path in Path(name).glob("lo*"):
            path.unlink()  # the LibreOffice sources and their pages are among the 100 already
        whole_cli = min(cli(Path(name)) for _ in range(3))
    rows = [
        ("floor: lxml.html parses each page", floor),
        ("read_html + evaluate (per report, whole)", whole),
        ("  of which page -> blocks (this reader)", html_part),
        ("  of which blocks -> report + rules (shared)", shared),
        ("nianbao check <folder> --json (subprocess)", whole_cli),
    ]
    for label, seconds in rows:
        print(
            f"{label:<46} {seconds / FILES * 1000:7.2f} ms/report  {FILES / seconds:7.1f} reports/s  "
            f"{seconds / floor:5.2f} × floor"
        )
    print(
        f"read + check: {FILES / whole:.0f} reports/s (target ≥ 100), {whole / floor:.1f}× bare lxml.html parsing"
    )


if __name__ == "__main__":
    main()
