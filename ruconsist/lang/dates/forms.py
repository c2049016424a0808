"""Building blocks of the date grammars: lazily compiled patterns and
their container, CLDR data, prefilter gates, Russian inflection of
vocabulary words, Roman numerals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ruconsist.lang.dates.mention import normalize
from ruconsist.lang.numerals import roman_value

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
            rx = self._rx = re.compile(self.pattern, self.flags)
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


class _PatternList:
    """A grammar's patterns in priority order, each with the gates its
    text must pass (see the prefilters above), as :class:`_Patterns`
    keeps them."""

    __slots__ = ("flags", "ordered", "gates")

    def __init__(self, flags: int = 0) -> None:
        self.flags = flags
        self.ordered: list[tuple[str, _Lazy]] = []
        self.gates: list[tuple[re.Pattern[str], ...]] = []

    def add(self, name: str, pattern: str, *gate: re.Pattern[str] | None) -> None:
        """Pattern ``name`` after those added so far; a gate of None (see
        :func:`_gate_forms`) is no gate."""
        self.ordered.append((name, _Lazy(pattern, self.flags)))
        self.gates.append(_gates(*gate))


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
