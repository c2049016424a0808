"""Dates and weekdays in Russian and Chinese text.

This module finds date mentions and reads their values; the date checks
(:mod:`ruconsist.checks.dates`) compare them across an aligned bead, and
the number check excludes their spans so that a year or a day is never
reported twice.

What it reads:

* RU: ``4 февраля 2026 года``, ``4 февраля``, ``04.02.2026``, ``4 фев``,
  ``04 ФЕВРАЛЯ 2026``, ``в феврале 2026 года``, ``в 2026 году``,
  ``с 1 по 3 июля``, ``1–3 июля``, ``с 28 августа по 2 сентября``,
  ``в первой половине года``, ``в I квартале``, ``1980-е годы``,
  ``XIX век``, ``в этом году``; weekdays in any case (``в среду``,
  ``во вторник``, ``в ночь на среду``, ``к вечеру понедельника``).
* ZH: ``2026年2月4日``, ``2月4日``, ``2026年2月``, ``2026年``,
  ``7月1日至3日``, ``8月28日至9月2日``, ``上半年``, ``第一季度``,
  Chinese numerals (``二〇二六年二月四日``, ``九月三十日``), ``今年``,
  ``20世纪30年代``; weekdays ``周三``/``星期三``/``礼拜三``, also in
  brackets after a date (``2月4日（周三）``).

Month and weekday names come from CLDR through babel; everything else
(news abbreviations, relative years, halves and quarters, dateline
formats, idioms such as ``черная пятница``) from the ``dates`` vocabulary
of the rule packs (``rules/dates.yaml``).

A bare weekday (``во вторник``) in a dated news item names a day of the
week around the dateline, usually a past one ("on Tuesday" in an item
dated Wednesday means yesterday).  It is therefore never compared with
the dateline's own weekday, except when the text ties it to the dateline
itself: ``сегодня, во вторник`` / ``今天（周二）`` must be the dateline's
weekday, ``вчера, во вторник`` the day before.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any

from ruconsist import regexcache
from ruconsist.lang.numerals import roman_value, zh_int
#: Keys of ``vocab: {dates: ...}`` and the shape of each.
from ruconsist.packschema import DATE_KEYS as _SCHEMA

if TYPE_CHECKING:
    from ruconsist.context import PairContext
    from ruconsist.document import SegmentPair
    from ruconsist.rules import RuleSet

WEEKDAY_NAMES = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)

#: Key of the date checks' scratch space in ``PairContext.state``.
STATE_KEY = "DAT001"

# Same-length normalisation, so that offsets stay true: full-width digits
# to ASCII, ё to е.
_NORMALIZE = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "ё": "е",
        "Ё": "Е",
    }
)


_TO_NORMALIZE = re.compile("[" + "".join(chr(c) for c in _NORMALIZE) + "]")


def normalize(text: str) -> str:
    """Fold full-width digits and ё without changing the length."""
    if text.isascii() or not _TO_NORMALIZE.search(text):
        return text
    return text.translate(_NORMALIZE)


# ---------------------------------------------------------------------------
# Mentions


@dataclass(frozen=True)
class DateMention:
    """One date, range, part of a year or weekday in a text.

    ``start``/``end`` are offsets in the text it was found in (for
    :func:`bead_dates`, ``bead.side(lang).text``).  ``kind`` is one of
    ``date`` (a day, a month or a year: see :attr:`granularity`),
    ``range``, ``half``, ``quarter``, ``decade``, ``century`` or
    ``weekday`` (a weekday with no date).  A date may carry a weekday
    written next to it (``в среду, 4 февраля``); ``weekday_span`` is where.

    ``explicit`` names the fields the text writes out (``year``,
    ``month``, ``day``, ``weekday``); a year may instead come from a
    relative word (``rel_year``: ``в прошлом году`` = -1,
    ``year_from="relative"`` once resolved) or from the dateline
    (``year_from="dateline"``).  ``any_year`` marks ``同年`` / ``в том же
    году``, which stand for whatever year the other side gives.  ``soft``
    mentions (adjectives, relative years, decades, a bare ZH ``4日``) may
    satisfy a counterpart but are never required to have one.
    """

    start: int
    end: int
    text: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    half: int | None = None
    quarter: int | None = None
    decade: int | None = None
    century: int | None = None
    rel_year: int | None = None
    rel_century: int | None = None
    any_year: bool = False
    weekday: int | None = None
    weekday_span: tuple[int, int] | None = None
    rel_day: int | None = None
    explicit: frozenset[str] = frozenset()
    year_from: str = ""
    soft: bool = False
    notation: str = ""

    @property
    def granularity(self) -> str:
        """``day``, ``month`` or ``year`` for dates and ranges; the kind
        otherwise."""
        if self.kind in ("date", "range"):
            if self.day is not None or self.end_day is not None:
                return "day"
            if self.month is not None or self.end_month is not None:
                return "month"
            return "year"
        return self.kind

    @property
    def written_year(self) -> bool:
        """Whether the text itself gives the year (digits or a relative
        word), as opposed to the dateline or nothing."""
        return "year" in self.explicit or self.rel_year is not None

    def iso(self) -> str:
        """The reading as ISO 8601 where ISO has a form for it."""
        return describe(self)


def _year_text(m: DateMention, year: int | None) -> str:
    if year is not None:
        return f"{year:04d}"
    if m.any_year:
        return "same year"
    if m.rel_year is not None:
        return {0: "this year", -1: "last year", 1: "next year"}.get(
            m.rel_year, f"year {m.rel_year:+d}"
        )
    return ""


def _point(year_text: str, month: int | None, day: int | None) -> str:
    if month is None:
        if day is not None:
            return f"---{day:02d}"
        return year_text or "?"
    if not year_text or not year_text[:1].isdigit():
        base = f"--{month:02d}" + (f"-{day:02d}" if day is not None else "")
        return base + (f" ({year_text})" if year_text else "")
    return f"{year_text}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


def describe(m: DateMention) -> str:
    """A short reading of a mention for messages: ISO dates
    (``2026-02-04``, ``--02-04`` without a year, ``2026-07-01/2026-07-03``
    for a range), ``2026-H1``, ``2026-Q3``, ``1980s``, ``19th century``, a
    weekday name."""
    year = _year_text(m, m.year)
    if m.kind == "date":
        out = _point(year, m.month, m.day)
    elif m.kind == "range":
        end_year = _year_text(m, m.end_year if m.end_year is not None else m.year)
        out = _point(year, m.month, m.day) + "/" + _point(end_year, m.end_month, m.end_day)
    elif m.kind in ("half", "quarter"):
        tag = f"H{m.half}" if m.kind == "half" else f"Q{m.quarter}"
        if year and year[:1].isdigit():
            out = f"{year}-{tag}"
        else:
            out = tag + (f" ({year})" if year else "")
    elif m.kind == "decade":
        dec = m.decade or 0
        if m.century is not None and dec < 100:
            out = f"{(m.century - 1) * 100 + dec}s"
        elif dec >= 100:
            out = f"{dec}s"
        else:
            out = f"'{dec:02d}s"
            if m.rel_century is not None:
                out += {0: " of this century", -1: " of the last century"}.get(m.rel_century, "")
    elif m.kind == "century":
        if m.century is not None:
            out = f"{_ordinal(m.century)} century"
        else:
            rel = m.rel_century or 0
            out = {0: "this century", -1: "last century"}.get(rel, f"century {rel:+d}")
    else:
        out = ""
    if m.year_from == "dateline" and m.kind != "weekday" and out:
        out += " (year from the dateline)"
    if m.weekday is not None:
        name = WEEKDAY_NAMES[m.weekday]
        out = f"{out}, {name}" if out else name
    return out


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def actual_weekday(year: int, month: int, day: int) -> int | None:
    """0 = Monday; ``None`` for an impossible date (``31 июня``)."""
    try:
        return _dt.date(year, month, day).weekday()
    except ValueError:
        return None


def valid_date(year: int | None, month: int | None, day: int | None) -> bool:
    if month is None:
        return True
    if not 1 <= month <= 12:
        return False
    if day is None:
        return True
    # Without a year, 29 February must stay possible.
    days = calendar.monthrange(year if year is not None else 2000, month)[1]
    return 1 <= day <= days


# ---------------------------------------------------------------------------
# Vocabulary


@dataclass
class DateVocab:
    """Language data for date extraction, from CLDR and the packs."""

    month_abbreviations: dict[str, dict[str, int]] = field(default_factory=dict)
    month_adjectives: dict[str, dict[str, int]] = field(default_factory=dict)
    weekday_adjectives: dict[str, dict[str, int]] = field(default_factory=dict)
    weekday_prefixes: dict[str, list[str]] = field(default_factory=dict)
    weekday_extra_names: dict[str, dict[str, int]] = field(default_factory=dict)
    weekday_prepositions: dict[str, list[str]] = field(default_factory=dict)
    weekday_recurring: dict[str, list[str]] = field(default_factory=dict)
    weekday_modifiers: dict[str, list[str]] = field(default_factory=dict)
    weekday_time_words: dict[str, list[str]] = field(default_factory=dict)
    ambiguous_weekdays: dict[str, list[str]] = field(default_factory=dict)
    ambiguous_not_before: dict[str, list[str]] = field(default_factory=dict)
    weekday_idioms: dict[str, list[str]] = field(default_factory=dict)
    relative_days: dict[str, dict[str, int]] = field(default_factory=dict)
    relative_years: dict[str, dict[str, int]] = field(default_factory=dict)
    same_year: dict[str, list[str]] = field(default_factory=dict)
    halves: dict[str, dict[str, int]] = field(default_factory=dict)
    half_nouns: dict[str, list[str]] = field(default_factory=dict)
    quarters: dict[str, dict[str, int]] = field(default_factory=dict)
    quarter_nouns: dict[str, list[str]] = field(default_factory=dict)
    datelines: dict[str, list[re.Pattern[str]]] = field(default_factory=dict)
    _compiled: dict[str, Any] = field(default_factory=dict, repr=False)

    def patterns(self, lang: str) -> _Patterns:
        if lang not in self._compiled:
            self._compiled[lang] = _stored_patterns(self, lang)
        return self._compiled[lang]  # type: ignore[no-any-return]

    def digest(self) -> str:
        """What the patterns are built from, for the on-disk cache."""
        import hashlib

        parts = []
        for f in fields(self):
            if f.name == "_compiled":
                continue
            value = getattr(self, f.name)
            if f.name == "datelines":
                value = {k: [(p.pattern, p.flags) for p in v] for k, v in value.items()}
            parts.append(f"{f.name}={value!r}")
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _stored_patterns(vocab: DateVocab, lang: str) -> _Patterns:
    """The compiled patterns of one language, kept on disk per vocabulary
    content and library versions: building the Russian ones inflects
    every month and weekday word with the morphology dictionary, which
    costs more than linting a short pair."""
    from ruconsist import cache, morph

    build = (lambda: _build_ru(vocab)) if lang == "ru" else (lambda: _build_zh(vocab))
    key = cache.key_for("dates", lang, vocab.digest(), cache.code_digest(__file__, morph.__file__))
    return cache.cached(f"dates-{lang}", key, build, _Patterns)


class _Lazy:
    """A regular expression compiled the first time it is used: a short
    text needs only the few date patterns whose prefilter it passes.
    Pickles as its source."""

    __slots__ = ("pattern", "flags", "_rx")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._rx: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        rx = self._rx
        if rx is None:
            rx = self._rx = regexcache.compile(self.pattern, self.flags)
        return rx

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(text)

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled().search(text)

    def __getstate__(self) -> tuple[str, int]:
        return (self.pattern, self.flags)

    def __setstate__(self, state: tuple[str, int]) -> None:
        self.pattern, self.flags = state
        self._rx = None


#: Stored 0-based like :mod:`datetime`; packs number weekdays from 1.
_WEEKDAY_KEYS = ("weekday_adjectives", "weekday_extra_names")


def _words(node: Any) -> list[str]:
    return [" ".join(item.split()) for item in ([node] if isinstance(node, str) else node)]


def add_pack_vocab(vocab: DateVocab, node: Any, path: str) -> None:
    """Merge one pack's ``vocab: {dates: ...}`` into ``vocab``; the pack
    schema (:data:`ruconsist.packschema.DATES`) has checked its shape."""
    for key, value in node.items():
        if key == "examples":  # run by ``ruconsist rules test``
            continue
        shape, _bounds = _SCHEMA[key]
        for lang, entries in value.items():
            if lang == "examples":
                continue
            if shape == "list":
                getattr(vocab, key).setdefault(lang, []).extend(
                    w.lower() if lang == "ru" else w for w in _words(entries)
                )
            elif shape == "regex":
                vocab.datelines.setdefault(lang, []).extend(re.compile(src, re.MULTILINE) for src in _words(entries))
            elif shape == "ambiguous":
                vocab.ambiguous_weekdays.setdefault(lang, []).extend(w.lower() for w in _words(entries.get("words", [])))
                vocab.ambiguous_not_before.setdefault(lang, []).extend(
                    w.lower() for w in _words(entries.get("not_before_endings", []))
                )
            else:
                table = getattr(vocab, key).setdefault(lang, {})
                for num, words in entries.items():
                    n = int(num) - (1 if key in _WEEKDAY_KEYS else 0)
                    for w in _words(words):
                        table[w.lower() if lang == "ru" else w] = n


def build_vocab(nodes: Iterable[tuple[str, Any]]) -> DateVocab:
    """A vocabulary from ``(pack path, vocab.dates node)`` pairs."""
    vocab = DateVocab()
    for path, node in nodes:
        add_pack_vocab(vocab, node, path)
    return vocab


def vocab_for(rules: RuleSet | None) -> DateVocab:
    """The date vocabulary of a rule set (built once per rule set), or of
    the shipped ``dates`` pack when there is no rule set."""
    if rules is None:
        return default_vocab()
    return rules.cached(  # type: ignore[no-any-return]
        "dates.vocab",
        lambda: build_vocab((pack.path, node) for pack, node in rules.vocab("dates")),
    )


_DEFAULT: list[DateVocab] = []


def default_vocab() -> DateVocab:
    if not _DEFAULT:
        from ruconsist.rules import default_pack_dir, load_pack

        path = default_pack_dir() / "dates.yaml"
        pack = load_pack(path, display="rules/dates.yaml")
        _DEFAULT.append(build_vocab([(pack.path, pack.vocab.get("dates", {}))]))
    return _DEFAULT[0]


# ---------------------------------------------------------------------------
# CLDR


def _cldr(lang: str) -> Any:
    from babel import Locale

    return Locale.parse(lang)


def _lower(s: str) -> str:
    return normalize(s.lower())


def _alt(forms: Iterable[str]) -> str:
    """A regex alternation, longest first so that ``февраля`` wins over
    ``фев``."""
    uniq = sorted(set(forms), key=lambda s: (-len(s), s))
    return "(?:" + "|".join(re.escape(f) for f in uniq) + ")"


# Prefilters ---------------------------------------------------------------
#
# Most sentences hold no date, yet each of some forty patterns would scan
# every one.  A pattern is tried only when the text holds what the
# pattern cannot match without: a digit, a literal word ("век"), or the
# first letters of one of its word forms.  Russian patterns are
# case-insensitive, so their gates search the lower-cased text; the few
# characters that ``re.IGNORECASE`` equates with a Cyrillic letter but
# ``str.lower`` does not (U+1C80-U+1C88, old Cyrillic letter variants)
# turn the gates off for that text.

_GATE_DIGIT = re.compile(r"\d")
_GATE_TWO_DIGITS = re.compile(r"\d\d")
_GATE_YEAR = re.compile(r"\d\d\d\d")
_GATE_OFF = re.compile("[\u1c80-\u1c88]")
_GATE_PREFIX = 5


def _gate_forms(forms: Iterable[str]) -> re.Pattern[str] | None:
    """A gate for "one of these (lower-case) forms": their first letters.
    None (no gate) when a form is empty."""
    heads = set()
    for f in forms:
        if not f:
            return None
        heads.add(f[:_GATE_PREFIX])
    if not heads:
        return re.compile("(?!)")
    return re.compile("|".join(re.escape(h) for h in sorted(heads)))


def _gate_literal(text: str) -> re.Pattern[str]:
    return re.compile(re.escape(text))


def _gates(*gates: re.Pattern[str] | None) -> tuple[re.Pattern[str], ...]:
    return tuple(g for g in gates if g is not None)


# Russian inflection through pymorphy3 (loaded on first use) ----------------

_NOT_FORMS = {"Supr", "COMP", "Cmp2", "ADJS", "Infr", "V-ey", "V-oy", "Erro", "Dist"}


def ru_forms(word: str, *, plural: bool = True) -> set[str]:
    """Inflected forms of one Russian dictionary word (lower case, ё→е):
    cases of a noun, cases and genders of an adjective.  Forms that do
    not keep the word's stem (``воскресение`` for ``воскресенье``) and
    comparatives are dropped."""
    from ruconsist.morph import analyzer

    w = _lower(word)
    if not re.fullmatch(r"[а-я]+", w):
        return {w}
    parses = analyzer().parse(w)
    best = None
    for p in parses:
        if _lower(p.normal_form) == w or _lower(p.word) == w:
            if p.tag.POS in ("NOUN", "ADJF", "NPRO"):
                best = p
                break
    if best is None:
        return {w}
    # The stem is taken from the word as given, not from the analyser's
    # normal form: pymorphy3 files "воскресенье" (Sunday) under
    # "воскресение" (resurrection), whose forms must stay out.
    is_adj = best.tag.POS in ("ADJF", "NPRO")
    stem = w[:-2] if is_adj and len(w) > 3 else w[:-1] if len(w) > 2 else w[:1]
    forms = {w}
    for f in best.lexeme:
        grams = set(f.tag.grammemes)
        if grams & _NOT_FORMS:
            continue
        if not plural and "plur" in grams:
            continue
        fw = _lower(f.word)
        if fw.startswith(stem):
            forms.add(fw)
    return forms


def ru_case_forms(word: str, cases: set[str], *, number: str = "sing") -> set[str]:
    """Forms of a Russian noun in the given cases (``accs``, ``gent``...)
    and number, for words that are weekdays only in some cases."""
    from ruconsist.morph import analyzer

    w = _lower(word)
    out = set()
    for p in analyzer().parse(w):
        if p.tag.POS != "NOUN" or _lower(p.word) != w:
            continue
        stem = w[:-1] if len(w) > 2 else w
        for f in p.lexeme:
            grams = set(f.tag.grammemes)
            if number in grams and grams & cases and _lower(f.word).startswith(stem[:4]):
                out.add(_lower(f.word))
        break
    return out


def ru_phrase(phrase: str, *, plural: bool = False) -> str:
    """A regex for a Russian phrase in any case: each word inflected,
    words separated by white space."""
    parts = []
    for word in phrase.split():
        parts.append(_alt(ru_forms(word, plural=plural)))
    return r"\s+".join(parts)


# ---------------------------------------------------------------------------
# Patterns


@dataclass
class _Patterns:
    """Compiled patterns for one language, in priority order."""

    lang: str
    ordered: list[tuple[str, _Lazy]]
    months: dict[str, int]
    weekdays: dict[str, int]
    idioms: _Lazy | None
    relday: _Lazy | None
    relyear: dict[str, int]
    month_adj: dict[str, int] = field(default_factory=dict)
    weekday_adj: dict[str, int] = field(default_factory=dict)
    reldays: dict[str, int] = field(default_factory=dict)
    ambiguous: set[str] = field(default_factory=set)
    ambiguous_ok: set[str] = field(default_factory=set)
    not_before: tuple[str, ...] = ()
    #: For each pattern of ``ordered``, cheap patterns that must all be
    #: found in the text (lower-cased for Russian) for it to match at
    #: all; see :func:`_gate`.
    gates: list[tuple[re.Pattern[str], ...]] = field(default_factory=list)


def roman(s: str) -> int | None:
    return roman_value(s, "IVXLC")


def _ru_number(s: str) -> int | None:
    s = s.strip()
    if s.isdigit():
        return int(s)
    return roman(s)


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


# Chinese ----------------------------------------------------------------

def cn_number(s: str) -> int | None:
    """Read ASCII digits or Chinese numerals up to 99 (``十二``, ``三十一``,
    ``二十``), or digit-by-digit years (``二〇二六``)."""
    return zh_int(s, largest=10)


ZH_NUM_BEFORE = r"(?<![\d.〇○零一二三四五六七八九十百千万亿两几数第])"
#: A year: ``2026``, ``二〇二六``, or a year of the Minguo calendar, which
#: Taiwan writes (``民国115`` = 2026; the text is read in Simplified).
ZH_Y = ZH_NUM_BEFORE + r"(?P<{g}>\d{{4}}|[〇○零一二三四五六七八九]{{4}}|民国\s*(?:\d{{1,3}}|[一二三四五六七八九十百零〇]{{1,6}}))"
#: The Minguo calendar's year 1 is 1912.
MINGUO_EPOCH = 1911
ZH_M = r"(?P<{g}>\d{{1,2}}|十[一二]?|[一二三四五六七八九])"
ZH_D = r"(?P<{g}>\d{{1,2}}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
ZH_CONN = r"\s*(?:至|到|—|–|-|~|～|－)\s*"


def _build_zh(v: DateVocab) -> _Patterns:
    loc = _cldr("zh")
    weekday_chars: dict[str, int] = {}
    prefixes: set[str] = set()
    for d in range(7):
        for ctx in ("format", "stand-alone"):
            narrow = loc.days[ctx]["narrow"][d]
            weekday_chars[narrow] = d
            for width in ("wide", "abbreviated"):
                name = loc.days[ctx][width][d]
                if name.endswith(narrow):
                    prefixes.add(name[: -len(narrow)])
    for name, d in v.weekday_extra_names.get("zh", {}).items():
        weekday_chars[name] = d
    prefixes.update(v.weekday_prefixes.get("zh", []))
    # Months come from CLDR as "二月" / "2月"; the pattern reads any number
    # before 月 and checks it against these.
    months: dict[str, int] = {}
    for m in range(1, 13):
        for ctx in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                months[loc.months[ctx][width][m]] = m
    y = lambda g: ZH_Y.format(g=g)  # noqa: E731
    mm = lambda g: ZH_M.format(g=g)  # noqa: E731
    dd = lambda g: ZH_D.format(g=g)  # noqa: E731
    ordered: list[tuple[str, _Lazy]] = []
    gates: list[tuple[re.Pattern[str], ...]] = []

    def add(name: str, pattern: str, *gate: re.Pattern[str] | None) -> None:
        ordered.append((name, _Lazy(pattern)))
        gates.append(_gates(*gate))

    yue, ri, nian = _gate_literal("月"), re.compile("[日号]"), _gate_literal("年")

    add(
        "range_dm",
        rf"(?:{y('y')}\s*年\s*)?{ZH_NUM_BEFORE}{mm('m')}\s*月\s*{dd('d')}\s*[日号]?{ZH_CONN}"
        rf"(?:{y('y2')}\s*年\s*)?(?:{mm('m2')}\s*月\s*)?{dd('d2')}\s*[日号]",
        yue,
        ri,
    )
    # "3月4日和5日", "2月3日、4日": each day is a date of the month.
    add(
        "list",
        rf"(?P<first>(?:{y('y')}\s*年\s*)?{ZH_NUM_BEFORE}{mm('m')}\s*月\s*{dd('d')}\s*[日号])"
        r"(?P<rest>(?:\s*[、,，和及与]\s*(?:\d{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*日)+)",
        yue,
        ri,
    )
    add("date", rf"(?:{y('y')}\s*年\s*)?{ZH_NUM_BEFORE}{mm('m')}\s*月\s*{dd('d')}\s*[日号]", yue, ri)
    add("iso", r"(?<![\d.,/-])(?P<y>1[0-9]\d\d|20\d\d|21\d\d)(?P<sep>[-/.])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?![\d])", _GATE_YEAR)
    add(
        "range_m",
        rf"(?:{y('y')}\s*年\s*)?{ZH_NUM_BEFORE}{mm('m')}\s*(?:月份?)?{ZH_CONN}(?:次年|翌年|第二年)?{mm('m2')}\s*月(?:份)?(?![\d日号])",
        yue,
    )
    add("month", rf"(?:{y('y')}\s*年\s*)?{ZH_NUM_BEFORE}{mm('m')}\s*月(?:份)?(?!\s*\d|[日号])", yue)
    add("range_y", rf"{y('y')}\s*(?:年\s*)?{ZH_CONN}(?:{y('y2')}|(?P<y2s>\d\d)(?!\d))\s*年(?!代)", nian)
    add(
        "decade",
        rf"(?:(?P<cnum>\d{{1,2}}|[一二]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*世纪\s*(?:的)?|(?P<crel>上|本)世纪\s*(?:的)?)?"
        rf"{ZH_NUM_BEFORE}(?P<dec>\d{{2,4}}|[一二三四五六七八九]十|零)\s*年代",
        _gate_literal("年代"),
    )
    add(
        "century",
        rf"(?:{ZH_NUM_BEFORE}(?<![上下这那本每前后])(?P<cnum>\d{{1,2}}|[一二]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*世纪"
        rf"|(?P<crel>上一?|本)世纪)",
        _gate_literal("世纪"),
    )
    add("year", rf"{y('y')}\s*年(?:度)?(?!代|多)", nian)
    relyear = {w: r for w, r in v.relative_years.get("zh", {}).items()}
    for kind, table in (("half", v.halves.get("zh", {})), ("quarter", v.quarters.get("zh", {}))):
        for phrase, n in table.items():
            add(f"{kind}:{n}", re.escape(phrase), _gate_forms([phrase]))
    add("iso_q", r"(?<![A-Za-z])Q(?P<num>[1-4])(?![\d])", _gate_literal("Q"))
    if relyear:
        add("relyear", rf"(?P<rel>{_alt(relyear)})", _gate_forms(relyear))
    same = v.same_year.get("zh", [])
    if same:
        add("sameyear", _alt(same), _gate_forms(same))
    add("day", r"(?<![\d.〇○零一二三四五六七八九十月第])(?P<d>\d{1,2})\s*日(?![元本内])", _gate_literal("日"))
    # "每周三" (every Wednesday) recurs: soft.
    add(
        "weekday_rec",
        rf"每(?:逢)?{_alt(prefixes)}(?P<w>{_alt(weekday_chars)})(?![次遍回年刊末])",
        _gate_literal("每"),
        _gate_forms(weekday_chars),
    )
    # After a numeral, 周/星期 is "week": "一周四天工作制", "两周一次".
    add(
        "weekday",
        rf"(?<![每一二两三四五六七八九十几数\d])(?P<ctx>){_alt(prefixes)}(?P<w>{_alt(weekday_chars)})(?![次遍回年刊末])",
        _gate_forms(prefixes),
        _gate_forms(weekday_chars),
    )
    idioms = v.weekday_idioms.get("zh", [])
    reldays = dict(v.relative_days.get("zh", {}))
    return _Patterns(
        lang="zh",
        ordered=ordered,
        months=months,
        weekdays=weekday_chars,
        idioms=_Lazy(_alt(idioms)) if idioms else None,
        relday=_Lazy(rf"(?P<rd>{_alt(reldays)})") if reldays else None,
        relyear=relyear,
        reldays=reldays,
        weekday_adj=weekday_chars,
        gates=gates,
    )


# ---------------------------------------------------------------------------
# Extraction


def _overlaps(spans: Sequence[tuple[int, int]], a: int, b: int) -> bool:
    return any(s < b and a < e for s, e in spans)


def _int(m: re.Match[str], g: str, lang: str) -> int | None:
    try:
        s = m.group(g)
    except IndexError:
        return None
    if s is None:
        return None
    return cn_number(s) if lang == "zh" else _ru_number(s)


def _year(m: re.Match[str], g: str, lang: str) -> int | None:
    text = m.group(g) if g in m.re.groupindex else None
    if lang == "zh" and text and text.startswith("民国"):
        n = cn_number(text[2:].strip())
        return n + MINGUO_EPOCH if n else None
    n = _int(m, g, lang)
    if n is None or not 1000 <= n <= 2199:
        return None
    return n


def _month(m: re.Match[str], g: str, pats: _Patterns) -> int | None:
    try:
        s = m.group(g)
    except IndexError:
        return None
    if s is None:
        return None
    if pats.lang == "ru":
        key = _lower(s)
        return pats.months.get(key, pats.months.get(key.rstrip(".")))
    n = cn_number(s)
    return n if n is not None and 1 <= n <= 12 else None


def _rel(m: re.Match[str], g: str, pats: _Patterns) -> int | None:
    try:
        s = m.group(g)
    except IndexError:
        return None
    if not s:
        return None
    return pats.relyear.get(_lower(s) if pats.lang == "ru" else s)


def _sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    # Right after an opening quote or bracket a capital starts a sentence
    # too ("скандировали «Ноябрь впереди!»").
    if j >= 0 and text[j] in "\"«„“‘(":
        return True
    while j >= 0 and text[j] in "—–-":
        j -= 1
        while j >= 0 and text[j] in " \t\u00a0":
            j -= 1
    return j < 0 or text[j] in ".!?…\n:;"


def _make(
    name: str, m: re.Match[str], text: str, pats: _Patterns
) -> DateMention | None:
    lang = pats.lang
    a, b = m.span()
    # Trim trailing white space a pattern may have taken.
    while b > a and text[b - 1].isspace():
        b -= 1
    snippet = text[a:b]
    base = dict(start=a, end=b, text=snippet, notation=f"{lang}-{name}")

    def explicit(*names: str) -> frozenset[str]:
        return frozenset(n for n in names if n)

    if name in ("date", "numeric", "iso"):
        day = _int(m, "d", lang)
        month = _month(m, "m", pats) if name == "date" else _int(m, "m", lang)
        year = _year(m, "y", lang)
        rel = _rel(m, "yrel", pats)
        if month is None or day is None or not valid_date(year, month, day):
            return None
        return DateMention(
            kind="date", year=year, month=month, day=day, rel_year=rel,
            explicit=explicit("day", "month", "year" if year else ""), **base,
        )
    if name in ("range_dm", "range_d"):
        d1, d2 = _int(m, "d", lang), _int(m, "d2", lang)
        m1 = _month(m, "m", pats)
        m2 = _month(m, "m2", pats) if name == "range_dm" else None
        if m2 is None:
            m2 = m1
        y2 = _year(m, "y2", lang)
        y1 = _year(m, "y", lang)
        rel = _rel(m, "y2rel", pats) if name == "range_dm" else _rel(m, "yrel", pats)
        if name == "range_d":
            y1, y2 = y1, y1
        if None in (d1, d2, m1, m2):
            return None
        if y1 is None and y2 is not None:
            y1 = y2 - 1 if (m1, d1) > (m2, d2) else y2  # type: ignore[operator]
        if y2 is None and y1 is not None:
            y2 = y1 + 1 if (m1, d1) > (m2, d2) else y1  # type: ignore[operator]
        if not (valid_date(y1, m1, d1) and valid_date(y2, m2, d2)):
            return None
        return DateMention(
            kind="range", year=y1, month=m1, day=d1, end_year=y2, end_month=m2, end_day=d2,
            rel_year=rel, explicit=explicit("day", "month", "year" if y1 else ""), **base,
        )
    if name == "range_m":
        m1, m2 = _month(m, "m", pats), _month(m, "m2", pats)
        year = _year(m, "y", lang)
        if m1 is None or m2 is None or m1 == m2:
            return None
        return DateMention(
            kind="range", year=year, month=m1, end_year=year, end_month=m2,
            rel_year=_rel(m, "yrel", pats), explicit=explicit("month", "year" if year else ""), **base,
        )
    if name == "range_y":
        y1, y2 = _year(m, "y", lang), _year(m, "y2", lang)
        if y2 is None and y1 is not None and m.group("y2s"):
            # "2010–11 年", "2007-08": the end year keeps the start's century.
            y2 = y1 - y1 % 100 + int(m.group("y2s"))
            if y2 <= y1:
                y2 += 100
        if y1 is None or y2 is None or y2 <= y1 or y2 - y1 > 500:
            return None
        return DateMention(kind="range", year=y1, end_year=y2, explicit=explicit("year"), **base)
    if name in ("month", "month_year"):
        month = _month(m, "m", pats)
        year = _year(m, "y", lang)
        if month is None:
            return None
        if lang == "ru" and name == "month":
            word = m.group("m")
            # A month name stands in lower case in running text; capitals
            # only at the start of a sentence ("Март выдался...") or in an
            # all-capitals dateline.
            if not (word.islower() or word.isupper() and len(word) > 2 or _sentence_start(text, m.start("m"))):
                return None
        return DateMention(
            kind="date", year=year, month=month, explicit=explicit("month", "year" if year else ""), **base
        )
    if name == "year":
        year = _year(m, "y", lang)
        if year is None:
            return None
        return DateMention(kind="date", year=year, explicit=explicit("year"), **base)
    if name == "relyear":
        rel = _rel(m, "rel", pats)
        if rel is None:
            return None
        return DateMention(kind="date", rel_year=rel, soft=True, **base)
    if name == "sameyear":
        return DateMention(kind="date", any_year=True, soft=True, **base)
    if name.startswith(("half:", "quarter:")):
        kind, _, num = name.partition(":")
        n = int(num) if num != "num" else _ru_number(m.group("num"))
        if n is None or not 1 <= n <= (2 if kind == "half" else 4):
            return None
        year = _year(m, "y", lang) if "y" in m.re.groupindex else None
        rel = _rel(m, "rel", pats) if "rel" in m.re.groupindex else None
        return DateMention(
            kind=kind, half=n if kind == "half" else None, quarter=n if kind == "quarter" else None,
            year=year, rel_year=rel, explicit=explicit("year" if year else ""), **base,
        )
    if name == "iso_q":
        return DateMention(kind="quarter", quarter=int(m.group("num")), **base)
    if name == "decade":
        dec_s = m.group("dec")
        dec = cn_number(dec_s) if lang == "zh" else int(dec_s)
        if dec is None:
            return None
        century = None
        rel_c = None
        if m.group("cnum"):
            century = cn_number(m.group("cnum")) if lang == "zh" else _ru_number(m.group("cnum"))
        elif m.group("crel"):
            rel_c = -1 if m.group("crel").startswith("上") else 0 if lang == "zh" else _rel(m, "crel", pats)
        if dec >= 100:
            if dec % 10:
                return None
        return DateMention(
            kind="decade", decade=dec, century=century, rel_century=rel_c, soft=True, **base
        )
    if name == "century":
        if m.group("cnum"):
            c = cn_number(m.group("cnum")) if lang == "zh" else _ru_number(m.group("cnum"))
            if c is None or not 1 <= c <= 22:
                return None
            return DateMention(kind="century", century=c, soft=True, **base)
        rel = -1 if m.group("crel").startswith("上") else 0 if lang == "zh" else _rel(m, "crel", pats)
        return DateMention(kind="century", rel_century=rel, soft=True, **base)
    if name == "month_adj":
        return DateMention(kind="date", month=pats.month_adj[_lower(m.group("w"))], soft=True, **base)
    if name == "day":
        day = _int(m, "d", lang)
        if day is None or not 1 <= day <= 31:
            return None
        return DateMention(kind="date", day=day, soft=True, explicit=explicit("day"), **base)
    if name in ("weekday", "weekday_adj", "weekday_rec"):
        word = m.group("w")
        table = pats.weekday_adj if name in ("weekday_adj", "weekday_rec") else pats.weekdays
        wd = table.get(_lower(word) if lang == "ru" else word)
        if wd is None:
            return None
        wa, wb = m.span("w")
        # The span takes the preposition and time words before the
        # weekday ("в ночь на среду", "к вечеру понедельника").
        start = a
        # A closing bracket after a weekday in brackets belongs to it.
        return DateMention(
            start=start, end=wb, text=text[start:wb], kind="weekday", weekday=wd,
            weekday_span=(start, wb), explicit=frozenset({"weekday"}),
            soft=name in ("weekday_adj", "weekday_rec"), notation=f"{lang}-{name}",
        )
    return None


_LIST_DAY = {
    "ru": re.compile(r"[0-3]?\d"),
    "zh": re.compile(r"(?:\d{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])(?=\s*日)"),
}


#: Patterns whose match stays claimed even when its value is impossible.
_CLAIMING = {"date", "numeric", "iso", "range_dm", "range_d", "list"}


def _make_year_list(m: re.Match[str], text: str) -> list[DateMention]:
    out = []
    for g in ("rest", "first"):
        base = m.start(g)
        for ym in re.finditer(r"\d{4}(?:\s*(?:годах|годы|годов|гг\.))?", m.group(g)):
            a, b = base + ym.start(), base + ym.end()
            out.append(
                DateMention(start=a, end=b, text=text[a:b], kind="date", year=int(ym.group()[:4]),
                            explicit=frozenset({"year"}), notation="ru-list")
            )
    return out


def _make_list(m: re.Match[str], text: str, pats: _Patterns) -> list[DateMention]:
    """The dates of a list of days sharing one month (``3 и 4 февраля``,
    ``3月4日和5日``): the written date, plus one mention per other day."""
    first = _make("date", m, text, pats)
    if first is None:
        return []
    fa, fb = m.span("first")
    while fb > fa and text[fb - 1].isspace():
        fb -= 1
    first = replace(first, start=fa, end=fb, text=text[fa:fb], notation=f"{pats.lang}-list")
    out = [first]
    ra = m.start("rest")
    for dm in _LIST_DAY[pats.lang].finditer(m.group("rest")):
        day = cn_number(dm.group())
        if day is None or not valid_date(first.year, first.month, day):
            return [first]
        a, b = ra + dm.start(), ra + dm.end()
        if pats.lang == "zh":
            b = text.index("日", b) + 1
        out.append(
            replace(first, start=a, end=b, text=text[a:b], day=day, explicit=frozenset({"day"}), weekday=None)
        )
    return sorted(out, key=lambda x: x.start)


def _ru_weekday_ok(m: re.Match[str], text: str, pats: _Patterns, dates: Sequence[DateMention]) -> bool:
    """Whether an ambiguous weekday noun (``среда`` = environment) is a
    weekday here: after a weekday context word or right next to a date,
    and not followed by a word ending as an environment's complement."""
    word = _lower(m.group("w"))
    if word not in pats.ambiguous:
        return True
    wa, wb = m.span("w")
    tail = text[wb : wb + 40]
    for d in dates:
        if d.granularity == "day" and (0 <= d.start - wb <= 3 or 0 <= wa - d.end <= 6):
            return True
    if not m.group("ctx").strip() or word not in pats.ambiguous_ok:
        return False
    nxt = re.match(r"\s+([а-яА-Я]+)", tail)
    if nxt and nxt.group(1).islower() and len(nxt.group(1)) > 4:
        if nxt.group(1).lower().endswith(pats.not_before):
            return False
    return True


