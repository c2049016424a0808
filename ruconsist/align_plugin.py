"""The built-in aligner as a plugin: Gale–Church with anchors."""

from __future__ import annotations

from typing import Any

from ruconsist.hookspecs import hookimpl


@hookimpl(trylast=True)
def ruconsist_align(ru: list[Any], zh: list[Any], config: Any, rules: Any) -> list[tuple[list[Any], list[Any]]]:
    from ruconsist.engine import align_segments

    return align_segments(ru, zh, rules)
