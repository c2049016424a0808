"""Roman and Chinese numerals, read once for every module.

``zh_int`` reads Chinese numerals (``二十三``, ``一百零五``, ``二〇二六``);
each caller says how far it reads (units up to 十 for days and clock
hours, up to 千 for years of an era) and whether digit-by-digit years
count.  ``roman_value`` sums the letters the usual way (a smaller letter before a
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
    total, digit, last = 0, None, None
    for c in s:
        if c in ZH_DIGITS:
            # Only 零 after 百 or 千 may stand before another digit (一百零五).
            if digit is not None and not (digit == 0 and last is not None and last >= 100):
                return None
            digit = ZH_DIGITS[c]
        elif ZH_UNITS.get(c, largest + 1) <= largest:
            unit = ZH_UNITS[c]
            if last is not None and unit >= last:
                return None
            if digit == 0:
                return None  # 〇十
            total += (1 if digit is None else digit) * unit
            digit, last = None, unit
        else:
            return None
    return total + (digit or 0)
