"""Aligning: which Russian segments translate which Chinese ones.

The whole step lives in this package:

- :func:`raw_beads` pairs the segments of two read files: pre-paired
  entries, then entries with the same key, else the ``ruconsist_align``
  hook (built in: :mod:`ruconsist.align.plugin`);
- :func:`align_segments` is the default aligner of paragraphs
  (Gale–Church over content lengths, :mod:`ruconsist.align.gale_church`,
  with shared terms and numbers as anchors); subtitle cues align by time
  (:mod:`ruconsist.align.cues`);
- :func:`wrap_beads` makes :class:`~ruconsist.document.SegmentPair` beads,
  aligns the sentences inside each, and reports what the alignment check
  needs: untranslated segments and omissions.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import regex

from ruconsist.align.gale_church import align
from ruconsist.document import Segment, SegmentPair, Side
from ruconsist.lang.han import HAN_CHAR
from ruconsist.segment import script_counts, script_of_counts, sentences

if TYPE_CHECKING:
    import pluggy

    from ruconsist.config import Config
    from ruconsist.readers.base import Parsed
    from ruconsist.rules import RuleSet


def raw_beads(
    ru: Parsed, zh: Parsed, pm: pluggy.PluginManager, config: Config, rules: RuleSet
) -> list[tuple[list[Segment], list[Segment]]]:
    """Aligned (ru segments, zh segments) in reading order: the pairs a
    reader fixed itself (a bilingual file), then entries paired by key
    (PO, XLIFF, locale files), or else the ``ruconsist_align`` hook's
    beads (subtitle cues by time, any other text by Gale–Church)."""
    ru_segs = ru.segments.get("ru", [])
    zh_segs = zh.segments.get("zh", [])
    raw: list[tuple[list[Segment], list[Segment]]] = []
    raw.extend((list(a), list(b)) for a, b in ru.fixed)
    if zh is not ru:
        raw.extend((list(a), list(b)) for a, b in zh.fixed)
    if any(s.key for s in ru_segs) or any(s.key for s in zh_segs):
        raw.extend(align_by_key(ru_segs, zh_segs))
    else:
        beads = pm.hook.ruconsist_align(ru=ru_segs, zh=zh_segs, config=config, rules=rules)
        raw.extend(beads)
    return raw

def wrap_beads(
    raw: Sequence[tuple[list[Segment], list[Segment]]],
    first_index: int = 0,
    known: Callable[[SegmentPair], list[tuple[tuple[int, int], tuple[int, int]]] | None] | None = None,
) -> tuple[list[SegmentPair], list[tuple[str, Any]]]:
    """Wrap aligned segments into beads with sentence alignment; also
    return alignment findings as (kind, item) for the alignment check.
    ``known`` gives the sentence alignment of a bead already aligned
    (an equal bead of the last lint of the pair), or None."""
    findings: list[tuple[str, Any]] = []
    out = []
    for i, (a, b) in enumerate(raw, start=first_index):
        bead = SegmentPair(i, Side("ru", tuple(a)), Side("zh", tuple(b)))
        for lang, side in (("ru", bead.ru), ("zh", bead.zh)):
            for seg in side.segments:
                counts = _script_counts(seg.text)
                actual = script_of_counts(*counts)
                if actual is not None and actual != lang and _clearly(counts, actual):
                    findings.append(("untranslated", (bead, lang, seg)))
                    bead.memo["skip"] = True
        if bead.ru and bead.zh:
            found = known(bead) if known is not None else None
            bead.sentences = list(found) if found is not None else align_sentences(bead)
        elif bead.ru or bead.zh:
            findings.append(("omission", bead))
        out.append(bead)
    return out, findings


@functools.lru_cache(maxsize=4096)
def _script_counts(text: str) -> tuple[int, int]:
    """:func:`script_counts` of a segment, kept for the segments seen
    last: an editor's lint after an edit reads the same paragraphs."""
    return script_counts(text)


def _clearly(counts: tuple[int, int], script: str) -> bool:
    cyr, han = counts
    if script == "ru":
        return cyr >= 12 and han * 6 < cyr
    return han >= 6 and cyr < han


#: Segment kinds that readers give for entries not (yet) translated: a
#: key whose counterpart is one of these is unfinished work, not an
#: omission.
NOT_TRANSLATED = frozenset({"untranslated", "fuzzy", "obsolete"})


def align_by_key(ru: Sequence[Segment], zh: Sequence[Segment]) -> list[tuple[list[Segment], list[Segment]]]:
    zh_by_key: dict[str | None, list[Segment]] = {}
    for s in zh:
        zh_by_key.setdefault(s.key, []).append(s)
    out: list[tuple[list[Segment], list[Segment]]] = []
    used: set[int] = set()
    for s in ru:
        match = zh_by_key.get(s.key)
        if match:
            z = match.pop(0)
            used.add(id(z))
            if s.kind in NOT_TRANSLATED or z.kind in NOT_TRANSLATED:
                continue
            if s.text.strip() or z.text.strip():
                out.append(([s] if s.text.strip() else [], [z] if z.text.strip() else []))
        elif s.text.strip():
            out.append(([s], []))
    for s in zh:
        if id(s) not in used and s.text.strip():
            out.append(([], [s]))
    return out


