"""A bounded fuzz run: mutated files of every readable kind, each read through ``read_any`` in a child process held
to 500 MB of address space and 5 s per file (CPU limit and wall clock); any breach, crash or exception other than
the reader's own refusal fails, naming the case, its seed and where its file was kept.

Deterministic: case ``i`` is drawn from ``random.Random(f"{SEED}-{i}")``. ``NIANBAO_FUZZ_CASES=N`` runs N cases
(default ``CASES``), ``NIANBAO_FUZZ_SEED=S`` draws another set, ``NIANBAO_FUZZ_ONLY=12,345`` replays those cases.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.fuzz.mutate import mutate
from tests.fuzz.runner import Limits, run_cases
from tests.fuzz.seeds import Seeds, make_seeds

CASES = 3000
SEED = os.environ.get("NIANBAO_FUZZ_SEED", "nianbao-fuzz-1")
WORKERS = max(1, min(2, os.cpu_count() or 1))

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="resource limits need a POSIX system")


def case_indices() -> list[int]:
    only = os.environ.get("NIANBAO_FUZZ_ONLY", "")
    if only:
        return [int(part) for part in only.split(",") if part.strip()]
    return list(range(int(os.environ.get("NIANBAO_FUZZ_CASES", CASES))))


def write_case(index: int, seeds: Seeds, folder: Path) -> tuple[Path, str]:
    """Case ``index``'s file and what it is: the kind, seed file and mutations drawn from its own generator."""
    rng = random.Random(f"{SEED}-{index}")
    keys = sorted(seeds)
    key = keys[index % len(keys)]
    name, data = rng.choice(seeds[key])
    how, mutated = mutate(key, data, rng)
    path = folder / f"case{index:05d}-{how}{Path(name).suffix}"
    path.write_bytes(mutated)
    return path, f"{key} from {name}, {how}"


def keep(found: dict[int, str], cases: dict[int, tuple[Path, str]]) -> dict[int, Path]:
    """Copy the files that broke a reader where pytest's rotation of temporary folders leaves them."""
    folder = Path(tempfile.gettempdir()) / "nianbao-fuzz-failures" / SEED
    folder.mkdir(parents=True, exist_ok=True)
    return {i: Path(shutil.copy(cases[i][0], folder / cases[i][0].name)) for i in found}


def test_every_reader_survives_mutated_files(tmp_path):
    started = time.monotonic()
    seeds = make_seeds(tmp_path)
    folder = tmp_path / "cases"
    folder.mkdir()
    cases = {i: write_case(i, seeds, folder) for i in case_indices()}
    results = run_cases([(i, path) for i, (path, _) in cases.items()], tmp_path, WORKERS)
    seconds = time.monotonic() - started
    found = results.failures
    assert not results.broken, results.broken
    tally = Counter(f"{cases[i][1].split(' ')[0]}:{outcome}" for i, outcome in results.outcomes.items())
    print(
        f"\nfuzz: {len(cases)} cases in {seconds:.1f} s with {WORKERS} workers; {dict(sorted(tally.items()))}"
    )
    slowest = sorted(results.seconds, key=results.seconds.__getitem__)[-3:]
    print(
        "slowest: "
        + "; ".join(f"case {i} ({cases[i][1]}) {results.seconds[i]:.2f} s" for i in reversed(slowest))
    )
    assert len(results.outcomes) == len(cases), "some cases were never read"
    kept = keep(found, cases)
    assert not found, (
        f"{len(found)} of {len(cases)} cases broke a reader (limits {Limits()}; seed {SEED!r};"
        f" replay with NIANBAO_FUZZ_ONLY={','.join(map(str, sorted(found)))}):\n"
        + "\n".join(
            f"case {i} ({cases[i][1]}; kept as {kept[i]}):\n{why}" for i, why in sorted(found.items())[:8]
        )
    )
