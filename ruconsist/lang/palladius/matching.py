"""Finding the Palladius names of a Russian text and matching each
against the Chinese text: the characters it transcribes, a near miss,
or nothing to compare with.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ruconsist.lang.han import HAN_RUN
from ruconsist.lang.palladius.spelling import (
    WordParse,
    _pack_syllables,
    _phrase,
    _title,
    allowed_readings,
    char_readings,
    parse_word,
    run_readings,
    to_palladius,
)
from ruconsist.lang.palladius.table import (
    _RU_WORD,
    _VOWELS,
    Table,
    _edit1,
    default_table,
    near_syllables,
)

if TYPE_CHECKING:
    pass


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
    best, near = _best_reading(al, words, i, j)
    if best is not None:
        return _judge_exact(al, words, i, j, best)
    if (i, j) != (0, len(words)):
        # Near misses are judged on whole names; a part of a name only
        # counts when it reads exactly.
        return None
    m = next((m for m in near if _near_miss(al, words, i, j, m)), None)
    if m is None or not al.plausible_name(words[i:j]) or not al.unfamiliar(words[i:j]):
        return None
    return al.finding("near", words, m, al.expected(words, m), safe=False)


def _best_reading(al: _Aligner, words: Sequence[Word], i: int, j: int) -> tuple[Match | None, list[Match]]:
    """The Han substring ``words[i:j]`` read exactly, the plainest first
    (a regular name before a traditional one, Palladius letters before
    misspelt ones, no case ending before one), and the substrings one
    syllable off seen on the way.  Stops at a plain exact reading."""
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
    return best, near


def _judge_exact(al: _Aligner, words: Sequence[Word], i: int, j: int, best: Match) -> Finding | bool:
    """Words that read as ``best`` exactly: right, unless the characters
    have a traditional Russian name (``Бэйцзин`` for 北京) or the letters
    are not Palladius (``Шеньчжень``)."""
    table = al.table
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
        expected = al.expected(words, best)
        if _western_spelling(words[i:j], best.hanzi, expected, table):
            return True
        return al.finding("spelling", words, best, expected, safe=True)
    return True


def _near_miss(al: _Aligner, words: Sequence[Word], i: int, j: int, m: Match) -> bool:
    """Whether characters one syllable off ``words[i:j]`` are the name
    written wrong rather than another name: the syllable is near, and the
    characters look like a Chinese name (a surname first for a person; a
    place spelt with Palladius markers)."""
    table = al.table
    if any(p.misspelt for p in m.combo):
        # One letter off the table and one syllable off the
        # characters is too far to call (Джамуха, 札木合).
        return False
    syl = [s for p in m.combo for s in p.syllables]
    if len(syl) < 2 or not _near_syllable(table, m, syl, j - i):
        return False
    if m.hanzi in table.exceptions or any(c in table.function_chars for c in m.hanzi):
        return False
    if j - i >= 2:
        # A personal name: the characters must start with a Chinese
        # surname (Ди Канио is not 迪卡尼奥 read wrong).
        return m.hanzi[0] in table.surname_chars or m.hanzi[:2] in table.compound_surnames
    # One word: a place, unless it is a foreign name spelt with
    # Palladius syllables (Данди 邓迪, Гома 戈马).
    return not all(c in table.translit_chars for c in m.hanzi) and al.marked(words[i:j])


def _near_syllable(table: Table, m: Match, syl: Sequence[str], n_words: int) -> bool:
    """Whether the one syllable that differs is near the characters'."""
    k = m.mismatches[0]
    # The common reading of a character that reads otherwise as a
    # surname (单 dan for Shan) is as wrong as a near syllable.
    wrong_surname = (
        k == 0 and n_words >= 2 and m.hanzi[0] in table.surname_readings
        and syl[0] in char_readings(m.hanzi[0])
    )
    # Near in sound (jin/jing, xi/xia) or in Russian letters
    # (Цзедун for Цзэдун: цзе is jie, цзэ is ze).
    near_letters = _edit1(table.syllables[syl[k]], table.syllables[m.preferred[k]])
    return wrong_surname or near_letters or near_syllables(syl[k], m.preferred[k])


def _western_spelling(words: Sequence[Word], hanzi: str, expected: str, table: Table) -> bool:
    """A Western name that a Chinese translation gave a Chinese-looking
    form, in its own Russian spelling: Palin is ``Пейлин`` in Russian and
    裴琳 in Taiwan's papers, whose pei lin Palladius writes ``Пэйлинь``.
    One word for a surname and a given name (Russian writes a Chinese
    person in two: ``Пэй Линь``), with a character transliterations use,
    and ``е`` where Palladius writes ``э``, as Russian writes English
    names (``Байден``)."""
    if len(words) != 1 or len(hanzi) < 2 or hanzi[0] not in table.surname_chars:
        return False
    if not any(c in table.translit_chars for c in hanzi[1:]):
        return False
    found = words[0].text.lower()
    return "э" in expected.lower() and expected.lower().replace("э", "е") == found


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