def extract(text: str, lang: str, vocab: DateVocab | None = None) -> list[DateMention]:
    """Date and weekday mentions in ``text`` (RU or ZH), in text order,
    not overlapping.  Years are as written: no dateline is applied."""
    vocab = vocab or default_vocab()
    pats = vocab.patterns(lang)
    norm = normalize(text)
    taken: list[tuple[int, int]] = []
    blocked: list[tuple[int, int]] | None = None
    out: list[DateMention] = []
    gated = len(pats.gates) == len(pats.ordered) and not _GATE_OFF.search(norm)
    hay = norm.lower() if lang == "ru" else norm
    # Each distinct gate is searched at most once per text.
    seen: dict[re.Pattern[str], bool] = {}
    gates = pats.gates
    for k, (name, rx) in enumerate(pats.ordered):
        if gated:
            passed = True
            for g in gates[k]:
                found = seen.get(g)
                if found is None:
                    found = seen[g] = g.search(hay) is not None
                if not found:
                    passed = False
                    break
            if not passed:
                continue
        for m in rx.finditer(norm):
            a, b = m.span()
            if a == b or _overlaps(taken, a, b):
                continue
            if name.startswith("weekday"):
                if blocked is None:
                    blocked = [mm.span() for mm in pats.idioms.finditer(norm)] if pats.idioms is not None else []
                if _overlaps(blocked, *m.span("w")):
                    continue
                if lang == "ru" and name == "weekday" and not _ru_weekday_ok(m, norm, pats, out):
                    continue
            if name == "list":
                found = _make_list(m, text, pats)
            elif name == "list_y":
                found = _make_year_list(m, text)
            else:
                one = _make(name, m, text, pats)
                found = [one] if one is not None else []
            if not found and name in _CLAIMING:
                # "31 июня" is no date; its month is not a month mention
                # either.
                taken.append((a, b))
            for mention in found:
                taken.append((mention.start, mention.end))
                out.append(mention)
    out.sort(key=lambda x: (x.start, x.end))
    reldays = []
    # Relative days ("сегодня", "今天") only join a weekday.
    if pats.relday is not None and any(m.kind == "weekday" for m in out):
        reldays = [(mm.start(), mm.end(), pats.reldays[_lower(mm.group("rd")) if lang == "ru" else mm.group("rd")])
                   for mm in pats.relday.finditer(norm)]
    return _merge(out, text, lang, reldays)


