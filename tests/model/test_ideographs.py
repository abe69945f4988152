"""model/ideographs.py: radicals (Kangxi and the Supplement) and compatibility ideographs become the unified
ideographs; full-width punctuation, digits, letters and every other character stay as they are."""

from __future__ import annotations

import json
import unicodedata
from importlib import resources

import pytest

from model.ideographs import TABLE, unify

# the CJK Radicals Supplement as PDFs from Qt and WPS name them (the glyphs of 民, 长, 门 … in SC fonts)
PAIRS = "⺠民⻓长⻔门⻘青⻝食⻢马⻛风⻜飞⻅见⻉贝⻋车⻩黄⻥鱼⻨麦⻬齐⻮齿⻰龙⻳龟⺟母⻚页⻄西"
SUPPLEMENT = dict(zip(PAIRS[::2], PAIRS[1::2], strict=True))


def test_kangxi_radicals_and_the_supplement_become_ideographs():
    assert unify("⼯作") == "工作"
    assert unify("⼈⺠政府") == "人民政府"
    assert unify("⼀⼆⼗⼤⽂⽇⽉⾏⾦⾼") == "一二十大文日月行金高"
    for radical, ideograph in SUPPLEMENT.items():
        assert unify(radical) == ideograph, radical


def test_the_door_radical_is_the_simplified_hu_the_fonts_draw():
    assert unicodedata.normalize("NFKC", "⼾") == "戶"  # Unicode's decomposition names the traditional form
    assert unify("门⼾网站") == "门户网站"


def test_compatibility_ideographs_by_their_canonical_decomposition():
    assert unify("\uf967\U0002f800") == "不丽"  # CJK Compatibility Ideographs and their Supplement
    assert unify("\ufa11") == "\ufa11"  # a unified ideograph in that block: no decomposition, kept


def test_punctuation_digits_and_latin_stay_full_width_and_as_printed():
    text = "（一）依申请公开：１２件，“其他”；ＡＢ　ｆｉ 1、2。【】《》……——"
    assert unify(text) == text
    assert unicodedata.normalize("NFKC", text) != text  # what a whole-text NFKC would have broken
    assert unify("（⼀）依申请公开：１２件") == "（一）依申请公开：１２件"


def test_every_mapping_names_one_unified_ideograph_and_the_data_covers_the_supplement():
    for code, ideograph in TABLE.items():
        assert len(ideograph) == 1 and unicodedata.name(ideograph).startswith("CJK UNIFIED IDEOGRAPH"), hex(
            code
        )
        assert 0x2E80 <= code <= 0x2FDF or 0xF900 <= code <= 0xFAFF or 0x2F800 <= code <= 0x2FA1F
    data = json.loads(resources.files("resources").joinpath("cjk_radicals.json").read_text(encoding="utf-8"))
    assert all(0x2E80 <= ord(radical) <= 0x2EFF for radical in data["radicals"])
    assert all(0x2F00 <= ord(radical) <= 0x2FD5 for radical in data["kangxi"])
    assert all(0x2F00 + n in TABLE for n in range(214))  # every Kangxi radical


@pytest.mark.parametrize("text", ["", "abc", "中华人民共和国政府信息公开条例", "\U0001f600"])
def test_text_without_radicals_is_returned_unchanged(text):
    assert unify(text) == text
