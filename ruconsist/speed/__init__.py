"""Speed-ups that trade plain code for time or memory on a hot path, in
one place and behind one switch.

Everything here can be turned off: with ``RUCONSIST_NO_SPEEDUPS=1`` in
the environment ruconsist skips these modules, and finds exactly the
same (the findings never depend on them, only the time and memory it
takes to find them).  None of them reaches into CPython's private
modules.

* :mod:`.regexgate`: literal text a pattern rule cannot match without,
  read from the pattern's text by a small reader of its own, so that a
  segment lacking it is not searched.
* :mod:`.memory`: glibc's ``mallopt`` through ``ctypes``, so that a run
  over large files gives freed text back to the system.

Other speed work is ordinary code where it is used (caches of derived
data in :mod:`ruconsist.cache`, the pinyin store in
:mod:`ruconsist.lang.pinyin_store`, which the switch also turns off,
the Aho-Corasick term scan in :mod:`ruconsist.terms`); ``bench/``
measures all of it.  The number and
date patterns are compiled with :func:`re.compile` on each run (about
0.02 s of CPU for a short pair, 0.05 s for a news article: see
``docs/performance.md``); the matcher code ``re`` generated for them is
no longer kept between runs, which needed ``re``'s private compiler.
"""

from __future__ import annotations

import os
import sys

#: Set to any value but ``0`` or empty to turn every speed-up off.
SWITCH = "RUCONSIST_NO_SPEEDUPS"


def enabled() -> bool:
    """Whether the speed-ups may run: on CPython, unless the switch is set."""
    return sys.implementation.name == "cpython" and os.environ.get(SWITCH, "") in ("", "0")