# Gaps allowed between parts that belong together.
_RU_WD_BEFORE_DATE = re.compile(r"^\s*,?\s*$")
_RU_WD_AFTER_DATE = re.compile(r"^\s*(?:,\s*(?:в|во)?\s*|\(\s*)$", re.IGNORECASE)
_ZH_WD_GAP = re.compile(r"^\s*[,，(（]?\s*$")
_ZH_REL_GAP = re.compile(r"^\s*的?\s*$")
_RU_REL_GAP = re.compile(r"^\s*$")
_RU_RELDAY_GAP = re.compile(r"^\s*,?\s*(?:в|во)?\s*$", re.IGNORECASE)
_ZH_RELDAY_GAP = re.compile(r"^\s*(?:是)?\s*[,，(（]?\s*$")


def _merge(ms: list[DateMention], text: str, lang: str, reldays: list[tuple[int, int, int]]) -> list[DateMention]:
    """Join parts that make one mention: a weekday next to its date, a
    relative year with its date (``今年11月``, ``1 октября прошлого
    года``), a year with its half (``2026年上半年``), "today" with its
    weekday."""
    out = list(ms)
    changed = True
    while changed:
        changed = False
        for i in range(len(out) - 1):
            x, y = out[i], out[i + 1]
            gap = text[x.end : y.start]
            merged = _join(x, y, gap, lang, text)
            if merged is not None:
                out[i : i + 2] = [merged]
                changed = True
                break
    final = []
    for m in out:
        if m.kind == "weekday":
            for a, b, r in reldays:
                if b <= m.start:
                    gap = text[b : m.start]
                    rx = _RU_RELDAY_GAP if lang == "ru" else _ZH_RELDAY_GAP
                    if rx.match(gap):
                        m = replace(m, rel_day=r, start=a, text=text[a : m.end])
        # A closing bracket right after a weekday belongs to it.
        if m.weekday_span is not None and m.end < len(text) and text[m.end] in ")）":
            before = text[m.start : m.end]
            if "(" in before or "（" in before:
                m = replace(m, end=m.end + 1, text=text[m.start : m.end + 1])
        final.append(m)
    return final


