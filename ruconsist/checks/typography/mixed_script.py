"""TYP005: Latin look-alike letters inside Russian words."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ruconsist.checks.base import PairContext
from ruconsist.checks.typography.common import CYRILLIC, Mask, TypographyCheck
from ruconsist.diagnostic import Diagnostic
from ruconsist.document import SegmentPair


LATIN_TO_CYRILLIC = dict(zip("AaBCcEeHKkMOoPpTXxYy", "АаВСсЕеНКкМОоРрТХхУу"))
CYRILLIC_TO_LATIN = {v: k for k, v in LATIN_TO_CYRILLIC.items()}
#: Latin and Cyrillic letters of any language, so that a word in another
#: alphabet of these scripts (or mojibake) stays whole.
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff]+")
_RU_OR_LATIN = re.compile(r"^[A-Za-zА-Яа-яЁё]+$")


def mixed_script_words(text: str, lang: str) -> list[tuple[int, int, str]]:
    """(start, end, corrected word) of words mixing Latin and Cyrillic
    look-alike letters (``Meжду`` with a Latin M, ``Officе`` with a
    Cyrillic е).  The majority script wins; a tie goes to the side's
    language.  Words with a letter that has no look-alike (``Яndex``) are
    deliberate and left alone."""
    out = []
    mask = Mask(text)
    for m in _WORD.finditer(text):
        w = m.group()
        if not _RU_OR_LATIN.match(w):
            continue  # another script or mojibake (KГјlГјg): not a look-alike slip
        cyr = len(CYRILLIC.findall(w))
        lat = len(w) - cyr
        if not cyr or not lat or mask(m.start()):
            continue
        to_cyr = cyr > lat or (cyr == lat and lang == "ru")
        if to_cyr:
            if not all(c in LATIN_TO_CYRILLIC for c in w if not CYRILLIC.match(c)):
                continue
            fixed = "".join(LATIN_TO_CYRILLIC.get(c, c) if not CYRILLIC.match(c) else c for c in w)
        else:
            if not all(c in CYRILLIC_TO_LATIN for c in w if CYRILLIC.match(c)):
                continue
            fixed = "".join(CYRILLIC_TO_LATIN.get(c, c) if CYRILLIC.match(c) else c for c in w)
        out.append((m.start(), m.end(), fixed))
    return out


class MixedScript(TypographyCheck):
    """A Russian word with a Latin look-alike letter inside (``Meжду`` with
    Latin ``M``, ``cлучаях`` with Latin ``c``), or a Latin word with a
    Cyrillic one (``Officе``), looks right but defeats search, spelling
    and term matching.  The fix replaces the odd letters by the word's
    own script.

    Examples
      PASS  RU «Между тем»    ZH «与此同时»
      FAIL  RU «Meжду тем»    ZH «与此同时»   -> TYP005
    """

    code = "TYP005"
    slug = "mixed-script"

    def scan(
        self, bead: SegmentPair, lang: str, text: str, ctx: PairContext
    ) -> Iterator[Diagnostic]:
        for a, b, fixed in mixed_script_words(text, lang):
            word = text[a:b]
            odd = "".join(sorted({c for c, f in zip(word, fixed) if c != f}))
            script = "Latin" if CYRILLIC.match(fixed[0]) else "Cyrillic"
            yield self.report(
                bead,
                lang,
                a,
                b,
                f"{lang.upper()} word {word!r} has {script} look-alike letters {odd!r}: expected {fixed!r}",
                expected=fixed,
                found=word,
                fix=(a, b, fixed),
            )
