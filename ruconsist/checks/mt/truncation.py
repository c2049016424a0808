"""Machine translation cut short: the target far shorter than the
source's length predicts."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ruconsist.checks.base import LANG_NAME, PairContext
from ruconsist.checks.mt.base import MTCheck
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import SegmentPair
from ruconsist.lang.han import HAN_CHAR as HAN

#: Russian letters and digits per Chinese character (Han, plus half a
#: unit per Latin letter or digit) in human translations: the median of
#: 1,268 segments of NTREX-128 (lines 1-1000) and FLORES-200 (lines
#: 1-500) with 20 units or more on the Chinese side.  The quantiles:
#: 1 % 1.83, 5 % 2.21, 50 % 3.17, 95 % 4.5, 99 % 5.0.
RU_PER_ZH = 3.17
#: A target shorter than this share of its predicted length is reported:
#: a RU/ZH ratio under 1.74, which about 1 % of human translations of
#: news reach.
MIN_SHARE = 0.55
#: Sources shorter than this (in Chinese units, or the Russian letters of
#: as many) vary too much in length to predict.
MIN_SOURCE_UNITS = 20

RU_UNIT = regex.compile(r"[\p{L}\p{N}]")
LATIN_OR_DIGIT = regex.compile(r"[A-Za-z0-9]")


def units(text: str, lang: str) -> float:
    """Length in the units the ratio was measured in: letters and digits
    in Russian; Han characters, and half a unit per Latin letter or digit,
    in Chinese."""
    if lang == "ru":
        return float(len(RU_UNIT.findall(text)))
    return len(HAN.findall(text)) + 0.5 * len(LATIN_OR_DIGIT.findall(text))


class Truncation(MTCheck):
    """Machine translation cut short: the target holds far less text than
    its source predicts.  Russian runs to about 3.2 letters per Chinese
    character in human translations (the median of NTREX and FLORES
    news; 1.8 at the lowest 1 %); a Russian target under 55 % of what its
    Chinese source predicts (a ratio under 1.74) has most likely lost a
    clause, and the same holds the other way round with ``--source ru``.
    Sources of fewer than 20 Chinese characters (or 63 Russian letters)
    are left alone: short lines vary too much.  The message gives both
    lengths and the ratio.

    Run with the ``mt`` profile (``--profile mt``).

    Examples
      PASS  RU «До пандемии, в 2019 году, Россию посетили 2,25 млн туристов из Китая.»  ZH «新冠疫情前，2019年赴俄旅游的中国游客数量达225万人次。»  (profile: mt)
      FAIL  RU «В 2019 году было 2,25 млн.»  ZH «新冠疫情前，2019年赴俄旅游的中国游客数量达225万人次。»  (profile: mt)  -> MT002
    """

    code = "MT002"
    slug = "truncated-translation"
    category = "alignment"
    severity = Severity.ERROR

    def check_mt(self, bead: SegmentPair, ctx: PairContext, source: str, target: str) -> Iterator[Diagnostic]:
        src_text, tgt_text = bead.side(source).text, bead.side(target).text
        src, tgt = units(src_text, source), units(tgt_text, target)
        src_zh = src if source == "zh" else src / RU_PER_ZH
        if src_zh < MIN_SOURCE_UNITS or not tgt:
            return
        predicted = src * RU_PER_ZH if target == "ru" else src / RU_PER_ZH
        if tgt >= MIN_SHARE * predicted:
            return
        ru, zh = (tgt, src) if target == "ru" else (src, tgt)
        what = {"ru": "letters", "zh": "characters"}
        yield self.report(
            bead,
            target,
            0,
            len(tgt_text),
            f"{LANG_NAME[target]} is {tgt:.0f} {what[target]} for {tgt / predicted:.0%} of the"
            f" {predicted:.0f} that {LANG_NAME[source]} ({src:.0f} {what[source]}) predicts:"
            f" RU/ZH length ratio {ru / zh:.2f}, where translations run about {RU_PER_ZH:.2f}"
            " (under 1.83 in 1 % of them); the translation looks cut short",
            counterpart=bead.side(source).span(),
        )


CHECKS = [Truncation]