#: A paragraph that continues the previous one: a quote's attribution
#: (``- сказал Ушаков.``, ``——…总结道。``).  A Chinese one is a short
#: tail; a long paragraph opened by ``——`` is an item of a dash list
#: (``——我们要以…为引领，…``), which stands on its own.
CONTINUATION = regex.compile(r"^(?:[-–—]\s*)?\p{Ll}|^——[^\n]{0,60}$")
NUMBER_ANCHOR = regex.compile(r"\d+(?:[.,]\d+)?")


#: Anchors kept per rule set, by (language, text), at most this many: an
#: editor aligns the same paragraphs again after each edit.
ANCHORS_KEPT = 20000


def segment_anchors(seg: Segment, rules: RuleSet) -> frozenset[str]:
    """:func:`text_anchors` of a segment, computed once per text."""
    kept: dict[tuple[str, str], frozenset[str]] = rules.cached("align.anchors", dict)
    key = (seg.lang, seg.text)
    found = kept.get(key)
    if found is None:
        if len(kept) >= ANCHORS_KEPT:
            kept.clear()
        found = kept[key] = text_anchors(seg.text, seg.lang, rules)
    return found


def forget_anchors(rules: RuleSet) -> None:
    """Drop the anchors kept for ``rules`` (to time an alignment from scratch)."""
    rules.cached("align.anchors", dict).clear()


def text_anchors(text: str, lang: str, rules: RuleSet) -> frozenset[str]:
    """What a segment shares with its translation whatever the wording:
    the terms it names (by any form the packs know, 中俄 and 俄方 as weak
    anchors),
    its numbers, and the position of the list item it opens (``2.`` and
    ``二、`` are one anchor; the label's digits are not a number)."""
    from ruconsist.lang.lists import leading_label, list_labels
    from ruconsist.terms import matcher_for

    matcher = matcher_for(rules)
    # Primary forms are strong anchors; forms a term is only accepted by
    # (中俄, 俄方, РФ) are weak ones ("~"): shared, they tie two segments,
    # but Russian «стороны» against 中俄双方 is no sign of a shift.
    anchors = {f"t:{t}" for m in matcher.find(text, lang) for t in m.terms}
    anchors |= {f"~t:{t}" for m in matcher.stand_ins(text, lang) for t in m.terms} - {"~" + a for a in anchors}
    lead = leading_label(text)
    if lead is not None and lead.position is not None:
        anchors.add(f"l:{lead.position}")
    labels = [(lab.start, lab.end) for lab in list_labels(text)] if lead is not None or not text[:1].isdigit() else []
    for m in NUMBER_ANCHOR.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in labels):
            continue
        anchors.add("n:" + m.group().replace(",", "."))
    return frozenset(anchors)


SPACE = regex.compile(r"\s")


#: ZH/RU ratio of content lengths and its variance per unit, measured on
#: NTREX news (0.87, 4.4) and the example article (0.81, 3.4).
CONTENT_RATIO = 0.85
CONTENT_VARIANCE = 4.0


@functools.lru_cache(maxsize=4096)
def content_length(text: str) -> int:
    """Length in units that make RU and ZH comparable: a Han character
    carries about as much as three Russian letters (spaces included).
    Kept for the texts seen last (an editor's lint after an edit)."""
    han = len(HAN_CHAR.findall(text))
    return 3 * han + (len(text) - han - len(SPACE.findall(text)) // 2)


def align_segments(ru: Sequence[Segment], zh: Sequence[Segment], rules: RuleSet) -> list[tuple[list[Segment], list[Segment]]]:
    return align(
        ru,
        zh,
        length=lambda s: content_length(s.text),
        anchors=lambda s: segment_anchors(s, rules),
        prior_ratio=CONTENT_RATIO,
        variance=CONTENT_VARIANCE,
        glue=lambda s: CONTINUATION.match(s.text) is not None,
    )


def align_sentences(bead: SegmentPair) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    ru = sentences(bead.ru.text, "ru")
    zh = sentences(bead.zh.text, "zh")
    if len(ru) == 1 and len(zh) == 1:
        return [(ru[0], zh[0])]
    if len(ru) > 60 or len(zh) > 60:
        return []
    tagged_ru = [("ru", a, b) for a, b in ru]
    tagged_zh = [("zh", a, b) for a, b in zh]
    beads = align(
        tagged_ru,
        tagged_zh,
        length=lambda s: content_length(bead.side(s[0]).text[s[1] : s[2]]),
        prior_ratio=CONTENT_RATIO,
        variance=CONTENT_VARIANCE,
    )
    out = []
    for a, b in beads:
        if a and b:
            out.append(((a[0][1], a[-1][2]), (b[0][1], b[-1][2])))
    return out
