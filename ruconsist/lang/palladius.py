"""Palladius: Chinese names in Russian, syllable by syllable.

Russian writes Chinese personal and place names in the Palladius system:
each pinyin syllable has one Cyrillic spelling (习近平 xi jin ping ->
``Си Цзиньпин``, 深圳 shen zhen -> ``Шэньчжэнь``).  This module holds the
algorithms; the syllable table, surname readings and traditional names
(``Пекин`` for 北京) are data in the ``palladius`` vocabulary of the rule
packs (``rules/palladius.yaml``), so users can extend them.

The main entry points:

* :func:`to_palladius` / :func:`hanzi_to_palladius`: pinyin or characters
  to Cyrillic.
* :func:`parse_word`: a Russian word (possibly inflected) to the syllable
  sequences it can spell.
* :func:`compare`: find the Palladius names of a Russian text and say, for
  each, whether the Chinese text has the characters it transcribes, a near
  miss (one syllable off), or nothing to compare with.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ruconsist import regexcache
from ruconsist.errors import RuleError
from ruconsist.lang.han import HAN_CHAR as _HAN_CHAR
from ruconsist.lang.han import HAN_RUN
from ruconsist.lang.pinyin import normalize_pinyin
from ruconsist.yamlio import line_of

if TYPE_CHECKING:
    from ruconsist.rules import RuleSet

VOCAB = "palladius"
TRANSLIT_VOCAB = "transliteration"

_PINYIN = re.compile(r"^[a-zü]+$")
_CYRILLIC = re.compile(r"^[а-яё]+$")
_RU_WORD = re.compile(r"[А-ЯЁа-яё]+(?:[-\u2011][А-ЯЁа-яё]+)*")

INITIALS = (
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l",
    "g", "k", "h", "j", "q", "x", "r", "z", "c", "s",
)
# y- and w- spell a zero initial plus a medial; comparing finals needs the
# medial form (ya = ia, wei = ui, yu = ü).
_ZERO = {
    "yi": "i", "ya": "ia", "ye": "ie", "yao": "iao", "you": "iu", "yan": "ian",
    "yin": "in", "yang": "iang", "ying": "ing", "yong": "iong", "yo": "io",
    "yu": "v", "yue": "ve", "yuan": "van", "yun": "vn",
    "wu": "u", "wa": "ua", "wo": "uo", "wai": "uai", "wei": "ui", "wan": "uan",
    "wen": "un", "wang": "uang", "weng": "ueng", "wong": "ong",
}
# Initials a writer confuses with each other: a wrong one inside a group
# is a near miss, a jump across groups is another name.
_INITIAL_GROUPS = (
    frozenset({"j", "q", "x", "z", "c", "s", "zh", "ch", "sh", "r"}),
    frozenset({"b", "p", "m", "f"}),
    frozenset({"d", "t", "n", "l"}),
    frozenset({"g", "k", "h"}),
)
_VOWELS = set("аоуэеёюяи")
# Case endings of a Palladius name in running text (``Цзиньпином``,
# ``Шэньчжэне``, ``Ли Цяна``); a stem that ended in ь or й lost it.
_ENDINGS = ("ами", "ями", "ом", "ем", "ой", "ей", "ым", "им", "ах", "ях", "ов", "ев",
            "а", "я", "у", "ю", "е", "ы", "и")
_SEPARATORS = "ъ-\u2011"


def split_syllable(syllable: str) -> tuple[str, str]:
    """(initial, final) of a toneless pinyin syllable; y/w count as the
    zero initial and ``ju`` has the final ``v``."""
    s = normalize_pinyin(syllable)
    if s in _ZERO:
        return "", _ZERO[s]
    for ini in INITIALS:
        if s.startswith(ini) and len(s) > len(ini):
            fin = s[len(ini):]
            if ini in ("j", "q", "x") and fin.startswith("u"):
                fin = "v" + fin[1:]
            return ini, fin
    return "", s


def _edit1(a: str, b: str) -> bool:
    """True when a and b differ by at most one insertion, deletion or
    substitution."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]


