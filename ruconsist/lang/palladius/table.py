"""The Palladius syllable table: pinyin syllables and their parts, the
table built from the ``palladius`` and ``transliteration`` vocabularies
of the packs, and patterns for inflected forms.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Mapping
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
