"""Consistency across the run: one Russian name, one Chinese rendering.

No rule pack lists every name a repository of translations holds.  This
check learns the renderings from the aligned segments of the whole run
(every file pair linted together) and reports the outliers.

What is learned, per aligned segment:

* RU: capitalised words that are not at the start of a sentence (or are,
  but the dictionary reads them as proper names), by lemma, so that
  ``Ушакова`` and ``Ушаковым`` count as ``Ушаков`` (names the dictionary
  does not know are counted by their stem: ``Уэстом`` as ``Уэст``);
* ZH: maximal runs of the characters Chinese transliterates foreign
  names with (the ``transliteration`` vocabulary of the rule packs,
  ``rules/transliteration.yaml``), such as ``乌沙科夫`` or ``特朗普``.

A RU word and a ZH run that keep appearing in the same segments are a
rendering.  A segment where the RU word appears with a *near* variant of
its usual rendering (one character off) is an outlier (CON001); so is a
segment where the usual ZH rendering stands for a near variant of the
RU word (CON002).  Words and runs inside terms the rule packs already
list are left to the term checks.
"""

from __future__ import annotations

import bisect
import functools
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from ruconsist.checks.base import Check, PairContext
from ruconsist.diagnostic import Diagnostic, Location, Severity
from ruconsist.document import SegmentPair
from ruconsist.errors import RuleError
from ruconsist.lang.han import HAN_CHAR
from ruconsist.yamlio import line_of

VOCAB = "transliteration"

#: A capitalised Russian word (hyphenated names kept whole).
RU_NAME = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*(?![\w-])")
#: What may stand between a sentence end and the next word.
_OPENERS = " \t\u00a0«„\"“'(—–-"
_SENTENCE_END = ".!?…:;\n"
_HAN = HAN_CHAR


# ---------------------------------------------------------------------------
# The vocabulary


@dataclass(frozen=True)
class TranslitVocab:
    chars: frozenset[str]
    run: re.Pattern[str] | None
    #: (masculine ending, feminine ending) pairs.
    feminine: tuple[tuple[str, str], ...] = ()
    #: (character, the character women's names take instead) pairs.
    feminine_chars: frozenset[tuple[str, str]] = frozenset()
    #: Characters that never begin or end a name (和, 与, 对 …).
    edges: frozenset[str] = frozenset()


def build_vocab(nodes: Any) -> TranslitVocab:
    """Merge the ``vocab: transliteration`` sections, whose shape the pack
    schema (:data:`ruconsist.packschema.TRANSLITERATION`) has checked."""
    chars: set[str] = set()
    feminine: list[tuple[str, str]] = []
    feminine_chars: set[tuple[str, str]] = set()
    edges: set[str] = set()
    for pack, node in nodes:
        chars.update(c for c in node.get("chars") or "" if _HAN.match(c))
        for masc, forms in (node.get("feminine_endings") or {}).items():
            feminine.extend((str(masc), f) for f in ([forms] if isinstance(forms, str) else forms))
        fchars = node.get("feminine_chars") or {}
        if not all(len(str(k)) == 1 and len(v) == 1 for k, v in fchars.items()):
            raise RuleError(
                "transliteration: 'feminine_chars' must map one character to one character",
                pack.path, line_of(node, "feminine_chars"),
            )
        feminine_chars.update((str(k), v) for k, v in fchars.items())
        edges.update(c for c in node.get("not_at_name_edge") or "" if _HAN.match(c))
    run = re.compile("[" + "".join(sorted(chars)) + "]{2,}") if chars else None
    return TranslitVocab(frozenset(chars), run, tuple(feminine), frozenset(feminine_chars), frozenset(edges))


def vocab_for(rules: Any) -> TranslitVocab:
    return rules.cached("consistency.translit", lambda: build_vocab(rules.vocab(VOCAB)))  # type: ignore[no-any-return]