def near_syllables(a: str, b: str) -> bool:
    """One syllable mistaken for another: the same initial and a final one
    letter off (jin/jing, xi/xia), or the same final and a confusable
    initial (jiang/qiang, zhou/chou)."""
    ia, fa = split_syllable(a)
    ib, fb = split_syllable(b)
    if ia == ib:
        return fa != fb and _edit1(fa, fb)
    if fa == fb:
        return any(ia in g and ib in g for g in _INITIAL_GROUPS)
    return False


# --------------------------------------------------------------------------
# The table


@dataclass(frozen=True)
class Table:
    """The Palladius vocabulary merged from all loaded packs."""

    syllables: Mapping[str, str]
    #: Cyrillic spelling -> pinyin syllables it writes.
    cyrillic: Mapping[str, tuple[str, ...]]
    #: Common misspellings (``шень`` for ``шэнь``) -> pinyin.
    variants: Mapping[str, tuple[str, ...]]
    surname_readings: Mapping[str, tuple[str, ...]]
    compound_surnames: frozenset[str]
    readings: Mapping[str, tuple[str, ...]]
    exceptions: Mapping[str, tuple[str, ...]]
    translit_chars: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()
    #: Characters no name contains (的, 了): a substring with one is not a
    #: name's counterpart.
    function_chars: frozenset[str] = frozenset()
    #: Characters that begin a Chinese personal name.
    surname_chars: frozenset[str] = frozenset()
    #: Letter groups only Palladius spellings have (цз, чж, э).
    markers: tuple[str, ...] = ()
    max_len: int = 6
    #: Names whose Russian form is an editorial choice (西藏: Тибет or
    #: Сицзан): every listed form is right unless the project chooses one.
    policy: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    _exception_re: Any = field(default=None, compare=False, repr=False)

    def cyr(self, pinyin: str) -> str:
        return self.syllables[normalize_pinyin(pinyin)]

    def exception_pattern(self) -> re.Pattern[str] | None:
        return self._exception_re


def _fail(msg: str, pack: Any, node: Any, key: Any = None) -> RuleError:
    return RuleError(msg, getattr(pack, "path", None), line_of(node, key))


def _pinyin_list(value: Any, pack: Any, node: Any, key: Any, known: Mapping[str, str]) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split()
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise _fail(f"palladius: {key!r} needs pinyin syllables (a string or a list)", pack, node, key)
    out = []
    for v in value:
        p = normalize_pinyin(v)
        if p not in known:
            raise _fail(f"palladius: {v!r} under {key!r} is not a pinyin syllable of the table", pack, node, key)
        out.append(p)
    return tuple(out)


