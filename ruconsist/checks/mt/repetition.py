"""Machine translation looping on a word or phrase."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ruconsist.checks.base import LANG_NAME, PairContext
from ruconsist.checks.mt.base import MTCheck
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import SegmentPair
from ruconsist.lang.han import HAN_RANGES

#: Longest repeated unit looked for: words in Russian, characters in
#: Chinese.
MAX_WORDS = 6
MAX_CHARS = 8
#: Times a unit must follow itself to be a loop.
MIN_REPEATS = 3
RU_TOKEN = regex.compile(r"[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*")
ZH_TOKEN = regex.compile(rf"[{HAN_RANGES}\p{{L}}\p{{N}}]")
#: What may stand between the repetitions of a unit: spaces and
#: punctuation (``Китай, Китай, Китай``, ``合作、合作、合作``).
GAP = regex.compile(r"^[\s\p{P}\p{S}]*$")


#: A Russian word or phrase joined to itself by a conjunction
#: (``взаимовыгодную и взаимовыгодную стратегию``, ``консультаций и
#: консультаций.``): up to six words, the last of three letters or more.
DOUBLING = regex.compile(
    r"(?<![\p{L}\p{N}-])((?:[\p{L}\p{N}]+[\s,]+){0,5}?\p{L}{3,})\s+(?:и|или)\s+(\1)(?![\p{L}\p{N}-])",
    regex.IGNORECASE,
)
#: A word repeated in brackets right after itself (``района (района)``
#: for 县（区）, "counties (districts)"): two source words rendered alike.
BRACKETED = regex.compile(r"(?<![\p{L}\p{N}_-])(\p{Cyrillic}{3,})\s*\((\1)\)", regex.IGNORECASE)
#: After a doubled noun: the end of a clause.  ``услуги и услуги по
#: уходу`` or ``клеток и клеток мышц`` tell two kinds apart by what
#: follows; a doubled noun that nothing follows tells nothing apart.
CLAUSE_END = regex.compile(r"\s*(?:[.;:!?)]|,|$)")
#: Parts of speech of a doubled word that is an error: an adjective or
#: participle at once, a noun at a clause end.  Adverbs and comparatives
#: double by idiom (``снова и снова``, ``всё больше и больше``).
ADJECTIVAL = frozenset({"ADJF", "PRTF"})
#: A phrase of this many words joined to itself is a doubling wherever
#: it stands (``из всех слоёв общества и из всех слоёв общества``).
PHRASE = 3


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


def doublings(text: str) -> list[tuple[int, int, str]]:
    """(start, end, unit) of each Russian word or phrase joined to itself
    by и/или where no reading tells the two apart: a phrase of three
    words or more, an adjective or participle (``языковые и языковые
    курсы``), or a noun with nothing after it in its clause
    (``консультаций и консультаций.``), or a word repeated in brackets
    after itself (``района (района)``)."""
    out: list[tuple[int, int, str]] = [(m.start(), m.end(), m.group(1)) for m in BRACKETED.finditer(text)]
    for m in DOUBLING.finditer(text):
        if m.group(2)[0].isupper():
            # A name joined to itself (``между Россией и Россией``) is a
            # name lost: the term checks name the one the source has.
            continue
        words = RU_TOKEN.findall(m.group(1))
        if len(words) >= PHRASE:
            out.append((m.start(), m.end(), m.group(1)))
            continue
        pos = _part_of_speech(words[-1])
        if pos in ADJECTIVAL or (pos == "NOUN" and CLAUSE_END.match(text, m.end())):
            out.append((m.start(), m.end(), m.group(1)))
    return out


def _part_of_speech(word: str) -> str | None:
    from ruconsist.morph import analyzer

    return analyzer().parse(word.lower())[0].tag.POS


class RepetitionLoop(MTCheck):
    """Machine translation stuck in a loop: a word or phrase of the
    target repeated three or more times in a row (``Китай, Китай, Китай,
    Китай``) where the source repeats nothing of the kind.  A loop
    usually stands where the machine lost the rest of the sentence.

    A word or phrase joined to itself by a conjunction is a loop of two:
    ``взаимовыгодную и взаимовыгодную стратегию``, ``консультаций и
    консультаций.`` (a machine's rendering of two different source words,
    or of one).  It is reported when the doubled word is an adjective or
    participle, a noun with nothing after it in its clause, or a phrase
    of three words or more; adverbs
    and comparatives double by idiom (``снова и снова``, ``всё больше и
    больше``), and a noun that something follows tells two kinds apart
    (``услуги и услуги по уходу``).  So is a word repeated in brackets
    right after itself (``района (района)`` for ``县（区）``).

    Run with the ``mt`` profile (``--profile mt``), on the target side
    (Russian, or Chinese with ``--source ru``).  A unit is up to six
    words in Russian, two to eight characters in Chinese; punctuation
    between the repetitions does not matter.  A source that loops itself
    (a slogan, ``谢谢，谢谢，谢谢``) excuses a loop in the target.

    Examples
      PASS  RU «Китай готов укреплять сотрудничество с Россией.»  ZH «中方愿同俄方加强合作。»  (profile: mt)
      PASS  RU «Спасибо, спасибо, спасибо всем!»  ZH «谢谢，谢谢，谢谢大家！»  (profile: mt)
      FAIL  RU «Китай готов укреплять сотрудничество, сотрудничество, сотрудничество.»  ZH «中方愿同俄方加强合作。»  (profile: mt)  -> MT001
      PASS  RU «Цены растут снова и снова.»  ZH «价格一再上涨。»  (profile: mt)
      FAIL  RU «Стороны проводят взаимовыгодную и взаимовыгодную политику.»  ZH «双方奉行互利共赢的政策。»  (profile: mt)  -> MT001
    """

    code = "MT001"
    slug = "repetition-loop"
    category = "alignment"
    severity = Severity.ERROR

    def check_mt(self, bead: SegmentPair, ctx: PairContext, source: str, target: str) -> Iterator[Diagnostic]:
        text = bead.side(target).text
        found = loops(text, target)
        if found and loops(bead.side(source).text, source):
            found = []
        if target == "ru":
            yield from self._doublings(bead, text, source)
        if not found:
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


    def _doublings(self, bead: SegmentPair, text: str, source: str) -> Iterator[Diagnostic]:
        for start, end, unit in doublings(text):
            yield self.report(
                bead,
                "ru",
                start,
                end,
                f"RU joins '{unit}' to itself ('{text[start:end]}'), and {LANG_NAME[source]}"
                " repeats nothing: a machine translation doubling (two different source words"
                " rendered alike, or one rendered twice)",
                found=text[start:end],
            )


CHECKS = [RepetitionLoop]
