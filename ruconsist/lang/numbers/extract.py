"""Number extraction: both readers, overlaps resolved, ranges joined.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ruconsist.lang.numbers.ru import _extract_ru, _join_compound_figures, _ru_clock_words
from ruconsist.lang.numbers.vocab import DASHES, NumberMention, NumberVocab, normalise
from ruconsist.lang.numbers.zh import _extract_zh

# --------------------------------------------------------------------------
# Extraction


def extract_numbers(text: str, lang: str, vocab: NumberVocab) -> list[NumberMention]:
    """All number mentions in ``text`` (``lang`` is ``"ru"`` or ``"zh"``),
    ordered by position."""
    norm = normalise(text, lang)
    if lang == "ru":
        mentions = _extract_ru(text, norm, vocab)
    else:
        mentions = _extract_zh(text, norm, vocab)
    mentions.sort(key=lambda m: (m.start, -m.end))
    out: list[NumberMention] = []
    last_end = -1
    for m in mentions:
        if m.start < last_end:
            continue
        out.append(m)
        last_end = m.end
    if lang == "ru":
        out = _ru_clock_words(text, norm, out)
    return _join_ranges(text, norm, _join_compound_figures(text, norm, out), lang)


# --------------------------------------------------------------------------
# Ranges: the magnitude and percent of the second end apply to the first.

_RANGE_SEP = re.compile(
    rf"^[ \u00a0\u202f\u2009]*(?:[{DASHES}~]|до|по|или|至|到|或|、)[ \u00a0\u202f\u2009]*$"
)


def _join_ranges(text: str, norm: str, mentions: list[NumberMention], lang: str) -> list[NumberMention]:
    out = list(mentions)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        between = norm[a.end:b.start]
        if not _RANGE_SEP.match(between) or a.quiet and a.role not in ("word", "group"):
            continue
        if b.role in ("date", "time", "code", "name", "reference"):
            continue
        if a.factor == 1 and b.factor != 1 and a.value * b.factor <= b.value * 10:
            a = replace(a, value=a.value * b.factor, unit=a.unit * b.factor, factor=b.factor,
                        scale=b.scale, alts=tuple(x * b.factor for x in a.alts))
        if a.measure is None and b.measure is not None:
            a = replace(a, measure=b.measure)
        if b.kind == "percent" and a.kind not in ("percent",):
            a = replace(a, kind="percent")
        elif a.kind == "cardinal":
            a = replace(a, kind="range-part")
        if b.kind == "cardinal":
            b = replace(b, kind="range-part")
        out[i], out[i + 1] = a, b
    return out