def build_table(sections: Iterable[tuple[Any, Any]], translit: Iterable[tuple[Any, Any]] = ()) -> Table:
    """Merge ``vocab: {palladius: ...}`` nodes (later packs win key by key)
    and validate them; errors name the pack file and line."""
    syllables: dict[str, str] = {}
    surnames: dict[str, tuple[str, ...]] = {}
    compounds: set[str] = set()
    readings: dict[str, tuple[str, ...]] = {}
    exceptions: dict[str, tuple[str, ...]] = {}
    policy: dict[str, tuple[str, ...]] = {}
    function_chars: set[str] = set()
    surname_chars: set[str] = set()
    markers: set[str] = set()
    deferred: list[tuple[Any, Any]] = []
    for pack, node in sections:
        # The pack schema (ruconsist.packschema.PALLADIUS) has checked the
        # keys and types; what needs the syllable table is checked here.
        syl = node.get("syllables") or {}
        if not isinstance(syl, dict):
            raise _fail("palladius: 'syllables' must map pinyin to Cyrillic", pack, node, "syllables")
        for k, v in syl.items():
            p = normalize_pinyin(str(k))
            if not _PINYIN.match(p.replace("v", "ü")) or not isinstance(v, str):
                raise _fail(f"palladius: bad syllable {k!r}: {v!r}", pack, syl, k)
            c = v.strip().lower()
            if not _CYRILLIC.match(c):
                raise _fail(f"palladius: syllable {k!r} must be written in Cyrillic letters, found {v!r}", pack, syl, k)
            syllables[p] = c.replace("ё", "е")
        deferred.append((pack, node))
    for pack, node in deferred:
        sur = node.get("surname_readings") or {}
        if not isinstance(sur, dict):
            raise _fail("palladius: 'surname_readings' must map characters to pinyin", pack, node, "surname_readings")
        for k, v in sur.items():
            if not _HAN_CHAR.fullmatch(str(k)):
                raise _fail(f"palladius: surname reading key {k!r} must be one Chinese character", pack, sur, k)
            surnames[str(k)] = _pinyin_list(v, pack, sur, k, syllables)
        for key, into in (("function_chars", function_chars), ("surnames", surname_chars)):
            text = node.get(key) or ""
            if not isinstance(text, str):
                raise _fail(f"palladius: '{key}' must be a string of characters", pack, node, key)
            into.update(c for c in text if _HAN_CHAR.match(c))
        mk = node.get("markers") or []
        if not isinstance(mk, list) or not all(isinstance(m, str) and _CYRILLIC.match(m) for m in mk):
            raise _fail("palladius: 'markers' must be a list of lowercase Cyrillic letter groups", pack, node, "markers")
        markers.update(mk)
        comp = node.get("compound_surnames") or []
        if not isinstance(comp, list) or not all(isinstance(c, str) and HAN_RUN.fullmatch(c) for c in comp):
            raise _fail("palladius: 'compound_surnames' must be a list of Chinese strings", pack, node, "compound_surnames")
        compounds.update(comp)
        rd = node.get("readings") or {}
        if not isinstance(rd, dict):
            raise _fail("palladius: 'readings' must map Chinese strings to pinyin", pack, node, "readings")
        for k, v in rd.items():
            k = str(k)
            if not HAN_RUN.fullmatch(k):
                raise _fail(f"palladius: reading key {k!r} must be Chinese characters", pack, rd, k)
            syl = _pinyin_list(v, pack, rd, k, syllables)
            if len(syl) != len(k):
                raise _fail(f"palladius: {k!r} has {len(k)} characters but {len(syl)} syllables", pack, rd, k)
            readings[k] = syl
        exc = node.get("exceptions") or {}
        if not isinstance(exc, dict):
            raise _fail("palladius: 'exceptions' must map Chinese strings to Russian names", pack, node, "exceptions")
        for k, v in exc.items():
            k = str(k)
            if isinstance(v, str):
                v = [v]
            if not HAN_RUN.fullmatch(k) or not isinstance(v, list) or not v or not all(isinstance(x, str) and x.strip() for x in v):
                raise _fail(f"palladius: exception {k!r} must map Chinese characters to a list of Russian names", pack, exc, k)
            exceptions[k] = tuple(" ".join(x.split()) for x in v)
        pol = node.get("policy") or {}
        if not isinstance(pol, dict):
            raise _fail("palladius: 'policy' must map Chinese strings to the Russian names in use", pack, node, "policy")
        for k, v in pol.items():
            k = str(k)
            if not HAN_RUN.fullmatch(k) or not isinstance(v, list) or len(v) < 2 or not all(
                isinstance(x, str) and x.strip() for x in v
            ):
                raise _fail(f"palladius: policy name {k!r} must map Chinese characters to two or more Russian names",
                            pack, pol, k)
            policy[k] = tuple(" ".join(x.split()) for x in v)
    # A policy name's forms are all right by default: they join the
    # traditional names, so that none of them is read as a Palladius slip.
    for k, forms in policy.items():
        exceptions[k] = tuple(dict.fromkeys((*exceptions.get(k, ()), *forms)))
    chars: set[str] = set()
    given: set[str] = set()
    for pack, node in translit:
        if not isinstance(node, dict):
            raise _fail("vocab 'transliteration' must be a mapping", pack, node)
        text = node.get("chars") or ""
        if not isinstance(text, str):
            raise _fail("transliteration: 'chars' must be a string of characters", pack, node, "chars")
        chars.update(c for c in text if _HAN_CHAR.match(c))
        names = node.get("given_names") or []
        if not isinstance(names, list) or not all(isinstance(n, str) and HAN_RUN.fullmatch(n) for n in names):
            raise _fail("transliteration: 'given_names' must be a list of Chinese strings", pack, node, "given_names")
        given.update(names)
    cyr: dict[str, list[str]] = {}
    for p, c in syllables.items():
        cyr.setdefault(c, []).append(p)
    variants: dict[str, list[str]] = {}

    def variant(form: str, p: str) -> None:
        if form not in cyr:
            variants.setdefault(form, []).append(p)

    for p, c in syllables.items():
        # Writers put е for Palladius э after a consonant (Шеньчжень,
        # Ден).  (English-style дж for чж is not taken: it marks Mongolian
        # and Indian names, Байджу, Санджу, far more often.)
        if "э" in c[1:]:
            variant(c[0] + c[1:].replace("э", "е"), p)
    if "hui" in syllables:
        variant("хуй", "hui")
    table = Table(
        syllables=syllables,
        cyrillic={k: tuple(v) for k, v in cyr.items()},
        variants={k: tuple(v) for k, v in variants.items()},
        surname_readings=surnames,
        compound_surnames=frozenset(compounds),
        readings=readings,
        exceptions=exceptions,
        translit_chars=frozenset(chars),
        given_names=frozenset(given),
        function_chars=frozenset(function_chars),
        surname_chars=frozenset(surname_chars | set(surnames)),
        markers=tuple(sorted(markers)),
        max_len=max((len(c) for c in itertools.chain(cyr, variants)), default=1),
        policy=policy,
        _exception_re=_exception_regex(exceptions),
    )
    return table


