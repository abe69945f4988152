"""`nianbao check` on text copied from a report's web page: the seed, a text that is no report, and folders (where
.txt files are not looked for: a folder's notes are no reports)."""

from __future__ import annotations

import json
import shutil

from nianbao.cli import main
from tests.support.copied_text import copied_text
from tests.support.factories import full_2021
from tests.support.office_docs import Style, build
from tests.support.seeds import seed_path


def test_check_the_seed(tmp_path, capsys):
    seed = shutil.copy(seed_path(), tmp_path / "杭州市城市管理局2020年报.txt")
    assert main(["check", str(seed), "--json"]) == 0
    (result,) = json.loads(capsys.readouterr().out)
    assert (result["agency"], result["year"], result["format"]) == ("杭州市城市管理局", 2020, "2019")
    assert [f for f in result["findings"] if f["severity"] == "错误"] == []
    warnings = sorted(f["code"] for f in result["findings"] if f["severity"] == "warning")
    assert warnings == ["HYG-CONTACT", "HYG-PARTS"]  # the published page says 「五部分」 and gives no contact
    assert main(["check", str(seed)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == f"{seed}：杭州市城市管理局2020年（2019年格式（试行））— 0个错误，2个警告，2个提示"


def test_check_a_text_that_is_no_report(tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("会议记录\n", encoding="utf-8")
    assert main(["check", str(notes)]) == 2
    assert "无法打开“notes.txt”：文档中没有找到年度报告的统计表" in capsys.readouterr().err


def test_a_folder_is_checked_without_its_text_files(tmp_path, capsys):
    build(full_2021(), tmp_path / "a.docx", Style())
    (tmp_path / "b.txt").write_text(copied_text(full_2021()), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    assert main(["check", str(tmp_path), "--json"]) == 0
    assert [item["path"] for item in json.loads(capsys.readouterr().out)] == [str(tmp_path / "a.docx")]
    assert main(["check", str(tmp_path / "b.txt"), "--json"]) == 0  # named, a text file is read
    assert json.loads(capsys.readouterr().out)[0]["agency"] == "某某市某某局"
