"""Reading numbers out of Russian and Chinese text, comparing them, and
the number vocabulary as a rule pack (ruconsist.lang.numbers)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from ruconsist.errors import RuleError
from ruconsist.lang.numbers import (
    NumberMention,
    compare_mentions,
    compile_vocab,
    extract_numbers,
    format_value,
    parse_zh_numeral,
    render_zh,
    rounding_of,
    values_equal,
)
from ruconsist.rules import RuleSet, load_pack, load_pack_text

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO / "rules" / "numbers.yaml"


@pytest.fixture(scope="module")
def vocab():
    return compile_vocab(RuleSet([load_pack(SHIPPED, display="rules/numbers.yaml")]).vocab("numbers"))


def loud(mentions: list[NumberMention]) -> list[tuple[str, Fraction, str]]:
    """The mentions the check may report: (raw text, value, kind)."""
    return [(m.raw, m.value, m.kind) for m in mentions if not m.quiet]


F = Fraction

RU_CASES = [
    ("1,5 часа", [("1,5", F(3, 2), "cardinal")]),
    ("1.5 часа", [("1.5", F(3, 2), "cardinal")]),
    ("3 000 человек", [("3 000", F(3000), "cardinal")]),
    ("17\u00a0500\u00a0000 рублей", [("17\u00a0500\u00a0000", F(17_500_000), "cardinal")]),
    ("12\u202f400 машин", [("12\u202f400", F(12_400), "cardinal")]),
    ("в 2015 300 человек", [("2015", F(2015), "cardinal"), ("300", F(300), "cardinal")]),
    ("1,5 млн", [("1,5 млн", F(1_500_000), "cardinal")]),
    ("850 тыс. рублей", [("850 тыс.", F(850_000), "cardinal")]),
    ("108,5 миллиона", [("108,5 миллиона", F(108_500_000), "cardinal")]),
    ("228,1 млрд долларов", [("228,1 млрд", F(228_100_000_000), "cardinal")]),
    ("1,2 трлн", [("1,2 трлн", F(1_200_000_000_000), "cardinal")]),
    ("двадцать пять тысяч", [("двадцать пять тысяч", F(25_000), "cardinal")]),
    ("две тысячи пятьсот", [("две тысячи пятьсот", F(2500), "cardinal")]),
    ("сто двадцать три", [("сто двадцать три", F(123), "cardinal")]),
    ("пятью языками", [("пятью", F(5), "cardinal")]),
    ("полтора часа", [("полтора", F(3, 2), "cardinal")]),
    ("полтора миллиона", [("полтора миллиона", F(1_500_000), "cardinal")]),
    ("полутора лет", [("полутора", F(3, 2), "cardinal")]),
    ("полтораста", [("полтораста", F(150), "cardinal")]),
    ("трое туристов", [("трое", F(3), "cardinal")]),
    ("четырехдневным визитом", [("четырехдневным", F(4), "compound")]),
    ("пятилетний план", [("пятилетний", F(5), "compound")]),
    ("80-летия победы", [("80-летия", F(80), "compound")]),
    ("25-тысячная толпа", [("25-тысячная", F(25_000), "compound")]),
    ("десятый раунд", [("десятый", F(10), "ordinal")]),
    ("двадцать пятого раунда", [("двадцать пятого", F(25), "ordinal")]),
    ("на 125-й улице", [("125-й", F(125), "ordinal")]),
    ("на 12,5 процента", [("12,5 процента", F(25, 2), "percent")]),
    ("25 %", [("25 %", F(25), "percent")]),
    ("на 2 п.п.", [("2 п.п.", F(2), "percent")]),
    ("две трети", [("две трети", F(2, 3), "fraction")]),
    ("три пятых голосов", [("три пятых", F(3, 5), "fraction")]),
    # after tens the ordinal is a compound ordinal, not a denominator
    ("двадцать пятых годов", [("двадцать пятых", F(25), "ordinal")]),
    ("в три раза", [("три раза", F(3), "multiple")]),
    ("в третий раз", [("третий", F(3), "ordinal")]),
    ("трижды", [("трижды", F(3), "cardinal")]),
    ("от 5 до 7 млн", [("5", F(5_000_000), "range-part"), ("7 млн", F(7_000_000), "range-part")]),
    ("5–7 %", [("5", F(5), "percent"), ("7 %", F(7), "percent")]),
]


@pytest.mark.parametrize("text,expected", RU_CASES, ids=[c[0] for c in RU_CASES])
def test_russian_values(vocab, text: str, expected) -> None:
    assert loud(extract_numbers(text, "ru", vocab)) == expected


ZH_CASES = [
    ("1.5小时", [("1.5", F(3, 2), "cardinal")]),
    ("一个半小时", [("一个半", F(3, 2), "cardinal")]),
    ("两年半", [("两年半", F(5, 2), "cardinal")]),
    ("150万人", [("150万", F(1_500_000), "cardinal")]),
    ("1100 万英镑", [("1100 万", F(11_000_000), "cardinal")]),
    ("1.085亿", [("1.085亿", F(108_500_000), "cardinal")]),
    ("1.2万亿美元", [("1.2万亿", F(1_200_000_000_000), "cardinal")]),
    ("3,000人", [("3,000", F(3000), "cardinal")]),
    ("１５０人", [("１５０", F(150), "cardinal")]),
    ("十五万人", [("十五万", F(150_000), "cardinal")]),
    ("三千万元", [("三千万", F(30_000_000), "cardinal")]),
    ("一百零五人", [("一百零五", F(105), "cardinal")]),
    ("20多万人", [("20多万", F(200_000), "cardinal")]),
    ("为期四天", [("四", F(4), "cardinal")]),
    ("第十轮", [("第十", F(10), "ordinal")]),
    ("80周年", [("80", F(80), "cardinal")]),
    ("百分之二十五", [("百分之二十五", F(25), "percent")]),
    ("25％", [("25％", F(25), "percent")]),
    ("2个百分点", [("2个百分点", F(2), "percent")]),
    ("三成", [("三成", F(30), "percent")]),
    ("三分之二", [("三分之二", F(2, 3), "fraction")]),
    ("三倍", [("三倍", F(3), "multiple")]),
    # 千克 is a unit (kilogram), not 千 = thousand
    ("4千克", [("4", F(4), "cardinal")]),
    ("五六千人", [("五六千", F(5000), "cardinal")]),
    ("三至六周", [("三", F(3), "range-part"), ("六", F(6), "range-part")]),
    ("5至7万", [("5", F(50_000), "range-part"), ("7万", F(70_000), "range-part")]),
]


@pytest.mark.parametrize("text,expected", ZH_CASES, ids=[c[0] for c in ZH_CASES])
def test_chinese_values(vocab, text: str, expected) -> None:
    assert loud(extract_numbers(text, "zh", vocab)) == expected


# Numbers that may answer for a value on the other side but are never
# reported themselves, and why.
QUIET = [
    ("ru", "в 2026 году", "date"),
    ("ru", "4 февраля", "date"),
    ("ru", "в 30-е годы", "date"),
    ("ru", "в 16:40", "time"),
    ("ru", "в 7 утра", "time"),
    ("ru", "саммит G20", "code"),
    ("ru", "COVID-19", "code"),
    ("ru", "СНВ-3", "code"),
    ("ru", "«Сила Сибири — 2»", "name"),
    ("ru", "ст. 5", "reference"),
    ("ru", "№ 12", "reference"),
    ("ru", "Bellator 206", "code"),
    ("ru", "Людовик XVI", "name"),
    ("ru", "один из домов", "word"),
    ("ru", "двух стран", "word"),
    ("ru", "тысячи людей", "vague"),
    ("ru", "за последние десятилетия", "vague"),
    ("ru", "до начала Шестидневной войны", "name"),
    ("ru", "(Тото, 2004)", "date"),
    ("zh", "2026年", "date"),
    ("zh", "2月4日", "date"),
    ("zh", "16时40分", "time"),
    ("zh", "二十国集团", "name"),
    ("zh", "第5条", "reference"),
    ("zh", "两国", "word"),
    ("zh", "一年", "word"),
    ("zh", "20世纪", "date"),
    ("zh", "百年", "vague"),
]


@pytest.mark.parametrize("lang,text,role", QUIET, ids=[q[1] for q in QUIET])
def test_quiet_mentions(vocab, lang: str, text: str, role: str) -> None:
    mentions = extract_numbers(text, lang, vocab)
    assert mentions, "the number should still be read (it answers for the other side)"
    assert [(m.quiet, m.role) for m in mentions] == [(True, role)] * len(mentions)


NOT_NUMBERS = ["一些", "统一", "一起", "进一步", "十分重要", "千万不要", "周三", "内陆国家", "四处奔波", "几十万人", "数百人"]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_chinese_words_with_numeral_characters_are_not_numbers(vocab, text: str) -> None:
    # A numeral with no classifier may still answer a number on the other
    # side ("bare"), but it is never a figure of its own.
    assert [m for m in extract_numbers(text, "zh", vocab) if m.role != "bare"] == []


def test_offsets_point_into_the_original_text(vocab) -> None:
    text = "Около 1,5 млн человек и ещё ДВЕ тысячи."
    for m in extract_numbers(text, "ru", vocab):
        assert text[m.start:m.end] == m.raw


def test_approximation_words_are_flagged(vocab) -> None:
    (ru,) = extract_numbers("около 1,5 млн", "ru", vocab)
    (zh,) = extract_numbers("约150万", "zh", vocab)
    assert ru.approx and zh.approx


@pytest.mark.parametrize(
    "numeral,value",
    [("十", 10), ("十五", 15), ("二十", 20), ("一百零五", 105), ("两千", 2000), ("三千万", 30_000_000),
     ("一万亿", 10**12), ("三亿五千万", 350_000_000), ("二〇二六", 2026), ("三点五", Fraction(7, 2))],
)
def test_parse_zh_numeral(vocab, numeral: str, value) -> None:
    assert parse_zh_numeral(numeral, vocab) == value


@pytest.mark.parametrize("numeral", ["五五十", "十十", "点五"])
def test_parse_zh_numeral_refuses_non_numbers(vocab, numeral: str) -> None:
    assert parse_zh_numeral(numeral, vocab) is None


def one(text: str, lang: str, vocab) -> NumberMention:
    (m,) = [m for m in extract_numbers(text, lang, vocab) if not m.quiet]
    return m


@pytest.mark.parametrize(
    "ru,zh,equal",
    [
        ("1,51 млн", "151万", True),   # the same precision
        ("1,5 млн", "151万", True),    # RU rounds to 100 000
        ("1,5 млн", "160万", False),   # beyond RU's rounding
        ("1500", "2000", False),       # plain integers are exact
        ("около 2000", "1950", False),  # a hedge does not make 1950 equal to 2000
        ("около 2000", "около 2000", True),
        ("около 80", "近82", False),
        ("3 тыс.", "3200", True),      # "3 тыс." is precise to the thousand
        ("27 метров", "30码", True),   # converted units, 12 %
        ("27 метров", "40码", False),
        ("27 градусов", "80华氏度", True),
        ("1,5 гигатонн", "15亿吨", True),
    ],
)
def test_values_equal_by_rounding_and_conversion(vocab, ru: str, zh: str, equal: bool) -> None:
    assert values_equal(one(ru, "ru", vocab), one(zh, "zh", vocab)) is equal


@pytest.mark.parametrize(
    "ru,zh,rounded",
    [
        ("около 2000", "约1950", True),    # 1950 rounds to 2000 at the thousand
        ("около 100", "大约105", True),    # 105 rounds to 100, 5 % off
        ("более 1000", "1005多", True),
        ("около 2000", "约1800", False),   # 10 % off: not a rounding
        ("около 80", "近82", False),       # 80 is rounded to the ten only
        ("по меньшей мере 385", "至少386", False),
        ("2000", "1950", False),           # neither side says it is approximate
    ],
)
def test_rounding_needs_a_hedge_a_round_figure_and_a_small_gap(vocab, ru: str, zh: str, rounded: bool) -> None:
    assert rounding_of(one(ru, "ru", vocab), one(zh, "zh", vocab)) is rounded


def test_magnitude_slip_is_one_mismatch_with_its_factor(vocab) -> None:
    ru = extract_numbers("1,5 млн", "ru", vocab)
    zh = extract_numbers("15万", "zh", vocab)
    (mm,) = compare_mentions(ru, zh, vocab)
    assert (mm.kind, mm.lang, mm.factor) == ("magnitude", "zh", 10)


def test_plain_numbers_ten_times_apart_are_not_a_magnitude_slip(vocab) -> None:
    ru = extract_numbers("5 человек", "ru", vocab)
    zh = extract_numbers("50人", "zh", vocab)
    assert [mm.kind for mm in compare_mentions(ru, zh, vocab)] == ["differs"]


@pytest.mark.parametrize(
    "value,text", [(1_500_000, "150万"), (108_500_000, "1.085亿"), (228_100_000_000, "2281亿"),
                   (1_200_000_000_000, "1.2万亿"), (850, "850")],
)
def test_render_zh(value: int, text: str) -> None:
    assert render_zh(Fraction(value)) == text


def test_format_value_groups_and_keeps_fractions() -> None:
    assert format_value(Fraction(1_500_000)) == "1 500 000"
    assert format_value(Fraction(3, 2)) == "1.5"
    assert format_value(Fraction(2, 3)) == "2/3"


# The vocabulary is a rule pack: users extend it, mistakes name file:line.

USER_PACK = """\
version: 1
pack: slang
vocab:
  numbers:
    ru:
      magnitudes:
        - {factor: 1000000, forms: [лям, ляма, лямов]}
