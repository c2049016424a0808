"""Roman numerals, read once for every module.

``roman_value`` sums the letters the usual way (a smaller letter before a
larger one is subtracted: ``XIV`` = 14).  Callers that need a well-formed
numeral check its form first (``patterns`` does, with a regular
expression); callers that read only ``I V X L C`` (centuries, ordinals)
say so with ``letters``.
"""

from __future__ import annotations

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_value(text: str, letters: str = "IVXLCDM") -> int | None:
    """The value of a Roman numeral in either case (``XIX``, ``xix``), or
    ``None`` when ``text`` is empty or holds a character outside
    ``letters``."""
    s = text.upper()
    if not s or any(c not in letters for c in s):
        return None
    total = 0
    for i, ch in enumerate(s):
        v = ROMAN_VALUES[ch]
        total += -v if i + 1 < len(s) and ROMAN_VALUES[s[i + 1]] > v else v
    return total
