"""Russian inflection through pymorphy3, loaded on first use.

Rule packs give dictionary forms (``Владимир Путин``); texts hold any
case and number (``Владимиру Путину``).  Rather than analysing every word
of running text, the term matcher expands each pack word once into the
set of its inflected surface forms and looks text tokens up in that set.
"""

from __future__ import annotations

import functools
import threading

import regex

_LOCK = threading.Lock()
_ANALYZER = None

#: A token the expander will not touch: digits, Latin, mixed scripts
#: (``СНВ-3``, ``G20``, ``ОСВ-2``) stay exactly as written.
_PLAIN_CYRILLIC = regex.compile(r"^[\p{Cyrillic}]+(?:-[\p{Cyrillic}]+)*$")


def analyzer():  # type: ignore[no-untyped-def]
    global _ANALYZER
    if _ANALYZER is None:
        with _LOCK:
            if _ANALYZER is None:
                import pymorphy3

                _ANALYZER = pymorphy3.MorphAnalyzer(lang="ru")
    return _ANALYZER


def _norm(word: str) -> str:
    return word.lower().replace("ё", "е")


@functools.lru_cache(maxsize=65536)
def word_forms(word: str) -> frozenset[str]:
    """Every inflected form (lower-cased, ё→е) of a dictionary word.

    Abbreviations written in capitals (``ШОС``, ``РФ``, ``США``) and
    tokens with digits or Latin letters are returned as they are: they
    do not inflect in news text.  Hyphenated words inflect part by part
    where each part is itself a word (``Азиатско-Тихоокеанский``).
    """
    norm = _norm(word)
    if not _PLAIN_CYRILLIC.match(word) or (word.isupper() and len(word) > 1):
        return frozenset({norm})
    if "-" in word:
        parts = word.split("-")
        # Only the last part of a compound adjective inflects.
        last = word_forms(parts[-1])
        head = "-".join(_norm(p) for p in parts[:-1])
        return frozenset({f"{head}-{f}" for f in last} | {norm})
    morph = analyzer()
    if word[:1].isupper() and not morph.word_is_known(norm):
        # A foreign proper name the dictionary does not know (Цзиньпин,
        # Шэньчжэнь, Тяньцзинь): decline it as Russian grammar declines
        # borrowed names, rather than trusting a guessed paradigm.
        return frozenset(foreign_forms(norm))
    parses = morph.parse(word)
    if not parses:
        return frozenset({norm})
    best = parses[0].score or 0.0
    forms = {norm}
    capital = word[:1].isupper()
    for p in parses:
        # Keep the analyses a careful reader would consider: the best one,
        # proper-noun readings for capitalised words, and near-ties.
        proper = bool({"Name", "Surn", "Patr", "Geox", "Orgn"} & set(p.tag.grammemes))
        if p is not parses[0] and not (
            (capital and proper) or (p.score or 0.0) >= 0.5 * best
        ):
            continue
        if _norm(p.word) != norm:
            continue
        for f in p.lexeme:
            forms.add(_norm(f.word))
    return frozenset(forms)


@functools.lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The most likely dictionary form (lower-cased)."""
    if not _PLAIN_CYRILLIC.match(word):
        return _norm(word)
    parses = analyzer().parse(word)
    return _norm(parses[0].normal_form) if parses else _norm(word)


#: Endings of borrowed proper names and the case endings they take.
#: Names ending in о, е, и, у, ю, э (Токио, Гуанчжоу, Ван И) do not
#: decline; nor do feminine names on a consonant, which the dictionary
#: knows anyway.
_FOREIGN = (
    ("ь", ("ь", "я", "ю", "ем", "е", "и", "ью", "ей")),
    ("й", ("й", "я", "ю", "ем", "е", "и", "ев")),
    ("а", ("а", "ы", "и", "е", "у", "ой", "ою")),
    ("я", ("я", "и", "е", "ю", "ей", "ею")),
)
_INDECLINABLE = tuple("оеиуюэы")


def foreign_forms(norm: str) -> set[str]:
    forms = {norm}
    for ending, endings in _FOREIGN:
        if norm.endswith(ending):
            stem = norm[: -len(ending)]
            forms.update(stem + e for e in endings)
            return forms
    if norm.endswith(_INDECLINABLE):
        return forms
    forms.update(norm + e for e in ("а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"))
    return forms
