"""The Russian date grammar: patterns for dates, ranges, periods,
decades, centuries and weekdays, built from the vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ruconsist.lang.dates.forms import (
    _GATE_DIGIT,
    _GATE_TWO_DIGITS,
    _GATE_YEAR,
    _alt,
    _cldr,
    _gate_forms,
    _Lazy,
    _lower,
    _PatternList,
    _Patterns,
    ru_case_forms,
    ru_forms,
    ru_phrase,
)

if TYPE_CHECKING:
    from ruconsist.lang.dates.vocab import DateVocab


RU_YEAR = r"(?<![\d.,])(?P<{g}>1[0-9]\d\d|20\d\d|21\d\d)(?!\d|[.,]\d)"
RU_YEAR_WORD = r"(?:-?(?:го|м|й|ом))?(?:\s*(?:года|году|годом|годе|год(?![а-я])|гг?\.|г(?![а-я])))"
RU_DAY = r"(?<![\d.,:/№-])(?P<{g}>[0-3]?\d)(?:-?(?:го|е|ое|м))?"
DASH = r"(?:\s*[-–—]\s*)"


# The words -----------------------------------------------------------------


def _forms_table(table: dict[str, int], *, plural: bool = True) -> dict[str, int]:
    """Every inflected form of each word of ``table``, with its value."""
    out: dict[str, int] = {}
    for w, value in table.items():
        for form in ru_forms(w, plural=plural):
            out[form] = value
    return out


def _forms_of(words: Iterable[str]) -> set[str]:
    """The singular forms of every word of ``words``."""
    out: set[str] = set()
    for w in words:
        out |= ru_forms(w, plural=False)
    return out


@dataclass
class _RuWords:
    """The Russian words of dates, each form (lower case, ё→е) with what
    it names: month names, weekdays and the words around them."""

    #: Month names in any case (``март``, ``марта``, ``марте``), the
    #: forms a month stands in alone or before a year.
    months: dict[str, int]
    #: Forms that follow a day number: the genitive (``4 марта``) and
    #: the abbreviations (``4 мар.``, ``4 мар``).
    after_day: dict[str, int]
    weekdays: dict[str, int]
    #: What may stand before a weekday: prepositions (``в``, ``до``),
    #: time words (``ночь``, ``вечер``) and modifier phrases.
    prepositions: set[str]
    time_words: set[str]
    modifiers: set[str]
    #: Weekday nouns that are also other words (``среда``), and the forms
    #: of them that name a day.
    ambiguous: set[str]
    ambiguous_ok: set[str]
    month_adjectives: dict[str, int]
    weekday_adjectives: dict[str, int]
    #: Plural weekdays, which recur (``по средам``).
    weekday_plurals: dict[str, int]
    #: Words that make a weekday recur (``каждую среду``).
    recurring: set[str]
    relative_years: dict[str, int]
    relative_days: dict[str, int]


def _ru_months(loc: Any, v: DateVocab) -> tuple[dict[str, int], dict[str, int]]:
    """Month names from CLDR in every case, and the forms that follow a
    day: the genitive and the abbreviations, CLDR's and the vocabulary's."""
    months: dict[str, int] = {}
    after_day: dict[str, int] = {}
    for m in range(1, 13):
        gen = _lower(loc.months["format"]["wide"][m])
        nom = _lower(loc.months["stand-alone"]["wide"][m])
        after_day[gen] = m
        for form in ru_forms(nom, plural=False) | {gen, nom}:
            months[form] = m
        for ctx in ("format", "stand-alone"):
            abbr = _lower(loc.months[ctx]["abbreviated"][m])
            after_day[abbr] = m
            after_day[abbr.rstrip(".")] = m
    for abbr, m in v.month_abbreviations.get("ru", {}).items():
        after_day[_lower(abbr).rstrip(".")] = m
    return months, after_day


def _ru_weekdays(loc: Any) -> dict[str, int]:
    """Weekday names from CLDR in every singular case."""
    weekdays: dict[str, int] = {}
    for d in range(7):
        for ctx in ("format", "stand-alone"):
            word = _lower(loc.days[ctx]["wide"][d])
            for form in ru_forms(word, plural=False):
                weekdays[form] = d
    return weekdays


def _ru_ambiguous(v: DateVocab) -> tuple[set[str], set[str]]:
    """Forms of the weekday nouns that are also other words, and the
    forms of them that name a day: "в среду", "до среды" name a day; "в
    среде", "средой" do not."""
    ambiguous: set[str] = set()
    ambiguous_ok: set[str] = set()
    for w in v.ambiguous_weekdays.get("ru", []):
        ambiguous |= ru_forms(w, plural=False)
        ambiguous_ok |= ru_case_forms(w, {"accs", "gent"})
    return ambiguous, ambiguous_ok


