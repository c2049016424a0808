"""Speed-ups that lean on the internals of CPython and its C library, in
one place and behind one switch.

Everything here trades plain code for time or memory on a hot path, and
everything here can be turned off: with ``RUCONSIST_NO_SPEEDUPS=1`` in
the environment ruconsist uses only the public standard library, and
finds exactly the same (the findings never depend on these modules,
only the time and memory it takes to find them).

* :mod:`.regexcache`: the matcher code ``re`` generates for the large
  date and number patterns, kept on disk between runs and handed to the
  regular-expression engine directly (``re._parser``, ``re._compiler``
  and ``_sre.compile``); checked against ``re.compile`` on first use.
* :mod:`.regexgate`: literal text a pattern rule cannot match without,
  read with ``re._parser``, so that a segment lacking it is not searched.
* :mod:`.memory`: glibc's ``mallopt`` through ``ctypes``, so that a run
  over large files gives freed text back to the system.

Other speed work is ordinary code where it is used (caches of derived
data in :mod:`ruconsist.cache`, the pinyin store in
:mod:`ruconsist.lang.pinyin_store`, the Aho-Corasick term scan in
:mod:`ruconsist.terms`); ``bench/`` measures all of it.
"""

from __future__ import annotations

import os
import sys

#: Set to any value but ``0`` or empty to turn every speed-up off.
SWITCH = "RUCONSIST_NO_SPEEDUPS"


def enabled() -> bool:
    """Whether the speed-ups may run: on CPython, unless the switch is set."""
    return sys.implementation.name == "cpython" and os.environ.get(SWITCH, "") in ("", "0")
