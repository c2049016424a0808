"""Aligning RU and ZH segments into beads: one package for the step.

- :mod:`ruconsist.align.gale_church`: the length-and-anchor aligner;
- :mod:`ruconsist.align.cues`: subtitle cues, aligned by time;
- :mod:`ruconsist.align.segments`: the step itself (key alignment, the
  default paragraph and sentence alignment, untranslated segments);
- :mod:`ruconsist.align.plugin`: the built-in ``ruconsist_align`` hook.
"""

from __future__ import annotations

from ruconsist.align.gale_church import align

__all__ = ["align"]
