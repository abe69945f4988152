"""`nianbao export --sign-off-date`: the 落款 dated as given (over the draft's 落款日期), a bad date refused."""

from __future__ import annotations

import datetime

from docx import Document

from model import draft
from model.vocabulary import SIGNATURE
from nianbao.cli import main


def _ends(path) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.text for p in Document(str(path)).paragraphs][-5:]


def test_the_given_date_dates_the_filed_copy(tmp_path, capsys, example):
    source = tmp_path / "r.nianbao"
    example.sign_off_date = datetime.date(2024, 12, 31)  # the draft's own date gives way to the command's
    draft.save(example, source)
    out = tmp_path / "备案.docx"
    assert main(["export", str(source), "--docx", str(out), "--filed", "--sign-off-date", "2025-01-20"]) == 0
    assert _ends(out) == ["杭州市城市管理局", "2025年1月20日", *SIGNATURE]
    assert draft.load(source).sign_off_date == datetime.date(2024, 12, 31)  # the draft is not changed
    assert "已导出" in capsys.readouterr().out


def test_the_drafts_date_is_used_without_the_option(tmp_path, example):
    source = tmp_path / "r.nianbao"
    example.sign_off_date = datetime.date(2024, 12, 31)
    draft.save(example, source)
    out = tmp_path / "落款.docx"
    assert main(["export", str(source), "--docx", str(out), "--sign-off"]) == 0
    assert _ends(out)[-2:] == ["杭州市城市管理局", "2024年12月31日"]


def test_a_date_alone_asks_for_the_sign_off(tmp_path, example):
    source = tmp_path / "r.nianbao"
    draft.save(example, source)
    out = tmp_path / "落款.docx"
    assert main(["export", str(source), "--docx", str(out), "--sign-off-date", "2025年1月20日"]) == 0
    assert _ends(out)[-2:] == ["杭州市城市管理局", "2025年1月20日"]
    assert not set(SIGNATURE) & set(_ends(out))


def test_a_bad_date_is_refused_in_one_chinese_sentence(tmp_path, capsys, example):
    source = tmp_path / "r.nianbao"
    draft.save(example, source)
    out = tmp_path / "备案.docx"
    assert main(["export", str(source), "--docx", str(out), "--filed", "--sign-off-date", "2025-02-30"]) == 2
    err = capsys.readouterr().err
    assert "落款日期“2025-02-30”不是有效日期" in err and "Traceback" not in err
    assert not out.exists()
    assert main(["export", str(source), "--docx", str(out), "--sign-off-date", "下周一"]) == 2
    assert "请写成“2025-01-20”" in capsys.readouterr().err