def _join(x: DateMention, y: DateMention, gap: str, lang: str, text: str) -> DateMention | None:
    def span(a: DateMention, b: DateMention, **kw: Any) -> DateMention:
        return replace(a, start=a.start, end=b.end, text=text[a.start : b.end], **kw)

    # Weekday, then its date: "в среду, 4 февраля", "周三（2月4日）".
    if x.kind == "weekday" and not x.soft and y.kind in ("date", "range") and y.granularity == "day" and y.weekday is None:
        rx = _RU_WD_BEFORE_DATE if lang == "ru" else _ZH_WD_GAP
        if rx.match(gap) and not y.soft:
            return replace(
                y, start=x.start, text=text[x.start : y.end], weekday=x.weekday,
                weekday_span=x.weekday_span, explicit=y.explicit | {"weekday"},
            )
    # Date, then its weekday: "4 февраля, в среду", "2月4日（周三）".
    if y.kind == "weekday" and not y.soft and x.kind in ("date", "range") and x.granularity == "day" and x.weekday is None:
        rx = _RU_WD_AFTER_DATE if lang == "ru" else _ZH_WD_GAP
        if rx.match(gap) and not x.soft:
            return span(x, y, weekday=y.weekday, weekday_span=y.weekday_span, explicit=x.explicit | {"weekday"})
    year_less = lambda m: m.year is None and m.rel_year is None and not m.any_year  # noqa: E731
    if lang == "zh":
        # 今年11月, 去年十二月, 同年3月, 今年上半年, 2026年上半年.
        if x.kind == "date" and x.granularity == "year" and x.month is None and x.day is None:
            if y.kind in ("date", "range", "half", "quarter") and y.month is not None or y.kind in ("half", "quarter"):
                if year_less(y) and _ZH_REL_GAP.match(gap) and not (y.soft and y.kind == "date" and y.month is None):
                    return replace(
                        y, start=x.start, text=text[x.start : y.end], year=x.year,
                        end_year=y.end_year if y.end_year is not None else (x.year if y.kind == "range" else None),
                        rel_year=x.rel_year, any_year=x.any_year, explicit=y.explicit | (x.explicit & {"year"}),
                        soft=False,
                    )
        # 20世纪 + 30年代 when written apart.
        if x.kind == "century" and y.kind == "decade" and y.century is None and y.rel_century is None and _ZH_REL_GAP.match(gap):
            return span(x, y, kind="decade", decade=y.decade, century=x.century, rel_century=x.rel_century)
    else:
        # "1 октября прошлого года", "в ноябре этого года".
        if y.kind == "date" and y.rel_year is not None and y.month is None and x.kind in ("date", "range") and x.month is not None:
            if year_less(x) and _RU_REL_GAP.match(gap) and text[y.start : y.end].lower().split()[-1].startswith("год"):
                form = text[y.start : y.end].lower().split()[-1]
                if form == "года":
                    return span(x, y, rel_year=y.rel_year, soft=x.soft)
    return None