def _inflected(form: str) -> str:
    """A regex for a Russian name and its case forms (only the last word
    inflects: ``Сунь Ятсена``, ``Пекине``, ``Тайваня``)."""
    words = form.split(" ")
    last = words[-1]
    head = [re.escape(w) for w in words[:-1]]
    low = last.lower()
    if low.endswith(("ь", "й")):
        tail = re.escape(last[:-1]) + "(?:ь|й|я|ю|ем|ём|е|и|ей)"
    elif low.endswith("а"):
        tail = re.escape(last[:-1]) + "(?:а|ы|и|е|у|ой|ою)"
    elif low.endswith("я"):
        tail = re.escape(last[:-1]) + "(?:я|и|е|ю|ей|ею)"
    elif low[-1:] in "оиуэею":
        tail = re.escape(last)
    else:
        tail = re.escape(last) + "(?:а|у|ом|е|ы|ов|ам|ами|ах)?"
    return r"\s+".join([*head, tail])


def inflected_pattern(form: str) -> re.Pattern[str]:
    """A Russian name in any case form, as a whole word (``Тибета``,
    ``Тибете``; not ``тибетский``)."""
    return regexcache.compile(rf"(?<![А-ЯЁа-яё-])(?:{_inflected(form)})(?![А-ЯЁа-яё-])")


def _exception_regex(exceptions: Mapping[str, tuple[str, ...]]) -> re.Pattern[str] | None:
    forms = sorted({f for v in exceptions.values() for f in v}, key=len, reverse=True)
    if not forms:
        return None
    body = "|".join(_inflected(f) for f in forms)
    return regexcache.compile(rf"(?<![А-ЯЁа-яё])(?:{body})(?![А-ЯЁа-яё])")


def table_from_rules(rules: RuleSet) -> Table:
    """The table for a rule set, built once per rule set."""
    return rules.cached(
        "palladius.table",
        lambda: build_table(rules.vocab(VOCAB), rules.vocab(TRANSLIT_VOCAB)),
    )


@functools.lru_cache(maxsize=1)
def default_table() -> Table:
    """The table of the shipped ``palladius`` and ``transliteration``
    packs alone (no user packs)."""
    from ruconsist.rules import default_pack_dir, load_pack

    packs = [
        load_pack(default_pack_dir() / name, display=f"rules/{name}")
        for name in ("palladius.yaml", "transliteration.yaml")
        if (default_pack_dir() / name).is_file()
    ]
    return build_table(
        [(p, p.vocab[VOCAB]) for p in packs if VOCAB in p.vocab],
        [(p, p.vocab[TRANSLIT_VOCAB]) for p in packs if TRANSLIT_VOCAB in p.vocab],
    )


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


# --------------------------------------------------------------------------
# Russian text against Chinese text


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str
    parses: tuple[WordParse, ...]
    sentence_start: bool


@dataclass(frozen=True)
class Finding:
    """A Palladius name of the Russian text that the Chinese text does not
    bear out.

    ``kind`` is ``near`` (the characters read one syllable differently),
    ``spelling`` (right syllables, non-Palladius letters: ``Шеньчжень``)
    or ``exception`` (a regular form where Russian has a traditional name:
    ``Бэйцзин`` for 北京).
    """

    kind: str
    ru_start: int
    ru_end: int
    found: str
    expected: str
    zh_start: int
    zh_end: int
    hanzi: str
    pinyin: tuple[str, ...]
    person: bool
    #: The expected text can replace the found one as it stands.
    safe_fix: bool = False