# ---------------------------------------------------------------------------
# Extraction (shared with ``ruconsist.suggest``)


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
#: Case endings stripped from names the dictionary does not know, longest
#: first (``Уэстом`` → ``уэст``, ``Флейка`` → ``флейк``, ``Ачехе`` →
#: ``ачех``).  No plural endings: ``-ов``/``-ев`` end surnames.
_ENDINGS = tuple(sorted(
    ("ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ом", "ем", "ым", "им",
     "ах", "ях", "ую", "юю", "ая", "яя", "ое", "ее", "ые", "ие", "ий", "ый",
     "а", "я", "у", "ю", "е", "ы", "и", "ь", "й"),
    key=len, reverse=True,
))


def _norm(word: str) -> str:
    return word.lower().replace("ё", "е")


def _stem(norm: str) -> str:
    for ending in _ENDINGS:
        if norm.endswith(ending) and len(norm) - len(ending) >= 3:
            norm = norm[: -len(ending)]
            break
    # The stem of -ия/-ея names keeps one vowel more in some cases
    # (России, Гвинее): drop it too when enough is left.
    if norm.endswith(("и", "е")) and len(norm) >= 5:
        norm = norm[:-1]
    return norm


@functools.lru_cache(maxsize=65536)
def _proper_parse(word: str):  # type: ignore[no-untyped-def]
    """The dictionary's proper-name reading of a word it knows, if any."""
    from ruconsist import morph

    analyzer = morph.analyzer()
    if not analyzer.word_is_known(_norm(word)):
        return None
    for p in analyzer.parse(word):
        if _PROPER & set(p.tag.grammemes):
            return p
    return None


@functools.lru_cache(maxsize=65536)
def name_key(word: str) -> str:
    """The key under which the forms of one name are counted together:
    the dictionary lemma of a name the dictionary knows (``Ушаковым`` →
    ``ушаков``, ``Сергея`` → ``сергей``) or of a noun it knows (``Кубка``
    → ``кубок``), else the word without its case
    ending, since the dictionary's guesses for unknown foreign names
    disagree from form to form (``Флейк``/``Флейка``).  Each part of a
    hyphenated name is keyed on its own (``Бернерса-Ли``)."""
    if "-" in word:
        return "-".join(name_key(part) for part in word.split("-"))
    parse = _proper_parse(word)
    if parse is not None:
        return _norm(parse.normal_form)
    common = _common_parse(word)
    if common is not None:
        return _norm(common.normal_form)
    return _stem(_norm(word))


@functools.lru_cache(maxsize=65536)
def _common_parse(word: str):  # type: ignore[no-untyped-def]
    """The dictionary's singular noun or adjective reading of a word it
    knows (``Кубка`` of ``Кубок``), if that is its best reading.  Plural
    readings are left out: a name is singular (``Ушанов`` is no plural
    of ``ушан``)."""
    from ruconsist import morph

    analyzer = morph.analyzer()
    if not analyzer.word_is_known(_norm(word)):
        return None
    best = analyzer.parse(word)[0]
    return best if best.tag.POS in ("NOUN", "ADJF") and "sing" in best.tag.grammemes else None


def _sentence_initial_name(word: str) -> bool:
    """Whether a capitalised word at a sentence start is still a name:
    the dictionary reads it as one, or does not know it at all."""
    from ruconsist import morph

    if not morph.analyzer().word_is_known(_norm(word)):
        return True
    return _proper_parse(word) is not None


def given_name(word: str) -> bool:
    """Whether the dictionary reads the word as a first name (``Анна``,
    ``Джон``): many people share one, and Chinese renders some of them
    by the person's own language (Anne Frank 安妮, Anna 安娜)."""
    parse = _proper_parse(word)
    return parse is not None and "Name" in parse.tag.grammemes


@functools.lru_cache(maxsize=4096)
def _abbreviation(word: str) -> bool:
    from ruconsist import morph

    parses = morph.analyzer().parse(word)
    return bool(parses) and "Abbr" in parses[0].tag.grammemes


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str
    key: str


def ru_names(text: str) -> list[Word]:
    """Capitalised words of a RU text that are names (not sentence-initial,
    or sentence-initial but read as a name), with their keys."""
    out = []
    for m in RU_NAME.finditer(text):
        word = m.group()
        if _sentence_initial(text, m.start()) and not _sentence_initial_name(word):
            continue
        if text[m.end() : m.end() + 1] == "." and _abbreviation(word):
            continue  # Св. Мартин, Проф. Иванов
        out.append(Word(m.start(), m.end(), word, name_key(word)))
    return out