# ---------------------------------------------------------------------------
# Datelines


@dataclass(frozen=True)
class Dateline:
    """The date a document is dated by (a news dateline or a shared
    header).  ``year`` is the default for dates written without one."""

    year: int | None
    month: int | None
    day: int | None
    text: str = ""
    source: str = ""

    @property
    def date(self) -> _dt.date | None:
        if self.year and self.month and self.day:
            try:
                return _dt.date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None


def find_dateline(lines: Iterable[str], lang: str, vocab: DateVocab | None = None) -> Dateline | None:
    """The first dateline among ``lines`` (RU or ZH), read with the
    dateline formats of the packs."""
    vocab = vocab or default_vocab()
    for line in lines:
        norm = normalize(line)
        for pat in vocab.datelines.get(lang, []):
            m = pat.search(norm)
            if not m:
                continue
            for mention in extract(m.group("date"), lang, vocab):
                if mention.kind == "date" and mention.month is not None:
                    return Dateline(mention.year, mention.month, mention.day, line[m.start("date") : m.end("date")], lang)
    return None


def header_dateline(texts: Iterable[str], vocab: DateVocab | None = None) -> Dateline | None:
    """A date in a bilingual file's shared header (``04 ФЕВРАЛЯ 2026,
    16:40``), in either language."""
    vocab = vocab or default_vocab()
    for text in texts:
        for lang in ("ru", "zh"):
            for mention in extract(text, lang, vocab):
                if mention.kind == "date" and not mention.soft and (mention.year or mention.month):
                    return Dateline(mention.year, mention.month, mention.day, mention.text, "header")
    return None


