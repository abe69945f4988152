"""``nianbao new`` keeps to the limits and says in one Chinese sentence why a draft cannot be written."""

from __future__ import annotations

import stat

from model import draft, limits
from nianbao.cli import main
from tests.support.factories import full_2021


def test_new_refuses_to_replace_a_read_only_draft(tmp_path, capsys):
    out = tmp_path / "只读.nianbao"
    draft.save(full_2021(agency="原稿"), out)
    out.chmod(stat.S_IREAD)
    try:
        assert main(["new", "--year", "2025", "--agency", "某某县某某局", "-o", str(out)]) == 2
    finally:
        out.chmod(stat.S_IREAD | stat.S_IWRITE)
    assert capsys.readouterr().err.strip() == "“只读.nianbao”是只读文件，请另存为其他文件"
    assert draft.load(out).agency == "原稿"


def test_new_refuses_an_agency_a_draft_cannot_keep(tmp_path, capsys):
    out = tmp_path / "长.nianbao"
    assert main(["new", "--year", "2025", "--agency", "某" * (limits.MAX_AGENCY + 1), "-o", str(out)]) == 2
    assert "机关名称过长：最多200字" in capsys.readouterr().err and not out.exists()


def test_new_into_a_missing_folder_says_so(tmp_path, capsys):
    out = tmp_path / "没有" / "新.nianbao"
    assert main(["new", "--year", "2025", "--agency", "某某县某某局", "-o", str(out)]) == 2
    assert capsys.readouterr().err.strip() == (
        "无法保存“新.nianbao”：文件夹“没有”不存在（可能已被移动、删除，或U盘已拔出），请另选位置"
    )
