"""The date checks (DAT001-DAT004) on RU/ZH pairs through the real
pipeline: every notation, ranges, parts of a year, dateline inference
and weekdays, each with its exact findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from ruconsist.config import Config
from ruconsist.engine import Linter
from ruconsist.rules import RuleSet, load_pack
from ruconsist.testing import findings, lint_texts
from tests.conftest import DATA, REPO

DATES = ["DAT"]
#: Only the shipped dates pack: these tests do not depend on other packs.
DATES_PACK = str(REPO / "rules" / "dates.yaml")


def dat(ru: str, zh: str, *, select: list[str] = DATES, extra: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
    return findings(ru, zh, select=select, defaults=False, packs=[DATES_PACK, *extra])


def dat_diags(ru: str, zh: str):  # type: ignore[no-untyped-def]
    return lint_texts(ru, zh, select=DATES, defaults=False, packs=[DATES_PACK])

# A news item dated Wednesday 4 February 2026: the RU and ZH datelines
# as separate first paragraphs.
RU_DATED = "04 ФЕВРАЛЯ 2026, 16:40\n\n"
ZH_DATED = "2026年2月4日 16:40\n\n"


# Pairs that agree: whatever the notation, nothing is reported.
AGREE = [
    ("full-date", "Переговоры прошли 4 февраля 2026 года.", "会谈于2026年2月4日举行。"),
    ("zh-list-of-years", "Эпидемии были в 1635–1636, 1655 и 1664 годах.", "1635-36、1655和1664年间发生了疫情。"),
    ("day-month", "Переговоры прошли 4 февраля.", "会谈于2月4日举行。"),
    ("numeric-date", "Документ подписан 04.02.2026.", "文件于2026年2月4日签署。"),
    ("news-abbreviation", "МОСКВА, 4 фев - РИА Новости. Начались переговоры.", "莫斯科，2月4日电 会谈开始。"),
    ("cldr-abbreviation-with-dot", "Срок — до 4 февр. включительно.", "期限截至2月4日。"),
    ("september-abbreviation", "Встреча назначена на 12 сент.", "会晤定于9月12日举行。"),
    ("capitals-in-dateline", "04 ФЕВРАЛЯ 2026, 16:40. Новости дня.", "2026年2月4日 16:40。今日新闻。"),
    ("month-and-year", "Встреча прошла в сентябре 2025 года.", "会晤于2025年9月举行。"),
    ("month-alone", "Саммит пройдет в ноябре.", "峰会将于11月举行。"),
    ("month-alone-this-year", "Саммит пройдет в ноябре.", "峰会将于今年11月举行。"),
    ("month-in-chinese-numerals", "В июне комитет опубликовал результаты.", "六月，委员会公布了结果。"),
    ("month-with-fen", "В июле эксперт опробовала карильон.", "七月份，专家演奏了该编钟。"),
    ("year-locative", "Визит состоится в 2026 году.", "访问将于2026年进行。"),
    ("year-genitive", "Лидеры обсудили итоги 2025 года.", "双方总结了2025年的成果。"),
    ("year-abbreviated", "Вулкан активен с 1994 г.", "这座火山自 1994 年以来就处于活跃状态。"),
    ("year-with-nbsp", "Церковь построена в 1870\u00a0г.", "教堂于 1870 年建成。"),
    ("first-half", "Визит состоится в первой половине года.", "访问将于今年上半年进行。"),
    ("first-half-with-year", "Рост ожидается в первой половине 2026 года.", "预计2026年上半年将实现增长。"),
    ("second-half-year", "Во втором полугодии спрос вырастет.", "下半年需求将增长。"),
    ("roman-quarter", "В I квартале 2025 г. экспорт вырос.", "2025年第一季度出口增长。"),
    ("word-quarter", "В третьем квартале выручка снизилась.", "第三季度营收下降。"),
    ("range-one-month", "Форум пройдет с 1 по 3 июля.", "论坛将于7月1日至3日举行。"),
    ("range-with-dash", "Форум пройдет 1–3 июля.", "论坛将于7月1日-3日举行。"),
    ("range-two-months", "Выставка открыта с 28 августа по 2 сентября.", "展览于8月28日至9月2日开放。"),
    ("range-across-years", "Каникулы продлятся с 28 декабря 2025 года по 2 января 2026 года.", "假期为2025年12月28日至2026年1月2日。"),
    ("range-of-years", "Исследование проводилось в 2010–2011 годах.", "该研究于2010-11 年进行。"),
    ("range-of-months", "Работы пройдут в июле–августе.", "工程将于7至8月进行。"),
    ("range-of-months-over-new-year", "Медузы встречаются с октября по апрель.", "水母在每年十月到次年四月间出现。"),
    ("chinese-numerals-full", "Декларация принята 10 декабря 1948 года.", "宣言于一九四八年十二月十日通过。"),
    ("chinese-numerals-2026", "Соглашение подписано 4 февраля 2026 года.", "协议于二〇二六年二月四日签署。"),
    ("chinese-numerals-day", "Дело 247 от 30 сентября.", "请引述九月三十日的第 247 号日志。"),
    ("full-width-digits", "Встреча прошла 4 февраля.", "会晤于２月４日举行。"),
    ("spaces-inside-zh-date", "Мэй прибыла 29 сентября 2018 г.", "梅于 2018 年 9月 29 日抵达。"),
    ("decade", "Обвинения относятся к 1980-м годам.", "指控涉及上世纪八十年代。"),
    ("decade-of-last-century", "В 30-е годы прошлого века приход опустел.", "20 世纪 30 年代，会众撤出。"),
    ("century", "Многие в конце 19-го века так считали.", "19 世纪后叶的很多人都这样认为。"),
    ("relative-year-last", "В прошлом году пострадали почти 1000 человек.", "去年有将近 1000 人受伤。"),
    ("relative-year-next", "В следующем году он будет баллотироваться.", "他明年将参加竞选。"),
    ("date-of-last-year", "1 октября прошлого года прошел референдум.", "去年10月1日举行了全民公投。"),
    ("list-of-days", "3 и 4 февраля власти эвакуировали граждан.", "当局于 2 月 3 日和 4 日撤回公民。"),
    ("iso-date", "Версия от 2026-02-04.", "版本日期：2026-02-04。"),
    ("same-year-in-zh", "В 2016 году она создала марку, а в марте он возглавил компанию.", "2016 年，她创建了品牌，同年 3 月，他出任公司主席。"),
    ("bare-years-in-brackets", "Династия Цин (1644-1912) взяла контроль.", "清朝（1644年 - 1912年）控制了该地区。"),
    ("bare-year-citation", "Эти аспекты назвали Эймми и МакКорд (1998).", "艾麦和麦克德（1998 年）提出了这些因素。"),
    ("year-inside-full-date", "Праздник в 2020 году выпал на 25 января.", "2020 年 1 月 25 日的春节令人难忘。"),
    ("date-at-range-start", "Случаи учтены за период с 31 декабря 2019 года.", "自 2019 年 12 月 31 日至 3 月 15 日的病例已统计。"),
    ("later-in-year-as-half", "Позднее, в 1967 году, вирус был выделен.", "1967 年下半年，该病毒被分离出来。"),
    ("month-repeated-in-zh", "В начале и середине января 2020 года вирус распространился.", "在 2020 年 1 月初至 1 月中旬，病毒传播开来。"),
    ("month-adjective", "Через три месяца после июньского саммита дипломат выступил.", "六月峰会过后三个月，外交官发表讲话。"),
    ("month-adjective-december", "На декабрьских выборах партии победили.", "这些党派在去年十二月的选举中获胜。"),
    ("month-after-quote", "Протестующие скандировали «Ноябрь впереди!»", "抗议者高呼“11月来了！”"),
    ("weekday-accusative", "Об этом во вторник сообщил Ушаков.", "这是乌沙科夫周二宣布的。"),
    ("weekday-xingqi", "В пятницу коронер опубликовал заключение.", "法医办公室星期五发布了报告。"),
    ("weekday-libai", "В субботу прошел митинг.", "礼拜六举行了集会。"),
    ("weekday-sunday-tian", "В воскресенье магазины закрыты.", "星期天商店关门。"),
    ("weekday-night-on", "Удар был нанесен в ночь на среду.", "袭击发生在周三凌晨。"),
    ("weekday-genitive-with-time", "Дожди продлятся до вечера среды.", "降雨将持续到周三。"),
    ("weekday-order-free", "В понедельник и во вторник пойдут дожди.", "周二和周一将有降雨。"),
    ("weekday-next-to-date", "В среду, 4 февраля 2026 года, лидеры говорили.", "2026年2月4日（周三），两国领导人通话。"),
    ("weekday-after-date", "4 февраля 2026 года, в среду, лидеры говорили.", "2026年2月4日星期三，两国领导人通话。"),
    ("weekday-capitalized-before-date", "Среда, 4 февраля 2026 г. Хроника дня.", "2026年2月4日，星期三。今日纪事。"),
    ("weekday-adjective", "Пятничные дебаты смотрело более 20,4 млн зрителей.", "周五可能超过 2040 万人收看了这场听证会。"),
    ("weekday-adjective-thursday", "Четверговый выпуск включал вкладку.", "其星期四版的报纸包含插页。"),
    ("recurring-weekday", "Магазины не могут проводить акции по средам.", "一些商店将无法举行星期三特惠活动。"),
    ("recurring-weekday-zh", "Акция проходит каждую среду.", "活动每周三举行。"),
    ("recurring-weekday-dropped", "Службы проходят по воскресеньям.", "礼拜仪式照常举行。"),
    ("newspaper-title", "В интервью The Sunday Telegraph он заявил.", "他告诉“星期日电讯报”。"),
    ("show-title", "Он появится в передаче Saturday Night Live.", "他将现身“周六夜现场”节目。"),
    ("week-not-weekday", "Четырехдневная рабочая неделя — наша цель.", "一周四天工作制是我们的愿景。"),
    ("environment-not-weekday", "Они оказываются в среде, которая отличается.", "它们发现自己所处的环境与之前不同。"),
    ("environment-accusative", "Мы хотим создать благоприятную среду для покупателей.", "我们希望为顾客营造良好环境。"),
    ("habitat-not-weekday", "Виды попадают в среду обитания человека.", "物种进入人类栖息地。"),
    ("black-friday", "«Черная пятница» началась.", "“黑色星期五”开始了。"),
    ("anniversary-not-weekday", "Отмечается 80-летие победы.", "纪念胜利80周年。"),
]


@pytest.mark.parametrize(("ru", "zh"), [c[1:] for c in AGREE], ids=[c[0] for c in AGREE])
def test_equal_dates_and_weekdays_are_not_reported(ru: str, zh: str) -> None:
    assert dat(ru, zh) == []


# Pairs with a problem: exactly these findings (code, side, text).
DISAGREE = [
    # DAT001: a different day, month or year, or no date at all.
    ("other-day", "Переговоры прошли 4 февраля 2026 года.", "会谈于2026年2月5日举行。",
     [("DAT001", "ru", "4 февраля 2026 года")]),
    ("other-year", "Визит состоится в 2025 году.", "访问将于2026年进行。",
     [("DAT001", "ru", "2025 году")]),
    ("other-year-in-full-date", "Мы предложили это 22 сентября 2025 года.", "我们于2024年9月22日提出了这一建议。",
     [("DAT001", "ru", "22 сентября 2025 года")]),
    ("other-month", "Встреча прошла в сентябре 2025 года.", "会晤于2025年10月举行。",
     [("DAT001", "ru", "сентябре 2025 года")]),
    ("day-and-month-swapped", "Документ подписан 04.02.2026.", "文件于2026年4月2日签署。",
     [("DAT001", "ru", "04.02.2026")]),
    ("chinese-numerals-other-day", "Декларация принята 10 декабря 1948 года.", "宣言于一九四八年十二月十一日通过。",
     [("DAT001", "ru", "10 декабря 1948 года")]),
    ("range-other-end", "Форум пройдет с 1 по 3 июля.", "论坛将于7月1日至4日举行。",
     [("DAT001", "ru", "с 1 по 3 июля")]),
    ("range-two-months-other-end", "Выставка открыта с 28 августа по 2 сентября.", "展览于8月28日至9月3日开放。",
     [("DAT001", "ru", "с 28 августа по 2 сентября")]),
    ("other-half", "Визит состоится в первой половине года.", "访问将于下半年进行。",
     [("DAT001", "ru", "первой половине года")]),
    ("other-quarter", "В I квартале экспорт вырос.", "第二季度出口增长。",
     [("DAT001", "ru", "I квартале")]),
    ("month-adjective-other-month", "Республиканцы выходят на ноябрьские выборы.", "共和党人将迎来九月份选举。",
     [("DAT001", "ru", "ноябрьские")]),
    ("date-of-last-year-other-day", "1 октября прошлого года прошел референдум.", "10 月 2 日举行了全民公投。",
     [("DAT001", "ru", "1 октября прошлого года")]),
    ("list-other-day", "3 и 4 февраля власти эвакуировали граждан.", "当局于 2 月 3 日和 5 日撤回公民。",
     [("DAT001", "ru", "4 февраля")]),
    ("date-missing-in-zh", "Президент напомнил, что 5 февраля истекает срок договора.", "总统提醒说，条约即将到期。",
     [("DAT007", "ru", "5 февраля")]),
    ("date-added-in-zh", "Срок действия договора истекает.", "条约将于2月5日到期。",
     [("DAT007", "zh", "2月5日")]),
    ("year-missing-in-ru", "Тогда было построено здание.", "该建筑于1939年建成。",
     [("DAT007", "zh", "1939年")]),
    ("dateline-other-day", "МОСКВА, 4 фев - РИА Новости. Начались переговоры.", "莫斯科，2月5日电 会谈开始。",
     [("DAT001", "ru", "4 фев")]),
    # Decades and centuries need no counterpart, but two that differ conflict.
    ("other-decade", "В 1960-х гг. он был советником.", "20 世纪 50 年代，他担任顾问。",
     [("DAT001", "ru", "1960-х")]),
    ("other-decade-of-last-century", "Приход опустел в 30-е годы прошлого века.", "会众在 20 世纪 20 年代撤出。",
     [("DAT001", "ru", "30-е годы прошлого века")]),
    ("other-century-for-decade", "В 1920-е годы преобладал пацифизм.", "26世纪20年代，和平主义占主导。",
     [("DAT001", "ru", "1920-е годы")]),
    ("other-century", "Стиль расцвел в XIX веке.", "这种风格在18世纪达到顶峰。",
     [("DAT001", "ru", "XIX веке")]),
    ("zh-list-of-years-other-end", "Эпидемии были в 1635–1637, 1655 и 1664 годах.", "1635-36、1655和1664年间发生了疫情。",
     [("DAT001", "ru", "1637")]),
    # DAT002: a weekday that is not its date's.
    ("wrong-weekday-ru", "Во вторник, 4 февраля 2026 года, лидеры говорили.", "2026年2月4日（周三），两国领导人通话。",
     [("DAT002", "ru", "Во вторник, 4 февраля 2026 года")]),
    ("wrong-weekday-zh", "В среду, 4 февраля 2026 года, лидеры говорили.", "2026年2月4日（周二），两国领导人通话。",
     [("DAT002", "zh", "2026年2月4日（周二）")]),
    ("wrong-weekday-both", "Во вторник, 4 февраля 2026 года, лидеры говорили.", "2026年2月4日（周二），两国领导人通话。",
     [("DAT002", "ru", "Во вторник, 4 февраля 2026 года"), ("DAT002", "zh", "2026年2月4日（周二）")]),
    ("wrong-weekday-half-width-brackets", "В среду, 4 февраля 2026 года, лидеры говорили.", "2026年2月4日(周四)，两国领导人通话。",
     [("DAT002", "zh", "2026年2月4日(周四)")]),
    # DAT003: the sides name different weekdays.
    ("sunday-as-saturday", "В воскресенье жители Македонии проголосуют.", "周六，选民将进行投票。",
     [("DAT003", "ru", "В воскресенье")]),
    ("tuesday-as-sunday", "Ураган дойдет до Юты к вечеру вторника.", "飓风将于周日晚间进入犹他州。",
     [("DAT003", "ru", "к вечеру вторника")]),
    ("saturday-as-sunday", "По состоянию на субботу циклон достиг 1-й категории.", "周日，“罗莎”为一级飓风。",
     [("DAT003", "ru", "на субботу")]),
    ("thursday-as-friday", "Матч состоится в четверг в Лондоне.", "比赛将于星期五在伦敦举行。",
     [("DAT003", "ru", "в четверг")]),
    # DAT004: a weekday on one side only.
    ("weekday-dropped-in-zh", "Лидеры в ходе беседы в среду подтвердили общий курс.", "两国领导人在会谈中确认了共同方针。",
     [("DAT004", "ru", "в среду")]),
    ("weekday-added-in-zh", "Юань пришел на рынок в 4:40 утра.", "“袁”某于周四早晨 4:40 进入市场。",
     [("DAT004", "zh", "周四")]),
    ("weekday-next-to-date-dropped", "В среду, 4 февраля, лидеры говорили.", "2月4日，两国领导人通话。",
     [("DAT004", "ru", "В среду")]),
    ("only-one-of-two-weekdays-kept", "Дожди пройдут в понедельник и во вторник.", "周一将有降雨。",
     [("DAT004", "ru", "во вторник")]),
    # A whole date missing is one DAT001, not also a dropped weekday.
    ("dated-weekday-missing-once", "В среду, 4 февраля, лидеры говорили.", "两国领导人通话。",
     [("DAT007", "ru", "В среду, 4 февраля")]),
]


@pytest.mark.parametrize(
    ("ru", "zh", "expected"), [c[1:] for c in DISAGREE], ids=[c[0] for c in DISAGREE]
)
def test_differing_dates_and_weekdays_are_reported(ru: str, zh: str, expected: list[tuple[str, str, str]]) -> None:
    assert dat(ru, zh) == expected


# The dateline gives the year of dates written without one.
DATELINE = [
    ("weekday-fits-dateline-year",
     RU_DATED + "Во вторник, 10 февраля, лидеры проведут переговоры.",
     ZH_DATED + "2月10日（周二），两国领导人将举行会谈。", []),
    ("weekday-contradicts-dateline-year",
     RU_DATED + "В среду, 10 февраля, лидеры проведут переговоры.",
     ZH_DATED + "2月10日（周三），两国领导人将举行会谈。",
     [("DAT002", "ru", "В среду, 10 февраля"), ("DAT002", "zh", "2月10日（周三）")]),
    # 28 December in an item of 5 January 2026 is 28 December 2025, a
    # Sunday; in 2026 it would be a Monday.
    ("date-before-new-year",
     "05 ЯНВАРЯ 2026, 10:00\n\nВ воскресенье, 28 декабря, прошел митинг.",
     "2026年1月5日 10:00\n\n12月28日（周日）举行了集会。", []),
    # "On Tuesday" in an item dated Wednesday is yesterday: no finding.
    ("bare-weekday-other-than-dateline",
     RU_DATED + "Об этом во вторник сообщил Ушаков.",
     ZH_DATED + "这是乌沙科夫周二宣布的。", []),
    ("yesterday-tuesday",
     RU_DATED + "Вчера, во вторник, лидеры говорили.",
     ZH_DATED + "昨天（周二），两国领导人通话。", []),
    ("today-contradicts-dateline",
     RU_DATED + "Сегодня, во вторник, лидеры провели переговоры.",
     ZH_DATED + "今天（周二），两国领导人举行了会谈。",
     [("DAT002", "ru", "Сегодня, во вторник"), ("DAT002", "zh", "今天（周二）")]),
    ("relative-year-resolved",
     RU_DATED + "Визит состоится в этом году.",
     ZH_DATED + "访问将于2026年进行。", []),
    ("relative-year-contradicts",
     RU_DATED + "Соглашение подписано в прошлом году.",
     ZH_DATED + "协议于2024年签署。",
     [("DAT001", "ru", "прошлом году")]),
    # Xinhua dates by the day of the dateline's month: "3日" is 3 February
    # 2026, a Tuesday, and answers "во вторник".
    ("weekday-answered-by-day-of-month",
     "МОСКВА, 4 фев 2026 - РИА Новости. Об этом во вторник сообщил Ушаков.",
     "新华社莫斯科2026年2月4日电 乌沙科夫3日宣布了这一消息。", []),
    ("weekday-not-answered-by-other-day",
     "МОСКВА, 4 фев 2026 - РИА Новости. Об этом во вторник сообщил Ушаков.",
     "新华社莫斯科2026年2月4日电 乌沙科夫4日宣布了这一消息。",
     [("DAT004", "ru", "во вторник")]),
]


@pytest.mark.parametrize(
    ("ru", "zh", "expected"), [c[1:] for c in DATELINE], ids=[c[0] for c in DATELINE]
)
def test_dateline_sets_the_year(ru: str, zh: str, expected: list[tuple[str, str, str]]) -> None:
    assert dat(ru, zh) == expected


def test_severities_and_categories() -> None:
    diags = dat_diags(
        "Во вторник, 4 февраля 2026 года, в ходе беседы в среду лидеры говорили.",
        "2026年2月4日（周三），两国领导人在会谈中通话。",
    )
    assert {(d.code, d.severity.label, d.category) for d in diags} == {
        ("DAT002", "error", "date"),
        ("DAT004", "warning", "date"),
    }


def test_message_shows_both_readings_as_iso_dates() -> None:
    (diag,) = dat_diags("Переговоры прошли 4 февраля 2026 года.", "会谈于2026年2月5日举行。")
    assert diag.message == (
        "RU '4 февраля 2026 года' = 2026-02-04 has no equal date in ZH (found '2026年2月5日' = 2026-02-05)"
    )
    assert diag.counterpart is not None and diag.counterpart.lang == "zh"


def test_weekday_message_names_the_true_weekday() -> None:
    (diag,) = dat_diags("Во вторник, 4 февраля 2026 года, лидеры говорили.", "2026年2月4日（周三），两国领导人通话。")
    assert diag.message == "RU 'Во вторник, 4 февраля 2026 года': 2026-02-04 is a Wednesday, not a Tuesday"


def test_each_code_can_be_selected_alone() -> None:
    ru = "Во вторник, 4 февраля 2026 года, в ходе беседы в среду лидеры говорили 5 марта."
    zh = "2026年2月4日（周三），两国领导人在会谈中通话。"
    assert [f[0] for f in dat(ru, zh, select=["DAT007"])] == ["DAT007"]
    assert [f[0] for f in dat(ru, zh.replace("通话", "3月6日通话"), select=["DAT001"])] == ["DAT001"]
    assert [f[0] for f in dat(ru, zh, select=["DAT002"])] == ["DAT002"]
    assert [f[0] for f in dat(ru, zh, select=["DAT004"])] == ["DAT004"]


def test_user_pack_adds_a_month_abbreviation(tmp_path: Path) -> None:
    # A house style writing "сннт" for September: unknown to the shipped
    # pack, so the ZH date has no counterpart until the user's pack adds it.
    ru, zh = "ПЕКИН, 12 сннт - Синьхуа. Открылась выставка.", "北京，9月12日电 展览开幕。"
    assert dat(ru, zh) == [("DAT007", "zh", "9月12日")]
    pack = tmp_path / "house.yaml"
    pack.write_text(
        "version: 1\nvocab:\n  dates:\n    month_abbreviations:\n      ru:\n        9: [сннт]\n",
        encoding="utf-8",
    )
    assert dat(ru, zh, extra=(str(pack),)) == []


# The seed article: one file, shared header "04 ФЕВРАЛЯ 2026, 16:40",
# RU body then ZH body.


@pytest.fixture(scope="module")
def seed_result(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("seed") / "seed.txt"
    path.write_bytes((DATA / "seed-bilingual.txt").read_bytes())
    rules = RuleSet([load_pack(DATES_PACK, display="rules/dates.yaml")])
    lint = Linter(Config().with_cli(select=("DAT",)), rules=rules)
    (result,) = list(lint.lint_paths([path]))
    return result


def test_seed_reports_only_the_dropped_wednesday(seed_result) -> None:  # type: ignore[no-untyped-def]
    diags = [(d.code, d.severity.label, d.message) for d in seed_result.diagnostics]
    assert diags == [("DAT004", "warning", "RU 'в среду' (Wednesday) has no weekday in ZH")]


def test_seed_dateline_comes_from_the_shared_header(seed_result) -> None:  # type: ignore[no-untyped-def]
    from ruconsist.lang.dates import pair_dateline

    dateline = pair_dateline(seed_result.context)
    assert (dateline.year, dateline.month, dateline.day) == (2026, 2, 4)


def test_seed_dates_pair_as_expected(seed_result) -> None:  # type: ignore[no-untyped-def]
    from ruconsist.checks.dates.calendar import analyse

    ctx = seed_result.context
    pairs = []
    weekdays = []
    for bead in ctx.beads:
        result = analyse(bead, ctx)
        pairs.extend((r.text, z.text) for r, z in result["dates"].matched)
        weekdays.extend((r.text, z.text) for r, z in result["weekdays"].matched)
    assert pairs == [
        ("4 фев", "2月4日"),
        ("2026 году", "2026年"),
        ("первой половине года", "今年上半年"),
        ("2026 году", "2026年"),
        ("текущем году", "今年"),
        ("ноябре", "今年11月"),
        ("сентябре 2025 года", "2025年9月"),
        ("4 февраля", "2月4日"),
        ("2025 года", "2025年"),
        ("5 февраля", "2月5日"),
        ("22 сентября 2025 года", "2025年9月22日"),
        ("2025 году", "2025年"),
    ]
    assert weekdays == [("во вторник", "周二")]
