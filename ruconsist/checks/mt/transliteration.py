"""Chinese personal names that a machine transliterated outside any
Palladius reading of their characters."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import regex

from ruconsist.checks.base import PairContext
from ruconsist.checks.mt.base import MTCheck
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import SegmentPair
from ruconsist.lang.han import HAN_CHAR
from ruconsist.lang.palladius import (
    Table,
    allowed_readings,
    compare,
    display_pinyin,
    hanzi_to_palladius,
    parse_word,
    table_from_rules,
)
from ruconsist.lang.palladius.matching import COMMON, ru_words, russian_word_kind
from ruconsist.lang.palladius.spelling import char_readings
from ruconsist.terms import matcher_for

#: Words that stand next to a personal name in Chinese news: the name is
#: the two or three characters before (张汉晖大使) or after (行政长官李家超).
TITLES = (
    "副总理|总理|副主席|主席|总统|副总统|外交部长|外长|副部长|部长|发言人|行政长官|秘书长|委员长|总书记|书记"
    "|省长|市长|主任|院长|会长|董事长|教授|先生|女士|将军|特使|参赞|领事|大使|局长|司长"
)
NAME_BEFORE_TITLE = regex.compile(rf"(?<=\p{{Han}}{{2,3}})(?:{TITLES})")
NAME_AFTER_TITLE = regex.compile(rf"(?:{TITLES})(?=\p{{Han}}{{2,3}})")
#: Characters that end a name read after a title only when nothing else
#: fits: a third character among these is the next word (李强和…, 王毅在…).
NOT_NAME_END = frozenset("和与及在说表指称会出是对同向为于将也都就已曾的了并又等")
#: A Russian surname followed by a given name of one or two words
#: (``Чжан Ханьхуэй``, ``Чжан Хань Чжэн``, ``Чжан Хан-Чуль``).
GIVEN = regex.compile(r"[\s\u00a0]+([А-ЯЁ][а-яё]+(?:[-\u2011][А-ЯЁа-яё][а-яё]+)?)(?:[\s\u00a0]+([А-ЯЁ][а-яё]+))?")
#: Words before a title that begin with a surname character and are no
#: name (国家主席, 政府总理, 外交部长).
NOT_NAMES = frozenset({"国家", "政府", "外交", "中央", "全国", "地方", "常务", "执行", "名誉", "党委", "省委", "市委"})
#: Combinations of readings tried for one given name.
MAX_COMBOS = 64


def person_names(zh: str, table: Table) -> list[tuple[int, int]]:
    """Spans of the Chinese personal names that a title word marks (the
    characters before 大使, after 行政长官), each beginning with a
    surname character."""
    found: set[tuple[int, int]] = set()
    for m in NAME_BEFORE_TITLE.finditer(zh):
        end = m.start()
        for size in (3, 2):
            start = end - size
            if start >= 0 and zh[start] in table.surname_chars and not set(zh[start:end]) & table.function_chars:
                found.add((start, end))
                break
    for m in NAME_AFTER_TITLE.finditer(zh):
        start = m.end()
        if zh[start] not in table.surname_chars:
            continue
        size = 3 if start + 3 <= len(zh) and HAN_CHAR.match(zh[start + 2]) and zh[start + 2] not in NOT_NAME_END else 2
        if not set(zh[start : start + size]) & table.function_chars:
            found.add((start, start + size))
    return sorted(found)


def spellings(hanzi: str, table: Table) -> tuple[str, set[tuple[str, ...]]]:
    """The surname's Russian spelling and the syllable sequences the given
    name may be read as (each character's readings a name admits)."""
    allowed, _ = allowed_readings(hanzi, table, surname=True)
    surname = hanzi_to_palladius(hanzi, table, person=True).split(" ", 1)[0]
    cut = 2 if hanzi[:2] in table.compound_surnames and len(hanzi) > 2 else 1
    given = [sorted(a) for a in allowed[cut:]]
    combos = set(itertools.islice(itertools.product(*given), MAX_COMBOS))
    return surname, combos


class NameOffReading(MTCheck):
    """A Chinese personal name that no rule pack lists, rendered in the
    machine-translated Russian by a form that no Palladius reading of its
    characters gives: 张汉晖 written ``Чжан Ханьчул`` or ``Чжан Хань
    Чжэн``, where its characters read ``Чжан Ханьхуэй``.  Machines guess
    names they have not seen; the guess reads like a name, so an editor
    passes it.  The message gives the expected reading.

    Names are found by the title words next to them (张汉晖大使,
    行政长官李家超) and must begin with a surname character; the Russian
    form is the surname's Palladius spelling followed by one or two
    capitalised words.  Any reading of a polyphonic character passes, and
    so do case endings (``Ханьхуэя``).  A name one syllable off is left to
    PAL001; a name the packs know is left to TRM001; a name whose surname
    the Russian does not have is left alone (it was dropped or paraphrased,
    which other checks see).

    Run with the ``mt`` profile (``--profile mt``) on Chinese into Russian.

    Examples
      PASS  RU «Директор Ван Цзяньхуа принял участие в мероприятии.»  ZH «王建华局长出席了活动。»  (profile: mt)
      PASS  RU «В мероприятии участвовал директор Ван Цзяньхуа.»  ZH «王建华局长出席了活动。»  (profile: mt)
      FAIL  RU «Директор Ван Цзяньчул принял участие в мероприятии.»  ZH «王建华局长出席了活动。»  (profile: mt)  -> MT004
      FAIL  RU «Директор Ван Цзянь Чжэн принял участие в мероприятии.»  ZH «王建华局长出席了活动。»  (profile: mt)  -> MT004
    """

    code = "MT004"
    slug = "name-off-reading"
    category = "name"
    severity = Severity.ERROR
    directions = (("zh", "ru"),)

    def check_mt(self, bead: SegmentPair, ctx: PairContext, source: str, target: str) -> Iterator[Diagnostic]:
        ru, zh = bead.ru.text, bead.zh.text
        table = table_from_rules(ctx.rules)
        names = person_names(zh, table)
        if not names:
            return
        known = [(m.start, m.end) for m in matcher_for(ctx.rules).find(zh, "zh")]
        near = None
        lost: list[tuple[int, int]] = []
        for start, end in names:
            if any(a < end and start < b for a, b in known):
                continue
            hanzi = zh[start:end]
            surname, combos = spellings(hanzi, table)
            if not regex.search(rf"(?<![А-ЯЁа-яё]){regex.escape(surname)}(?![а-яё])", ru):
                lost.append((start, end))
                continue
            for m in regex.finditer(rf"(?<![А-ЯЁа-яё]){regex.escape(surname)}(?![а-яё])", ru):
                g = GIVEN.match(ru, m.end())
                if g is None:
                    continue
                first, second = g.group(1), g.group(2)
                # The given name in one word, or split in two (Хань Хуэй).
                if self._reads(first, combos, table) or (second and self._reads(first + second.lower(), combos, table)):
                    continue
                words = [first] + ([second] if second else [])
                a = g.start(1)
                b = g.end(2) if second else g.end(1)
                if near is None:
                    near = [(f.ru_start, f.ru_end) for f in compare(ru, zh, table)]
                if any(x < b and a < y for x, y in near):
                    continue
                expected = hanzi_to_palladius(hanzi, table, person=True)
                found = f"{surname} {' '.join(words)}"
                readings = " or ".join(display_pinyin(c) for c in sorted(combos)[:3])
                yield self.report(
                    bead,
                    "ru",
                    m.start(),
                    b,
                    f"RU '{ru[m.start():b]}' for ZH '{hanzi}' matches no reading of its characters"
                    f" ({readings} for the given name): expected '{expected}'",
                    expected=expected,
                    found=found,
                    counterpart=bead.zh.location(start, end),
                )
                break
        lost = [n for n in lost if zh[n[0] : n[1]] not in NOT_NAMES and not _title_of_another(zh, n[0], names)]
        if len(lost) == 1:
            yield from self._garbled(bead, ctx, table, *lost[0])

    def _garbled(self, bead: SegmentPair, ctx: PairContext, table: Table, start: int, end: int) -> Iterator[Diagnostic]:
        """A name whose surname the Russian lost too: 徐志涛 as ``Цу
        Цзито``.  Reported when it is the one name of the row the Russian
        lacks and the Russian has exactly one Chinese-looking name (a
        one-syllable surname and a given name, all Palladius syllables)
        that nothing in the Chinese reads as and no pack knows."""
        ru, zh = bead.ru.text, bead.zh.text
        pack = [(m.start, m.end) for m in matcher_for(ctx.rules).find(ru, "ru")]
        found = [
            g for g in ru_words(ru, table)
            if len(g) in (2, 3)
            and not any(a < g[-1].end and g[0].start < b for a, b in pack)
            and not _read_in(g, zh)
            and _looks_chinese(g)
        ]
        if len(found) != 1:
            return
        (group,) = found
        a, b = group[0].start, group[-1].end
        hanzi = zh[start:end]
        expected = hanzi_to_palladius(hanzi, table, person=True)
        yield self.report(
            bead,
            "ru",
            a,
            b,
            f"RU '{ru[a:b]}' stands where ZH names '{hanzi}', and reads as none of its characters:"
            f" expected '{expected}'",
            expected=expected,
            found=ru[a:b],
            counterpart=bead.zh.location(start, end),
        )

    @staticmethod
    def _reads(word: str, combos: set[tuple[str, ...]], table: Table) -> bool:
        """Whether ``word`` (any case form, hyphens dropped) spells one of
        the syllable sequences."""
        joined = word.replace("-", "").replace("\u2011", "")
        return any(p.syllables in combos for p in parse_word(joined, table))


def _title_of_another(zh: str, start: int, names: list[tuple[int, int]]) -> bool:
    """Whether the title word before ``start`` ends another name
    (普京总统战略…: 战略引 is no name after 总统, which is 普京's)."""
    m = regex.search(rf"(?:{TITLES})$", zh[:start])
    return m is not None and any(b == m.start() for _, b in names)


def _looks_chinese(group: list) -> bool:  # type: ignore[type-arg]
    """A surname of one syllable that is no Russian word, then a given
    name of one or two words (``Цу Цзито``, not ``Ли Мне``)."""
    first = group[0]
    if first.sentence_start and russian_word_kind(first.text) == COMMON:
        return False
    if not any(len(p.syllables) == 1 for p in first.parses):
        return False
    # Surnames are often short Russian words (Ли, Го, Ван); given names
    # are not.
    return all(russian_word_kind(w.text) != COMMON for w in group[1:])


def _read_in(group: list, zh: str) -> bool:  # type: ignore[type-arg]
    """Whether some Han substring of ``zh`` reads as the group's syllables
    (any reading of each character): then the name has its counterpart."""
    for combo in _parses(group):
        n = len(combo)
        for i in range(len(zh) - n + 1):
            if all(syl in char_readings(ch) for syl, ch in zip(combo, zh[i : i + n], strict=True)):
                return True
    return False


def _parses(group: list) -> list[tuple[str, ...]]:  # type: ignore[type-arg]
    combos: list[tuple[str, ...]] = [()]
    for word in group:
        combos = [c + p.syllables for c in combos for p in word.parses][:MAX_COMBOS]
    return combos


CHECKS = [NameOffReading]