def zh_runs(text: str, vocab: TranslitVocab) -> list[tuple[int, int, str]]:
    """Maximal runs of transliteration characters, two or more long."""
    if vocab.run is None:
        return []
    return [(m.start(), m.end(), m.group()) for m in vocab.run.finditer(text)]


def term_spans(bead: SegmentPair, lang: str, rules: Any) -> list[tuple[int, int]]:
    from ruconsist.terms import matcher_for

    matcher = matcher_for(rules)
    mentions = bead.cached(("terms", lang), lambda: matcher.find(bead.side(lang).text, lang))
    return sorted((m.start, m.end) for m in mentions)


def _inside(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """Whether ``[a, b)`` overlaps one of ``spans`` (sorted, not
    overlapping each other, as term mentions are): by bisection, so a long
    paragraph full of names stays linear."""
    k = bisect.bisect_left(spans, (b, b)) - 1
    return k >= 0 and spans[k][1] > a


# ---------------------------------------------------------------------------
# Similarity


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, stopping early above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def _feminine_pair(a: str, b: str, vocab: TranslitVocab) -> bool:
    """Whether ``a`` and ``b`` are one name's masculine and feminine
    forms: ``扎哈罗夫``/``扎哈罗娃`` (endings), ``凯利``/``凯莉``
    (a character Chinese keeps for women's names)."""
    for masc, fem in vocab.feminine:
        for x, y in ((a, b), (b, a)):
            if x.endswith(masc) and y.endswith(fem) and x[: -len(masc)] == y[: -len(fem)]:
                return True
    if len(a) == len(b):
        diff = [(x, y) for x, y in zip(a, b) if x != y]
        if diff and all((x, y) in vocab.feminine_chars or (y, x) in vocab.feminine_chars for x, y in diff):
            return True
    return False


def zh_variant(usual: str, other: str, vocab: TranslitVocab) -> bool:
    """Whether ``other`` reads as a misspelling of the rendering ``usual``:
    one character off (two in a name of six or more), and neither a
    part of the other (``布普京`` is ``普京`` with a neighbour glued on)
    nor its feminine form (``扎哈罗娃`` for ``扎哈罗夫``)."""
    if usual == other or usual in other or other in usual:
        return False
    if len(usual) != len(other) and min(len(usual), len(other)) < 4:
        return False
    if _feminine_pair(usual, other, vocab):
        return False
    limit = 2 if min(len(usual), len(other)) >= 6 else 1
    return edit_distance(usual, other, limit) <= limit


def _same_word(a: str, b: str) -> bool:
    """Whether two RU words share an inflected form (one name in two
    cases), part by part for hyphenated names."""
    from ruconsist import morph

    pa, pb = a.split("-"), b.split("-")
    if len(pa) != len(pb):
        return False
    return all(x.lower() == y.lower() or morph.word_forms(x) & morph.word_forms(y) for x, y in zip(pa, pb))


def ru_variant(usual_key: str, other_key: str, usual: str, other: str) -> bool:
    """Whether the RU word ``other`` reads as a misspelling of ``usual``
    (their keys one letter apart, two in long words) rather than another
    word or another case of the same one."""
    if usual_key == other_key or len(usual_key) < 4 or len(other_key) < 4:
        return False
    limit = 2 if min(len(usual_key), len(other_key)) >= 9 else 1
    if edit_distance(usual_key, other_key, limit) > limit:
        return False
    return not _same_word(usual, other)


# ---------------------------------------------------------------------------
# Statistics over the run


@dataclass(slots=True)
class Mention:
    location: Location
    text: str


#: A name or run of one segment as a run-level fact carries it: its key
#: (RU lemma or ZH run), its text as written, and where it stands (path,
#: line, column, end line, end column).
NameRow = tuple[str, str, str, int, int, int, int]


class SegmentNames(NamedTuple):
    """The run-level fact of one aligned segment: its RU names and ZH
    runs (the first mention of each key), the keys of the RU names that
    are first names, and the Chinese region of the file ("" for the
    mainland): a Taiwan translation's 普丁 is no outlier of the
    mainland's 普京."""

    region: str
    ru: tuple[NameRow, ...]
    zh: tuple[NameRow, ...]
    given: tuple[str, ...]


def _rows(mentions: list[tuple[str, Mention]]) -> tuple[NameRow, ...]:
    """The first mention of each key, as rows."""
    first: dict[str, Mention] = {}
    for key, m in mentions:
        first.setdefault(key, m)
    return tuple(
        (key, m.text, m.location.path, m.location.line, m.location.column, m.location.end_line, m.location.end_column)
        for key, m in first.items()
    )


#: A kept mention is one row of integers: side (0 RU, 1 ZH), key, text,
#: path (those three as numbers of the string table), line, column, end
#: line, end column.
_FIELDS = 8
_LANGS = ("ru", "zh")


class Renderings:
    """Which RU lemmas and ZH runs share aligned segments, run-wide (of
    one Chinese region).

    The findings come at the end of the run, so every segment learnt from
    is kept until then: per side, each key (RU lemma or ZH run) once, with
    its first mention there (a finding shows only the first).  They are
    kept as rows of integers with one table of strings, not as objects: a
    corpus has a segment like this in every third sentence, and as
    dictionaries of mentions they took 1 MB per 2,500 sentences."""

    def __init__(self) -> None:
        self.strings: list[str] = []
        self._ids: dict[str, int] = {}
        self.rows = array("i")
        #: Number of rows at the end of each segment.
        self.ends = array("i")
        #: Keys of first names: their usual rendering needs more evidence.
        self.given: set[str] = set()
        self.ru_count: Counter[str] = Counter()
        self.zh_count: Counter[str] = Counter()
        self.pair_count: Counter[tuple[str, str]] = Counter()

    @property
    def units(self) -> int:
        return len(self.ends)

    def _id(self, text: str) -> int:
        i = self._ids.get(text)
        if i is None:
            i = self._ids[text] = len(self.strings)
            self.strings.append(text)
        return i

    def add(self, ru: Sequence[NameRow], zh: Sequence[NameRow]) -> None:
        """Learn from one segment: its RU names and ZH runs, each as a
        :data:`NameRow` (only the first of a key counts)."""
        keys: list[list[str]] = [[], []]
        for side, mentions, count in ((0, ru, self.ru_count), (1, zh, self.zh_count)):
            for key, text, path, line, column, end_line, end_column in mentions:
                if key in keys[side]:
                    continue
                keys[side].append(key)
                count[key] += 1
                self.rows.extend((
                    side, self._id(key), self._id(text), self._id(path), line, column, end_line, end_column,
                ))
        self.ends.append(len(self.rows) // _FIELDS)
        for lemma in keys[0]:
            for run in keys[1]:
                self.pair_count[(lemma, run)] += 1

    def _bounds(self, unit: int) -> range:
        return range(self.ends[unit - 1] if unit else 0, self.ends[unit])

    def unit(self, unit: int) -> tuple[dict[str, int], dict[str, int]]:
        """Segment ``unit``'s RU and ZH keys, each with its row."""
        out: tuple[dict[str, int], dict[str, int]] = ({}, {})
        rows, strings = self.rows, self.strings
        for r in self._bounds(unit):
            f = r * _FIELDS
            out[rows[f]][strings[rows[f + 1]]] = r
        return out

    def mention(self, row: int) -> Mention:
        side, _, text, path, line, col, end_line, end_col = self.rows[row * _FIELDS : (row + 1) * _FIELDS]
        return Mention(Location(_LANGS[side], self.strings[path], line, col, end_line, end_col), self.strings[text])

    def units_of(self) -> dict[tuple[int, str], list[int]]:
        """(side, key) -> the segments holding it, in order."""
        out: dict[tuple[int, str], list[int]] = defaultdict(list)
        rows, strings = self.rows, self.strings
        for unit in range(self.units):
            for r in self._bounds(unit):
                f = r * _FIELDS
                out[(rows[f], strings[rows[f + 1]])].append(unit)
        return out

    def dice(self, lemma: str, run: str) -> float:
        both = self.pair_count[(lemma, run)]
        return 2 * both / (self.ru_count[lemma] + self.zh_count[run]) if both else 0.0

    def usual_zh(self, min_count: int = 2, min_dice: float = 0.5) -> dict[str, str]:
        """Each RU name's usual ZH rendering: the run most strongly tied
        to it (Dice), seen together at least ``min_count`` times (one more
        for first names)."""
        best: dict[str, tuple[float, int, str]] = {}
        for (lemma, run), n in self.pair_count.items():
            if n < min_count + (lemma in self.given):
                continue
            score = (self.dice(lemma, run), n, run)
            if score[0] >= min_dice and (lemma not in best or score > best[lemma]):
                best[lemma] = score
        return {lemma: s[2] for lemma, s in best.items()}

    def usual_ru(self, min_count: int = 2, min_dice: float = 0.5) -> dict[str, str]:
        best: dict[str, tuple[float, int, str]] = {}
        for (lemma, run), n in self.pair_count.items():
            if n < min_count:
                continue
            score = (self.dice(lemma, run), n, lemma)
            if score[0] >= min_dice and (run not in best or score > best[run]):
                best[run] = score
        return {run: s[2] for run, s in best.items()}


def collect(bead: SegmentPair, rules: Any) -> tuple[list[tuple[str, Mention]], list[tuple[str, Mention]]]:
    """The RU names and ZH runs of one bead that no rule pack term covers.
    A bead without such a ZH run teaches nothing, and its RU names are
    not read (reading them needs the morphology dictionary)."""
    vocab = vocab_for(rules)
    ru_text, zh_text = bead.ru.text, bead.zh.text
    zh_terms = term_spans(bead, "zh", rules)
    zh = [
        (run, Mention(bead.zh.location(a, b), run))
        for a, b, run in zh_runs(zh_text, vocab)
        if not _inside(zh_terms, a, b)
    ]
    if not zh:
        return [], zh
    ru_terms = term_spans(bead, "ru", rules)
    ru = [
        (w.key, Mention(bead.ru.location(w.start, w.end), w.text))
        for w in ru_names(ru_text)
        if not _inside(ru_terms, w.start, w.end)
    ]
    return ru, zh


#: How many of the segments that agree a finding names.
WHERE_LIMIT = 3


def _where(mentions: list[Mention], limit: int = WHERE_LIMIT) -> str:
    shown = [m.location.short() for m in mentions[:limit]]
    if len(mentions) > limit:
        shown.append("…")
    return ", ".join(shown)


def _segments(n: int) -> str:
    return f"{n} other segment" if n == 1 else f"{n} other segments"


class RunRenderings:
    """Where the facts of a run wait for the report: learnt as they come,
    per Chinese region, into :class:`Renderings`."""

    def __init__(self) -> None:
        self.by_region: dict[str, Renderings] = {}

    def append(self, fact: SegmentNames) -> None:
        stats = self.by_region.setdefault(fact.region, Renderings())
        stats.given.update(fact.given)
        stats.add(fact.ru, fact.zh)


class RenderingConsistency(Check):
    """The same Russian name rendered differently in Chinese in different
    files or segments of one run (``Ушаков`` as ``乌沙科夫`` in nine
    articles and ``乌沙可夫`` in one), or the same Chinese rendering
    standing for a different spelling of the Russian name.

    The check needs no rule pack entry: it learns, from the aligned
    segments of every file pair linted together, which capitalised RU
    word (by lemma) goes with which run of transliteration characters in
    ZH.  A
    segment whose ZH run is one character off the usual rendering
    is reported as CON001 with the usual form and where it occurs (a
    segment whose RU word is one letter off the usual word for a ZH
    rendering is CON002).  Masculine and feminine forms
    (``扎哈罗夫``/``扎哈罗娃``) are not variants of each other.  Names the
    rule packs list are left to TRM001/TRM002.

    Examples (articles of one run, joined by ;)
      PASS  RU «Бурлаков сообщил об этом журналистам.»  ZH «布尔拉科夫向记者透露了这一消息。» ; RU «По словам Бурлакова, встреча прошла успешно.»  ZH «布尔拉科夫表示，会谈很成功。» ; RU «В заключение Бурлаков поблагодарил коллег.»  ZH «最后，布尔拉科夫感谢了同事们。»
      FAIL  RU «Бурлаков сообщил об этом журналистам.»  ZH «布尔拉科夫向记者透露了这一消息。» ; RU «По словам Бурлакова, встреча прошла успешно.»  ZH «布尔拉科夫表示，会谈很成功。» ; RU «В заключение Бурлаков поблагодарил коллег.»  ZH «最后，布尔拉可夫感谢了同事们。»  -> CON001
    """

    code = "CON001"
    slug = "inconsistent-rendering"
    category = "name"
    severity = Severity.WARNING
    extra_codes = {
        "CON002": ("inconsistent-source-name", "name", Severity.WARNING),
    }
    code_docs = {
        "CON002": """
        The usual Chinese rendering of a Russian name, learnt from every
        file pair linted together, standing in one segment for a Russian
        word one letter off the usual one (``布尔拉科夫`` is ``Бурлаков``
        everywhere but ``Бурланов`` here): usually a typo in the Russian
        text, or the translator's silent correction of one.  The RU word
        is reported, with the usual word and where it occurs.  Names the
        rule packs list are left to TRM001/TRM002.

        Examples (articles of one run, joined by ;)
          PASS  RU «Бурлаков сообщил об этом журналистам.»  ZH «布尔拉科夫向记者透露了这一消息。» ; RU «По словам Бурлакова, встреча прошла успешно.»  ZH «布尔拉科夫表示，会谈很成功。» ; RU «В заключение Бурлаков поблагодарил коллег.»  ZH «最后，布尔拉科夫感谢了同事们。»
          FAIL  RU «Бурлаков сообщил об этом журналистам.»  ZH «布尔拉科夫向记者透露了这一消息。» ; RU «По словам Бурлакова, встреча прошла успешно.»  ZH «布尔拉科夫表示，会谈很成功。» ; RU «В заключение Бурланов поблагодарил коллег.»  ZH «最后，布尔拉科夫感谢了同事们。»  -> CON002
        """,
    }
    #: A rendering counts as usual when seen in this many segments.
    min_count = 2

    def run_facts(self, bead: SegmentPair, ctx: PairContext) -> Iterator[SegmentNames]:
        if bead.ru and bead.zh:
            ru, zh = bead.cached(("consistency", "collect"), lambda: collect(bead, ctx.rules))
            if ru and zh:
                given = tuple(dict.fromkeys(key for key, m in ru if given_name(m.text)))
                region = getattr(ctx.zh_doc, "region", None) or ""
                yield SegmentNames(region, _rows(ru), _rows(zh), given)

    def fact_stream(self) -> RunRenderings:
        return RunRenderings()

    def finish_run(self, facts: RunRenderings | None = None) -> Iterator[Diagnostic]:
        by_region = facts.by_region if facts is not None else {}
        for region in sorted(by_region):
            yield from self._report(by_region[region])

    def _report(self, stats: Renderings) -> Iterator[Diagnostic]:
        view = _RunView.of(stats, vocab_for(self.rules), self.min_count)
        reported: dict[tuple[str, str], tuple[float, Diagnostic]] = {}
        for unit in range(stats.units):
            ru_rows, zh_rows = stats.unit(unit)
            ru_here = {k: stats.mention(r) for k, r in ru_rows.items()}
            zh_here = {k: stats.mention(r) for k, r in zh_rows.items()}
            for key, score, diag in (*self._con001(view, ru_here, zh_here), *self._con002(view, ru_here, zh_here)):
                # One finding per place: the one of the strongest rendering.
                if key not in reported or score > reported[key][0]:
                    reported[key] = (score, diag)
        for _, diag in reported.values():
            yield diag

    def _con001(
        self, view: _RunView, ru_here: dict[str, Mention], zh_here: dict[str, Mention]
    ) -> Iterator[tuple[tuple[str, str], float, Diagnostic]]:
        """A RU name of the segment whose usual rendering is absent, and a
        near variant of it present."""
        pair_count = view.stats.pair_count
        for lemma, ru_m in ru_here.items():
            usual = view.usual_zh.get(lemma)
            if usual is None or usual in zh_here:
                continue
            for run, zh_m in zh_here.items():
                if not zh_variant(usual, run, view.vocab) or pair_count[(lemma, run)] >= pair_count[(lemma, usual)]:
                    continue
                owner = view.usual_ru.get(run)
                if owner is not None and owner != lemma and owner in ru_here:
                    continue  # the run is another name's own rendering
                n = pair_count[(lemma, usual)]
                message = (
                    f"RU '{ru_m.text}' is '{usual}' in {_segments(n)} ({_where(view.majority(lemma, 1, usual))})"
                    f" but '{run}' here"
                )
                diag = self._diag("CON001", message, zh_m.location, ru_m.location, usual, run)
                yield (zh_m.location.short(), "CON001"), view.stats.dice(lemma, usual), diag

    def _con002(
        self, view: _RunView, ru_here: dict[str, Mention], zh_here: dict[str, Mention]
    ) -> Iterator[tuple[tuple[str, str], float, Diagnostic]]:
        """A ZH rendering of the segment whose usual RU word is absent,
        and a near variant of that word present."""
        pair_count = view.stats.pair_count
        for run, zh_m in zh_here.items():
            lemma = view.usual_ru.get(run)
            if lemma is None or lemma in ru_here:
                continue
            usual_ms = view.majority(run, 0, lemma)
            majority_text = usual_ms[0].text if usual_ms else lemma.capitalize()
            for other, ru_m in ru_here.items():
                if not ru_variant(lemma, other, majority_text, ru_m.text):
                    continue
                if pair_count[(other, run)] >= pair_count[(lemma, run)]:
                    continue
                n = pair_count[(lemma, run)]
                message = (
                    f"ZH '{run}' stands for RU '{majority_text}' in {_segments(n)} ({_where(usual_ms)})"
                    f" but for '{ru_m.text}' here"
                )
                diag = self._diag("CON002", message, ru_m.location, zh_m.location, lemma.capitalize(), ru_m.text)
                yield (ru_m.location.short(), "CON002"), view.stats.dice(lemma, run), diag

    def _diag(
        self, code: str, message: str, location: Location, counterpart: Location, expected: str, found: str
    ) -> Diagnostic:
        return Diagnostic(
            code=code,
            slug=self.codes()[code][0],
            category="name",
            severity=self.severity,
            message=message,
            location=location,
            counterpart=counterpart,
            expected=expected,
            found=found,
        )


@dataclass(frozen=True)
class _RunView:
    """What the findings of a run read from its statistics: the usual
    rendering of each name both ways, and the segments holding each key."""

    stats: Renderings
    vocab: TranslitVocab
    usual_zh: dict[str, str]
    usual_ru: dict[str, str]
    units_of: dict[tuple[int, str], list[int]]

    @classmethod
    def of(cls, stats: Renderings, vocab: TranslitVocab, min_count: int) -> _RunView:
        return cls(stats, vocab, stats.usual_zh(min_count), stats.usual_ru(min_count), stats.units_of())

    def majority(self, with_key: str, side: int, key: str) -> list[Mention]:
        """The first mentions of ``key`` (on ``side``: 0 RU, 1 ZH) in
        segments holding ``with_key`` on the other side: as many as
        :func:`_where` shows, and one more to tell it there are more."""
        out: list[Mention] = []
        stats = self.stats
        other = set(self.units_of.get((1 - side, with_key), ()))
        for unit in self.units_of.get((side, key), ()):
            if unit in other:
                out.append(stats.mention(stats.unit(unit)[side][key]))
                if len(out) > WHERE_LIMIT:
                    break
        return out


CHECKS = [RenderingConsistency]
