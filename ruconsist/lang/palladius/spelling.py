"""Spelling in both directions: pinyin or characters to Cyrillic, and a
Russian word (possibly inflected) back to the syllable sequences it can
spell; readings of characters from the pinyin store.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ruconsist.lang.palladius.table import _ENDINGS, _SEPARATORS, _VOWELS, Table, default_table

if TYPE_CHECKING:
    pass


# --------------------------------------------------------------------------
# Pinyin -> Cyrillic


def to_palladius(syllables: Sequence[str], table: Table | None = None) -> str:
    """Cyrillic for pinyin syllables written as one word, lower case:
    ``["shen", "zhen"]`` -> ``шэньчжэнь``; a syllable ending in н before
    a vowel takes ъ (``["chang", "an"]`` -> ``чанъань``)."""
    table = table or default_table()
    out = ""
    for s in syllables:
        part = table.cyr(s)
        if out.endswith("н") and part[:1] in _VOWELS:
            out += "ъ"
        out += part
    return out


def _title(word: str) -> str:
    return word[:1].upper() + word[1:]


# pypinyin's readings come from an on-disk store derived from its data
# (ruconsist.lang.pinyin_store): importing pypinyin itself costs more than
# linting a short pair.


@functools.lru_cache(maxsize=16384)
def char_readings(ch: str) -> tuple[str, ...]:
    """Every reading pypinyin knows for one character, toneless."""
    from ruconsist.lang import pinyin_store

    return pinyin_store.char_readings(ch)


@functools.lru_cache(maxsize=16384)
def run_readings(run: str) -> tuple[str, ...]:
    """The reading of each character of a Han run in context (pypinyin's
    phrase dictionary decides polyphonic characters: 重庆 chong qing)."""
    from ruconsist.lang import pinyin_store

    got = pinyin_store.lazy_readings(run)
    if len(got) != len(run):
        got = [(char_readings(c) or ("",))[0] for c in run]
    return tuple(got)


@functools.lru_cache(maxsize=16384)
def _phrase(hanzi: str) -> tuple[frozenset[str], ...] | None:
    from ruconsist.lang import pinyin_store

    return pinyin_store.phrase_readings(hanzi)


def allowed_readings(
    hanzi: str, table: Table, *, surname: bool = False, context: Sequence[str] | None = None
) -> tuple[list[frozenset[str]], list[str]]:
    """For each character of ``hanzi``: the readings a Russian spelling may
    follow, and the preferred one.

    A word of pypinyin's phrase dictionary or the pack's ``readings``
    admits only its own readings (重庆 is chong qing, not zhong qing);
    elsewhere a character's two commonest readings are accepted, because a
    given name is not a dictionary word.  The first character of a personal
    name takes its surname reading (曾 zeng, 单 shan).
    """
    preferred = list(context or run_readings(hanzi))
    phrase = _phrase(hanzi) if len(hanzi) > 1 else None
    if phrase is not None:
        allowed = [set(p) for p in phrase]
    else:
        # pypinyin lists a character's readings commonest first; past the
        # second they are rare (平 ping, pian, bing, beng) and would let a
        # wrong syllable pass.
        allowed = [set(char_readings(c)[:2]) | {preferred[i]} for i, c in enumerate(hanzi)]
    for key, syl in _readings_in(hanzi, table.readings):
        start = hanzi.find(key)
        while start >= 0:
            for j, s in enumerate(syl):
                allowed[start + j] = {s}
                preferred[start + j] = s
            start = hanzi.find(key, start + 1)
    if surname and hanzi[:1] in table.surname_readings:
        sur = table.surname_readings[hanzi[0]]
        allowed[0] = set(sur)
        preferred[0] = sur[0]
    return [frozenset(a) for a in allowed], preferred


_READINGS_INDEX: dict[int, tuple[Mapping[str, tuple[str, ...]], list[tuple[str, tuple[str, ...]]], dict[str, list[int]]]] = {}


def _readings_in(hanzi: str, readings: Mapping[str, tuple[str, ...]]) -> list[tuple[str, tuple[str, ...]]]:
    """The pack ``readings`` entries whose first character is in ``hanzi``,
    in the pack's order (a later entry overrides an earlier one), found
    through an index by first character rather than by trying every
    entry on every substring."""
    entry = _READINGS_INDEX.get(id(readings))
    if entry is None or entry[0] is not readings:
        items = list(readings.items())
        by_char: dict[str, list[int]] = {}
        for k, (key, _) in enumerate(items):
            if key:
                by_char.setdefault(key[0], []).append(k)
        entry = _READINGS_INDEX[id(readings)] = (readings, items, by_char)
    _, items, by_char = entry
    if "" in readings:
        return items
    hits = sorted({k for c in set(hanzi) for k in by_char.get(c, ())})
    return [items[k] for k in hits]


_PACK_SYLLABLES: dict[int, tuple[Mapping[str, tuple[str, ...]], dict[str, frozenset[str]]]] = {}


def _pack_syllables(readings: Mapping[str, tuple[str, ...]]) -> dict[str, frozenset[str]]:
    """Character -> the syllables the pack's ``readings`` give it in any
    of its words."""
    entry = _PACK_SYLLABLES.get(id(readings))
    if entry is None or entry[0] is not readings:
        by_char: dict[str, set[str]] = {}
        for key, syl in readings.items():
            for c, s in zip(key, syl):
                by_char.setdefault(c, set()).add(s)
        entry = _PACK_SYLLABLES[id(readings)] = (readings, {c: frozenset(v) for c, v in by_char.items()})
    return entry[1]


def hanzi_to_palladius(hanzi: str, table: Table | None = None, *, person: bool = False) -> str:
    """The Russian name for Chinese characters: the traditional name if
    there is one (北京 -> Пекин), else Palladius; ``person`` writes the
    surname and the given name as two words (习近平 -> Си Цзиньпин)."""
    table = table or default_table()
    if hanzi in table.exceptions:
        return table.exceptions[hanzi][0]
    _, syl = allowed_readings(hanzi, table, surname=person)
    if not person or len(hanzi) < 2:
        return _title(to_palladius(syl, table))
    cut = 2 if hanzi[:2] in table.compound_surnames and len(hanzi) > 2 else 1
    return f"{_title(to_palladius(syl[:cut], table))} {_title(to_palladius(syl[cut:], table))}"


# --------------------------------------------------------------------------
# Cyrillic -> syllables


@dataclass(frozen=True)
class WordParse:
    """One reading of a Russian word as Palladius syllables."""

    syllables: tuple[str, ...]
    #: Indices of syllables written in a common misspelling (е for э).
    misspelt: tuple[int, ...] = ()
    #: The case ending taken off (``ом`` of ``Цзиньпином``) and the letter
    #: the stem lost before it (``ь`` of ``Шэньчжэня``).
    ending: str = ""
    restored: str = ""


def _segment(s: str, table: Table, limit: int = 24) -> list[tuple[tuple[str, ...], tuple[int, ...]]]:
    """All ways to cut ``s`` into table syllables (each with its pinyin),
    allowing ъ or a hyphen between syllables."""
    memo: dict[int, list[tuple[tuple[str, ...], tuple[bool, ...]]]] = {}

    def go(i: int) -> list[tuple[tuple[str, ...], tuple[bool, ...]]]:
        if i == len(s):
            return [((), ())]
        if i in memo:
            return memo[i]
        out: list[tuple[tuple[str, ...], tuple[bool, ...]]] = []
        start = i
        if i > 0 and s[i] in _SEPARATORS:
            start = i + 1
        for j in range(min(len(s), start + table.max_len), start, -1):
            piece = s[start:j]
            options = [(p, False) for p in table.cyrillic.get(piece, ())]
            options += [(p, True) for p in table.variants.get(piece, ())]
            if not options:
                continue
            for tail_syl, tail_mis in go(j):
                for p, mis in options:
                    out.append(((p, *tail_syl), (mis, *tail_mis)))
                    if len(out) >= limit:
                        break
        memo[i] = out[:limit]
        return memo[i]

    res = go(0)
    return [(syl, tuple(k for k, m in enumerate(mis) if m)) for syl, mis in res]


@functools.lru_cache(maxsize=8192)
def _parse_word_cached(word: str, table_id: int) -> tuple[WordParse, ...]:
    table = _TABLES[table_id]
    w = word.lower().replace("ё", "е")
    cands: list[tuple[str, str, str]] = [(w, "", "")]
    for e in _ENDINGS:
        if w.endswith(e) and len(w) - len(e) >= 2:
            stem = w[: -len(e)]
            cands.append((stem, e, ""))
            if stem[-1] not in _VOWELS and stem[-1] not in "ьй":
                cands.append((stem + "ь", e, "ь"))
            if stem[-1] in _VOWELS:
                cands.append((stem + "й", e, "й"))
    out: list[WordParse] = []
    seen: set[tuple[tuple[str, ...], tuple[int, ...], str]] = set()
    for stem, ending, restored in cands:
        for syl, mis in _segment(stem, table):
            key = (syl, mis, ending)
            if key in seen:
                continue
            seen.add(key)
            out.append(WordParse(syl, mis, ending, restored))
    return tuple(out)


_TABLES: dict[int, Table] = {}


def parse_word(word: str, table: Table | None = None) -> tuple[WordParse, ...]:
    """Every way ``word`` (any case form) spells Palladius syllables;
    empty when it is not made of them (``Москва``)."""
    table = table or default_table()
    _TABLES.setdefault(id(table), table)
    return _parse_word_cached(word, id(table))
