"""Capture values: numbers in any notation (digits, Chinese numerals,
Roman numerals), terms, and how two captures are compared.
"""

from __future__ import annotations

import unicodedata
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import regex

from ruconsist.lang.numerals import roman_value as _roman

if TYPE_CHECKING:
    from ruconsist.rules import RuleSet


# Numbers ---------------------------------------------------------------

ROMAN = regex.compile(r"^M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
#: Cyrillic capitals typed for Latin Roman numerals (``ХХ съезд``).
#: Lower-case letters are never read as Roman numerals (``х``, ``v``).
ROMAN_LOOKALIKES = str.maketrans({"Х": "X", "І": "I", "С": "C", "М": "M", "Ⅰ": "I", "Ⅴ": "V", "Ⅹ": "X"})


PLAIN_NUMBER = regex.compile(r"^\d+(?:[.,]\d+)?$")


def roman_value(text: str) -> int | None:
    s = text.strip().translate(ROMAN_LOOKALIKES)
    if not s or not ROMAN.match(s):
        return None
    return _roman(s)


def number_value(text: str, lang: str, rules: RuleSet | None = None) -> Fraction | None:
    """The value of a captured number, or ``None`` when the capture is
    not one number.

    Read as the number check reads numbers (:mod:`ruconsist.lang.numbers`
    with the packs' ``vocab: numbers``): digits in the side's notation
    (RU ``1 000,5``, ZH ``1,000.5``, full-width digits), magnitude words
    (``1,5 млн``, ``1.2万亿``), Russian number words in any case
    (``третьего``, ``двадцать пятый``) and ordinal endings (``20-го``),
    Chinese numerals (``二十``, ``一百零五``, ``二〇二六``).  Roman numerals
    (``XX``, also typed with Cyrillic ``Х``) are read here.  A leading
    ``第`` is ignored."""
    s = unicodedata.normalize("NFKC", text).strip()
    if lang == "zh" and s.startswith("第"):
        s = s[1:].strip()
    if not s:
        return None
    r = roman_value(s)
    if r is not None:
        return Fraction(r)
    if rules is None or not any(True for _ in rules.vocab("numbers")):
        # No number vocabulary loaded (a bare user pack): digits only.
        m = PLAIN_NUMBER.match(s)
        if m is None:
            return None
        sep = "," if lang == "ru" else "."
        whole, _, frac = m.group().partition(sep)
        return Fraction(f"{whole.replace(',', '')}.{frac}" if frac else whole.replace(",", ""))
    from ruconsist.lang.numbers import extract_numbers, number_vocab, parse_zh_numeral

    vocab = number_vocab(rules)
    found = extract_numbers(s, lang, vocab)
    if len(found) == 1 and found[0].start == 0 and found[0].end >= len(s.rstrip(".")):
        return found[0].value
    if lang == "zh":
        try:
            return parse_zh_numeral(s, vocab)
        except KeyError:  # a vocabulary without Chinese digits
            return None
    return None


def to_chinese(n: int) -> str:
    """``20`` → ``二十``, ``105`` → ``一百零五``, ``2231`` → ``二千二百三十一``."""
    if n == 0:
        return "零"
    if n < 0:
        return "负" + to_chinese(-n)
    digits = "零一二三四五六七八九"

    def below_10k(x: int, leading: bool) -> str:
        out = ""
        zero = False
        for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d, x = divmod(x, unit)
            if d:
                if zero:
                    out += "零"
                    zero = False
                if not (unit == 10 and d == 1 and leading and not out):
                    out += digits[d]
                out += name
            elif out:
                zero = True
        return out

    parts = []
    for big, name in ((10**8, "亿"), (10**4, "万"), (1, "")):
        q, n = divmod(n, big)
        if q:
            if parts and q < 1000:
                parts.append("零")
            parts.append(below_10k(q, not parts) + name)
    return "".join(parts).replace("零零", "零")


def to_roman(n: int) -> str:
    if not 0 < n < 5000:
        return str(n)
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def _fmt_number(v: Fraction) -> str:
    if v.denominator == 1:
        return str(v.numerator)
    return f"{float(v):g}"


# Captures ----------------------------------------------------------------


def normalize_text(text: str) -> str:
    """Text captures compare after NFKC (full-width forms become
    half-width) with runs of white space made one space; case counts."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


class CaptureValue:
    """A capture as a message placeholder: ``{n}`` is the text as found,
    ``{n:d}`` its value in Arabic digits, ``{n:zh}`` in Chinese numerals,
    ``{n:roman}`` in Roman numerals (the text itself when it is not a
    number)."""

    def __init__(self, text: str, lang: str, rules: RuleSet | None) -> None:
        self.text = text
        self.lang = lang
        self.rules = rules

    def __str__(self) -> str:
        return self.text

    def __format__(self, spec: str) -> str:
        if not spec:
            return self.text
        v = number_value(self.text, self.lang, self.rules)
        if v is None:
            return self.text
        if spec == "d":
            return _fmt_number(v)
        if v.denominator != 1:
            return _fmt_number(v)
        if spec == "zh":
            return to_chinese(v.numerator)
        if spec == "roman":
            return to_roman(v.numerator)
        return self.text


class TermKey:
    """The terms a capture names, and enough to ask whether another
    capture names one of them by an accepted form (``俄方`` for Russia)."""

    def __init__(self, text: str, lang: str, rules: RuleSet) -> None:
        from ruconsist.terms import FORBIDDEN, matcher_for

        self.text = text
        self.lang = lang
        self.rules = rules
        self.mentions = [m for m in matcher_for(rules).find(text, lang) if m.role != FORBIDDEN]
        self.ids = frozenset(t for m in self.mentions for t in m.terms)

    def same(self, other: TermKey) -> bool:
        if self.ids & other.ids:
            return True
        from ruconsist.terms import matcher_for

        matcher = matcher_for(self.rules)
        for a, b in ((self, other), (other, self)):
            for tid in a.ids:
                if matcher.accepted(tid, b.lang, b.text, b.mentions) is not None:
                    return True
        return False


def capture_key(kind: str, text: str, lang: str, rules: RuleSet | None) -> Any:
    """What a capture is compared by: normalised text, a number, or the
    set of term ids it names.  ``None`` means the match does not count
    (a number capture that is no number, a term capture naming no term)."""
    if kind == "number":
        return number_value(text, lang, rules)
    if kind == "term":
        if rules is None:
            return None
        key = TermKey(text, lang, rules)
        return key if key.ids else None
    return normalize_text(text)


def keys_equal(kind: str, a: Any, b: Any) -> bool:
    if kind == "term":
        return a.same(b)  # type: ignore[no-any-return]
    return a == b  # type: ignore[no-any-return]
