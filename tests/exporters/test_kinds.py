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
    assert [k.key for k in exportable()] == ["docx", "xlsx", "pdf", "html"]
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


def test_every_write_through_the_registry_replaces_the_file_in_one_step(tmp_path, monkeypatch):
    """The CLI and the GUI both export through ``DocumentKind.write``: a writer that fails half-way leaves the
    previous file (a clerk may have edited it) and no temp file; a good write keeps the old file's permissions."""
    from model.example import load_example

    target = tmp_path / "报告.docx"
    target.write_bytes(b"edited by hand")
    target.chmod(0o640)

    def broken(report, path, options):  # type: ignore[no-untyped-def]
        Path(path).write_bytes(b"half a docx")
        raise ValueError("坏了")

    monkeypatch.setattr("exporters.docx.writer.export", broken)
    with pytest.raises(ValueError, match="坏了"):
        kind("docx").write(load_example(), target)
    assert target.read_bytes() == b"edited by hand" and [p.name for p in tmp_path.iterdir()] == [target.name]
    monkeypatch.undo()
    kind("docx").write(load_example(), target)
    assert target.read_bytes()[:2] == b"PK" and target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