def combine_datelines(found: Sequence[Dateline | None]) -> Dateline | None:
    """One dateline for a pair: the first year any of them gives, and
    the first month and day."""
    items = [d for d in found if d is not None]
    if not items:
        return None
    year = next((d.year for d in items if d.year), None)
    first = next((d for d in items if d.month), items[0])
    return Dateline(year, first.month, first.day, first.text, "+".join(d.source for d in items))


#: How many beads, and lines in each, may hold a dateline.
DATELINE_BEADS = 5
DATELINE_LINES = 8


def pair_dateline(ctx: PairContext | None) -> Dateline | None:
    """The dateline of a file pair, computed once and kept in
    ``ctx.state`` (the date checks' scratch space)."""
    if ctx is None:
        return None
    state = ctx.state.setdefault(STATE_KEY, {})
    if "dateline" in state:
        return state["dateline"]  # type: ignore[no-any-return]
    vocab = vocab_for(ctx.rules)
    header = header_dateline((doc.text[a:b] for doc, a, b in ctx.header), vocab)
    beads = ctx.beads or ctx.state.get("all_beads", [])
    found: list[Dateline | None] = [header]
    for lang in ("ru", "zh"):
        lines: list[str] = []
        for bead in beads[:DATELINE_BEADS]:
            side = bead.side(lang)
            if side:
                lines.extend(side.text.split("\n"))
        found.append(find_dateline(lines[:DATELINE_LINES], lang, vocab))
    state["dateline"] = combine_datelines(found)
    return state["dateline"]  # type: ignore[no-any-return]


def apply_dateline(ms: Sequence[DateMention], dateline: Dateline | None) -> list[DateMention]:
    """Resolve relative years and give year-less dates the dateline's
    year (``year_from`` says which happened)."""
    out = []
    ref = dateline.year if dateline else None
    for m in ms:
        if _day_only(m):
            # Xinhua's "4日" is a day of the dateline's month.
            if dateline is not None and dateline.month is not None:
                m = replace(m, month=dateline.month, year=ref, year_from="dateline")
            out.append(m)
            continue
        if m.kind in ("weekday", "decade", "century") or m.any_year:
            out.append(m)
            continue
        if m.year is not None:
            out.append(replace(m, year_from="text"))
            continue
        if m.rel_year is not None:
            if ref is not None:
                y = ref + m.rel_year
                end = y if m.kind == "range" else None
                out.append(replace(m, year=y, end_year=end if m.end_year is None else m.end_year, year_from="relative"))
            else:
                out.append(m)
            continue
        if ref is not None and (m.month is not None or m.kind in ("half", "quarter")):
            end_year = m.end_year
            if m.kind == "range" and end_year is None:
                crosses = (m.month or 0, m.day or 0) > (m.end_month or 0, m.end_day or 0)
                end_year = ref + 1 if crosses else ref
            out.append(replace(m, year=ref, end_year=end_year, year_from="dateline"))
            continue
        out.append(m)
    return out


def bead_dates(bead: SegmentPair, lang: str, ctx: PairContext | None) -> list[DateMention]:
    """Date and weekday mentions of one side of a bead, with the pair's
    dateline applied; offsets are into ``bead.side(lang).text``.  Cached
    on the bead, so every check shares one extraction."""

    def compute() -> list[DateMention]:
        vocab = vocab_for(ctx.rules if ctx is not None else None)
        found = extract(bead.side(lang).text, lang, vocab)
        return apply_dateline(found, pair_dateline(ctx))

    return bead.cached(("dates", lang), compute)  # type: ignore[no-any-return]


def bead_pairing(bead: SegmentPair, ctx: PairContext | None) -> DatePairing:
    """The bead's dates paired across the two sides (cached on the bead)."""

    def compute() -> DatePairing:
        ru = bead_dates(bead, "ru", ctx)
        zh = bead_dates(bead, "zh", ctx)
        return pair_dates(
            ru, zh, pair_dateline(ctx),
            ru_bare=bare_years(bead.ru.text, ru),
            zh_bare=bare_years(bead.zh.text, zh),
        )

    return bead.cached(("dates", "pairing"), compute)  # type: ignore[no-any-return]


def bead_date_spans(bead: SegmentPair, lang: str, ctx: PairContext | None) -> list[tuple[int, int]]:
    """Spans of ``bead.side(lang).text`` the number check should leave
    to the date checks: every date mention, and a bare four-digit number
    that answers a year on the other side (``(1644-1912)`` against
    ``1644年 - 1912年``)."""
    spans = [(m.start, m.end) for m in bead_dates(bead, lang, ctx)]
    if bead.ru and bead.zh:
        index = 0 if lang == "ru" else 1
        for pair in bead_pairing(bead, ctx).matched:
            m = pair[index]
            if m.notation == "bare-year":
                spans.append((m.start, m.end))
    return sorted(spans)


