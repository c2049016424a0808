"""Machine translation looping on a word or phrase."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ruconsist.checks.base import LANG_NAME, PairContext
from ruconsist.checks.mt import MTCheck
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import SegmentPair

#: Longest repeated unit looked for: words in Russian, characters in
#: Chinese.
MAX_WORDS = 6
MAX_CHARS = 8
#: Times a unit must follow itself to be a loop.
MIN_REPEATS = 3
RU_TOKEN = regex.compile(r"[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*")
ZH_TOKEN = regex.compile(r"[\p{Han}\p{L}\p{N}]")
#: What may stand between the repetitions of a unit: spaces and
#: punctuation (``Китай, Китай, Китай``, ``合作、合作、合作``).
GAP = regex.compile(r"^[\s\p{P}\p{S}]*$")


def tokens(text: str, lang: str) -> list[tuple[int, int, str]]:
    pattern = RU_TOKEN if lang == "ru" else ZH_TOKEN
    return [(m.start(), m.end(), m.group().casefold()) for m in pattern.finditer(text)]


def loops(text: str, lang: str) -> list[tuple[int, int, str, int]]:
    """(start, end, unit, times) of each run of a unit of 1..MAX tokens
    that follows itself at least MIN_REPEATS times with nothing but
    spaces and punctuation between.  A Chinese unit has two characters or
    more (``谢谢``, ``人人`` and ``看看`` double a character by grammar); a
    unit of digits alone is a list of figures, not a loop."""
    toks = tokens(text, lang)
    words = [t[2] for t in toks]
    n = len(words)
    longest = MAX_WORDS if lang == "ru" else MAX_CHARS
    shortest = 1 if lang == "ru" else 2
    out: list[tuple[int, int, str, int]] = []
    i = 0
    while i < n:
        found = None
        for size in range(shortest, longest + 1):
            if i + size * MIN_REPEATS > n:
                break
            unit = words[i : i + size]
            if all(w.isdigit() for w in unit):
                continue
            times = 1
            while i + size * (times + 1) <= n and words[i + size * times : i + size * (times + 1)] == unit:
                times += 1
            if times < MIN_REPEATS:
                continue
            # Only spaces and punctuation between the repetitions.
            pieces = [
                text[toks[i + size * k - 1][1] : toks[i + size * k][0]] for k in range(1, times)
            ]
            if not all(GAP.match(p) for p in pieces):
                continue
            found = (size, times)
            break
        if found is None:
            i += 1
            continue
        size, times = found
        start, end = toks[i][0], toks[i + size * times - 1][1]
        unit_text = text[toks[i][0] : toks[i + size - 1][1]]
        out.append((start, end, unit_text, times))
        i += size * times
    return out


class RepetitionLoop(MTCheck):
    """Machine translation stuck in a loop: a word or phrase of the
    target repeated three or more times in a row (``Китай, Китай, Китай,
    Китай``) where the source repeats nothing of the kind.  A loop
    usually stands where the machine lost the rest of the sentence.

    Run with the ``mt`` profile (``--profile mt``), on the target side
    (Russian, or Chinese with ``--source ru``).  A unit is up to six
    words in Russian, two to eight characters in Chinese; punctuation
    between the repetitions does not matter.  A source that loops itself
    (a slogan, ``谢谢，谢谢，谢谢``) excuses a loop in the target.

    Examples
      PASS  RU «Китай готов укреплять сотрудничество с Россией.»  ZH «中方愿同俄方加强合作。»  (profile: mt)
      PASS  RU «Спасибо, спасибо, спасибо всем!»  ZH «谢谢，谢谢，谢谢大家！»  (profile: mt)
      FAIL  RU «Китай готов укреплять сотрудничество, сотрудничество, сотрудничество.»  ZH «中方愿同俄方加强合作。»  (profile: mt)  -> MT001
    """

    code = "MT001"
    slug = "repetition-loop"
    category = "alignment"
    severity = Severity.ERROR

    def check_mt(self, bead: SegmentPair, ctx: PairContext, source: str, target: str) -> Iterator[Diagnostic]:
        found = loops(bead.side(target).text, target)
        if not found or loops(bead.side(source).text, source):
            return
        for start, end, unit, times in found:
            yield self.report(
                bead,
                target,
                start,
                end,
                f"{LANG_NAME[target]} repeats '{unit}' {times} times in a row, and"
                f" {LANG_NAME[source]} repeats nothing: a machine translation loop"
                " (the text around it is often lost)",
                found=unit,
            )


CHECKS = [RepetitionLoop]
