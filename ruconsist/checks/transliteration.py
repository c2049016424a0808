"""Chinese personal names that a machine transliterated outside any
Palladius reading of their characters."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import regex

from ruconsist.checks.base import PairContext
from ruconsist.checks.mt import MTCheck
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

    def check_mt(self, bead: SegmentPair, ctx: PairContext, source: str, target: str) -> Iterator[Diagnostic]:
        if (source, target) != ("zh", "ru"):
            return
        ru, zh = bead.ru.text, bead.zh.text
        table = table_from_rules(ctx.rules)
        names = person_names(zh, table)
        if not names:
            return
        known = [(m.start, m.end) for m in matcher_for(ctx.rules).find(zh, "zh")]
        near = None
        for start, end in names:
            if any(a < end and start < b for a, b in known):
                continue
            hanzi = zh[start:end]
            surname, combos = spellings(hanzi, table)
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

    @staticmethod
    def _reads(word: str, combos: set[tuple[str, ...]], table: Table) -> bool:
        """Whether ``word`` (any case form, hyphens dropped) spells one of
        the syllable sequences."""
        joined = word.replace("-", "").replace("\u2011", "")
        return any(p.syllables in combos for p in parse_word(joined, table))


CHECKS = [NameOffReading]
