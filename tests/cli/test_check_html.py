"""`nianbao check` on saved web pages: .html / .htm / .mhtml / .mht, alone and in a folder, PUB-LATE shown."""

from __future__ import annotations

import json
from pathlib import Path

from nianbao.cli import main
from tests.support.factories import full_2021
from tests.support.html_pages import Portal, mhtml_bytes, page_bytes


def test_check_a_page(tmp_path, capsys):
    path = tmp_path / "page.html"
    path.write_bytes(page_bytes(full_2021(), Portal(charset="gbk")))
    assert main(["check", str(path)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f"{path}：某某市某某局2023年（2021年格式）— 0个错误，0个警告")


def test_a_late_page_is_named_with_both_dates(tmp_path, capsys):
    path = tmp_path / "late.htm"
    path.write_bytes(page_bytes(full_2021(year=2024), Portal(date_line="发布日期：2025-03-02")))
    assert main(["check", str(path)]) == 0  # a warning, not an error
    out = capsys.readouterr().out
    assert "[警告] PUB-LATE" in out and "2025年3月2日" in out and "2025年1月31日" in out


def test_a_folder_of_pages(tmp_path, capsys):
    (tmp_path / "a.html").write_bytes(page_bytes(full_2021(agency="某某市甲局")))
    (tmp_path / "b.mht").write_bytes(mhtml_bytes(full_2021(agency="某某市乙局")))
    (tmp_path / "c.htm").write_bytes(b"<html><body><p>\xd6\xd0</p></body></html>")
    assert main(["check", str(tmp_path), "--json"]) == 2
    captured = capsys.readouterr()
    listing = json.loads(captured.out)
    assert sorted((Path(item["path"]).name, item["agency"]) for item in listing) == [
        ("a.html", "某某市甲局"),
        ("b.mht", "某某市乙局"),
    ]
    assert captured.err.strip() == (
        "无法打开“c.htm”：网页中没有找到年度报告的统计表（主动公开、依申请公开、复议诉讼情况），"
        "不是政府信息公开工作年度报告"
    )