@dataclass(frozen=True)
class Match:
    """How the Russian words ``words[i:j]`` line up with ``hanzi``."""

    i: int
    j: int
    zh_start: int
    hanzi: str
    combo: tuple[WordParse, ...]
    mismatches: tuple[int, ...]
    preferred: tuple[str, ...]


def _is_upper_word(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _sentence_start(text: str, start: int) -> bool:
    k = start - 1
    while k >= 0 and text[k] in " \t\u00a0«\"„“”'(—–-\u2011":
        k -= 1
    return k < 0 or text[k] in ".!?…:\n\r"


def ru_words(text: str, table: Table) -> list[list[Word]]:
    """Groups of adjacent capitalised words that spell Palladius syllables
    (``Си Цзиньпином``), separated by nothing but a space."""
    groups: list[list[Word]] = []
    cur: list[Word] = []
    for m in _RU_WORD.finditer(text):
        w = m.group()
        if not w[0].isupper():
            parses: tuple[WordParse, ...] = ()
        elif not (_is_upper_word(w) or w[1:].replace("-", "").replace("\u2011", "").islower()
                  or all(p[:1].isupper() or p.islower() for p in re.split(r"[-\u2011]", w))):
            parses = ()
        else:
            parses = parse_word(w, table)
        if not parses:
            if cur:
                groups.append(cur)
            cur = []
            continue
        word = Word(m.start(), m.end(), w, parses, _sentence_start(text, m.start()))
        if cur and text[cur[-1].end:m.start()] not in (" ", "\u00a0"):
            groups.append(cur)
            cur = []
        cur.append(word)
    if cur:
        groups.append(cur)
    return groups


_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})

COMMON, PROPER, UNKNOWN = "common", "proper", "unknown"


@functools.lru_cache(maxsize=16384)
def russian_word_kind(word: str) -> str:
    """What the Russian dictionary says of ``word``: ``common`` (an
    ordinary word: ``Она``, ``Его``, ``Ли``; a capital at the start of a
    sentence does not make it a name), ``proper`` (a name it knows:
    ``Италия``, ``Ганди``) or ``unknown`` (``Цзинпин``)."""
    from ruconsist.morph import analyzer

    w = word.lower().replace("ё", "е")
    morph = analyzer()
    if not morph.word_is_known(w):
        return UNKNOWN
    parses = [p for p in morph.parse(w) if p.is_known]
    if any(not (_PROPER & set(p.tag.grammemes)) for p in parses):
        return COMMON
    return PROPER


def _han_runs(zh: str) -> list[tuple[int, str, tuple[str, ...]]]:
    return [(m.start(), m.group(), run_readings(m.group())) for m in HAN_RUN.finditer(zh)]


def _casing(like: str, word: str) -> str:
    if _is_upper_word(like):
        return word.upper()
    return _title(word)


def _attach(base: str, ending: str) -> str:
    """``base`` (a nominative) with a case ending taken from another
    word: Пекин + е -> Пекине, Шэньчжэнь + е -> Шэньчжэне; a final vowel
    does not inflect (Гуанчжоу, Макао)."""
    if not ending:
        return base
    if base[-1] in "ьй":
        return base[:-1] + ending
    if base[-1].lower() not in _VOWELS:
        return base + ending
    return base


def _spell(parse: WordParse, syllables: Sequence[str], like: str, table: Table) -> str:
    return _casing(like, _attach(to_palladius(syllables, table), parse.ending))


