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

from exporters.kinds import exportable  # noqa: E402
from model import draft  # noqa: E402
from tests.support.factories import full_2021  # noqa: E402

RUN = """
import resource, sys
from nianbao.cli import main
if __name__ == "__main__":
    status = main(sys.argv[1:])
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{own:.0f} {workers:.0f}", file=sys.stderr)
"""


def make_files(folder: Path, count: int) -> None:
    """Reports of every kind the app writes (Word, Excel) and drafts, in turn; every 50th one unreadable."""
    writers = [k for k in exportable()]
    for index in range(count):
        report = full_2021(agency=f"某某市第{index}局")
        report.set_value("t3.new.natural", 40 + index % 7)
        report.changed()
        if index % 50 == 49:
            (folder / f"r{index:04}.docx").write_bytes(b"PK\x03\x04 broken")
        elif index % (len(writers) + 1) == len(writers):
            draft.save(report, folder / f"r{index:04}{draft.SUFFIX}")
        else:
            kind = writers[index % (len(writers) + 1)]
            kind.write(report, folder / f"r{index:04}{kind.suffix}")


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
        make_files(folder, count)
        print(f"made {count} files in {time.perf_counter() - start:.1f} s")
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
