"""Chinese in Traditional characters, whatever the file's tag: recognised,
checked through conversion to Simplified, and said so once (ALN004)."""

from __future__ import annotations

import pytest

from ruconsist.lang.script import is_traditional, script_counts, to_simplified
from ruconsist.testing import findings, lint_texts

RU = (
    "Главы государств России и Китая встретились в Москве.\n\n"
    "Российская Федерация и Китайская Народная Республика поддерживают центральную роль ООН."
)
ZH_TRADITIONAL = "俄羅斯和中國兩國元首在莫斯科會晤。\n\n俄羅斯聯邦和中華人民共和國支持聯合國發揮核心作用。"


@pytest.mark.parametrize(
    ("text", "traditional"),
    [
        ("俄羅斯聯邦和中華人民共和國支持聯合國發揮核心作用。", True),
        ("俄罗斯联邦和中华人民共和国支持联合国发挥核心作用。", False),
        # 台 and 里 are Traditional characters too: no sign either way.
        ("台湾海峡两岸关系", False),
        ("Только русский текст.", False),
    ],
)
def test_traditional_text_is_recognised(text: str, traditional: bool) -> None:
    assert is_traditional(text) is traditional


def test_conversion_keeps_length_and_reads_simplified() -> None:
    text = "兩國元首在聯合國會見，雙方簽署《聯合聲明》。"
    out = to_simplified(text)
    assert out == "两国元首在联合国会见，双方签署《联合声明》。"
    assert len(out) == len(text)
    assert script_counts(out)[0] == 0


def test_traditional_file_is_checked_as_simplified_with_one_info_line() -> None:
    diags = lint_texts(RU, ZH_TRADITIONAL)
    assert [(d.code, d.severity.label, d.location.line) for d in diags if d.code == "ALN004"] == [("ALN004", "info", 1)]
    assert [d for d in diags if d.severity.label == "error"] == []


def test_a_real_error_in_traditional_text_is_still_reported() -> None:
    # The second ZH paragraph names Ukraine (烏克蘭) where RU has Russia:
    # a substitution, reported at the Russian name.
    zh = ZH_TRADITIONAL.replace("俄羅斯聯邦和", "烏克蘭和")
    got = findings(RU, zh, select=["TRM"])
    assert ("TRM003", "ru", "Российская Федерация") in got
