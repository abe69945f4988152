"""The ledger count in words: the format's row names and the vocabulary's by-name rules, none written in code."""

from __future__ import annotations

from pathlib import Path

import pytest

from exporters.ledger.reader import read_ledger
from model.formats import load_format
from model.ledger.session import LedgerSession
from model.ledger.summary import by_name_note, count_sentence
from model.ledger.vocab import build, vocabulary
from tests.support import ledgers


@pytest.mark.parametrize("format_id", ["2019", "2021"])
def test_the_sentence_counts_in_the_formats_row_names(tmp_path: Path, format_id: str) -> None:
    items = ledgers.records(120, seed=4)
    fmt = load_format(format_id)
    session = LedgerSession(read_ledger(ledgers.write_xlsx(tmp_path / "台账.xlsx", items)), fmt, ledgers.YEAR)
    expected: dict[str, int] = {}
    for cell, number in ledgers.expected(items).items():
        expected[cell.split(".")[1]] = expected.get(cell.split(".")[1], 0) + number
    sentence = count_sentence(session)
    names = {row.key: row.name for row in fmt.table("t3").rows if row.key}
    assert sentence.startswith(f"{ledgers.YEAR}年度计入{session.counted().counted}行：")
    assert f"{names['new']}{expected['new']}件" in sentence
    assert f"{names['carry']}{expected['carry']}件" in sentence
    assert f"{names['next']}{expected['next']}件" in sentence


def test_the_by_name_note_follows_the_vocabulary() -> None:
    note = by_name_note(vocabulary())
    assert "含“律师事务所”等的计为法律服务机构" in note
    assert note.endswith("像姓名的（二至五个汉字）计为自然人")
    other = build(
        {
            **_shipped(),
            "applicants": {
                **_shipped()["applicants"],
                "by_name": [{"any": ["合作社"], "to": "商业企业"}, {"pattern": "^.{2,3}$", "to": "自然人"}],
            },
        }
    )
    assert by_name_note(other) == "含“合作社”等的计为商业企业"  # a pattern without ``means`` is not described


def _shipped() -> dict[str, object]:
    import json
    from importlib import resources

    text = resources.files("resources").joinpath("ledger_vocabulary.json").read_text(encoding="utf-8")
    data: dict[str, object] = json.loads(text)
    return data