# ---------------------------------------------------------------------------
# Comparing


def _day_only(m: DateMention) -> bool:
    """A day written without its month (ZH ``4日``)."""
    return m.kind == "date" and m.day is not None and "month" not in m.explicit and m.soft


def _years_agree(a: DateMention, b: DateMention, ay: int | None, by: int | None) -> bool:
    if a.any_year or b.any_year:
        return True
    # A year from the dateline is a guess: it never contradicts.
    a_known = ay is not None and a.year_from != "dateline"
    b_known = by is not None and b.year_from != "dateline"
    if a_known and b_known:
        return ay == by
    if a.year is None and b.year is None and a.rel_year is not None and b.rel_year is not None:
        return a.rel_year == b.rel_year
    return True


def same_reading(a: DateMention, b: DateMention) -> bool:
    """Whether two mentions (one per language) may name the same date:
    equal in every field both give, with the same precision."""
    if a.kind == "weekday" or b.kind == "weekday":
        return False
    if a.kind != b.kind:
        return False
    if a.kind in ("date", "range"):
        # A bare ZH "4日" (day only) agrees with any date on that day.
        if _day_only(a) or _day_only(b):
            return a.day is not None and a.day == b.day and a.kind == b.kind == "date"
        if a.granularity != b.granularity:
            return False
        if (a.month, a.day, a.end_month, a.end_day) != (b.month, b.day, b.end_month, b.end_day):
            return False
        if not _years_agree(a, b, a.year, b.year):
            return False
        if a.kind == "range" and not _years_agree(a, b, a.end_year, b.end_year):
            return False
        return True
    if a.kind in ("half", "quarter"):
        return (a.half, a.quarter) == (b.half, b.quarter) and _years_agree(a, b, a.year, b.year)
    if a.kind == "decade":
        da, db = a.decade or 0, b.decade or 0
        if da >= 100 and db >= 100:
            return da == db
        if da % 100 != db % 100:
            return False
        ca = a.century if a.century is not None else (da // 100 + 1 if da >= 100 else None)
        cb = b.century if b.century is not None else (db // 100 + 1 if db >= 100 else None)
        return ca is None or cb is None or ca == cb
    if a.kind == "century":
        if a.century is not None and b.century is not None:
            return a.century == b.century
        if a.rel_century is not None and b.rel_century is not None:
            return a.rel_century == b.rel_century
        return True
    return False


def _closeness(a: DateMention, b: DateMention) -> int:
    """How alike two unequal mentions are, to pair a date with its
    mistranslation rather than with an unrelated date (0 = not
    comparable)."""
    if a.kind != b.kind or a.kind == "weekday":
        return 0
    score = 1
    for f in ("year", "month", "day", "end_month", "end_day", "half", "quarter", "decade", "century"):
        va, vb = getattr(a, f), getattr(b, f)
        if va is not None and va == vb:
            score += 2
        elif va is not None and vb is not None:
            score += 0
    if a.granularity == b.granularity:
        score += 1
    return score


@dataclass
class DatePairing:
    """How the dates of one bead pair up."""

    matched: list[tuple[DateMention, DateMention]] = field(default_factory=list)
    #: (RU, ZH) mentions that stand for each other but read differently.
    different: list[tuple[DateMention, DateMention]] = field(default_factory=list)
    #: Mentions with no counterpart at all, as (lang, mention).
    unpaired: list[tuple[str, DateMention]] = field(default_factory=list)
    #: Mentions without a counterpart of their own that the other side
    #: still agrees with, as (lang, mention, the other side's mention): a
    #: date repeated on one side, a year given inside a full date, a date
    #: at the end of a range, a half-year against its year.
    covered: list[tuple[str, DateMention, DateMention]] = field(default_factory=list)


def _weekday_of(m: DateMention, dateline: Dateline | None) -> set[int]:
    """The weekdays a dated mention may fall on (several when its year
    is only the dateline's guess near a year boundary)."""
    if m.kind != "date" or m.granularity != "day" or m.month is None or m.day is None:
        return set()
    out = set()
    for y in plausible_years(m, dateline):
        wd = actual_weekday(y, m.month, m.day)
        if wd is not None:
            out.add(wd)
    return out


def plausible_years(m: DateMention, dateline: Dateline | None) -> list[int]:
    """The year of a mention; for a year taken from the dateline, also
    the neighbouring year when the date lies more than half a year from
    the dateline's month ("28 декабря" in an item dated 4 January)."""
    if m.year is None:
        return []
    if m.year_from != "dateline" or dateline is None or dateline.month is None or m.month is None:
        return [m.year]
    delta = m.month - dateline.month
    if delta > 6:
        return [m.year, m.year - 1]
    if delta < -6:
        return [m.year, m.year + 1]
    return [m.year]


_BARE_YEAR = re.compile(r"(?<![\d.,:/№])(?P<y>1[0-9]\d\d|20\d\d|21\d\d)(?!\d|[.,]\d|\s\d{3}(?!\d))")


_BARE_YEARS = re.compile(
    r"(?<![\d.,:/№])(?P<y>1[0-9]\d\d|20\d\d|21\d\d)\s*[-–—]\s*(?P<y2>1[0-9]\d\d|20\d\d|21\d\d|\d\d)(?!\d|[.,]\d)"
)


def bare_years(text: str, mentions: Sequence[DateMention] = ()) -> list[DateMention]:
    """Four-digit numbers outside date mentions that may be years written
    without ``год``/``年`` (``(1644-1912)``, ``Ларсон, 1989``).  They are
    not date mentions (the number check owns them); they only let a year
    on the other side find its equal."""
    spans = [(m.start, m.end) for m in mentions]
    out = []
    norm = normalize(text)
    for m in _BARE_YEARS.finditer(norm):
        if _overlaps(spans, m.start(), m.end()):
            continue
        y1, tail = int(m.group("y")), m.group("y2")
        y2 = int(tail) if len(tail) == 4 else y1 - y1 % 100 + int(tail)
        if y2 <= y1:
            continue
        spans.append(m.span())
        out.append(
            DateMention(
                start=m.start(), end=m.end(), text=m.group(), kind="range", year=y1, end_year=y2,
                explicit=frozenset({"year"}), soft=True, notation="bare-year",
            )
        )
    for m in _BARE_YEAR.finditer(norm):
        if _overlaps(spans, m.start(), m.end()):
            continue
        out.append(
            DateMention(
                start=m.start(), end=m.end(), text=m.group(), kind="date", year=int(m.group("y")),
                explicit=frozenset({"year"}), soft=True, notation="bare-year",
            )
        )
    return out


def _bare_match(m: DateMention, bare: Sequence[DateMention]) -> DateMention | None:
    """A bare number on the other side that gives a year-only mention's
    year (or both ends of a range of years)."""
    if m.soft or m.granularity != "year" or m.year is None or not m.written_year:
        return None
    years = {b.year: b for b in bare if b.kind == "date"}
    # Either end of a bare range gives a year too: "1635-36、1655和1664年间".
    for b in bare:
        if b.kind == "range":
            years.setdefault(b.year, b)
            years.setdefault(b.end_year, b)
    if m.kind == "date" and m.year in years:
        return years[m.year]
    if m.kind == "range":
        for b in bare:
            if b.kind == "range" and (b.year, b.end_year) == (m.year, m.end_year):
                return b
        if m.year in years and m.end_year in years:
            return years[m.year]
    return None


def pair_dates(
    ru: Sequence[DateMention],
    zh: Sequence[DateMention],
    dateline: Dateline | None = None,
    ru_bare: Sequence[DateMention] = (),
    zh_bare: Sequence[DateMention] = (),
) -> DatePairing:
    """Pair RU and ZH date mentions (weekday-only mentions are left to
    :func:`pair_weekdays`): first mentions with the same reading, then a
    year against a bare number on the other side (``ru_bare``/``zh_bare``
    from :func:`bare_years`), then leftovers of the same kind as differing
    readings; the rest is unpaired.  Soft mentions never end up unpaired
    or different on their own."""
    result = DatePairing()
    ru_left = [m for m in ru if m.kind != "weekday"]
    zh_left = [m for m in zh if m.kind != "weekday"]
    # Equal readings, preferring those that agree on a written year.
    for strict in (True, False):
        for r in list(ru_left):
            for z in zh_left:
                if not same_reading(r, z):
                    continue
                if strict and not (r.written_year and z.written_year) and (r.written_year or z.written_year):
                    continue
                result.matched.append((r, z))
                ru_left.remove(r)
                zh_left.remove(z)
                break
    for left, bare, is_ru in ((ru_left, zh_bare, True), (zh_left, ru_bare, False)):
        for m in list(left):
            b = _bare_match(m, bare)
            if b is not None:
                result.matched.append((m, b) if is_ru else (b, m))
                left.remove(m)
    # Differing readings: pair the most alike leftovers of one kind.
    candidates = []
    for r in ru_left:
        for z in zh_left:
            c = _closeness(r, z)
            # Alike means the same precision or some equal field; a year
            # and an unrelated month are two separate problems.
            if c >= 2 and (not (r.soft and z.soft) or _both_periods(r, z)):
                candidates.append((-c, r.start, z.start, r, z))
    candidates.sort(key=lambda t: t[:3])
    used_r: set[int] = set()
    used_z: set[int] = set()
    for _, _, _, r, z in candidates:
        if id(r) in used_r or id(z) in used_z:
            continue
        if r.soft or z.soft:
            # A soft mention (a relative year, an adjective) only conflicts
            # when it gives a value that can be compared.
            if not _comparable_soft(r, z):
                continue
        used_r.add(id(r))
        used_z.add(id(z))
        result.different.append((r, z))
    for lang, left, used, others in (("ru", ru_left, used_r, zh), ("zh", zh_left, used_z, ru)):
        for m in left:
            if id(m) in used or m.soft:
                continue
            by = _loosely_covered(m, others)
            if by is not None:
                result.covered.append((lang, m, by))
            else:
                result.unpaired.append((lang, m))
    result.different.sort(key=lambda p: p[0].start)
    result.unpaired.sort(key=lambda p: (p[0], p[1].start))
    return result


def _endpoint(r: DateMention, end: bool) -> DateMention:
    if end:
        return replace(r, kind="date", year=r.end_year if r.end_year is not None else r.year,
                       month=r.end_month, day=r.end_day, end_year=None, end_month=None, end_day=None)
    return replace(r, kind="date", end_year=None, end_month=None, end_day=None)


def _loosely_covered(m: DateMention, others: Sequence[DateMention]) -> DateMention | None:
    """A mention on the other side that agrees with ``m`` without being
    its exact counterpart (see :attr:`DatePairing.covered`)."""
    for o in others:
        if o.kind == "weekday":
            continue
        if same_reading(m, o):
            return o
        if m.kind == "date" and m.granularity == "year" and m.written_year:
            if o.written_year and o.year == m.year and o.kind in ("date", "range", "half", "quarter"):
                return o
        if m.kind in ("half", "quarter") and m.year is not None:
            if o.kind == "date" and o.granularity == "year" and o.year == m.year:
                return o
        if m.kind == "date" and o.kind == "range" and m.granularity == o.granularity:
            if same_reading(m, _endpoint(o, False)) or same_reading(m, _endpoint(o, True)):
                return o
        if m.kind == "range" and o.kind == "date" and m.granularity == o.granularity:
            if same_reading(_endpoint(m, False), o) or same_reading(_endpoint(m, True), o):
                return o
    return None


def _both_periods(r: DateMention, z: DateMention) -> bool:
    """Two decades, or two numbered centuries: soft as they are (neither
    needs a counterpart), two of them that differ are a real conflict
    (``1960-е`` against ``20世纪50年代``)."""
    if r.kind == z.kind == "decade":
        return r.decade is not None and z.decade is not None
    return r.kind == z.kind == "century" and r.century is not None and z.century is not None


def _comparable_soft(r: DateMention, z: DateMention) -> bool:
    if _both_periods(r, z):
        return True
    for m, o in ((r, z), (z, r)):
        if m.soft:
            if _day_only(m):
                return False
            if m.kind == "date" and m.granularity == "year" and (m.year is None or m.any_year):
                return False
            if m.kind in ("decade", "century"):
                return False
            if m.granularity != o.granularity:
                return False
    return True


@dataclass
class WeekdayPairing:
    """How the weekdays of one bead pair up."""

    matched: list[tuple[DateMention, DateMention]] = field(default_factory=list)
    #: (RU, ZH) weekdays that differ.
    different: list[tuple[DateMention, DateMention]] = field(default_factory=list)
    #: Weekdays written on one side only, as (lang, mention).
    dropped: list[tuple[str, DateMention]] = field(default_factory=list)


def pair_weekdays(
    ru: Sequence[DateMention], zh: Sequence[DateMention], dateline: Dateline | None = None
) -> WeekdayPairing:
    """Pair the weekdays written on each side (alone or next to a date).

    Equal weekdays pair first; a bare weekday also pairs with a date on
    the other side that falls on that weekday (``в среду`` ↔ ``4日``).
    Leftovers pair in text order as differing weekdays, and what remains
    was dropped by one side.  Soft weekdays (``пятничные дебаты``) may
    satisfy a counterpart but are never reported."""
    result = WeekdayPairing()
    ru_w = [m for m in ru if m.weekday is not None]
    zh_w = [m for m in zh if m.weekday is not None]
    for r in list(ru_w):
        for z in zh_w:
            if r.weekday == z.weekday:
                result.matched.append((r, z))
                ru_w.remove(r)
                zh_w.remove(z)
                break
    for lang, left, other_side in (("ru", ru_w, zh), ("zh", zh_w, ru)):
        for w in list(left):
            if w.kind != "weekday":
                continue
            for d in other_side:
                if d.weekday is None and w.weekday in _weekday_of(d, dateline):
                    pair = (w, d) if lang == "ru" else (d, w)
                    result.matched.append(pair)
                    left.remove(w)
                    break
    hard_r = [m for m in ru_w if not m.soft]
    hard_z = [m for m in zh_w if not m.soft]
    soft_r = [m for m in ru_w if m.soft]
    soft_z = [m for m in zh_w if m.soft]
    n = min(len(hard_r), len(hard_z))
    for r, z in zip(hard_r[:n], hard_z[:n]):
        result.different.append((r, z))
    rest_r, rest_z = hard_r[n:], hard_z[n:]
    # A leftover hard weekday against a leftover soft one still differs.
    for r, z in zip(rest_r, soft_z):
        result.different.append((r, z))
    for r, z in zip(soft_r, rest_z):
        result.different.append((r, z))
    rest_r = rest_r[len(soft_z):]
    rest_z = rest_z[len(soft_r):]
    # A weekday repeated on one side ("周六上午…周六下午") is not dropped
    # when the other side names it once.
    ru_days = {m.weekday for m in ru if m.weekday is not None}
    zh_days = {m.weekday for m in zh if m.weekday is not None}
    result.dropped.extend(("ru", m) for m in rest_r if m.weekday not in zh_days)
    result.dropped.extend(("zh", m) for m in rest_z if m.weekday not in ru_days)
    return result


def weekday_conflict(m: DateMention, dateline: Dateline | None) -> str | None:
    """Why a weekday does not fit its date, or ``None`` when it fits (or
    cannot be checked).  A date's own weekday is checked against the
    calendar; a bare weekday only when the text ties it to the dateline
    (``сегодня, во вторник``)."""
    if m.weekday is None:
        return None
    if m.kind == "weekday":
        if m.rel_day is None or dateline is None or dateline.date is None:
            return None
        day = dateline.date + _dt.timedelta(days=m.rel_day)
        if day.weekday() == m.weekday:
            return None
        rel = {0: "today", -1: "yesterday", 1: "tomorrow"}.get(m.rel_day, f"{m.rel_day:+d} days")
        return (
            f"{rel} is {day.isoformat()} by the dateline, a {WEEKDAY_NAMES[day.weekday()]},"
            f" not a {WEEKDAY_NAMES[m.weekday]}"
        )
    if m.kind == "range" and m.granularity == "day" and m.year is not None and m.month and m.day:
        fits = actual_weekday(m.year, m.month, m.day)
        if fits is None or fits == m.weekday:
            return None
        return f"{m.year:04d}-{m.month:02d}-{m.day:02d} is a {WEEKDAY_NAMES[fits]}, not a {WEEKDAY_NAMES[m.weekday]}"
    if m.kind != "date" or m.granularity != "day" or m.month is None or m.day is None:
        return None
    years = plausible_years(m, dateline)
    if not years:
        return None
    fits_any = {actual_weekday(y, m.month, m.day) for y in years}
    if m.weekday in fits_any:
        return None
    y = years[0]
    wd = actual_weekday(y, m.month, m.day)
    if wd is None:
        return None
    source = " (year from the dateline)" if m.year_from == "dateline" else ""
    return f"{y:04d}-{m.month:02d}-{m.day:02d}{source} is a {WEEKDAY_NAMES[wd]}, not a {WEEKDAY_NAMES[m.weekday]}"


__all__ = [
    "DateMention",
    "DatePairing",
    "DateVocab",
    "Dateline",
    "WeekdayPairing",
    "apply_dateline",
    "bead_date_spans",
    "bead_dates",
    "bead_pairing",
    "build_vocab",
    "describe",
    "extract",
    "find_dateline",
    "pair_dateline",
    "pair_dates",
    "pair_weekdays",
    "same_reading",
    "weekday_conflict",
]
