"""`nianbao export` never replaces an existing file unless told to with --force (exit 2 and one Chinese sentence)."""

from __future__ import annotations

from docx import Document

from model import draft
from nianbao.cli import main


def test_an_existing_output_is_refused_and_kept(tmp_path, capsys, example):
    source = tmp_path / "r.nianbao"
    draft.save(example, source)
    docx, xlsx = tmp_path / "r.docx", tmp_path / "r.xlsx"
    docx.write_bytes(b"edited by hand in Word")
    assert main(["export", str(source), "--xlsx", str(xlsx), "--docx", str(docx)]) == 2
    err = capsys.readouterr().err
    assert f"“{docx}”已经存在" in err and "--force" in err and "Traceback" not in err
    assert docx.read_bytes() == b"edited by hand in Word"
    assert not xlsx.exists()  # nothing is written when any target is refused


def test_force_overwrites(tmp_path, capsys, example):
    source = tmp_path / "r.nianbao"
    draft.save(example, source)
    docx = tmp_path / "r.docx"
    docx.write_bytes(b"old")
    assert main(["export", str(source), "--docx", str(docx), "--force"]) == 0
    assert Document(str(docx)).paragraphs[0].text.replace("\n", "") == example.title
    assert "已导出" in capsys.readouterr().out


def test_a_new_output_needs_no_force(tmp_path, example):
    source = tmp_path / "r.nianbao"
    draft.save(example, source)
    assert main(["export", str(source), "--xlsx", str(tmp_path / "new.xlsx")]) == 0
    assert (tmp_path / "new.xlsx").stat().st_size > 0
