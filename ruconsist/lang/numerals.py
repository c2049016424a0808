"""Roman and Chinese numerals, read once for every module.

``zh_int`` reads Chinese numerals (``二十三``, ``一百零五``, ``二〇二六``);
each caller says how far it reads (units up to 十 for days and clock
hours, up to 千 for years of an era) and whether digit-by-digit years
count.  ``zh_places`` is the place-value arithmetic under it, shared
with the number reader, which brings its own digits and units from the
pack vocabulary.  ``roman_value`` sums the letters the usual way (a smaller letter before a
larger one is subtracted: ``XIV`` = 14).  Callers that need a well-formed
numeral check its form first (``patterns`` does, with a regular
expression); callers that read only ``I V X L C`` (centuries, ordinals)
say so with ``letters``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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


#: Chinese digits; ○ (U+25CB) is typed for 〇 in years (二○二六年).
ZH_DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
ZH_UNITS = {"十": 10, "百": 100, "千": 1000}


def zh_int(text: str, *, largest: int = 1000, serial: bool = True) -> int | None:
    """ASCII digits, or a Chinese numeral with units up to ``largest``
    (``十二``, ``二十``, ``三千零五``), or, when ``serial``, digit by digit
    (``二〇二六``); ``None`` for anything else (``二三十``, ``十十``)."""
    s = text.strip()
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if all(c in ZH_DIGITS for c in s):
        if len(s) == 1:
            return ZH_DIGITS[s]
        return int("".join(str(ZH_DIGITS[c]) for c in s)) if serial else None
    return zh_places(s, ZH_DIGITS, ZH_UNITS, below=largest + 1)


def zh_places(text: str, digits: Mapping[str, Any], units: Mapping[str, Any], *,
              below: Any, strict_zero: bool = True, zero: Any = 0) -> Any:
    """Digits before place units in falling order (``三千零五``, ``十五``,
    ``二十``), read with ``digits`` and ``units`` and summed from ``zero``
    (so the values keep the maps' type: ints or Fractions); ``None`` for
    ``十百``, ``三五``, a unit not below ``below`` or any other character.

    With ``strict_zero`` a zero digit stands only after 百 or 千 before
    another digit (``一百零五``) and never before a unit (``〇十``);
    without it a zero digit merely clears the digit before it (the pack
    reader's rule)."""
    total = zero
    digit = None
    last = below
    for c in text:
        if c in digits:
            value = digits[c]
            if strict_zero:
                # Only 零 after 百 or 千 may stand before another digit
                # (last < below once a unit has been read).
                if digit is not None and (digit != 0 or not 100 <= last < below):
                    return None
                digit = value
            elif value:
                if digit is not None:
                    return None
                digit = value
            else:
                digit = None
        elif c in units:
            unit = units[c]
            if unit >= last or (strict_zero and digit == 0):
                return None
            total += (1 if digit is None else digit) * unit
            digit, last = None, unit
        else:
            return None
    return total if digit is None else total + digit