class _Aligner:
    def __init__(self, ru: str, zh: str, table: Table, word_kind: Callable[[str], str]) -> None:
        self.ru = ru
        self.zh = zh
        self.table = table
        self.word_kind = word_kind
        self._allowed: dict[tuple[int, int, bool], tuple[list[frozenset[str]], list[str]]] = {}
        self._loose: dict[int, frozenset[str]] = {}
        #: Han positions compared so far (see :data:`MATCH_BUDGET`).
        self.spent = 0

    @functools.cached_property
    def runs(self) -> list[tuple[int, str, tuple[str, ...]]]:
        # Read the characters only when the Russian side has a name to
        # compare: most sentences have none, and pinyin is the costly part.
        return _han_runs(self.zh)

    @functools.cached_property
    def _run_starts(self) -> list[int]:
        return [rs for rs, _, _ in self.runs]

    def allowed(self, start: int, n: int, surname: bool) -> tuple[list[frozenset[str]], list[str]] | None:
        key = (start, n, surname)
        if key not in self._allowed:
            k = bisect.bisect_right(self._run_starts, start) - 1
            for rs, run, readings in self.runs[max(k, 0) : k + 1]:
                if rs <= start and start + n <= rs + len(run):
                    off = start - rs
                    hanzi = run[off: off + n]
                    self._allowed[key] = allowed_readings(
                        hanzi, self.table, surname=surname, context=readings[off: off + n]
                    )
                    break
            else:
                return None
        return self._allowed[key]

    def loose(self, pos: int) -> frozenset[str]:
        """Every reading any substring may allow the character at Han
        position ``pos`` outside a dictionary phrase: all of pypinyin's
        readings, its reading in context, its surname reading and the
        pack's readings of words holding it."""
        got = self._loose.get(pos)
        if got is None:
            k = bisect.bisect_right(self._run_starts, pos) - 1
            rs, run, readings = self.runs[k]
            c = run[pos - rs]
            got = frozenset(
                (*char_readings(c), readings[pos - rs], *self.table.surname_readings.get(c, ()),
                 *_pack_syllables(self.table.readings).get(c, ()))
            )
            self._loose[pos] = got
        return got

    def could_match(self, pos: int, hanzi: str, syl: Sequence[str]) -> bool:
        """Whether ``hanzi`` at ``pos`` can read as ``syl`` with at most one
        syllable off (one syllable: exactly), which needs the first or the
        second syllable to be a reading of its character.  A cheap test
        before :func:`allowed_readings`; a dictionary phrase, whose readings
        are its own, always goes on to it."""
        loose = self.loose
        if syl[0] in loose(pos) or (len(syl) > 1 and syl[1] in loose(pos + 1)):
            return True
        return len(hanzi) > 1 and (_phrase(hanzi) is not None or "" in self.table.readings)

    def matches(self, words: Sequence[Word], i: int, j: int) -> Iterator[Match]:
        """Every Han substring of the same length as some parse of
        ``words[i:j]``, with the syllables that differ."""
        person = j - i >= 2
        combos = itertools.islice(itertools.product(*(w.parses for w in words[i:j])), 256)
        for combo in combos:
            syl = [s for p in combo for s in p.syllables]
            n = len(syl)
            for rs, run, _ in self.runs:
                self.spent += max(0, len(run) - n + 1)
                for off in range(0, len(run) - n + 1):
                    if not self.could_match(rs + off, run[off: off + n], syl):
                        continue
                    got = self.allowed(rs + off, n, person)
                    if got is None:
                        continue
                    allowed, preferred = got
                    bad = tuple(k for k in range(n) if syl[k] not in allowed[k])
                    if len(bad) > 1:
                        continue
                    pref = tuple(syl[k] if k not in bad else preferred[k] for k in range(n))
                    yield Match(i, j, rs + off, run[off: off + n], combo, bad, pref)

    def expected(self, words: Sequence[Word], m: Match) -> str:
        out = []
        pos = 0
        for w, p in zip(words[m.i: m.j], m.combo):
            k = len(p.syllables)
            out.append(_spell(p, m.preferred[pos: pos + k], w.text, self.table))
            pos += k
        return " ".join(out)

    def plausible_name(self, words: Sequence[Word]) -> bool:
        """Not only ordinary words that a sentence happens to start with."""
        return any(
            not (w.sentence_start or _is_upper_word(w.text)) or self.word_kind(w.text) != COMMON
            for w in words
        )

    def unfamiliar(self, words: Sequence[Word]) -> bool:
        """Some word the Russian dictionary does not know.  A name it knows
        (``Италия``, ``Чили``, ``Ганди``) is a foreign name that happens to
        be spelt with Palladius syllables; a Chinese name written one
        syllable off is not in a dictionary."""
        return any(self.word_kind(w.text) == UNKNOWN for w in words)

    def marked(self, words: Sequence[Word]) -> bool:
        """Some word has letters only Palladius spellings have."""
        low = " ".join(w.text.lower() for w in words)
        return any(m in low for m in self.table.markers)

    def foreign_hanzi(self, hanzi: str) -> bool:
        """Characters that do not make a Chinese name: transliteration
        characters only (拜登 for Байден, whose Russian е is no slip for э),
        or a function word inside (的, 了)."""
        t = self.table
        return all(c in t.translit_chars for c in hanzi) or any(c in t.function_chars for c in hanzi)

    def finding(self, kind: str, words: Sequence[Word], m: Match, expected: str, safe: bool) -> Finding:
        a, b = words[m.i].start, words[m.j - 1].end
        return Finding(
            kind=kind,
            ru_start=a,
            ru_end=b,
            found=self.ru[a:b],
            expected=expected,
            zh_start=m.zh_start,
            zh_end=m.zh_start + len(m.hanzi),
            hanzi=m.hanzi,
            pinyin=m.preferred,
            person=m.j - m.i >= 2,
            safe_fix=safe,
        )