"""


def test_user_added_magnitude_word_takes_effect() -> None:
    shipped = load_pack(SHIPPED, display="rules/numbers.yaml")
    before = compile_vocab(RuleSet([shipped]).vocab("numbers"))
    after = compile_vocab(RuleSet([shipped, load_pack_text(USER_PACK, "slang.yaml")]).vocab("numbers"))
    assert loud(extract_numbers("5 лямов", "ru", before)) == [("5", 5, "cardinal")]
    assert loud(extract_numbers("5 лямов", "ru", after)) == [("5 лямов", 5_000_000, "cardinal")]


def test_user_added_magnitude_word_through_the_check(tmp_path: Path) -> None:
    from ruconsist.testing import findings

    pack = tmp_path / "slang.yaml"
    pack.write_text(USER_PACK, encoding="utf-8")
    select = ["NUM001", "NUM002"]
    assert findings("Бюджет — 5 лямов.", "预算为500万。", select=select) == [("NUM001", "zh", "500万")]
    assert findings("Бюджет — 5 лямов.", "预算为500万。", select=select, packs=[str(pack)]) == []


BAD_PACKS = [
    ("unknown key", "    ru:\n      magnitude: []\n", 7,
     "unknown key 'magnitude' in vocab.numbers.ru (did you mean 'magnitudes'?)"),
    ("bad value", "    ru:\n      cardinals:\n        - {value: пять, forms: [пять]}\n", 8,
     "vocab.numbers.ru.cardinals.value must be a number (write 5, 1.5 or \"3/2\"), not 'пять'"),
    ("no forms", "    ru:\n      cardinals:\n        - {value: 5}\n", 8, "vocab.numbers.ru.cardinals needs 'forms'"),
    ("empty form", "    ru:\n      percent: ['  ']\n", 7, "empty form"),
    ("bad factor", "    settings:\n      magnitude_factors: [1.5]\n", 7, "integers above 1"),
    ("unit without factor", "    units:\n      - {dimension: length, ru: [верста]}\n", 7, "vocab.numbers.units needs 'factor'"),
    ("unknown section", "    ur: {}\n", 6, "unknown key 'ur'"),
]


@pytest.mark.parametrize("name,body,line,message", BAD_PACKS, ids=[b[0] for b in BAD_PACKS])
def test_bad_vocabulary_names_file_and_line(name: str, body: str, line: int, message: str) -> None:
    text = "version: 1\npack: house\ndescription: x\nvocab:\n  numbers:\n" + body
    with pytest.raises(RuleError) as err:
        # The pack schema refuses most of it on load; what depends on
        # several values (integer factors) the number vocabulary does.
        pack = load_pack_text(text, "house.yaml")
        compile_vocab([(pack, pack.vocab["numbers"])])
    assert err.value.path == "house.yaml"
    assert err.value.line == line
    assert message in err.value.message


def test_missing_numbers_pack_is_a_clear_error() -> None:
    with pytest.raises(RuleError, match="no rule pack defines vocab.numbers"):
        compile_vocab([])