def _ru_words(v: DateVocab) -> _RuWords:
    loc = _cldr("ru")
    months, after_day = _ru_months(loc, v)
    weekdays = _ru_weekdays(loc)
    ambiguous, ambiguous_ok = _ru_ambiguous(v)
    weekday_plurals: dict[str, int] = {}
    for form, d in list(weekdays.items()):
        for pl in ru_case_forms(form, {"datv"}, number="plur"):
            weekday_plurals[pl] = d
    return _RuWords(
        months=months,
        after_day=after_day,
        weekdays=weekdays,
        prepositions={_lower(w) for w in v.weekday_prepositions.get("ru", [])},
        time_words=_forms_of(v.weekday_time_words.get("ru", [])),
        modifiers={ru_phrase(phrase) for phrase in v.weekday_modifiers.get("ru", [])},
        ambiguous=ambiguous,
        ambiguous_ok=ambiguous_ok,
        month_adjectives=_forms_table(v.month_adjectives.get("ru", {})),
        weekday_adjectives=_forms_table(v.weekday_adjectives.get("ru", {})),
        weekday_plurals=weekday_plurals,
        recurring=_forms_of(v.weekday_recurring.get("ru", [])),
        relative_years=_forms_table(v.relative_years.get("ru", {}), plural=False),
        relative_days={_lower(w): r for w, r in v.relative_days.get("ru", {}).items()},
    )


# The patterns --------------------------------------------------------------


class _Pieces:
    """Parts the Russian patterns are made of, each taking the name of
    the group that captures its value."""

    def __init__(self, words: _RuWords) -> None:
        after_day = words.after_day
        # An abbreviation may take a dot; a full name may not be cut short.
        self.abbreviated = _alt(k for k in after_day if k not in words.months)
        self.full = _alt(k for k in after_day if k in words.months)
        self.any_month = _alt(words.months)
        self.relative_year = _alt(words.relative_years) if words.relative_years else "(?!)"

    def year(self, g: str) -> str:
        return RU_YEAR.format(g=g)

    def day(self, g: str) -> str:
        return RU_DAY.format(g=g)

    def month_after_day(self, g: str) -> str:
        """A month as it follows a day: ``марта``, ``мар.``."""
        return rf"(?P<{g}>{self.full}(?![а-я])|{self.abbreviated}(?:\.|(?![а-я])))"

    def month(self, g: str) -> str:
        """A month name in any case."""
        return rf"(?P<{g}>{self.any_month})(?![а-я])"

    def year_tail(self, g: str) -> str:
        """The year after a date: ``2026 года``, ``прошлого года``."""
        return rf"(?:\s+{self.year(g)}{RU_YEAR_WORD}?|\s+(?P<{g}rel>{self.relative_year})\s+года)"


def _add_days(out: _PatternList, p: _Pieces, words: _RuWords) -> None:
    """Ranges of days, lists of days and single days of a month; ranges
    first, so that "с 1 по 3 июля" is one mention."""
    d, mg, year_tail, y = p.day, p.month_after_day, p.year_tail, p.year
    # A day and a month name or its abbreviation.
    day_month = (_GATE_DIGIT, _gate_forms(words.after_day))
    out.add(
        "range_dm",
        rf"(?:(?:с|со)\s+){d('d')}\s+{mg('m')}(?:\s+{y('y')}{RU_YEAR_WORD}?)?"
        rf"\s+(?:по|до)\s+{d('d2')}\s+{mg('m2')}(?:{year_tail('y2')})?",
        *day_month,
    )
    out.add(
        "range_dm",
        rf"{d('d')}\s+{mg('m')}(?:\s+{y('y')}{RU_YEAR_WORD}?)?{DASH}"
        rf"{d('d2')}\s+{mg('m2')}(?:{year_tail('y2')})?",
        *day_month,
    )
    out.add(
        "range_d",
        rf"(?:(?:с|со)\s+){d('d')}\s+(?:по|до)\s+{d('d2')}\s+{mg('m')}(?:{year_tail('y')})?",
        *day_month,
    )
    out.add("range_d", rf"{d('d')}{DASH}{d('d2')}\s+{mg('m')}(?:{year_tail('y')})?", *day_month)
    # "3 и 4 февраля", "1, 2 и 5 марта": each day is a date of the month.
    out.add(
        "list",
        rf"(?P<rest>(?<![\d.,:/№-])[0-3]?\d(?:\s*,\s*[0-3]?\d)*\s+и\s+)"
        rf"(?P<first>{d('d')}\s+{mg('m')}(?:{year_tail('y')})?)",
        *day_month,
    )
    out.add("date", rf"{d('d')}\s+{mg('m')}(?:{year_tail('y')})?", *day_month)
    out.add(
        "numeric",
        r"(?<![\d.,/])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>1[0-9]\d\d|20\d\d|21\d\d)(?![\d]|\.\d)"
        rf"{RU_YEAR_WORD}?",
        _GATE_YEAR,
    )
    out.add(
        "iso", r"(?<![\d.,/-])(?P<y>1[0-9]\d\d|20\d\d|21\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])", _GATE_YEAR
    )


