"""Subtitle cues align by time, not by length.

Cues of ``X.ru.srt`` and ``X.zh.srt`` that overlap for a good part of the
shorter one form a bead, so a cue split in two on one side still pairs
with its counterpart, and a cue with no overlapping cue on the other side
is an omission.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from typing import Any

from ruconsist.document import Segment
from ruconsist.readers.common import get_meta

#: A cue must overlap its counterpart for this share of the shorter
#: cue's duration to pair with it: neighbours touching by a few frames
#: do not.
MIN_OVERLAP = 0.3

#: ZH cues a RU cue is compared with at most: real subtitles overlap a
#: handful of cues; a file whose cues all run at once would otherwise
#: cost the square of its length.
MAX_CUES_LOOKED_AT = 64


def timed(segs: Sequence[Any]) -> bool:
    return bool(segs) and all("start_ms" in get_meta(s) for s in segs)


def align_cues(ru: Sequence[Segment], zh: Sequence[Segment]) -> list[tuple[list[Segment], list[Segment]]]:
    """Beads of cues that overlap in time (connected groups of cues whose
    overlap is at least :data:`MIN_OVERLAP` of the shorter one), in time
    order."""
    items = [("ru", i, s) for i, s in enumerate(ru)] + [("zh", i, s) for i, s in enumerate(zh)]
    parent = list(range(len(items)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def span(s: Segment) -> tuple[int, int]:
        m = get_meta(s)
        return m["start_ms"], max(m["end_ms"], m["start_ms"] + 1)

    spans = [span(s) for _, _, s in items]
    zh_sorted = sorted(range(len(ru), len(items)), key=lambda k: spans[k][0])
    zh_starts = [spans[k][0] for k in zh_sorted]
    # The latest end among the ZH cues up to each place in start order:
    # scanning back from a RU cue's end stops where no earlier cue can
    # still be running, so ordinary files cost a few looks per cue.
    latest_end = list(itertools.accumulate((spans[k][1] for k in zh_sorted), max))

    for ri in range(len(ru)):
        a, b = spans[ri]
        j = bisect.bisect_left(zh_starts, b) - 1
        looked = 0
        while j >= 0 and latest_end[j] > a and looked < MAX_CUES_LOOKED_AT:
            k = zh_sorted[j]
            c, d = spans[k]
            j -= 1
            looked += 1
            if d <= a:
                continue
            overlap = min(b, d) - max(a, c)
            if overlap >= MIN_OVERLAP * min(b - a, d - c):
                parent[find(ri)] = find(k)
    groups: dict[int, list[int]] = {}
    for k in range(len(items)):
        groups.setdefault(find(k), []).append(k)
    beads = []
    for members in groups.values():
        r = [items[k][2] for k in members if items[k][0] == "ru"]
        z = [items[k][2] for k in members if items[k][0] == "zh"]
        first = min(spans[k][0] for k in members)
        beads.append((first, r, z))
    beads.sort(key=lambda t: t[0])
    return [(r, z) for _, r, z in beads]
