"""`nianbao check FOLDER` over many mixed files with 1 and with 2 workers: the speed-up and the memory of the run.

Run: python benchmarks/bench_check_batch.py [--files 1000]   (compare the ratios; absolute times vary)
Floor: the same command with one process (``--jobs 1``), measured in the same run. Memory: the peak resident size
of the command's own process and of its largest worker, which must not grow with the number of files.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exporters.kinds import kind  # noqa: E402
from model import draft  # noqa: E402
from tests.support.factories import full_2021  # noqa: E402
from tests.support.html_pages import Portal, mhtml_bytes, page_bytes  # noqa: E402
from tests.support.libreoffice import convert, soffice_path  # noqa: E402

RUN = """
import resource, sys
from nianbao.cli import main
if __name__ == "__main__":
    status = main(sys.argv[1:])
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{own:.0f} {workers:.0f}", file=sys.stderr)
"""


def pdf_sources(folder: Path) -> list[bytes]:
    """Two published PDFs (the app's Word export of a 2021 report printed by LibreOffice), if it is installed."""
    if soffice_path() is None:
        return []
    sources = []
    for index in range(2):
        report = full_2021(agency=f"某某市第{index}局")
        path = folder / f"pdf-source{index}.docx"
        kind("docx").write(report, path)
        sources.append(convert(path, "pdf", folder).read_bytes())
        path.unlink()
    return sources


def make_files(folder: Path, count: int, work: Path) -> dict[str, int]:
    """Reports of every kind a folder of units' reports holds, in turn: Word and Excel as the app writes them,
    drafts, portal web pages (HTML and .mht) and, with LibreOffice, PDFs; every 50th file unreadable.
    Returns how many files of each suffix were made."""
    pdfs = pdf_sources(work)
    makers = ["docx", "xlsx", "draft", "html", "mht"] + (["pdf"] if pdfs else [])
    made: dict[str, int] = {}
    for index in range(count):
        report = full_2021(agency=f"某某市第{index}局")
        report.set_value("t3.new.natural", 40 + index % 7)
        report.changed()
        maker = makers[index % len(makers)]
        name = folder / f"r{index:04}"
        if index % 50 == 49:
            path = name.with_suffix(".docx")
            path.write_bytes(b"PK\x03\x04 broken")
        elif maker == "draft":
            path = name.with_suffix(draft.SUFFIX)
            draft.save(report, path)
        elif maker == "html":
            path = name.with_suffix(".html")
            path.write_bytes(page_bytes(report, Portal(charset="gbk" if index % 2 else "utf-8")))
        elif maker == "mht":
            path = name.with_suffix(".mht")
            path.write_bytes(mhtml_bytes(report))
        elif maker == "pdf":
            path = name.with_suffix(".pdf")
            path.write_bytes(pdfs[index % len(pdfs)])
        else:
            path = name.with_suffix(kind(maker).suffix)
            kind(maker).write(report, path)
        made[path.suffix] = made.get(path.suffix, 0) + 1
    return made


def timed(folder: Path, jobs: int, script: Path) -> tuple[float, str, str]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(script), "check", str(folder), "--jobs", str(jobs)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    seconds = time.perf_counter() - start
    memory = done.stderr.strip().splitlines()[-1]
    return seconds, memory, done.stdout


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--files", type=int, default=1000)
    count = options.parse_args().files
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        start = time.perf_counter()
        made = make_files(folder, count, Path(tmp))
        mix = ", ".join(f"{n} {suffix}" for suffix, n in sorted(made.items()))
        print(f"made {count} files ({mix}) in {time.perf_counter() - start:.1f} s")
        script = Path(tmp) / "run.py"
        script.write_text(RUN, encoding="utf-8")
        one, memory_one, out_one = timed(folder, 1, script)
        two, memory_two, out_two = timed(folder, 2, script)
        assert out_one == out_two, "the results differ between 1 and 2 workers"
        print(
            f"1 worker   {one:6.2f} s  {count / one:6.1f} files/s  peak RSS (MB, command worker): {memory_one}"
        )
        print(
            f"2 workers  {two:6.2f} s  {count / two:6.1f} files/s  peak RSS (MB, command worker): {memory_two}"
        )
        print(f"speed-up   {one / two:.2f}x on 2 workers (target >= 1.7x)")


if __name__ == "__main__":
    main()
