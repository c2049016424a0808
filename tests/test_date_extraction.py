"""Reading dates and weekdays out of RU and ZH text, without the
pipeline: spans, values, what is soft, datelines and vocabulary."""

from __future__ import annotations

import pytest

from ruconsist.errors import RuleError
from ruconsist.lang.dates import (
    DateMention,
    Dateline,
    apply_dateline,
    bare_years,
    build_vocab,
    cn_number,
    describe,
    extract,
    find_dateline,
    header_dateline,
    pair_dates,
    roman,
    same_reading,
    weekday_conflict,
)
from ruconsist.testing import pack_from_text


def readings(text: str, lang: str) -> list[tuple[str, str]]:
    return [(m.text, describe(m)) for m in extract(text, lang)]


RU = [
    ("4 февраля 2026 года", [("4 февраля 2026 года", "2026-02-04")]),
    ("сегодня, 4 февраля,", [("4 февраля", "--02-04")]),
    ("04.02.2026", [("04.02.2026", "2026-02-04")]),
    ("МОСКВА, 4 фев - РИА", [("4 фев", "--02-04")]),
    ("до 4 февр. включительно", [("4 февр.", "--02-04")]),
    ("12 сент. 2025 г.", [("12 сент. 2025 г.", "2025-09-12")]),
    ("04 ФЕВРАЛЯ 2026, 16:40", [("04 ФЕВРАЛЯ 2026", "2026-02-04")]),
    ("1-го октября", [("1-го октября", "--10-01")]),
    ("в феврале 2026 года", [("феврале 2026 года", "2026-02")]),
    ("в ноябре", [("ноябре", "--11")]),
    ("в 2026 году", [("2026 году", "2026")]),
    ("в 2026-м году", [("2026-м году", "2026")]),
    ("2025 год", [("2025 год", "2025")]),
    ("с 1994 г.", [("1994 г.", "1994")]),
    ("с 1 по 3 июля", [("с 1 по 3 июля", "--07-01/--07-03")]),
    ("1–3 июля", [("1–3 июля", "--07-01/--07-03")]),
    ("с 28 августа по 2 сентября 2025 года", [("с 28 августа по 2 сентября 2025 года", "2025-08-28/2025-09-02")]),
    ("с 28 декабря по 2 января 2026 года", [("с 28 декабря по 2 января 2026 года", "2025-12-28/2026-01-02")]),
    ("в 2025–2026 годах", [("2025–2026 годах", "2025/2026")]),
    ("в 2007–08 гг.", [("2007–08 гг.", "2007/2008")]),
    ("в июле–августе", [("в июле–августе", "--07/--08")]),
    ("в 2005 и 2006 годах", [("2005", "2005"), ("2006 годах", "2006")]),
    ("3 и 4 февраля", [("3", "--02-03"), ("4 февраля", "--02-04")]),
    ("1, 2 и 5 марта 2020 года", [("1", "2020-03-01"), ("2", "2020-03-02"), ("5 марта 2020 года", "2020-03-05")]),
    ("в первой половине года", [("первой половине года", "H1")]),
    ("во второй половине 2026 года", [("второй половине 2026 года", "2026-H2")]),
    ("в первом полугодии", [("первом полугодии", "H1")]),
    ("в I квартале 2025 г.", [("I квартале 2025 г.", "2025-Q1")]),
    ("в третьем квартале текущего года", [("третьем квартале текущего года", "Q3 (this year)")]),
    ("в этом году", [("этом году", "this year")]),
    ("1 октября прошлого года", [("1 октября прошлого года", "--10-01 (last year)")]),
    ("в ноябре этого года", [("ноябре этого года", "--11 (this year)")]),
    ("в том же году", [("том же году", "same year")]),
    ("в 1980-е годы", [("1980-е годы", "1980s")]),
    ("в 30-е годы прошлого века", [("30-е годы прошлого века", "'30s of the last century")]),
    ("XIX век", [("XIX век", "19th century")]),
    ("в конце 19-го века", [("19-го века", "19th century")]),
    ("июньского саммита", [("июньского", "--06")]),
    # Capitalised month names mid-sentence are names, not months.
    ("сообщила Марта Петрова", []),
    ("Март выдался теплым.", [("Март", "--03")]),
    ("в 4:40 утра, 1,5 часа, 52-летний, 2000 человек", []),
    # An impossible date is no date, and its month is not read alone.
    ("31 июня", []),
]


@pytest.mark.parametrize(("text", "expected"), RU, ids=[c[0] for c in RU])
def test_russian_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert readings(text, "ru") == expected


