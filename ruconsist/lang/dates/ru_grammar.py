"""The Russian date grammar: patterns for dates, ranges, periods,
decades, centuries and weekdays, built from the vocabulary.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ruconsist.lang.dates.forms import (
    _GATE_DIGIT,
    _GATE_TWO_DIGITS,
    _GATE_YEAR,
    _alt,
    _cldr,
    _gate_forms,
    _gates,
    _Lazy,
    _lower,
    _Patterns,
    ru_case_forms,
    ru_forms,
    ru_phrase,
)

#: Keys of ``vocab: {dates: ...}`` and the shape of each.

if TYPE_CHECKING:
    from ruconsist.lang.dates.vocab import DateVocab


RU_YEAR = r"(?<![\d.,])(?P<{g}>1[0-9]\d\d|20\d\d|21\d\d)(?!\d|[.,]\d)"
RU_YEAR_WORD = r"(?:-?(?:го|м|й|ом))?(?:\s*(?:года|году|годом|годе|год(?![а-я])|гг?\.|г(?![а-я])))"
RU_DAY = r"(?<![\d.,:/№-])(?P<{g}>[0-3]?\d)(?:-?(?:го|е|ое|м))?"
DASH = r"(?:\s*[-–—]\s*)"


def _build_ru(v: DateVocab) -> _Patterns:
    loc = _cldr("ru")
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
    # An abbreviation may take a dot; a full name may not be cut short.
    abbrev_alt = _alt(k for k in after_day if k not in months)
    full_alt = _alt(k for k in after_day if k in months)
    MG = rf"(?P<{{g}}>{full_alt}(?![а-я])|{abbrev_alt}(?:\.|(?![а-я])))"
    MANY = rf"(?P<{{g}}>{_alt(months)})(?![а-я])"

    weekdays: dict[str, int] = {}
    for d in range(7):
        for ctx in ("format", "stand-alone"):
            word = _lower(loc.days[ctx]["wide"][d])
            for form in ru_forms(word, plural=False):
                weekdays[form] = d
    preps = {_lower(w) for w in v.weekday_prepositions.get("ru", [])}
    mods: set[str] = set()
    for phrase in v.weekday_modifiers.get("ru", []):
        mods.add(ru_phrase(phrase))
    times: set[str] = set()
    for w in v.weekday_time_words.get("ru", []):
        times |= ru_forms(w, plural=False)
    ambiguous: set[str] = set()
    ambiguous_ok: set[str] = set()
    for w in v.ambiguous_weekdays.get("ru", []):
        ambiguous |= ru_forms(w, plural=False)
        # "в среду", "до среды" name a day; "в среде", "средой" do not.
        ambiguous_ok |= ru_case_forms(w, {"accs", "gent"})
    month_adj: dict[str, int] = {}
    for w, m in v.month_adjectives.get("ru", {}).items():
        for form in ru_forms(w):
            month_adj[form] = m
    weekday_adj: dict[str, int] = {}
    for w, d in v.weekday_adjectives.get("ru", {}).items():
        for form in ru_forms(w):
            weekday_adj[form] = d
    # Plural weekdays recur ("по средам"): soft, like the adjectives.
    weekday_plural: dict[str, int] = {}
    for form, d in list(weekdays.items()):
        for pl in ru_case_forms(form, {"datv"}, number="plur"):
            weekday_plural[pl] = d
    recurring: set[str] = set()
    for w in v.weekday_recurring.get("ru", []):
        recurring |= ru_forms(w, plural=False)
    relyear: dict[str, int] = {}
    for w, r in v.relative_years.get("ru", {}).items():
        for form in ru_forms(w, plural=False):
            relyear[form] = r
    reldays = {_lower(w): r for w, r in v.relative_days.get("ru", {}).items()}

    y = lambda g: RU_YEAR.format(g=g)  # noqa: E731
    d = lambda g: RU_DAY.format(g=g)  # noqa: E731
    mg = lambda g: MG.format(g=g)  # noqa: E731
    many = lambda g: MANY.format(g=g)  # noqa: E731
    rel_alt = _alt(relyear) if relyear else "(?!)"
    year_tail = lambda g: rf"(?:\s+{y(g)}{RU_YEAR_WORD}?|\s+(?P<{g}rel>{rel_alt})\s+года)"  # noqa: E731

    ordered: list[tuple[str, _Lazy]] = []
    gates: list[tuple[re.Pattern[str], ...]] = []

    def add(name: str, pattern: str, *gate: re.Pattern[str] | None) -> None:
        ordered.append((name, _Lazy(pattern, re.IGNORECASE)))
        gates.append(_gates(*gate))

    digit, year4 = _GATE_DIGIT, _GATE_YEAR
    # A day and a month name or its abbreviation.
    day_month = (digit, _gate_forms(after_day))
    month_gate = _gate_forms(months)

    # Ranges first, so that "с 1 по 3 июля" is one mention.
    add(
        "range_dm",
        rf"(?:(?:с|со)\s+){d('d')}\s+{mg('m')}(?:\s+{y('y')}{RU_YEAR_WORD}?)?"
        rf"\s+(?:по|до)\s+{d('d2')}\s+{mg('m2')}(?:{year_tail('y2')})?",
        *day_month,
    )
    add(
        "range_dm",
        rf"{d('d')}\s+{mg('m')}(?:\s+{y('y')}{RU_YEAR_WORD}?)?{DASH}"
        rf"{d('d2')}\s+{mg('m2')}(?:{year_tail('y2')})?",
        *day_month,
    )
    add(
        "range_d",
        rf"(?:(?:с|со)\s+){d('d')}\s+(?:по|до)\s+{d('d2')}\s+{mg('m')}(?:{year_tail('y')})?",
        *day_month,
    )
    add("range_d", rf"{d('d')}{DASH}{d('d2')}\s+{mg('m')}(?:{year_tail('y')})?", *day_month)
    # "3 и 4 февраля", "1, 2 и 5 марта": each day is a date of the month.
    add(
        "list",
        rf"(?P<rest>(?<![\d.,:/№-])[0-3]?\d(?:\s*,\s*[0-3]?\d)*\s+и\s+)"
        rf"(?P<first>{d('d')}\s+{mg('m')}(?:{year_tail('y')})?)",
        *day_month,
    )
    add("date", rf"{d('d')}\s+{mg('m')}(?:{year_tail('y')})?", *day_month)
    add(
        "numeric",
        r"(?<![\d.,/])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>1[0-9]\d\d|20\d\d|21\d\d)(?![\d]|\.\d)"
        rf"{RU_YEAR_WORD}?",
        year4,
    )
    add("iso", r"(?<![\d.,/-])(?P<y>1[0-9]\d\d|20\d\d|21\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])", year4)
    add("range_m", rf"(?:с|со)\s+{many('m')}\s+(?:по|до)\s+{many('m2')}(?:{year_tail('y')})?", month_gate)
    add("range_m", rf"(?:в|во)\s+{many('m')}{DASH}{many('m2')}(?:{year_tail('y')})?", month_gate)
    # Halves and quarters, with an optional year after them.
    year_after = (
        rf"(?:\s+(?:(?P<rel>{rel_alt})\s+|{y('y')}(?:-?(?:го|м))?\s*)?"
        r"(?:года|году|год(?![а-я])|гг?\.|г(?![а-я])))"
    )
    ordinal = r"(?P<num>[1-4]|[IV]{1,3})(?:-?(?:й|м|го|ом|е|ое))?"
    for key, table, nouns, kind in (
        ("half", v.halves.get("ru", {}), v.half_nouns.get("ru", []), "half"),
        ("quarter", v.quarters.get("ru", {}), v.quarter_nouns.get("ru", []), "quarter"),
    ):
        for phrase, n in table.items():
            words = phrase.split()
            if words[-1] in ("год", "года"):
                words = words[:-1]
                head = ru_phrase(" ".join(words))
                pattern = head + year_after
            else:
                pattern = ru_phrase(phrase) + year_after + "?"
            ordered.append((f"{kind}:{n}", _Lazy(pattern + r"(?![а-я])", re.IGNORECASE)))
            gates.append(_gates(*(_gate_forms(ru_forms(w, plural=False)) for w in words)))
        for noun in nouns:
            noun_forms = ru_forms(noun, plural=False)
            noun_alt = _alt(noun_forms)
            ordered.append(
                (f"{kind}:num", _Lazy(rf"(?<![\w.,]){ordinal}\s+{noun_alt}{year_after}?(?![а-я])", re.IGNORECASE))
            )
            gates.append(_gates(_gate_forms(noun_forms)))
    add(
        "range_y",
        rf"(?:(?:с|со)\s+)?{y('y')}(?:\s*(?:года|г\.))?\s*(?:[-–—]|\s(?:по|до)\s)\s*(?:{y('y2')}|(?P<y2s>\d\d)(?!\d))"
        r"(?:-?(?:е|х|м|й|го))?\s*(?:год(?:ы|ов|ах|ам|а|у)?(?![а-я])|гг?\.)",
        year4,
    )
    # "в 2005 и 2006 годах": each year is a mention.
    add(
        "list_y",
        r"(?P<rest>(?<![\d.,])(?:1[0-9]\d\d|20\d\d|21\d\d)(?:\s*,\s*(?:1[0-9]\d\d|20\d\d|21\d\d))*\s+и\s+)"
        r"(?P<first>(?P<y>1[0-9]\d\d|20\d\d|21\d\d)\s*(?:годах|годы|годов|гг\.))",
        year4,
    )
    century_tail = rf"(?:\s+(?:(?P<crel>{rel_alt})|(?P<cnum>\d{{1,2}}|[IVX]{{1,5}})(?:-?(?:го|й))?)\s+век(?:а|е)?(?![а-я]))"
    add(
        "decade",
        r"(?<![\d.,])(?P<dec>\d{0,2}[1-9]0|\d{1,2}00)-?(?:е|х|ые|ых|м)(?![а-я])"
        r"(?:\s+год(?:ы|ов|ах|ам|ами)(?![а-я]))?" + century_tail + "?",
        _GATE_TWO_DIGITS,
    )
    add(
        "century",
        rf"(?:(?P<crel>{rel_alt})|(?<![\w.,])(?P<cnum>\d{{1,2}}|[IVX]{{1,5}})(?:-?(?:го|й|м|ом|е))?)"
        r"\s+век(?:а|е|у|ом|ов|ах|и)?(?![а-я])",
        re.compile(r"\sвек"),
    )
    add("month_year", rf"(?<![а-я]){many('m')}\s+{y('y')}{RU_YEAR_WORD}?", year4, month_gate)
    add("year", rf"{y('y')}{RU_YEAR_WORD}(?![а-я])", year4)
    add("relyear", rf"(?<![а-я])(?P<rel>{rel_alt})\s+(?:года|году|год|годом)(?![а-я])", re.compile(r"\sгод"))
    same_phrases = v.same_year.get("ru", [])
    same = [ru_phrase(p) for p in same_phrases]
    if same:
        # Each phrase ends in its last word: one of those must be there.
        last_words = set().union(*(ru_forms(p.split()[-1], plural=False) for p in same_phrases))
        add("sameyear", r"(?<![а-я])(?:" + "|".join(same) + r")(?![а-я])", _gate_forms(last_words))
    add("month", rf"(?<![а-я]){many('m')}", month_gate)
    if month_adj:
        add("month_adj", rf"(?<![а-я])(?P<w>{_alt(month_adj)})(?![а-я])", _gate_forms(month_adj))
    if weekday_plural:
        add("weekday_rec", rf"(?<![а-я])по\s+(?P<w>{_alt(weekday_plural)})(?![а-я])", _gate_forms(weekday_plural))
    if recurring:
        add(
            "weekday_rec",
            rf"(?<![а-я])(?:{_alt(recurring)})\s+(?P<w>{_alt(weekdays)})(?![а-я])",
            _gate_forms(recurring),
            _gate_forms(weekdays),
        )
    prep = _alt(preps) if preps else "(?!)"
    time = _alt(times) if times else "(?!)"
    mod = "(?:" + "|".join(sorted(mods)) + ")" if mods else "(?!)"
    add(
        "weekday",
        rf"(?<![а-я])(?P<ctx>(?:{prep}\s+)?(?:{time}\s+(?:{prep}\s+)?|{mod}\s+)?)"
        rf"(?<![а-я])(?P<w>{_alt(weekdays)})(?![а-я])",
        _gate_forms(weekdays),
    )
    if weekday_adj:
        add("weekday_adj", rf"(?<![а-я])(?P<w>{_alt(weekday_adj)})(?![а-я])", _gate_forms(weekday_adj))
    idioms = [ru_phrase(p) for p in v.weekday_idioms.get("ru", [])]
    idiom_re = _Lazy(r"(?<![а-я])(?:" + "|".join(idioms) + r")(?![а-я])", re.IGNORECASE) if idioms else None
    relday_re = (
        _Lazy(rf"(?<![а-я])(?P<rd>{_alt(reldays)})(?![а-я])", re.IGNORECASE) if reldays else None
    )
    return _Patterns(
        lang="ru",
        ordered=ordered,
        months={**months, **after_day},
        weekdays=weekdays,
        idioms=idiom_re,
        relday=relday_re,
        relyear=relyear,
        month_adj=month_adj,
        weekday_adj={**weekday_adj, **weekday_plural, **weekdays},
        reldays=reldays,
        ambiguous=ambiguous,
        ambiguous_ok=ambiguous_ok,
        not_before=tuple(v.ambiguous_not_before.get("ru", [])),
        gates=gates,
    )