def _add_month_ranges(out: _PatternList, p: _Pieces, month_gate: re.Pattern[str] | None) -> None:
    """``с марта по май``, ``в марте–мае``."""
    many, year_tail = p.month, p.year_tail
    out.add("range_m", rf"(?:с|со)\s+{many('m')}\s+(?:по|до)\s+{many('m2')}(?:{year_tail('y')})?", month_gate)
    out.add("range_m", rf"(?:в|во)\s+{many('m')}{DASH}{many('m2')}(?:{year_tail('y')})?", month_gate)


def _add_parts_of_year(out: _PatternList, p: _Pieces, v: DateVocab) -> None:
    """Halves and quarters, with an optional year after them: the
    vocabulary's phrases (``первое полугодие``, ``первая половина
    года``), each pattern named with its number (``half:1``), and a
    number before a noun (``3-й квартал``, ``III квартал``), named
    ``quarter:num``."""
    year_after = (
        rf"(?:\s+(?:(?P<rel>{p.relative_year})\s+|{p.year('y')}(?:-?(?:го|м))?\s*)?"
        r"(?:года|году|год(?![а-я])|гг?\.|г(?![а-я])))"
    )
    ordinal = r"(?P<num>[1-4]|[IV]{1,3})(?:-?(?:й|м|го|ом|е|ое))?"
    for kind, table, nouns in (
        ("half", v.halves.get("ru", {}), v.half_nouns.get("ru", [])),
        ("quarter", v.quarters.get("ru", {}), v.quarter_nouns.get("ru", [])),
    ):
        for phrase, n in table.items():
            words = phrase.split()
            if words[-1] in ("год", "года"):
                # The phrase's own year word: the year goes before it.
                words = words[:-1]
                pattern = ru_phrase(" ".join(words)) + year_after
            else:
                pattern = ru_phrase(phrase) + year_after + "?"
            out.add(
                f"{kind}:{n}", pattern + r"(?![а-я])", *(_gate_forms(ru_forms(w, plural=False)) for w in words)
            )
        for noun in nouns:
            noun_forms = ru_forms(noun, plural=False)
            out.add(
                f"{kind}:num",
                rf"(?<![\w.,]){ordinal}\s+{_alt(noun_forms)}{year_after}?(?![а-я])",
                _gate_forms(noun_forms),
            )


def _add_years_and_centuries(out: _PatternList, p: _Pieces) -> None:
    """Ranges and lists of years, decades and centuries."""
    y = p.year
    out.add(
        "range_y",
        rf"(?:(?:с|со)\s+)?{y('y')}(?:\s*(?:года|г\.))?\s*(?:[-–—]|\s(?:по|до)\s)\s*(?:{y('y2')}|(?P<y2s>\d\d)(?!\d))"
        r"(?:-?(?:е|х|м|й|го))?\s*(?:год(?:ы|ов|ах|ам|а|у)?(?![а-я])|гг?\.)",
        _GATE_YEAR,
    )
    # "в 2005 и 2006 годах": each year is a mention.
    out.add(
        "list_y",
        r"(?P<rest>(?<![\d.,])(?:1[0-9]\d\d|20\d\d|21\d\d)(?:\s*,\s*(?:1[0-9]\d\d|20\d\d|21\d\d))*\s+и\s+)"
        r"(?P<first>(?P<y>1[0-9]\d\d|20\d\d|21\d\d)\s*(?:годах|годы|годов|гг\.))",
        _GATE_YEAR,
    )
    rel_alt = p.relative_year
    century_tail = rf"(?:\s+(?:(?P<crel>{rel_alt})|(?P<cnum>\d{{1,2}}|[IVX]{{1,5}})(?:-?(?:го|й))?)\s+век(?:а|е)?(?![а-я]))"
    out.add(
        "decade",
        r"(?<![\d.,])(?P<dec>\d{0,2}[1-9]0|\d{1,2}00)-?(?:е|х|ые|ых|м)(?![а-я])"
        r"(?:\s+год(?:ы|ов|ах|ам|ами)(?![а-я]))?" + century_tail + "?",
        _GATE_TWO_DIGITS,
    )
    out.add(
        "century",
        rf"(?:(?P<crel>{rel_alt})|(?<![\w.,])(?P<cnum>\d{{1,2}}|[IVX]{{1,5}})(?:-?(?:го|й|м|ом|е))?)"
        r"\s+век(?:а|е|у|ом|ов|ах|и)?(?![а-я])",
        re.compile(r"\sвек"),
    )