#: Longest run of words judged as one name.  A Chinese name takes one
#: to three Russian words (Си Цзиньпин, Чжан Сюэ Лян); judging every span
#: of a long run of capitalised words would be quadratic in its length.
MAX_NAME_WORDS = 4
#: Han positions compared per segment (span x offset x parse).  An
#: ordinary paragraph needs a few thousand; a segment past this is
#: checked up to where the budget ran out, and the check says so.
MATCH_BUDGET = 2_000_000


def _spans(n: int) -> list[tuple[int, int]]:
    """Spans of up to :data:`MAX_NAME_WORDS` words, longest first."""
    return [(i, i + length) for length in range(min(n, MAX_NAME_WORDS), 0, -1) for i in range(0, n - length + 1)]


def exception_spans(ru: str, table: Table) -> list[tuple[int, int]]:
    pat = table.exception_pattern()
    return [m.span() for m in pat.finditer(ru)] if pat else []


def _adjacent(words: Sequence[Word], i: int, j: int) -> bool:
    return all(words[k + 1].start - words[k].end == 1 for k in range(i, j - 1))


def _judge(al: _Aligner, words: Sequence[Word], i: int, j: int) -> Finding | bool | None:
    """``True`` when ``words[i:j]`` agree with some Han substring, a
    :class:`Finding` when they nearly do, ``None`` when nothing is close."""
    table = al.table
    best: Match | None = None
    best_key: tuple[int, ...] = ()
    near: list[Match] = []
    for m in al.matches(words, i, j):
        if m.mismatches:
            near.append(m)
            continue
        key = (
            m.hanzi in table.exceptions,
            sum(len(p.misspelt) for p in m.combo),
            sum(bool(p.ending) for p in m.combo),
        )
        if best is None or key < best_key:
            best, best_key = m, key
            if not any(key):
                break
    if best is None and (i, j) != (0, len(words)):
        # Near misses are judged on whole names; a part of a name only
        # counts when it reads exactly.
        return None
    if best is not None:
        if best.hanzi in table.exceptions:
            if not al.plausible_name(words[i:j]):
                return True
            expected = _attach(table.exceptions[best.hanzi][0], best.combo[-1].ending)
            if _is_upper_word(words[i].text):
                expected = expected.upper()
            return al.finding("exception", words, best, expected, safe=True)
        if (
            any(p.misspelt for p in best.combo)
            and len(best.hanzi) >= 2
            and not al.foreign_hanzi(best.hanzi)
            and al.plausible_name(words[i:j])
        ):
            return al.finding("spelling", words, best, al.expected(words, best), safe=True)
        return True
    cands = []
    for m in near:
        if any(p.misspelt for p in m.combo):
            # One letter off the table and one syllable off the
            # characters is too far to call (Джамуха, 札木合).
            continue
        k = m.mismatches[0]
        syl = [s for p in m.combo for s in p.syllables]
        if len(syl) < 2:
            continue
        # The common reading of a character that reads otherwise as a
        # surname (单 dan for Shan) is as wrong as a near syllable.
        wrong_surname = (
            k == 0 and j - i >= 2 and m.hanzi[0] in table.surname_readings
            and syl[0] in char_readings(m.hanzi[0])
        )
        # Near in sound (jin/jing, xi/xia) or in Russian letters
        # (Цзедун for Цзэдун: цзе is jie, цзэ is ze).
        near_letters = _edit1(table.syllables[syl[k]], table.syllables[m.preferred[k]])
        if not (wrong_surname or near_letters or near_syllables(syl[k], m.preferred[k])):
            continue
        if m.hanzi in table.exceptions or any(c in table.function_chars for c in m.hanzi):
            continue
        if j - i >= 2:
            # A personal name: the characters must start with a Chinese
            # surname (Ди Канио is not 迪卡尼奥 read wrong).
            if m.hanzi[0] not in table.surname_chars and m.hanzi[:2] not in table.compound_surnames:
                continue
        elif all(c in table.translit_chars for c in m.hanzi) or not al.marked(words[i:j]):
            # One word: a place, unless it is a foreign name spelt with
            # Palladius syllables (Данди 邓迪, Гома 戈马).
            continue
        cands.append(m)
    if not cands or not al.plausible_name(words[i:j]) or not al.unfamiliar(words[i:j]):
        return None
    m = cands[0]
    return al.finding("near", words, m, al.expected(words, m), safe=False)


