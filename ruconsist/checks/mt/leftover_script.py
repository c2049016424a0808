"""Source script left in a machine translation: Chinese characters or
pinyin in the Russian, Cyrillic in the Chinese."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import regex

from ruconsist.checks.base import LANG_NAME, PairContext
from ruconsist.checks.mt.base import MTCheck
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import SegmentPair
from ruconsist.lang.han import HAN_RANGES

HAN_RUN = regex.compile(f"[{HAN_RANGES}]+(?:[{HAN_RANGES}·・]*[{HAN_RANGES}])?")
CYRILLIC_RUN = regex.compile(r"\p{Cyrillic}+(?:[\s-]+\p{Cyrillic}+)*")
LATIN_WORD = regex.compile(r"(?<![\p{L}\p{N}.@/_-])[A-Za-zÀ-ɏ]+(?![\p{L}\p{N}@/_-])")
#: Tone-marked pinyin vowels: no Russian or English text has them.
TONE_MARKS = regex.compile(r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")
#: A gloss in brackets (``ушу (武术)``, ``Чжунгофу (中国服)``): a
#: translator's choice, not a leftover.
BRACKETS = regex.compile(r"\([^()\n]{0,40}\)|（[^（）\n]{0,40}）")

_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w", "")
_FINALS = (
    "a", "o", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er", "i", "ia", "ie", "iao", "iu",
    "ian", "in", "iang", "ing", "iong", "u", "ua", "uo", "uai", "ui", "uan", "un", "uang", "ueng", "ue", "v", "ve",
    "ü", "üe", "van", "vn",
)
SYLLABLES = frozenset(i + f for i in _INITIALS for f in _FINALS)


@functools.lru_cache(maxsize=4096)
def pinyin_syllables(word: str) -> tuple[str, ...] | None:
    """The pinyin syllables ``word`` is made of (longest first), or None."""
    w = word.lower()
    best: list[tuple[str, ...] | None] = [None] * (len(w) + 1)
    best[0] = ()
    for i in range(len(w)):
        if best[i] is None:
            continue
        for j in range(min(len(w), i + 6), i, -1):
            piece = w[i:j]
            if piece in SYLLABLES and (best[j] is None or len(best[j]) > len(best[i]) + 1):  # type: ignore[arg-type]
                best[j] = (*best[i], piece)  # type: ignore[misc]
    return best[len(w)]


ROMAN = re.compile(r"[IVXLCDM]+")


def looks_like_pinyin(word: str) -> bool:
    """Tone-marked pinyin, or a word of two or more pinyin syllables one of
    which starts with zh, x or q (``Xinjiang``, ``Zhongguo``, ``Qinghai``):
    letters English words and Latin-script brand names rarely combine so.
    ``China`` (chi-na) or ``Hanoi`` are not taken for pinyin."""
    if TONE_MARKS.search(word):
        return True
    if not word.isascii() or ROMAN.fullmatch(word):
        # A Roman numeral (XIII век) is no pinyin (xi + ii).
        return False
    sylls = pinyin_syllables(word)
    if sylls is None or len(sylls) < 2:
        return False
    return any(s.startswith(("zh", "x", "q")) for s in sylls)


def leftovers(text: str, lang: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of source script in a target text: ``han`` and
    ``pinyin`` in Russian, ``cyrillic`` in Chinese; glosses in brackets
    are left alone."""
    glossed = [(m.start(), m.end()) for m in BRACKETS.finditer(text)]

    def in_gloss(a: int, b: int) -> bool:
        return any(x <= a and b <= y for x, y in glossed)

    out = []
    if lang == "ru":
        for m in HAN_RUN.finditer(text):
            if not in_gloss(m.start(), m.end()):
                out.append((m.start(), m.end(), "han"))
        for m in LATIN_WORD.finditer(text):
            if looks_like_pinyin(m.group()) and not in_gloss(m.start(), m.end()):
                out.append((m.start(), m.end(), "pinyin"))
    else:
        for m in CYRILLIC_RUN.finditer(text):
            if not in_gloss(m.start(), m.end()):
                out.append((m.start(), m.end(), "cyrillic"))
    return sorted(out)


KIND = {"han": "Chinese characters", "pinyin": "pinyin", "cyrillic": "Cyrillic"}


class SourceScriptLeft(MTCheck):
    """The source's script left in the machine translation: Chinese
    characters or pinyin in the Russian (``посол 张汉晖``, ``в Xinjiang``),
    Cyrillic in the Chinese with ``--source ru``.  Machines leave what
    they cannot translate (a rare name, a term) as it was; a reader of the
    Russian cannot read it.  A gloss in brackets (``ушу (武术)``) is a
    translator's choice and is left alone.  Pinyin is recognised by tone
    marks, or as a word of two pinyin syllables or more one of which
    begins with zh, x or q, so English words and brand names are not
    taken for it.

    Run with the ``mt`` profile (``--profile mt``).

    Examples
      PASS  RU «Посол Чжан Ханьхуэй принял участие в мероприятии.»  ZH «张汉晖大使出席活动。»  (profile: mt)
      PASS  RU «Он занимается ушу (武术).»  ZH «他练习武术。»  (profile: mt)
      FAIL  RU «Посол 张汉晖 принял участие в мероприятии.»  ZH «张汉晖大使出席活动。»  (profile: mt)  -> MT003
      FAIL  RU «развитие Xinjiang»  ZH «新疆的发展»  (profile: mt)  -> MT003
    """

    code = "MT003"
    slug = "source-script-left"
    category = "alignment"
    severity = Severity.ERROR

    def check_mt(self, bead: SegmentPair, ctx: PairContext, source: str, target: str) -> Iterator[Diagnostic]:
        text = bead.side(target).text
        for start, end, kind in leftovers(text, target):
            yield self.report(
                bead,
                target,
                start,
                end,
                f"{LANG_NAME[target]} keeps {KIND[kind]} '{text[start:end]}' of the {LANG_NAME[source]} source"
                " untranslated",
                found=text[start:end],
            )


CHECKS = [SourceScriptLeft]