ZH = [
    ("2026年2月4日", [("2026年2月4日", "2026-02-04")]),
    ("2月4日", [("2月4日", "--02-04")]),
    ("2月4号", [("2月4号", "--02-04")]),
    ("2026年2月", [("2026年2月", "2026-02")]),
    ("2026年", [("2026年", "2026")]),
    ("2025年度", [("2025年度", "2025")]),
    ("2018 年 9月 29 日", [("2018 年 9月 29 日", "2018-09-29")]),
    ("２０２６年２月４日", [("２０２６年２月４日", "2026-02-04")]),
    ("二〇二六年二月四日", [("二〇二六年二月四日", "2026-02-04")]),
    ("一九四八年十二月十日", [("一九四八年十二月十日", "1948-12-10")]),
    ("九月三十日", [("九月三十日", "--09-30")]),
    ("十月份", [("十月份", "--10")]),
    ("7月1日至3日", [("7月1日至3日", "--07-01/--07-03")]),
    ("7月1日-3日", [("7月1日-3日", "--07-01/--07-03")]),
    ("8月28日至9月2日", [("8月28日至9月2日", "--08-28/--09-02")]),
    ("7至8月", [("7至8月", "--07/--08")]),
    ("2025至2026年", [("2025至2026年", "2025/2026")]),
    ("2010-11 年", [("2010-11 年", "2010/2011")]),
    ("3月4日和5日", [("3月4日", "--03-04"), ("5日", "--03-05")]),
    ("上半年", [("上半年", "H1")]),
    ("今年上半年", [("今年上半年", "H1 (this year)")]),
    ("2026年上半年", [("2026年上半年", "2026-H1")]),
    ("第一季度", [("第一季度", "Q1")]),
    ("今年11月", [("今年11月", "--11 (this year)")]),
    ("去年十二月", [("去年十二月", "--12 (last year)")]),
    ("同年 3 月", [("同年 3 月", "--03 (same year)")]),
    ("上世纪八十年代", [("上世纪八十年代", "'80s of the last century")]),
    ("20 世纪 30 年代", [("20 世纪 30 年代", "1930s")]),
    ("1980年代", [("1980年代", "1980s")]),
    ("上一世纪", [("上一世纪", "last century")]),
    ("4日", [("4日", "---04")]),
    # Not dates: durations, counts, numbered things.
    ("3个月、18 年前、80周年、30日内、5号公路、2000多年", []),
]


@pytest.mark.parametrize(("text", "expected"), ZH, ids=[c[0] for c in ZH])
def test_chinese_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert readings(text, "zh") == expected


def weekdays(text: str, lang: str) -> list[tuple[str, int | None, bool]]:
    return [(m.text, m.weekday, m.soft) for m in extract(text, lang) if m.weekday is not None]


WEEKDAYS = [
    ("ru", "Об этом во вторник сообщил", [("во вторник", 1, False)]),
    ("ru", "в среду подтвердили", [("в среду", 2, False)]),
    ("ru", "В пятницу утром", [("В пятницу", 4, False)]),
    ("ru", "в субботу", [("в субботу", 5, False)]),
    ("ru", "в воскресенье", [("в воскресенье", 6, False)]),
    ("ru", "в ночь на среду", [("в ночь на среду", 2, False)]),
    ("ru", "утром в среду", [("утром в среду", 2, False)]),
    ("ru", "в прошлую среду", [("в прошлую среду", 2, False)]),
    ("ru", "к вечеру понедельника", [("к вечеру понедельника", 0, False)]),
    ("ru", "до вечера среды", [("до вечера среды", 2, False)]),
    ("ru", "по средам", [("по средам", 2, True)]),
    ("ru", "каждую среду", [("каждую среду", 2, True)]),
    ("ru", "пятничные дебаты", [("пятничные", 4, True)]),
    ("ru", "в среду, 4 февраля", [("в среду, 4 февраля", 2, False)]),
    ("ru", "4 февраля, в среду", [("4 февраля, в среду", 2, False)]),
    # "среда" as environment, "Воскресение" as resurrection.
    ("ru", "в среде, которая отличается; благоприятную среду для; в среду обитания", []),
    ("ru", "празднование Воскресения Христа", []),
    ("ru", "«Черная пятница» началась", []),
    ("zh", "周二宣布", [("周二", 1, False)]),
    ("zh", "星期三", [("星期三", 2, False)]),
    ("zh", "礼拜天", [("礼拜天", 6, False)]),
    ("zh", "星期日", [("星期日", 6, False)]),
    ("zh", "每周三", [("每周三", 2, True)]),
    ("zh", "2月4日（周三）", [("2月4日（周三）", 2, False)]),
    ("zh", "2月4日(周三)", [("2月4日(周三)", 2, False)]),
    ("zh", "周三（2月4日）", [("周三（2月4日）", 2, False)]),
    ("zh", "一周四天工作制、两周一次、80周年、周末", []),
    ("zh", "星期日电讯报、周六夜现场、黑色星期五", []),
    ("zh", "南华早报周日报道", [("周日", 6, False)]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), WEEKDAYS, ids=[c[1] for c in WEEKDAYS])