def _add_months_and_years(
    out: _PatternList, p: _Pieces, words: _RuWords, v: DateVocab, month_gate: re.Pattern[str] | None
) -> None:
    """A month with its year, a year, a relative or the same year, a
    month alone, a month's adjective; in that order, so that a month
    with its year is read before either alone."""
    out.add("month_year", rf"(?<![а-я]){p.month('m')}\s+{p.year('y')}{RU_YEAR_WORD}?", _GATE_YEAR, month_gate)
    out.add("year", rf"{p.year('y')}{RU_YEAR_WORD}(?![а-я])", _GATE_YEAR)
    out.add(
        "relyear",
        rf"(?<![а-я])(?P<rel>{p.relative_year})\s+(?:года|году|год|годом)(?![а-я])",
        re.compile(r"\sгод"),
    )
    same_phrases = v.same_year.get("ru", [])
    same = [ru_phrase(phrase) for phrase in same_phrases]
    if same:
        # Each phrase ends in its last word: one of those must be there.
        last_words = set().union(*(ru_forms(phrase.split()[-1], plural=False) for phrase in same_phrases))
        out.add("sameyear", r"(?<![а-я])(?:" + "|".join(same) + r")(?![а-я])", _gate_forms(last_words))
    out.add("month", rf"(?<![а-я]){p.month('m')}", month_gate)
    if words.month_adjectives:
        adjectives = words.month_adjectives
        out.add("month_adj", rf"(?<![а-я])(?P<w>{_alt(adjectives)})(?![а-я])", _gate_forms(adjectives))


def _add_weekdays(out: _PatternList, words: _RuWords) -> None:
    """Recurring weekdays (``по средам``, ``каждую среду``), weekdays with
    the words before them (``в ночь на среду``) and weekday adjectives."""
    weekdays = words.weekdays
    if words.weekday_plurals:
        plurals = words.weekday_plurals
        out.add("weekday_rec", rf"(?<![а-я])по\s+(?P<w>{_alt(plurals)})(?![а-я])", _gate_forms(plurals))
    if words.recurring:
        out.add(
            "weekday_rec",
            rf"(?<![а-я])(?:{_alt(words.recurring)})\s+(?P<w>{_alt(weekdays)})(?![а-я])",
            _gate_forms(words.recurring),
            _gate_forms(weekdays),
        )
    prep = _alt(words.prepositions) if words.prepositions else "(?!)"
    time = _alt(words.time_words) if words.time_words else "(?!)"
    mod = "(?:" + "|".join(sorted(words.modifiers)) + ")" if words.modifiers else "(?!)"
    out.add(
        "weekday",
        rf"(?<![а-я])(?P<ctx>(?:{prep}\s+)?(?:{time}\s+(?:{prep}\s+)?|{mod}\s+)?)"
        rf"(?<![а-я])(?P<w>{_alt(weekdays)})(?![а-я])",
        _gate_forms(weekdays),
    )
    if words.weekday_adjectives:
        adjectives = words.weekday_adjectives
        out.add("weekday_adj", rf"(?<![а-я])(?P<w>{_alt(adjectives)})(?![а-я])", _gate_forms(adjectives))


def _build_ru(v: DateVocab) -> _Patterns:
    """The Russian date patterns, in priority order: a longer form before
    the forms it holds (a range before its dates, a date before its
    month), weekdays last."""
    words = _ru_words(v)
    pieces = _Pieces(words)
    month_gate = _gate_forms(words.months)
    out = _PatternList(re.IGNORECASE)
    _add_days(out, pieces, words)
    _add_month_ranges(out, pieces, month_gate)
    _add_parts_of_year(out, pieces, v)
    _add_years_and_centuries(out, pieces)
    _add_months_and_years(out, pieces, words, v, month_gate)
    _add_weekdays(out, words)
    idioms = [ru_phrase(phrase) for phrase in v.weekday_idioms.get("ru", [])]
    idiom_re = _Lazy(r"(?<![а-я])(?:" + "|".join(idioms) + r")(?![а-я])", re.IGNORECASE) if idioms else None
    reldays = words.relative_days
    relday_re = _Lazy(rf"(?<![а-я])(?P<rd>{_alt(reldays)})(?![а-я])", re.IGNORECASE) if reldays else None
    return _Patterns(
        lang="ru",
        ordered=out.ordered,
        months={**words.months, **words.after_day},
        weekdays=words.weekdays,
        idioms=idiom_re,
        relday=relday_re,
        relyear=words.relative_years,
        month_adj=words.month_adjectives,
        weekday_adj={**words.weekday_adjectives, **words.weekday_plurals, **words.weekdays},
        reldays=reldays,
        ambiguous=words.ambiguous,
        ambiguous_ok=words.ambiguous_ok,
        not_before=tuple(v.ambiguous_not_before.get("ru", [])),
        gates=out.gates,
    )
