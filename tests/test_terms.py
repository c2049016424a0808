"""Terms across languages: inflected Russian, longest-first Chinese."""

from __future__ import annotations

import pytest

from ruconsist.testing import findings, pack_from_text
from ruconsist.terms import TermMatcher


@pytest.fixture(scope="module")
def matcher(news_rules) -> TermMatcher:
    return TermMatcher(news_rules.terms)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Путин заявил", [("Путин", ("putin",))]),
        ("встреча с Путиным", [("Путиным", ("putin",))]),
        ("визит Владимира Путина в Китай", [("Владимира Путина", ("putin",)), ("Китай", ("china",))]),
        ("Владимиру Путину сообщили", [("Владимиру Путину", ("putin",))]),
        ("с председателем Си Цзиньпином", [("Си Цзиньпином", ("xi-jinping",))]),
        ("переговоры Си Цзиньпина", [("Си Цзиньпина", ("xi-jinping",))]),
        ("заявление Сергея Лаврова", [("Сергея Лаврова", ("lavrov",))]),
        ("встреча с Ли Цяном", [("Ли Цяном", ("li-qiang",))]),
        ("МОСКВА, 4 фев", [("МОСКВА", ("moscow",))]),
        ("саммит ШОС", [("ШОС", ("sco",))]),
        ("саммите Шанхайской организации сотрудничества", [("Шанхайской организации сотрудничества", ("sco",))]),
        (
            "форума Азиатско-тихоокеанского экономического сотрудничества",
            [("Азиатско-тихоокеанского экономического сотрудничества", ("apec",))],
        ),
        ("в Шэньчжэне и Шэньчжэнем", [("Шэньчжэне", ("shenzhen",)), ("Шэньчжэнем", ("shenzhen",))]),
        ("Ли или не ли", []),
        ("путина на реке", []),
    ],
)
def test_russian_forms_match_in_every_case(matcher, text, expected) -> None:
    got = [(m.text, m.terms) for m in matcher.find(text, "ru")]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("弗拉基米尔·普京会见习近平", [("弗拉基米尔·普京", ("putin",)), ("习近平", ("xi-jinping",))]),
        ("普京抵达北京", [("普京", ("putin",))]),
        ("普丁", [("普丁", ("putin",))]),
        ("华盛顿和莫斯科", [("华盛顿", ("washington",)), ("莫斯科", ("moscow",))]),
        ("中华人民共和国", [("中华人民共和国", ("china",))]),
        ("上海合作组织(SCO)峰会", [("上海合作组织", ("sco",))]),
    ],
)
def test_chinese_forms_match_longest_first(matcher, text, expected) -> None:
    assert [(m.text, m.terms) for m in matcher.find(text, "zh")] == expected


TERM_CASES = [
    # Clean pairs: every term has a counterpart.
    ("Владимир Путин встретился с Си Цзиньпином.", "弗拉基米尔·普京会见了习近平。", []),
    ("Путин и Си Цзиньпин обсудили ситуацию.", "普京与习近平讨论了局势。", []),
    ("Ушаков рассказал журналистам.", "乌沙科夫向记者表示。", []),
    ("Президент России прибыл в Китай.", "俄罗斯总统抵达中国。", []),
    ("Путин прибыл в Китай.", "俄罗斯总统抵达中国。", []),
    ("Президент России прибыл в Китай.", "普京总统抵达中国。", []),
    ("Саммит ШОС пройдёт в Тяньцзине.", "上合组织峰会将在天津举行。", []),
    ("Переговоры между Москвой и Вашингтоном.", "俄美谈判。", []),
    ("Россия поддержала позицию Китая.", "俄方支持中方立场。", []),
    ("Встреча в Шэньчжэне.", "在深圳会晤。", []),
    ("Болельщики «Вашингтон Нэшионалс» довольны.", "国民队球迷很满意。", []),
    # One side lacks the term.
    ("Лавров заявил журналистам.", "外长向记者表示。", [("TRM001", "ru", "Лавров")]),
    ("Глава МИД заявил журналистам.", "拉夫罗夫向记者表示。", [("TRM001", "zh", "拉夫罗夫")]),
    ("Встреча с Ли Цяном в Пекине.", "在北京会见。", [("TRM001", "ru", "Ли Цяном")]),
    ("Саммит ШОС пройдёт осенью.", "峰会将于秋季举行。", [("TRM001", "ru", "ШОС")]),
    # A country this pack does not know (伊拉克) counts as nothing: Iran
    # is omitted, not substituted.
    ("Переговоры об Иране.", "关于伊拉克的谈判。", [("TRM001", "ru", "Иране")]),
    # A forbidden variant is reported as a variant of the right name
    # (TRM002), not also as a missing counterpart.
    ("Путин прибыл.", "普丁抵达。", [("TRM002", "zh", "普丁")]),
    # Different treaties in the same segment: one title finding.
    (
        "Срок действия Договора об ограничении стратегических наступательных вооружений истекает.",
        "《新削减战略武器条约》即将到期。",
        [("TTL001", "ru", "Договора об ограничении стратегических наступательных вооружений")],
    ),
    ("Срок действия ДСНВ истекает.", "《新削减战略武器条约》即将到期。", []),
]