def test_weekdays(lang: str, text: str, expected: list[tuple[str, int, bool]]) -> None:
    assert weekdays(text, lang) == expected


def test_offsets_point_into_the_original_text() -> None:
    text = "Сроки визита — в 2026 году, а встреча — 4 фев."
    for m in extract(text, "ru"):
        assert text[m.start : m.end] == m.text


def test_explicit_fields() -> None:
    (full,) = extract("4 февраля 2026 года", "ru")
    (day_month,) = extract("4 февраля", "ru")
    (dated,) = extract("во вторник, 4 февраля", "ru")
    assert full.explicit == {"year", "month", "day"}
    assert day_month.explicit == {"month", "day"}
    assert dated.explicit == {"month", "day", "weekday"}
    assert dated.weekday_span == (0, 10)


@pytest.mark.parametrize(
    ("text", "value"),
    [("十", 10), ("十二", 12), ("二十", 20), ("三十一", 31), ("二〇二六", 2026), ("一九四八", 1948), ("12", 12), ("十十", None)],
)
def test_chinese_numerals(text: str, value: int | None) -> None:
    assert cn_number(text) == value


@pytest.mark.parametrize(("text", "value"), [("I", 1), ("IV", 4), ("XIX", 19), ("XXI", 21), ("Q", None)])
def test_roman_numerals(text: str, value: int | None) -> None:
    assert roman(text) == value


DATELINES = [
    ("ru", ["МОСКВА, 4 фев - CRMtv. Сроки визита."], (None, 2, 4)),
    ("ru", ["ПЕКИН, 12 мар — ТАСС."], (None, 3, 12)),
    ("ru", ["Заголовок", "МОСКВА, 4 фев 2026 - РИА Новости."], (2026, 2, 4)),
    ("ru", ["04 ФЕВРАЛЯ 2026, 16:40"], (2026, 2, 4)),
    ("ru", ["04.02.2026 16:40"], (2026, 2, 4)),
    ("zh", ["莫斯科,2月4日-CRMtv。"], (None, 2, 4)),
    ("zh", ["新华社莫斯科2月4日电（记者 张三）"], (None, 2, 4)),
    ("zh", ["2026年2月4日 16:40"], (2026, 2, 4)),
    # A date inside running text is not a dateline.
    ("ru", ["Переговоры прошли 4 февраля 2026 года."], None),
    ("zh", ["会谈于2026年2月4日举行。"], None),
]


@pytest.mark.parametrize(("lang", "lines", "expected"), DATELINES, ids=[c[1][-1] for c in DATELINES])
def test_datelines(lang: str, lines: list[str], expected: tuple[int | None, int, int] | None) -> None:
    found = find_dateline(lines, lang)
    assert (found and (found.year, found.month, found.day)) == expected


def test_header_dateline_reads_either_language() -> None:
    assert header_dateline(["04 ФЕВРАЛЯ 2026, 16:40"]) == Dateline(2026, 2, 4, "04 ФЕВРАЛЯ 2026", "header")
    found = header_dateline(["2026年2月4日"])
    assert found is not None and (found.year, found.month, found.day) == (2026, 2, 4)


def test_dateline_gives_years_and_resolves_relative_ones() -> None:
    dateline = Dateline(2026, 2, 4)
    got = apply_dateline(extract("4 февраля, в прошлом году, в 2020 году", "ru"), dateline)
    assert [(m.text, m.year, m.year_from) for m in got] == [
        ("4 февраля", 2026, "dateline"),
        ("прошлом году", 2025, "relative"),
        ("2020 году", 2020, "text"),
    ]


def test_year_from_the_dateline_never_contradicts() -> None:
    dateline = Dateline(2026, 2, 4)
    (ru,) = apply_dateline(extract("4 февраля", "ru"), dateline)
    (zh,) = apply_dateline(extract("2025年2月4日", "zh"), dateline)
    assert same_reading(ru, zh)


