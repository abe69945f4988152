"""The ledger's words → table 三's columns and rows, for both formats; ambiguous words stay unmapped."""

from __future__ import annotations

import pytest

from model.formats import load_format
from model.ledger.targets import targets
from model.ledger.vocab import vocabulary
from model.ledger.words import Words


def words(format_id: str = "2021") -> Words:
    return Words(vocabulary(), targets(load_format(format_id)))


def test_targets_come_from_the_format() -> None:
    t = targets(load_format("2021"))
    assert (t.table, t.new, t.carry, t.pending) == ("t3", "new", "carry", "next")
    assert list(t.applicants) == ["natural", "business", "research", "welfare", "legal", "others"]
    assert len(t.outcomes) == 21 and "total" not in t.outcomes
    assert "other" in targets(load_format("2019")).outcomes


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("个人", "natural"),
        ("公民", "natural"),
        ("自然人", "natural"),
        ("公司", "business"),
        ("有限公司", "business"),
        ("律师事务所", "legal"),
        ("法律服务机构", "legal"),
        ("科研机构", "research"),
        (" 社会公益组织 ", "welfare"),
        ("其他", "others"),
        ("法人", None),
        ("法人或其他组织", None),
    ],
)
def test_applicant_types(text: str, column: str | None) -> None:
    assert words().applicant(text) == column


@pytest.mark.parametrize(
    ("name", "column"),
    [
        ("张三", "natural"),
        ("欧阳娜娜", "natural"),
        ("某某科技有限公司", "business"),
        ("某某律师事务所", "legal"),
        ("某某研究院", "research"),
        ("某某慈善基金会", "welfare"),
        ("某某村民委员会", None),
    ],
)
def test_applicants_by_name(name: str, column: str | None) -> None:
    assert words().applicant(name, by_name=True) == column


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("同意公开", "open"),
        ("予以公开", "open"),
        ("经审查，同意公开，已邮寄", "open"),
        ("（一）予以公开", "open"),
        ("部分公开", "partial"),
        ("不予公开-国家秘密", "deny_secret"),
        ("1.属于国家秘密", "deny_secret"),
        ("不予公开，涉及第三方合法权益", "deny_third"),
        ("信息不存在", "unable_nohold"),
        ("不掌握", "unable_nohold"),
        ("本机关不掌握相关政府信息", "unable_nohold"),
        ("重复申请", "reject_repeat"),
        ("逾期未补正", "other_overdue"),
        ("申请人撤回申请", "other_other"),
        ("不同意公开", None),
        ("不予公开", None),  # eight kinds of 不予公开: the clerk says which
        ("答复完毕", None),
    ],
)
def test_outcomes(text: str, row: str | None) -> None:
    assert words().outcome(text) == row


def test_the_2019_format_has_one_other_row() -> None:
    assert words("2019").outcome("逾期未补正") == "other"
    assert words("2019").outcome("申请人撤回申请") == "other"


def test_the_clerks_choice_comes_first() -> None:
    mapped = words()
    mapped.correct("outcome", "答复完毕", "open")
    mapped.correct("outcome", "同意公开", "partial")
    assert mapped.outcome("答复完毕") == "open"
    assert mapped.outcome("同意公开") == "partial"
    mapped.correct("outcome", "同意公开", None)
    assert mapped.outcome("同意公开") == "open"
