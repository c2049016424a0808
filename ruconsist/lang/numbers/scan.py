"""Helpers both readers share: spans to leave alone (URLs, phone
numbers, versions, dates, times, quoted names), cached patterns on the
vocabulary, Russian month names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from fractions import Fraction
from functools import lru_cache

from ruconsist.lang.numbers.vocab import (
    DASHES,
    DMY,
    PHONE,
    SPACES,
    TIME,
    URL,
    VERSION,
    NumberVocab,
    _alternation,
)

#: A URL or an e-mail address has one of these; phone numbers,
#: versions, dates and times have a digit.
_URL_GATE = re.compile(r"@|http|www\.", re.I)
_DIGIT = re.compile(r"\d")


#: The first year of a two-year span ahead of a short second one:
#: "2019–20", "2019/20", "1635-36".
_SHORT_YEAR_START = re.compile(r"(?<![\d.,])(1\d|20)(\d\d)[ \u00a0]*([-–—~/])[ \u00a0]*$")


def short_year_end(norm: str, start: int, digits: str) -> Fraction | None:
    """The year that the two digits at ``norm[start:]`` end a span of
    years with: ``2019–20`` and ``2019/20`` (a season, a fiscal or school
    year) are 2019 to 2020, not 2019 and the number 20; ``1950-53`` is
    1950 to 1953.  After a slash only the next year is read (``12/20`` and
    ``2019/25`` are other things)."""
    if len(digits) != 2 or not digits.isdigit():
        return None
    m = _SHORT_YEAR_START.search(norm, max(0, start - 8), start)
    if m is None or int(digits) <= int(m.group(2)):
        return None
    if m.group(3) == "/" and int(digits) != int(m.group(2)) + 1:
        return None
    return Fraction(int(m.group(1)) * 100 + int(digits))


#: A word for "year" right after a span of years, or after a list of
#: years it ends ("1635-36、1655和1664年间", "в 1998–99 годах"): a date,
#: which the date check reads ("2019–20 финансовом году" it does not).
_YEAR_WORD_AHEAD = re.compile(r"(?:[\s\d、,，–—-]|和|及|与|и(?![а-я]))*?(?:年(?!代)|(?<![а-я])(?:год|гг\.|г\.))")


def dated_span(norm: str, end: int) -> bool:
    """Whether a word for "year" follows the span of years ending at
    ``end``, at most after more years of a list."""
    return _YEAR_WORD_AHEAD.match(norm, end) is not None


def _mask_spans(norm: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    if _URL_GATE.search(norm):
        for m in URL.finditer(norm):
            spans.append((m.start(), m.end(), "code"))
    if not _DIGIT.search(norm):
        return spans
    for rx, role in ((PHONE, "code"), (VERSION, "code"), (DMY, "date"), (TIME, "time")):
        for m in rx.finditer(norm):
            spans.append((m.start(), m.end(), role))
    return spans


def _in_spans(spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    for a, b, role in spans:
        if a < end and start < b:
            return role
    return None


def _skip_space(norm: str, i: int) -> int:
    while i < len(norm) and norm[i] in SPACES:
        i += 1
    return i


def _regex(vocab: NumberVocab, name: str, build) -> re.Pattern[str]:  # type: ignore[no-untyped-def]
    pat = vocab._regex.get(name)
    if pat is None:
        pat = vocab._regex[name] = build()
    return pat


def _words_after(forms: Iterable[str]) -> re.Pattern[str]:
    alt = _alternation(forms)
    if not alt:
        return re.compile(r"(?!x)x")
    return re.compile(rf"[ \u00a0\u202f\u2009]*(?:{alt})(?![а-яa-z0-9])")


def _words_before(forms: Iterable[str]) -> re.Pattern[str]:
    alt = _alternation(forms)
    if not alt:
        return re.compile(r"(?!x)x")
    return re.compile(rf"(?<![а-яa-z])(?:{alt})[ \u00a0\u202f\u2009]*$")


def _quoted_name_spans(norm: str) -> list[tuple[int, int, str]]:
    # «Сила Сибири — 2», "Союз МС-21": a number closing a quoted name.
    spans: list[tuple[int, int, str]] = []
    if not _DIGIT.search(norm):
        return spans
    for m in re.finditer(r"[«\"“„]([^«»\"“”„\n]{1,80})[»\"”“]", norm):
        inner = m.group(1)
        if re.search(rf"[^\W\d_][ \u00a0]*[{DASHES}]?[ \u00a0]*\d+[ \u00a0]*$", inner):
            spans.append((m.start(), m.end(), "name"))
    return spans


def _ru_date_like(norm: str, i: int, vocab: NumberVocab) -> bool:
    months = _ru_month_pattern(tuple(vocab.ru.list("month_abbreviations")))
    return bool(months.match(norm, i))


@lru_cache(maxsize=8)
def _ru_month_pattern(abbrevs: tuple[str, ...]) -> re.Pattern[str]:
    names = set(ru_month_names())
    names.update(a.rstrip(".") for a in abbrevs)
    alt = _alternation(names)
    return re.compile(rf"[ \u00a0\u202f\u2009]*(?:{alt})\.?(?![а-я])")


@lru_cache(maxsize=1)
def ru_month_names() -> tuple[str, ...]:
    """Russian month names in every CLDR form (lower case, no dots);
    kept on disk, so that a run that only needs the names does not load
    CLDR."""
    from ruconsist import cache

    return cache.cached("ru-months", cache.key_for("ru-months", cache.code_digest(*cache.package_files(__file__))), _cldr_month_names, tuple)


def _cldr_month_names() -> tuple[str, ...]:
    from babel.dates import get_month_names

    out: set[str] = set()
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for name in get_month_names(width, context, locale="ru").values():
                out.add(name.lower().rstrip(".").replace("ё", "е"))
    # Prepositional and other cases of the wide names ("в феврале").
    for name in list(get_month_names("wide", "stand-alone", locale="ru").values()):
        n = name.lower()
        stem = n[:-1] if n[-1] in "ьй" else n
        out.update({stem + "е", stem + "я", stem + "ю", stem + "ем", n})
    return tuple(sorted(out))


def _sentence_start(text: str, i: int) -> bool:
    before = text[:i].rstrip(" \u00a0\t\"«“„(—–-")
    return not before or before[-1] in ".!?…:\n"


def fraction_alts(value: Fraction) -> tuple[Fraction, ...]:
    """Other ways to say a fraction: as a percentage (五分之一 = 20 %) and,
    for 1/N, as "every N-th" (каждый пятый)."""
    alts = [value * 100]
    if value.numerator == 1:
        alts.append(Fraction(value.denominator))
    return tuple(alts)