@pytest.mark.parametrize(("ru", "zh", "expected"), TERM_CASES)
def test_terms_need_their_counterpart(news_rules, ru, zh, expected) -> None:
    assert findings(ru, zh, rules=news_rules, select=["TRM", "TTL"]) == expected


def test_forbidden_variant_names_the_preferred_form_and_offers_a_fix(news_rules) -> None:
    from ruconsist.testing import lint_texts

    (d,) = lint_texts("Путин прибыл.", "普丁抵达。", rules=news_rules, select=["TRM002"])
    assert d.message == "ZH '普丁' is a wrong variant: use '普京'"
    assert d.fix is not None and d.fix.replacement == "普京"
    assert (d.location.line, d.location.column, d.location.end_column) == (1, 1, 3)
    assert d.counterpart is not None and d.counterpart.lang == "ru"


def test_message_says_what_was_expected(news_rules) -> None:
    from ruconsist.testing import lint_texts

    (d,) = lint_texts("Лавров заявил.", "外长表示。", rules=news_rules, select=["TRM"])
    assert d.message == "RU 'Лавров' has no counterpart in ZH (expected 谢尔盖·拉夫罗夫 or 拉夫罗夫)"
    assert (d.category, d.rule, d.expected, d.found) == ("name", "lavrov", "谢尔盖·拉夫罗夫", "Лавров")


def test_a_term_is_reported_once_per_segment(news_rules) -> None:
    got = findings("Лавров сказал, что Лавров приедет.", "外长说他会来。", rules=news_rules, select=["TRM"])
    assert got == [("TRM001", "ru", "Лавров")]


def test_per_term_severity_and_case_exact() -> None:
    rules = pack_from_text(
        """
version: 1
terms:
  - id: togo
    category: place
    ru: [Того]
    zh: [多哥]
    case: exact
    severity: warning
"""
    )
    from ruconsist.testing import lint_texts

    assert findings("Кроме того, рост.", "此外增长。", rules=rules, select=["TRM"]) == []
    (d,) = lint_texts("Визит в Того.", "访问。", rules=rules, select=["TRM"])
    assert (d.code, d.severity.label, d.category) == ("TRM001", "warning", "place")


def test_except_words_shadow_a_form_inside_them() -> None:
    rules = pack_from_text(
        """
version: 1
terms:
  - id: china
    category: place
    ru: [Китай]
    zh: [中国]
    except:
      zh: [发展中国家]
      ru: [Китай-город]
"""
    )
    assert findings("Помощь развивающимся странам.", "援助发展中国家。", rules=rules, select=["TRM"]) == []
    assert findings("Помощь Китаю.", "援助发展中国家。", rules=rules, select=["TRM"]) == [("TRM001", "ru", "Китаю")]
    assert findings("Прогулка по Китай-городу.", "漫步。", rules=rules, select=["TRM"]) == []


SPELLING_PACK = """
version: 1
terms:
  - id: siluanov
    category: name
    ru: [Антон Силуанов, Силуанов]
    zh: [安东·西卢阿诺夫, 西卢阿诺夫]
  - id: peskov
    category: name
    ru: [Песков]
    zh: [佩斯科夫]
  - id: zelensky
    category: name
    ru: [Зеленский]
    zh: [泽连斯基]
  - id: who
    category: organization
    ru: [ВОЗ]
    zh: [世卫组织]
  - id: russia
    category: place
    ru: [Российская Федерация]
    zh: [俄罗斯联邦]
  - id: milei
    category: name
    ru: [Милей]
    zh: [米莱]
  - id: usa
    category: place
    ru: [США]
    zh: [美国]
  - id: cdc
    category: organization
    ru: [Центры по контролю и профилактике заболеваний США]
    zh: [美国疾控中心]
  - id: guinea-bissau
    category: place
    ru: [Гвинея-Бисау]
    zh: [几内亚比绍]
"""


@pytest.mark.parametrize(
    ("ru", "zh", "expected"),
    [
        # Surnames the dictionary lacks or misreads still decline.
        ("Встреча с Силуановым.", "会见西卢阿诺夫。", []),
        ("Слова Зеленского.", "泽连斯基的话。", []),
        # A surname is not the plural of a common noun (песок → пески).
        ("Пески пустыни.", "沙漠的沙子。", []),
        ("Заявил Песков.", "佩斯科夫表示。", []),
        # An abbreviation in capitals does not match a word in lower case.
        ("Мот ушёл.", "莫特离开了。", []),
        ("Доклад ВОЗ.", "报告。", [("TRM001", "ru", "ВОЗ")]),
        # Decomposed й (и + U+0306), as some UN texts write it.
        ("Росси\u0438\u0306ская Федерация.", "俄罗斯联邦。", []),
        # Non-breaking hyphen inside a name.
        ("Визит в Гвинею\u2011Бисау.", "访问几内亚比绍。", []),
        # 米莱 inside 米莱斯 (Millais) is another name.
        ("Картина Милле.", "米莱斯的画。", []),
        ("Речь Милея.", "米莱的讲话。", []),
        # The USA inside the CDC's name counts for the USA.
        ("Данные Центров по контролю и профилактике заболеваний США.", "美国疾控中心的数据。", []),
    ],
)
def test_spellings_text_and_packs_disagree_on(ru: str, zh: str, expected) -> None:
    rules = pack_from_text(SPELLING_PACK)
    assert findings(ru, zh, rules=rules, select=["TRM"]) == expected
