"""Eras (DAT005), relative dates and parts of months (DAT006) and the
direction of a date's boundary (DAT008) through the real pipeline, with
the exact findings expected."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ruconsist.testing import findings

PERIODS = ["DAT005", "DAT006", "DAT008"]


def per(ru: str, zh: str) -> list[tuple[str, str, str]]:
    return findings(ru, zh, select=PERIODS)


AGREE = [
    ("bc-year", "Город основан в 750 году до н. э.", "该城建于公元前750年。"),
    ("bc-year-no-spaces", "Город основан в 750 г. до н.э.", "该城建于公元前750年。"),
    ("bc-century-roman", "Храм построен в V веке до нашей эры.", "寺庙建于公元前5世纪。"),
    ("bc-range", "Республика существовала в 509–27 гг. до н. э.", "共和国存在于公元前509年至前27年。"),
    ("ad-marked-both", "Император правил в 750 году н. э.", "皇帝于公元750年在位。"),
    ("ad-unmarked-zh", "Император правил в 750 году н. э.", "皇帝于750年在位。"),
    ("ordinary-years", "В 2020 году экономика выросла.", "2020年中国经济增长。"),
    ("yesterday", "Вчера лидеры провели переговоры.", "昨天，两国领导人举行了会谈。"),
    ("last-week", "На прошлой неделе министры встретились.", "上周，两国外长会面。"),
    ("next-month", "В следующем месяце пройдут выборы.", "下个月将举行选举。"),
    ("last-year", "В прошлом году товарооборот вырос.", "去年贸易额增长。"),
    ("relative-one-side", "Вчера лидеры провели переговоры.", "两国领导人举行了会谈。"),
    ("dateline-yesterday-as-day", "МОСКВА, 4 фев - CRMtv. Вчера лидеры провели переговоры.",
     "莫斯科，2月4日-CRMtv。两国领导人3日举行了会谈。"),
    ("dateline-today-as-date", "МОСКВА, 4 фев - CRMtv. Сегодня лидеры провели переговоры.",
     "莫斯科，2月4日-CRMtv。两国领导人2月4日举行了会谈。"),
    ("end-of-july-late-third", "В конце июля пройдут выборы.", "7月下旬将举行选举。"),
    ("end-of-july-month-end", "В конце июля пройдут выборы.", "7月底将举行选举。"),
    ("start-of-month", "В начале месяца цены выросли.", "月初价格上涨。"),
    ("end-of-year", "К концу года завод заработает.", "工厂将于年底投产。"),
    ("year-then-china", "В 2020 году Китай вырос.", "2020年中国经济增长。"),
    ("preliminary-not-start", "В начале года подписан документ.", "2020年初步达成协议。"),
    # The boundary of a date: the same direction on both sides.
    ("after-event-of-year", "Лишь после беспорядков 2019 года общество это осознало.", "直到2019年风波后，社会才认识到这一点。"),
    ("since-year", "С 2012 года доходы растут.", "2012年以来，收入不断增长。"),
    ("before-year", "До 2010 года здесь не было школ.", "2010年以前，这里没有学校。"),
    # A bare 前 is no boundary: the first three quarters; 前后 is "around".
    ("first-quarters-not-before", "До 2019 года рост составил 5 %.", "2019年前三季度增长5%。"),
    ("around-not-after", "До 2020 года проект не завершат.", "2020年前后项目将完工。"),
    # A boundary in another clause is another boundary.
    ("boundary-of-another-clause", "До 2019 года общество молчало, потом всё изменилось.", "2019年，社会沉默；此后一切都变了。"),
]


@pytest.mark.parametrize(("ru", "zh"), [c[1:] for c in AGREE], ids=[c[0] for c in AGREE])
def test_same_era_and_relative_date_are_not_reported(ru: str, zh: str) -> None:
    assert per(ru, zh) == []


DISAGREE = [
    ("bc-as-ad", "Город основан в 750 году до н. э.", "该城建于公元750年。", [("DAT005", "zh", "公元750年")]),
    ("bc-dropped", "Город основан в 750 году до н. э.", "该城建于750年。", [("DAT005", "zh", "750年")]),
    ("bc-added", "Храм построен в V веке.", "寺庙建于公元前5世纪。", [("DAT005", "zh", "公元前5世纪")]),
    ("yesterday-vs-day-before", "Вчера лидеры провели переговоры.", "前天，两国领导人举行了会谈。",
     [("DAT006", "zh", "前天")]),
    ("today-vs-tomorrow", "Сегодня пройдет голосование.", "明天将举行投票。", [("DAT006", "zh", "明天")]),
    ("last-year-vs-last-month", "В прошлом году товарооборот вырос.", "上个月贸易额增长。", [("DAT006", "zh", "上个月")]),
    ("last-week-vs-next-week", "На прошлой неделе министры встретились.", "下周两国外长会面。", [("DAT006", "zh", "下周")]),
    ("dateline-yesterday-other-day", "МОСКВА, 4 фев - CRMtv. Вчера лидеры провели переговоры.",
     "莫斯科，2月4日-CRMtv。两国领导人2日举行了会谈。", [("DAT006", "zh", "2日")]),
    ("end-vs-start-of-july", "В конце июля пройдут выборы.", "7月上旬将举行选举。", [("DAT006", "zh", "7月上旬")]),
    ("start-vs-end-of-year", "В начале года цены выросли.", "年底价格上涨。", [("DAT006", "zh", "年底")]),
    ("before-vs-after-event", "До 2019 года общество это осознавало.", "直到2019年风波后，社会才认识到这一点。",
     [("DAT008", "ru", "До 2019 года")]),
    ("after-vs-before", "После 2010 года здесь не было школ.", "2010年以前，这里没有学校。",
     [("DAT008", "ru", "После 2010 года")]),
    ("before-vs-since", "До 2012 года доходы росли.", "2012年以来，收入不断增长。", [("DAT008", "ru", "До 2012 года")]),
    # A negation elsewhere in the sentence does not turn the boundary round.
    ("negation-in-another-clause", "Он не сказал, что до 2019 года доходы росли.", "他没说2019年后收入增长。",
     [("DAT008", "ru", "до 2019 года")]),
    ("both-negated-still-reversed", "Протокол был недоступен до 28 января.", "该方案在1月28日后不能使用。",
     [("DAT008", "ru", "до 28 января")]),
]

#: A negation in the boundary's clause turns it round: "unavailable until
#: 28 January" is "usable only after 28 January".
NEGATED_BOUNDARY = [
    ("unavailable-until", "Протокол был недоступен до 28 января.", "该方案在1月28日后方可使用。"),
    ("not-available-until", "Протокол не был доступен до 28 января.", "该方案1月28日后才能使用。"),
    ("no-longer-after", "Препарат использовался до 2019 года.", "该药2019年后不再使用。"),
    ("both-negated", "Он не вернется до 2020 года.", "他在2020年之前不会回来。"),
    ("forbidden-until", "Въезд запрещен до 1 марта.", "3月1日以后才允许入境。"),
    # "not since" is still since.
    ("not-since", "Эти две страны не имеют дипломатических отношений с 1962 года.", "两国1962年以来从未互换过大使。"),
    ("not-since-zi-hou", "С 1953 года штат не применял смертную казнь.", "该州自从1953年后就未执行过死刑。"),
]


@pytest.mark.parametrize(("ru", "zh"), [c[1:] for c in NEGATED_BOUNDARY], ids=[c[0] for c in NEGATED_BOUNDARY])
def test_a_negated_boundary_is_the_other_direction(ru: str, zh: str) -> None:
    assert per(ru, zh) == []


@pytest.mark.parametrize(("ru", "zh", "expected"), [c[1:] for c in DISAGREE], ids=[c[0] for c in DISAGREE])
def test_other_era_or_relative_date_is_reported(ru: str, zh: str, expected: list[tuple[str, str, str]]) -> None:
    assert per(ru, zh) == expected


def test_dateline_message_names_the_resolved_date() -> None:
    from ruconsist.testing import lint_texts

    (diag,) = lint_texts("04 ФЕВРАЛЯ 2026, 16:40\n\nВчера лидеры провели переговоры.",
                         "2026年2月4日 16:40\n\n两国领导人2日举行了会谈。", select=PERIODS)
    assert "2026-02-03" in diag.message and "'2日'" in diag.message


RU_DAYS = {-2: "Позавчера", -1: "Вчера", 0: "Сегодня", 1: "Завтра", 2: "Послезавтра"}
ZH_DAYS = {-2: "前天", -1: "昨天", 0: "今天", 1: "明天", 2: "后天"}


@settings(max_examples=30, deadline=None)
@given(ru=st.sampled_from(sorted(RU_DAYS)), zh=st.sampled_from(sorted(ZH_DAYS)))
def test_relative_days_agree_exactly_when_their_offsets_do(ru: int, zh: int) -> None:
    found = per(f"{RU_DAYS[ru]} прошли переговоры.", f"{ZH_DAYS[zh]}举行了会谈。")
    assert (found == []) is (ru == zh)


@settings(max_examples=30, deadline=None)
@given(day=st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2026, 12, 24)), shift=st.integers(-2, 2),
       written=st.integers(-3, 3))
@example(day=dt.date(2025, 1, 1), shift=0, written=-1)  # 31 December, in an item of 1 January
@example(day=dt.date(2024, 12, 31), shift=1, written=1)
def test_a_relative_day_resolves_against_the_dateline(day: dt.date, shift: int, written: int) -> None:
    months = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
              "ноября", "декабря"]
    event = day + dt.timedelta(days=written)
    ru = f"{day.day:02d} {months[day.month - 1].upper()} {day.year}, 10:00\n\n{RU_DAYS[shift]} прошли переговоры."
    zh = f"{day.year}年{day.month}月{day.day}日 10:00\n\n{event.month}月{event.day}日举行了会谈。"
    found = per(ru, zh)
    assert (found == []) is (written == shift), found


@settings(max_examples=30, deadline=None)
@given(year=st.integers(1, 3000), bc_ru=st.booleans(), bc_zh=st.booleans())
def test_eras_agree_exactly_when_both_are_bc_or_both_not(year: int, bc_ru: bool, bc_zh: bool) -> None:
    ru = f"Это было в {year} году{' до н. э.' if bc_ru else ''}."
    zh = f"这发生在{'公元前' if bc_zh else ''}{year}年。"
    assert (per(ru, zh) == []) is (bc_ru == bc_zh)
