"""TYP004: a word written twice in a row."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ruconsist.checks.base import PairContext
from ruconsist.checks.typography.common import Mask, TypographyCheck
from ruconsist.diagnostic import Diagnostic
from ruconsist.document import SegmentPair


_DOUBLED = re.compile(r"(?<![\w\-‑])([А-Яа-яЁё]+)([ \t\u00a0]+)(\1)(?![\w\-‑])", re.I)


def doubled_words(text: str) -> list[tuple[int, int, int]]:
    """(start, end of the first word, end of the second) of each Russian
    word written twice in a row (``в в``).  Names (both words
    capitalised: ``Бора Бора``) are not reported; Latin words are left
    alone (``had had`` is English grammar, ``Canada plus plus`` a name)."""
    out = []
    mask = Mask(text)
    for m in _DOUBLED.finditer(text):
        w1, w2 = m.group(1), m.group(3)
        if mask(m.start()) or mask(m.end(3) - 1):
            continue
        if w1[:1].isupper() and w2[:1].isupper():
            continue
        out.append((m.start(), m.end(1), m.end(3)))
    return out


class DoubledWord(TypographyCheck):
    """A Russian word written twice in a row (``в в``, ``что что``) is
    almost always a slip; the fix deletes the second one.  Words
    capitalised twice are names (``Бора Бора``), Russian reduplication
    takes a hyphen (``чуть-чуть``), and Chinese reduplication (``谢谢``,
    ``常常``) is grammar, so none of these is reported.

    Examples
      PASS  RU «чуть-чуть больше»        ZH «多一点点»
      FAIL  RU «встреча в в Пекине»      ZH «在北京会晤»   -> TYP004
    """

    code = "TYP004"
    slug = "doubled-word"
    langs = ("ru",)

    def scan(
        self, bead: SegmentPair, lang: str, text: str, ctx: PairContext
    ) -> Iterator[Diagnostic]:
        for a, first_end, b in doubled_words(text):
            word = text[a:first_end]
            yield self.report(
                bead,
                lang,
                a,
                b,
                f"{lang.upper()} word {word!r} is written twice: {text[a:b]!r}",
                expected=word,
                found=text[a:b],
                fix=(first_end, b, ""),
            )
