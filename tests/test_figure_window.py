"""Figures and dates across neighbouring segments, and a figure on one
side only: what the number and date checks report on line-aligned text
where a translator moved a figure to the next sentence, or paragraphs are
aligned one off."""

from __future__ import annotations

import pytest

from ruconsist.config import Config
from ruconsist.testing import lint_pair, linter

CODES = ["NUM", "DAT"]


def run(ru_lines: list[str], zh_lines: list[str], profile: str = "human") -> list[tuple[str, str, str, int, str]]:
    config = Config(options={"profile": profile}).with_cli(select=tuple(CODES))
    lint = linter(config=config)
    diags = lint_pair(lint, "\n".join(ru_lines), "\n".join(zh_lines), lines=True)
    return sorted((d.code, d.severity.name.lower(), d.location.lang, d.location.line, d.found or "") for d in diags)


# (name, RU lines, ZH lines, expected (code, severity, lang, line, found))
CASES = [
    # The speed moved to the next sentence in ZH: answered there.
    ("speed-moved-to-next-line",
     ["Цунами пересекло океан со скоростью 497 км/ч.", "Волна обрушилась на побережье."],
     ["海啸横穿公海。", "它以每小时497公里的速度冲击海岸线。"],
     []),
    # Paragraphs aligned one off: each year is in the neighbouring segment.
    ("years-one-off",
     ["Переговоры начались.", "В 1940 году титул был утвержден правительством.", "Так продолжается до сих пор."],
     ["1940年报经当时的政府批准。", "谈判开始了。", "至今如此。"],
     []),
    # Two lines away is still in the window; three lines is not.
    ("figure-two-lines-away",
     ["Система существует уже более 700 лет.", "Это традиция.", "Она уникальна."],
     ["这是一种传统。", "它是独特的。", "已经延续700多年。"],
     []),
    ("figure-three-lines-away",
     ["Система существует уже более 700 лет.", "Это традиция.", "Она уникальна.", "Ее уважают."],
     ["这是一种传统。", "它是独特的。", "人们尊重它。", "已经延续700多年。"],
     [("NUM005", "warning", "ru", 1, "700"), ("NUM005", "warning", "zh", 4, "700多")]),
    # A year changed in place stays an error, even when the wrong year
    # appears nearby: there it answers its own segment.
    ("changed-year-not-excused-by-neighbour",
     ["Договор подписан в 2019 году.", "В 2018 году начались переговоры."],
     ["条约于2018年签署。", "谈判始于2018年。"],
     [("DAT001", "error", "ru", 1, "2018年")]),
    ("changed-figure-not-excused-by-neighbour",
     ["Погибли 12 человек.", "Ранены 13 человек."],
     ["13人死亡。", "13人受伤。"],
     [("NUM001", "error", "zh", 1, "13")]),
    # A date on one side only: a warning, not an error.
    ("date-dropped",
     ["Товарооборот вырос с 89 до 190 млрд долларов."],
     ["贸易额从892亿美元增加到1902亿美元（截止于2023年9月）。"],
     [("DAT007", "warning", "zh", 1, "")]),
    # A list's years: ZH 1635-36 against RU 1635–1637 is a different year.
    # A range of years against bare years in brackets: a different year.
    ("year-range-against-bare-years",
     ["Войска династии Цин (1644-1912) взяли под контроль побережье."],
     ["清朝（1643年 - 1912年）军队控制了沿海地区。"],
     [("DAT001", "error", "zh", 1, "1644"), ("NUM005", "warning", "ru", 1, "1644")]),
    # A year stated twice on one side and once on the other, whose range
    # end changed: the range is a different date.
    ("year-stated-twice-range-end-changed",
     ["В 1895 году, после поражения в войне (1894-1895), правительство подписало договор."],
     ["1895 年，在甲午战争 (1894-1896 年) 中战败后，清政府签署了条约。"],
     [("DAT001", "error", "zh", 1, "1895 году")]),
    ("year-list-other-end",
     ["Эпидемии были в 1635–1637, 1655 и 1664 годах."],
     ["1635-36、1655和1664年间发生了疫情。"],
     [("DAT001", "error", "ru", 1, "36")]),
]


@pytest.mark.parametrize("name,ru,zh,expected", CASES, ids=[c[0] for c in CASES])
def test_figures_and_dates_in_the_window(name: str, ru: list[str], zh: list[str], expected: list) -> None:
    assert run(ru, zh) == sorted(expected)


def test_under_the_mt_profile_each_segment_answers_for_itself() -> None:
    # A machine does not move figures between sentences: the source's
    # figure with no counterpart in its own row is an error.
    ru = ["Цунами пересекло океан.", "Волна со скоростью 497 км/ч обрушилась на побережье."]
    zh = ["海啸以每小时497公里的速度横穿公海。", "海浪冲击海岸线。"]
    assert run(ru, zh) == []
    assert run(ru, zh, profile="mt") == [
        ("NUM005", "error", "zh", 1, "497"),
        ("NUM005", "warning", "ru", 2, "497"),
    ]