def compare(
    ru: str,
    zh: str,
    table: Table | None = None,
    *,
    word_kind: Callable[[str], str] = russian_word_kind,
    budget: int = MATCH_BUDGET,
    partial: list[int] | None = None,
) -> list[Finding]:
    """Palladius names of ``ru`` that ``zh`` contradicts.

    A name agrees when some Han substring of ``zh`` reads as its
    syllables.  Otherwise a substring that reads the same but for one
    syllable (a wrong initial or final) is a near miss.  Names spelt with
    non-Palladius letters but the right syllables, and regular forms
    where a traditional name exists, are findings too.  Names with no
    counterpart at all are left alone: the translation may have dropped
    or paraphrased them.

    Comparing stops once ``budget`` Han positions have been compared (a
    segment of thousands of distinct names against a long Chinese side);
    the Russian offset where it stopped is then appended to ``partial``.
    """
    table = table or default_table()
    if not HAN_RUN.search(zh):
        return []
    masked = exception_spans(ru, table)
    al = _Aligner(ru, zh, table, word_kind)
    findings: list[Finding] = []
    # A name repeated in one segment is judged once: the verdict depends
    # on its words and the Chinese side, not on where it stands.  This
    # keeps a long paragraph that repeats a name linear.
    verdicts: dict[tuple[str, ...], bool] = {}
    masked.sort()
    mask_starts = [a for a, _ in masked]

    def is_masked(w: Word) -> bool:
        # Spans do not overlap each other, so only the last one starting
        # before the word's end can cover it.
        k = bisect.bisect_left(mask_starts, w.end) - 1
        return k >= 0 and masked[k][1] > w.start

    for group in ru_words(ru, table):
        words = [w for w in group if not is_masked(w)]
        done = [False] * len(words)
        # Longest spans first, so that a whole name (Си Цзинпин) is judged
        # before its surname alone matches.
        for i, j in _spans(len(words)):
            if any(done[i:j]) or not _adjacent(words, i, j):
                continue
            key = tuple(w.text for w in words[i:j])
            if key in verdicts:
                if verdicts[key]:
                    for k in range(i, j):
                        done[k] = True
                continue
            if al.spent > budget:
                if partial is not None:
                    partial.append(words[i].start)
                findings.sort(key=lambda f: f.ru_start)
                return findings
            found = _judge(al, words, i, j)
            # Judged: a match (True or a finding) or nothing close.
            verdicts[key] = found is not None
            if found is None:
                continue
            for k in range(i, j):
                done[k] = True
            if found is not True:
                findings.append(found)
    findings.sort(key=lambda f: f.ru_start)
    return findings


def display_pinyin(syllables: Sequence[str]) -> str:
    return " ".join(s.replace("v", "ü") for s in syllables)


__all__ = [
    "Finding",
    "Table",
    "WordParse",
    "allowed_readings",
    "build_table",
    "compare",
    "default_table",
    "display_pinyin",
    "hanzi_to_palladius",
    "inflected_pattern",
    "near_syllables",
    "parse_word",
    "split_syllable",
    "table_from_rules",
    "to_palladius",
]
