"""Russian inflection through pymorphy3, loaded on first use.

Rule packs give dictionary forms (``Владимир Путин``); texts hold any
case and number (``Владимиру Путину``).  Rather than analysing every word
of running text, the term matcher expands each pack word once into the
set of its inflected surface forms and looks text tokens up in that set.
"""

from __future__ import annotations

import functools
import threading
import unicodedata

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
                import os

                import pymorphy3

                path = None
                if "PYMORPHY3_DICT_PATH" not in os.environ:
                    # Naming the dictionary skips pymorphy3's search of
                    # the installed distributions' entry points (a fifth
                    # of its start-up).
                    import pymorphy3_dicts_ru

                    path = pymorphy3_dicts_ru.get_path()
                _ANALYZER = pymorphy3.MorphAnalyzer(path=path, lang="ru")
    return _ANALYZER


_HYPHENS = str.maketrans({"‐": "-", "‑": "-", "’": "'", "ʼ": "'"})


def _norm(word: str) -> str:
    """Lower case, ё→е, composed (и + U+0306 → й), one hyphen, one
    apostrophe: the spellings text and packs disagree on."""
    if not word.isascii():
        word = unicodedata.normalize("NFC", word)
    return word.lower().replace("ё", "е").translate(_HYPHENS)


#: Combining marks: NFC may join one to the letter before it.
_MARK = regex.compile(r"\p{M}")


def norm_text(text: str) -> str | None:
    """``text`` normalised as :func:`_norm` normalises each word, in one
    pass, when that keeps every character in its place, so that a word's
    normal form is the same slice of the result; ``None`` when it would
    not (combining marks, a text that is not NFC, a capital sigma whose
    lower case depends on its neighbours, a letter that lowers to two)."""
    if not text.isascii() and (
        "Σ" in text or _MARK.search(text) is not None or not unicodedata.is_normalized("NFC", text)
    ):
        return None
    lowered = text.lower()
    if len(lowered) != len(text):
        return None
    return lowered.replace("ё", "е").translate(_HYPHENS)


@functools.lru_cache(maxsize=65536)
def word_forms(word: str) -> frozenset[str]:
    """Every inflected form (lower-cased, ё→е) of a dictionary word.

    Abbreviations written in capitals (``ШОС``, ``РФ``, ``США``) and
    tokens with digits or Latin letters are returned as they are: they
    do not inflect in news text.  Hyphenated words inflect part by part
    where each part is itself a word (``Азиатско-Тихоокеанский``).
    """
    norm = _norm(word)
    word = unicodedata.normalize("NFC", word).translate(_HYPHENS)
    if not _PLAIN_CYRILLIC.match(word) or (word.isupper() and len(word) > 1):
        return frozenset({norm})
    if "-" in word:
        # Each part inflects as it would alone (Гвинею-Бисау,
        # Азиатско-Тихоокеанского, Ростова-на-Дону keeps на/Дону).
        parts = word.split("-")
        combos = {""}
        for i, part in enumerate(parts):
            forms = word_forms(part) if part[:1].isupper() or i == len(parts) - 1 else frozenset({_norm(part)})
            combos = {f"{c}-{f}" if c else f for c in combos for f in forms}
            if len(combos) > 400:
                break
        return frozenset(combos | {norm})
    morph = analyzer()
    capital = word[:1].isupper()
    surname = surname_forms(norm) if capital else set()
    if capital and not morph.word_is_known(norm):
        adjective = adjective_forms(norm)
        if adjective:
            # An adjective made from a foreign place name, as titles of
            # documents and events have them (Астанинская декларация,
            # Тяньцзиньский саммит): declined as a Russian adjective.
            return frozenset(adjective)
        # A foreign proper name the dictionary does not know (Цзиньпин,
        # Шэньчжэнь, Тяньцзинь): decline it as Russian grammar declines
        # borrowed names, rather than trusting a guessed paradigm.
        # -ин/-ов may end a Russian surname (Силуановым) or a Chinese
        # given name (Цзиньпином): both declensions are allowed.
        return frozenset(surname | foreign_forms(norm))
    parses = [p for p in morph.parse(word) if _norm(p.word) == norm]
    if not parses:
        return frozenset({norm} | surname)
    if capital:
        # A capitalised pack word is a name: its proper-noun readings
        # only (Песков the surname, not the plural of песок; Лавров the
        # surname, not the given name Лавр), when the dictionary has any.
        surn = [p for p in parses if "Surn" in p.tag.grammemes]
        proper = [p for p in parses if PROPER & set(p.tag.grammemes)]
        if surn and surname:
            parses = surn
        elif proper:
            parses = proper
            surname = set()  # a city or a given name, not a surname (Пекин)
        elif surname:
            return frozenset({norm} | surname)
    best = parses[0].score or 0.0
    forms = {norm} | surname
    for p in parses:
        if p is not parses[0] and (p.score or 0.0) < 0.5 * best and not capital:
            continue
        for f in p.lexeme:
            forms.add(_norm(f.word))
    return frozenset(forms)


PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn"})

#: Russian surname types and the forms of both genders: the dictionary
#: misses many (Силуанов, Мантуров) or reads them as common nouns
#: (Рябков as рябок).
_SURNAME = (
    (("ов", "ев", "ёв", "ин", "ын"), ("", "а", "у", "ым", "е", "ы", "ых", "ыми", "ой", "ову")),
    (("ский", "цкий"), ("ий", "ого", "ому", "им", "ом", "ая", "ой", "ую", "ие", "их", "ими")),
)


def surname_forms(norm: str) -> set[str]:
    for endings, cases in _SURNAME:
        for ending in endings:
            if norm.endswith(ending) and len(norm) > len(ending) + 2:
                if ending in ("ский", "цкий"):
                    stem = norm[: -2]
                    return {stem + c for c in cases}
                stem = norm
                out = {stem + c for c in cases if c not in ("ову",)}
                return out
    return set()


#: Endings of relative adjectives (-ский, -цкий, -ный) in every gender,
#: and the forms of the full declension.
_ADJ_STEMS = ("ск", "цк", "н")
_ADJ_ENDINGS = ("ий", "ый", "ая", "ое", "ие", "ые", "ого", "ому", "им", "ым", "ом", "ой", "ую", "их", "ых",
                "ими", "ыми", "ою")


def adjective_forms(norm: str) -> set[str]:
    """Every case form of a relative adjective the dictionary does not
    know (``астанинская`` → ``астанинской``, ``астанинский`` …), or an
    empty set when ``norm`` is not one."""
    for ending in ("ий", "ый", "ая", "ое", "ие", "ые"):
        if norm.endswith(ending):
            stem = norm[: -len(ending)]
            if stem.endswith(_ADJ_STEMS) and len(stem) > 4:
                soft = stem.endswith(("ск", "цк"))
                endings = [e for e in _ADJ_ENDINGS if (e[0] != "ы" and "ы" not in e) or not soft]
                if soft:
                    endings = [e for e in endings if e not in ("ый", "ые", "ым", "ых", "ыми")]
                return {stem + e for e in endings}
    return set()


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
