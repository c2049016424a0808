"""Returning freed memory to the system on large inputs (glibc only)."""

from __future__ import annotations

import sys

from ruconsist.speed import enabled

#: Input files above this size make the command line tune the allocator
#: (:func:`return_large_buffers`).
LARGE_FILE = 1024 * 1024


def return_large_buffers() -> None:
    """Have glibc's malloc give blocks over 128 KB back to the system
    when they are freed.  By default it raises that threshold to the size
    of the largest block freed so far (up to 32 MB): after the first
    large file, the text of every file comes from the heap, which malloc
    keeps.  Four line-aligned pairs of 25,000 lines peaked at 205 MB, and
    at 196 MB with this.  A process setting, so the command line's, not
    the engine's; elsewhere than glibc, or with the speed-ups off, it
    does nothing."""
    if not sys.platform.startswith("linux") or not enabled():
        return
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
        mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    except (OSError, AttributeError):
        return
    m_trim_threshold, m_mmap_threshold = -1, -3
    mallopt(m_mmap_threshold, 128 * 1024)
    mallopt(m_trim_threshold, 128 * 1024)
