"""The Palladius syllable table: pinyin syllables and their parts, the
table built from the ``palladius`` and ``transliteration`` vocabularies
of the packs, and patterns for inflected forms.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

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


@dataclass
class _Draft:
    """The parts of a :class:`Table` while the packs are read."""

    syllables: dict[str, str] = field(default_factory=dict)
    surnames: dict[str, tuple[str, ...]] = field(default_factory=dict)
    compounds: set[str] = field(default_factory=set)
    readings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    exceptions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    policy: dict[str, tuple[str, ...]] = field(default_factory=dict)
    function_chars: set[str] = field(default_factory=set)
    surname_chars: set[str] = field(default_factory=set)
    markers: set[str] = field(default_factory=set)
    translit_chars: set[str] = field(default_factory=set)
    given_names: set[str] = field(default_factory=set)


def build_table(sections: Iterable[tuple[Any, Any]], translit: Iterable[tuple[Any, Any]] = ()) -> Table:
    """Merge ``vocab: {palladius: ...}`` nodes (later packs win key by key)
    and validate them; errors name the pack file and line."""
    draft = _Draft()
    sections = list(sections)
    # The pack schema (ruconsist.packschema.PALLADIUS) has checked the
    # keys and types; what needs the syllable table is checked here, so
    # every pack's syllables are read before any section that names them.
    for pack, node in sections:
        _read_syllables(draft, pack, node)
    for pack, node in sections:
        for read in _SECTION_READERS:
            read(draft, pack, node)
    # A policy name's forms are all right by default: they join the
    # traditional names, so that none of them is read as a Palladius slip.
    for k, forms in draft.policy.items():
        draft.exceptions[k] = tuple(dict.fromkeys((*draft.exceptions.get(k, ()), *forms)))
    for pack, node in translit:
        _read_transliteration(draft, pack, node)
    return _table_of(draft)


def _mapping(pack: Any, node: Any, key: str, meaning: str) -> dict[Any, Any]:
    """The mapping under ``key`` ({} when absent)."""
    value = node.get(key) or {}
    if not isinstance(value, dict):
        raise _fail(f"palladius: '{key}' must map {meaning}", pack, node, key)
    return value


def _string_list(pack: Any, node: Any, key: str, fits: Callable[[str], Any], what: str,
                 vocab: str = VOCAB) -> list[str]:
    """The list of strings under ``key`` ([] when absent), each fitting."""
    items = node.get(key) or []
    if not isinstance(items, list) or not all(isinstance(x, str) and fits(x) for x in items):
        raise _fail(f"{vocab}: '{key}' must be a list of {what}", pack, node, key)
    return items


def _han_chars(pack: Any, node: Any, key: str, vocab: str = VOCAB) -> Iterator[str]:
    """The Chinese characters of the string under ``key``."""
    text = node.get(key) or ""
    if not isinstance(text, str):
        raise _fail(f"{vocab}: '{key}' must be a string of characters", pack, node, key)
    return (c for c in text if _HAN_CHAR.match(c))


def _russian_names(value: Any, least: int) -> bool:
    """A list of at least ``least`` non-blank Russian names."""
    return isinstance(value, list) and len(value) >= least and all(isinstance(x, str) and x.strip() for x in value)


def _read_syllables(draft: _Draft, pack: Any, node: Any) -> None:
    """``syllables``: pinyin to its Cyrillic spelling (ё written е)."""
    syl = _mapping(pack, node, "syllables", "pinyin to Cyrillic")
    for k, v in syl.items():
        p = normalize_pinyin(str(k))
        if not _PINYIN.match(p.replace("v", "ü")) or not isinstance(v, str):
            raise _fail(f"palladius: bad syllable {k!r}: {v!r}", pack, syl, k)
        c = v.strip().lower()
        if not _CYRILLIC.match(c):
            raise _fail(f"palladius: syllable {k!r} must be written in Cyrillic letters, found {v!r}", pack, syl, k)
        draft.syllables[p] = c.replace("ё", "е")


def _read_surname_readings(draft: _Draft, pack: Any, node: Any) -> None:
    """``surname_readings``: how a character reads as a surname (单 Shan)."""
    sur = _mapping(pack, node, "surname_readings", "characters to pinyin")
    for k, v in sur.items():
        if not _HAN_CHAR.fullmatch(str(k)):
            raise _fail(f"palladius: surname reading key {k!r} must be one Chinese character", pack, sur, k)
        draft.surnames[str(k)] = _pinyin_list(v, pack, sur, k, draft.syllables)


def _read_char_sets(draft: _Draft, pack: Any, node: Any) -> None:
    """``function_chars`` (的, 了) and ``surnames``: strings of characters."""
    draft.function_chars.update(_han_chars(pack, node, "function_chars"))
    draft.surname_chars.update(_han_chars(pack, node, "surnames"))


def _read_markers(draft: _Draft, pack: Any, node: Any) -> None:
    """``markers``: letter groups only Palladius spellings have (цз, чж)."""
    draft.markers.update(_string_list(pack, node, "markers", _CYRILLIC.match,
                                      "lowercase Cyrillic letter groups"))


def _read_compound_surnames(draft: _Draft, pack: Any, node: Any) -> None:
    """``compound_surnames``: two-character surnames (欧阳, 司马)."""
    draft.compounds.update(_string_list(pack, node, "compound_surnames", HAN_RUN.fullmatch, "Chinese strings"))


def _read_readings(draft: _Draft, pack: Any, node: Any) -> None:
    """``readings``: pinyin of words, one syllable per character."""
    rd = _mapping(pack, node, "readings", "Chinese strings to pinyin")
    for k, v in rd.items():
        k = str(k)
        if not HAN_RUN.fullmatch(k):
            raise _fail(f"palladius: reading key {k!r} must be Chinese characters", pack, rd, k)
        syl = _pinyin_list(v, pack, rd, k, draft.syllables)
        if len(syl) != len(k):
            raise _fail(f"palladius: {k!r} has {len(k)} characters but {len(syl)} syllables", pack, rd, k)
        draft.readings[k] = syl


def _read_exceptions(draft: _Draft, pack: Any, node: Any) -> None:
    """``exceptions``: traditional Russian names (北京: Пекин)."""
    exc = _mapping(pack, node, "exceptions", "Chinese strings to Russian names")
    for k, v in exc.items():
        k = str(k)
        if isinstance(v, str):
            v = [v]
        if not HAN_RUN.fullmatch(k) or not _russian_names(v, 1):
            raise _fail(f"palladius: exception {k!r} must map Chinese characters to a list of Russian names",
                        pack, exc, k)
        draft.exceptions[k] = tuple(" ".join(x.split()) for x in v)


def _read_policy(draft: _Draft, pack: Any, node: Any) -> None:
    """``policy``: names with more than one Russian form in use (西藏:
    Тибет, Сицзан)."""
    pol = _mapping(pack, node, "policy", "Chinese strings to the Russian names in use")
    for k, v in pol.items():
        k = str(k)
        if not HAN_RUN.fullmatch(k) or not _russian_names(v, 2):
            raise _fail(f"palladius: policy name {k!r} must map Chinese characters to two or more Russian names",
                        pack, pol, k)
        draft.policy[k] = tuple(" ".join(x.split()) for x in v)


#: The sections of a ``palladius`` vocabulary read after every pack's
#: syllables, in this order (the first error found is the one reported).
_SECTION_READERS: tuple[Callable[[_Draft, Any, Any], None], ...] = (
    _read_surname_readings,
    _read_char_sets,
    _read_markers,
    _read_compound_surnames,
    _read_readings,
    _read_exceptions,
    _read_policy,
)


def _read_transliteration(draft: _Draft, pack: Any, node: Any) -> None:
    """``vocab: {transliteration: ...}``: the characters of transliterated
    foreign names and foreign given names (拜登, 弗拉基米尔)."""
    if not isinstance(node, dict):
        raise _fail("vocab 'transliteration' must be a mapping", pack, node)
    draft.translit_chars.update(_han_chars(pack, node, "chars", TRANSLIT_VOCAB))
    draft.given_names.update(_string_list(pack, node, "given_names", HAN_RUN.fullmatch, "Chinese strings",
                                          TRANSLIT_VOCAB))


def _table_of(draft: _Draft) -> Table:
    """The table, with the Cyrillic spellings indexed and the common
    misspellings of them."""
    cyr: dict[str, list[str]] = {}
    for p, c in draft.syllables.items():
        cyr.setdefault(c, []).append(p)
    variants = _misspellings(draft.syllables, cyr)
    return Table(
        syllables=draft.syllables,
        cyrillic={k: tuple(v) for k, v in cyr.items()},
        variants={k: tuple(v) for k, v in variants.items()},
        surname_readings=draft.surnames,
        compound_surnames=frozenset(draft.compounds),
        readings=draft.readings,
        exceptions=draft.exceptions,
        translit_chars=frozenset(draft.translit_chars),
        given_names=frozenset(draft.given_names),
        function_chars=frozenset(draft.function_chars),
        surname_chars=frozenset(draft.surname_chars | set(draft.surnames)),
        markers=tuple(sorted(draft.markers)),
        max_len=max((len(c) for c in itertools.chain(cyr, variants)), default=1),
        policy=draft.policy,
        _exception_re=_exception_regex(draft.exceptions),
    )


def _misspellings(syllables: Mapping[str, str], cyr: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """Spellings writers use for a syllable that the table spells
    otherwise (and that spell no syllable of their own)."""
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
    return variants


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
    return re.compile(rf"(?<![А-ЯЁа-яё-])(?:{_inflected(form)})(?![А-ЯЁа-яё-])")


def _exception_regex(exceptions: Mapping[str, tuple[str, ...]]) -> re.Pattern[str] | None:
    forms = sorted({f for v in exceptions.values() for f in v}, key=len, reverse=True)
    if not forms:
        return None
    body = "|".join(_inflected(f) for f in forms)
    return re.compile(rf"(?<![А-ЯЁа-яё])(?:{body})(?![А-ЯЁа-яё])")


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