@pytest.mark.parametrize(
    ("text", "lang", "dateline", "conflict"),
    [
        ("во вторник, 4 февраля 2026 года", "ru", None, "2026-02-04 is a Wednesday, not a Tuesday"),
        ("в среду, 4 февраля 2026 года", "ru", None, None),
        ("в среду, 4 февраля", "ru", None, None),  # no year: cannot be checked
        # 26 December in an item of 5 January 2026 is 2025-12-26, a Friday.
        ("в пятницу, 26 декабря", "ru", Dateline(2026, 1, 5), None),
        # In an item of June 2026 it is 2026-12-26, a Saturday.
        ("в пятницу, 26 декабря", "ru", Dateline(2026, 6, 5),
         "2026-12-26 (year from the dateline) is a Saturday, not a Friday"),
        ("в среду, 10 февраля", "ru", Dateline(2026, 2, 4),
         "2026-02-10 (year from the dateline) is a Tuesday, not a Wednesday"),
        ("во вторник", "ru", Dateline(2026, 2, 4), None),
        ("сегодня, во вторник", "ru", Dateline(2026, 2, 4),
         "today is 2026-02-04 by the dateline, a Wednesday, not a Tuesday"),
        ("вчера, во вторник", "ru", Dateline(2026, 2, 4), None),
        ("2026年2月4日（周二）", "zh", None, "2026-02-04 is a Wednesday, not a Tuesday"),
        ("今天（周三）", "zh", Dateline(2026, 2, 4), None),
    ],
)
def test_weekday_conflicts(text: str, lang: str, dateline: Dateline | None, conflict: str | None) -> None:
    (m,) = apply_dateline(extract(text, lang), dateline)
    assert weekday_conflict(m, dateline) == conflict


def test_bare_years_answer_a_year_on_the_other_side() -> None:
    zh = extract("清朝（1644年 - 1912年）", "zh")
    ru_text = "династии Цин (1644-1912)"
    ru = extract(ru_text, "ru")
    assert ru == []
    unpaired = pair_dates(ru, zh).unpaired
    assert [m.text for _, m in unpaired] == ["1644年 - 1912年"]
    assert pair_dates(ru, zh, ru_bare=bare_years(ru_text, ru)).unpaired == []


def test_soft_mentions_are_never_unpaired() -> None:
    ru = extract("июньского саммита, в прошлом году, в 1980-е годы, по средам", "ru")
    assert all(m.soft for m in ru)
    assert pair_dates(ru, []).unpaired == []


def test_mention_is_frozen() -> None:
    (m,) = extract("4 февраля", "ru")
    assert isinstance(m, DateMention)
    with pytest.raises(AttributeError):
        m.day = 5  # type: ignore[misc]


# The vocabulary is data: packs extend it and bad entries name file and line.


def test_pack_vocabulary_extends_the_shipped_one() -> None:
    rules = pack_from_text(
        "version: 1\nvocab:\n  dates:\n    month_abbreviations:\n      ru:\n        9: [сннт]\n", "house.yaml"
    )
    vocab = build_vocab((p.path, node) for p, node in rules.vocab("dates"))
    assert [(m.text, describe(m)) for m in extract("12 сннт", "ru", vocab)] == [("12 сннт", "--09-12")]


@pytest.mark.parametrize(
    ("yaml", "message", "line"),
    [
        ("    month_abbrevs:\n      ru: {1: [янв]}\n", "unknown key 'month_abbrevs'", 4),
        ("    month_abbreviations:\n      ru:\n        13: [xx]\n", "key '13' must be a number from 1 to 12", 6),
        ("    month_abbreviations:\n      en:\n        1: [jan]\n", "unknown language 'en'", 5),
        ("    same_year:\n      zh: [1, 2]\n", "vocab.dates.same_year.zh must hold strings, found int", 5),
        ("    datelines:\n      ru: ['^(?P<date>[']\n", "bad regular expression", 5),
        ("    datelines:\n      ru: ['^МОСКВА']\n", "needs a group (?P<date>...)", 5),
    ],
)
def test_bad_vocabulary_is_a_rule_error_with_a_line(yaml: str, message: str, line: int) -> None:
    # The pack schema refuses it when the pack loads.
    with pytest.raises(RuleError) as info:
        pack_from_text("version: 1\nvocab:\n  dates:\n" + yaml, "house.yaml")
    assert message in info.value.message
    assert (info.value.path, info.value.line) == ("house.yaml", line)


def test_bare_year_answering_a_date_is_left_to_the_date_checks() -> None:
    from ruconsist.document import Document, Segment, SegmentPair, Side
    from ruconsist.lang.dates import bead_date_spans

    ru_text, zh_text = "Династия Цин (1644-1912) и 1500 солдат.", "清朝（1644年 - 1912年）和1500名士兵。"
    ru = Segment(Document("a.ru.txt", ru_text), "ru", 0, ru_text)
    zh = Segment(Document("a.zh.txt", zh_text), "zh", 0, zh_text)
    bead = SegmentPair(0, Side("ru", (ru,)), Side("zh", (zh,)))
    # The soldiers' 1500 is a number, not a year: it stays with the number check.
    assert [ru_text[a:b] for a, b in bead_date_spans(bead, "ru", None)] == ["1644-1912"]
    assert [zh_text[a:b] for a, b in bead_date_spans(bead, "zh", None)] == ["1644年 - 1912年"]
