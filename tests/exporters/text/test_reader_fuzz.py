"""Random and damaged texts thrown at the text reader itself (not through ``read_any``, which turns any exception
into a ReadError): every outcome is a report or one of the readers' own errors, quickly."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporters.reading.errors import DocumentError
from exporters.text.reader import read_text, report_from_text
from model.engine import evaluate
from model.example import load_example
from model.report import Report
from tests.support.copied_text import copied_text
from tests.support.seeds import SEED_NAME, SEEDS

# Each example (one or two reads) within two seconds.
FUZZ = settings(max_examples=40, deadline=timedelta(seconds=2), suppress_health_check=[HealthCheck.too_slow])
_WORK = Path(tempfile.mkdtemp(prefix="nianbao-text-fuzz-"))


@cache
def good_texts() -> tuple[str, ...]:
    """The example as copied from a page and, where the seeds folder is beside the repository, the seed."""
    seed = SEEDS / SEED_NAME
    example = copied_text(load_example())
    return (example, seed.read_text(encoding="utf-8")) if seed.is_file() else (example,)


def outcome(text: str) -> Report | None:
    """A report, or None for the readers' own error; anything else fails the test."""
    try:
        report, findings = report_from_text(text, "fuzz.txt")
    except DocumentError as exc:
        assert str(exc) and "\n" not in str(exc)
        return None
    evaluate(report)  # the rules run on whatever was read
    assert all(f.code and f.message for f in findings)
    return report


piece = st.one_of(
    st.sampled_from(
        [
            "\t",
            "\n",
            "\r\n",
            "\r",
            "\t-",
            "\t0",
            "\t12",
            "\t总计",
            "\t自然人",
            "\t行政复议",
            "\t结果维持",
            "\t第二十条第（一）项",
            "\t一、本年新收政府信息公开申请数量",
            "某某局2023年政府信息公开工作年度报告",
            "一、总体情况",
            "\u3000\ufeff\u2028",
        ]
    ),
    st.text(max_size=10),
)


@FUZZ
@given(st.lists(piece, max_size=120))
def test_random_text(pieces):
    outcome("".join(pieces))


@FUZZ
@given(st.binary(max_size=3000))
def test_random_bytes_in_a_file(data):
    path = _WORK / "case.txt"
    path.write_bytes(data)
    try:
        read_text(path)
    except DocumentError as exc:
        assert str(exc) and "\n" not in str(exc)


@FUZZ
@given(
    st.integers(0, 1),
    st.lists(
        st.tuples(st.sampled_from(["drop", "copy", "swap", "insert", "cut"]), st.floats(0.0, 1.0), piece),
        min_size=1,
        max_size=12,
    ),
)
def test_damaged_copies(which, edits):
    """Lines of a good copy dropped, doubled, swapped, cut short or with random lines put in."""
    texts = good_texts()
    lines = texts[which % len(texts)].split("\n")
    for action, where, junk in edits:
        at = int((len(lines) - 1) * where)
        if action == "drop":
            del lines[at]
        elif action == "copy":
            lines.insert(at, lines[at])
        elif action == "swap":
            lines[at], lines[-1 - at] = lines[-1 - at], lines[at]
        elif action == "insert":
            lines.insert(at, junk)
        else:
            lines[at] = lines[at][: len(lines[at]) // 2]
    outcome("\n".join(lines))


def test_the_undamaged_copies_read():
    for text in good_texts():
        report = outcome(text)
        assert report is not None and report.values == load_example().values
