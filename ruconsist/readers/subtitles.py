"""SubRip (``.srt``) and WebVTT (``.vtt``) subtitles.

Each cue is a segment carrying its timing; ``X.ru.srt`` and ``X.zh.srt``
are aligned by time (:func:`ruconsist.align.cues.align_cues`): cues that overlap for a good
part of the shorter one form a bead, so a cue split in two on one side
still pairs with its counterpart, and a cue with no overlapping cue on
the other side is an omission.  Markup (``<i>``, ``<c.x>``, ``<v Name>``,
``{\\an8}``) is masked so that positions stay true.  One file whose cues
hold a Russian and a Chinese line (bilingual subtitles) is read as
pre-aligned pairs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ruconsist.document import Document, Segment
from ruconsist.errors import InputError
from ruconsist.readers.base import Parsed, Reader
from ruconsist.readers.common import meta
from ruconsist.segment import line_spans, script_of

if TYPE_CHECKING:
    from ruconsist.config import Config

TIMING = re.compile(
    r"^\s*(?P<a>(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3})\s*-->\s*(?P<b>(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3})(?:\s.*)?$"
)
MARKUP = re.compile(r"</?[A-Za-z][^<>\n]*>|<\d{1,2}:\d{2}(?::\d{2})?[.,]\d{3}>|\{\\[^{}\n]*\}")


def _ms(stamp: str) -> int:
    parts = re.split(r"[:,.]", stamp)
    *hms, frac = parts
    h, m, s = ([0] * (3 - len(hms)) + [int(x) for x in hms])[-3:]
    return ((h * 60 + m) * 60 + s) * 1000 + int(frac.ljust(3, "0")[:3])


def _mask(text: str) -> str:
    return MARKUP.sub(lambda m: " " * len(m.group()), text)


def cues(doc: Document) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """(start ms, end ms, text line spans) of every cue."""
    text = doc.text
    lines = list(line_spans(text))
    out: list[tuple[int, int, list[tuple[int, int]]]] = []
    i = 0
    vtt = text.lstrip("\ufeff").startswith("WEBVTT")
    if vtt:
        i = 1
    n = len(lines)
    while i < n:
        a, b = lines[i]
        line = text[a:b]
        if not line.strip():
            i += 1
            continue
        if vtt and re.match(r"^(NOTE|STYLE|REGION)\b", line):
            while i < n and text[slice(*lines[i])].strip():
                i += 1
            continue
        m = TIMING.match(line)
        if m is None and i + 1 < n:
            # A cue number (SRT) or identifier (VTT) precedes the timing.
            m = TIMING.match(text[slice(*lines[i + 1])])
            if m is not None:
                i += 1
        if m is None:
            what = "WebVTT" if vtt else "SubRip"
            raise InputError(f"not a valid {what} cue: expected a timing line like '00:00:01,000 --> 00:00:03,500', found {line.strip()[:40]!r}", doc.path, i + 1)
        start, end = _ms(m.group("a")), _ms(m.group("b"))
        i += 1
        spans = []
        while i < n and text[slice(*lines[i])].strip():
            spans.append(lines[i])
            i += 1
        out.append((start, end, spans))
    if not out:
        raise InputError("subtitle file has no cues", doc.path, 1)
    return out


def _cue_segment(doc: Document, lang: str, spans: Sequence[tuple[int, int]], start: int, end: int) -> Segment | None:
    a, b = spans[0][0], spans[-1][1]
    masked = _mask(doc.text[a:b])
    lead = len(masked) - len(masked.lstrip())
    body = masked.strip()
    if not body:
        return None
    seg = Segment(doc, lang, a + lead, body, "cue")
    m = meta(seg)
    m["start_ms"], m["end_ms"] = start, end
    return seg


class SubtitleReader(Reader):
    """SubRip and WebVTT subtitles (see the module docstring)."""

    name = "subtitles"
    extensions = (".srt", ".vtt")

    def sniff(self, path: str, head: str) -> bool:
        h = head.lstrip("\ufeff")
        if h.startswith("WEBVTT"):
            return True
        first = [ln for ln in h.splitlines() if ln.strip()][:2]
        return len(first) == 2 and first[0].strip().isdigit() and TIMING.match(first[1]) is not None

    def read(self, doc: Document, lang: str | None, config: Config) -> Parsed:
        items = cues(doc)
        if lang is not None:
            segs = [s for st, en, spans in items if spans and (s := _cue_segment(doc, lang, spans, st, en))]
            return Parsed(doc, {lang: segs})
        parsed = Parsed(doc, {"ru": [], "zh": []})
        for st, en, spans in items:
            by_lang: dict[str, list[tuple[int, int]]] = {}
            for sp in spans:
                lg = script_of(_mask(doc.text[slice(*sp)]))
                if lg is not None:
                    by_lang.setdefault(lg, []).append(sp)
            segs = {lg: _cue_segment(doc, lg, sps, st, en) for lg, sps in by_lang.items()}
            ru, zh = segs.get("ru"), segs.get("zh")
            if ru is not None and zh is not None:
                parsed.fixed.append(([ru], [zh]))
            elif ru is not None or zh is not None:
                # A cue in one language only: aligned by time like a pair.
                one = ru or zh
                assert one is not None
                parsed.segments[one.lang].append(one)
        if not parsed.fixed:
            raise InputError("subtitle file has no cue with both a Russian and a Chinese line; name the two files X.ru.srt and X.zh.srt", doc.path)
        return parsed
