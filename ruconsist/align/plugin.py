"""The built-in aligner as a plugin: subtitle cues by time, any other
segments by Gale–Church with anchors.  ``trylast``, so that a plugin's
aligner is asked first."""

from __future__ import annotations

from typing import Any

from ruconsist.markers import hookimpl


@hookimpl(trylast=True)
def ruconsist_align(ru: list[Any], zh: list[Any], config: Any, rules: Any) -> list[tuple[list[Any], list[Any]]]:
    from ruconsist.align.cues import align_cues, timed

    if timed(ru) and timed(zh):
        return align_cues(ru, zh)
    from ruconsist.align.segments import align_segments

    return align_segments(ru, zh, rules)
