"""The registry of document kinds: every row resolves, every writable kind reads back what it wrote."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from exporters.kinds import (
    KINDS,
    OLD_KINDS,
    ExportOptions,
    exportable,
    kind,
    kind_of,
    open_filter,
    readable,
    readable_suffixes,
)
from exporters.reading import ReadError, read_any
from model import draft


def test_every_reader_and_writer_named_in_the_registry_exists():
    for entry in KINDS:
        for target in (entry.reader, entry.writer):
            if target is None:
                continue
            module, _, name = target.partition(":")
            function = getattr(__import__(module, fromlist=[name]), name)  # a renamed module fails here
            assert callable(function), target
        assert entry.suffixes and all(s.startswith(".") and s == s.lower() for s in entry.suffixes)
    suffixes = [s for entry in KINDS for s in entry.suffixes]
    assert len(suffixes) == len(set(suffixes)) and not set(suffixes) & set(OLD_KINDS)
    assert kind("nianbao").suffix == draft.SUFFIX


def test_writers_take_the_export_options():
    for entry in exportable():
        module, _, name = entry.writer.partition(":")  # type: ignore[union-attr]
        parameters = list(inspect.signature(getattr(__import__(module, fromlist=[name]), name)).parameters)
        assert parameters == ["report", "path", "options"], entry.key


@pytest.mark.parametrize("entry", exportable(), ids=lambda k: k.key)
@pytest.mark.parametrize("windows_fonts", [False, True])
def test_each_writable_kind_reads_back_what_it_wrote(entry, windows_fonts, example, tmp_path: Path):
    path = tmp_path / f"报告{entry.suffix}"
    entry.write(example, path, ExportOptions(windows_fonts=windows_fonts))
    assert kind_of(path) is entry and entry.reader is not None
    back, _ = read_any(path)
    assert back.values == example.values and back.agency == example.agency and back.year == example.year


def test_dialog_filters_and_suffixes_come_from_the_registry():
    assert readable_suffixes()[:3] == (".nianbao", ".docx", ".xlsx") and ".txt" in readable_suffixes()
    assert [k.key for k in exportable()] == ["docx", "xlsx"]
    text = open_filter()
    assert text.startswith("可打开的报告 (*.nianbao *.docx *.xlsx ")
    for entry in readable():
        assert f"{entry.name} ({entry.pattern})" in text
    assert (
        kind_of("报告.DOCX") is kind("docx")
        and kind_of("报告.PDF") is kind("pdf")
        and kind_of("报告.odt") is None
    )


def test_an_unknown_or_old_kind_is_named_in_the_message(tmp_path: Path):
    for name, words in (
        ("报告.odt", "不支持的文件类型"),
        ("报告.doc", "另存为 .docx"),
        ("报告.et", "另存为 .xlsx"),
    ):
        path = tmp_path / name
        path.write_bytes(b"x")
        with pytest.raises(ReadError, match=words):
            read_any(path)
