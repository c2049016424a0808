"""Reading numbers in Chinese text: digits, Chinese numerals before a
classifier or after 第/百分之, approximation words, clock times.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from fractions import Fraction
from typing import Any

from ruconsist.lang.numerals import zh_places
from ruconsist.lang.numbers.scan import (
    _in_spans,
    _mask_spans,
    _quoted_name_spans,
    _regex,
    _skip_space,
    fraction_alts,
    dated_span,
    short_year_end,
)
from ruconsist.lang.numbers.vocab import (
    DASHES,
    ONE,
    SPACES,
    ZERO,
    ZH_DIGITS,
    NumberMention,
    NumberVocab,
    _digit_value,
    _latin_word_before,
)

# --------------------------------------------------------------------------
# Chinese


def _zh_patterns(vocab: NumberVocab) -> dict[str, Any]:
    def build():  # type: ignore[no-untyped-def]
        zh = vocab.zh
        digits = zh.maps["digits"]
        units = zh.maps["units"]
        mags = zh.maps["magnitudes"]
        numchars = "".join(sorted(set(digits) | set(units) | set(mags)))
        cls = zh.list("classifiers")
        after = {
            name: _zh_alt(zh.list(name)) for name in (
                "approx_after", "percent_after", "multiple_after", "tenths_after", "time_after",
                "reference_after", "article_after", "year_after", "month_after", "day_after",
                "decade_after", "century_after", "vague_after", "ordinal_after",
            )
        }
        after_rx = {k: re.compile(f"(?:{v})") if v else re.compile(r"(?!x)x") for k, v in after.items()}
        return {
            "numchars": numchars,
            "numeral": re.compile(
                rf"[{re.escape(numchars)}]+(?:点[{re.escape(''.join(digits))}]+)?"
            ),
            "mags": re.compile(rf"[{re.escape(''.join(mags))}{re.escape(''.join(units))}]+"),
            "cls": re.compile(rf"(?:{_zh_alt(cls)})") if cls else re.compile(r"(?!x)x"),
            "after": after_rx,
            "approx_before": _zh_before(zh.list("approx_before")),
            "vague_before": _zh_before(zh.list("vague_before")),
            "weekday_before": _zh_before(zh.list("weekday_before")),
            "ordinal_before": _zh_before(zh.list("ordinal_before")),
            "percent_before": _zh_before(zh.list("percent_before")),
            "permille_before": _zh_before(zh.list("permille_before")),
            "reference_before": _zh_before(zh.list("reference_before")),
            "multiple_by_before": _zh_before(zh.list("multiple_by_before")),
            "multiple_to_before": _zh_before(zh.list("multiple_to_before")),
            "unit": re.compile(_zh_alt(vocab.units["zh"]), re.I) if vocab.units["zh"] else re.compile(r"(?!x)x"),
            "not_numbers": re.compile(_zh_alt(zh.list("not_numbers"))) if zh.list("not_numbers") else None,
            "names": re.compile(_zh_alt(zh.list("names"))) if zh.list("names") else None,
            "multiples": re.compile(_zh_alt(zh.valued.get("multiples", {})))
            if zh.valued.get("multiples") else None,
            "fraction_mark": (zh.list("fraction_mark") or ["分之"])[0],
            # 三至六周: a range goes on to another number.
            "range_next": re.compile(
                rf"[ \u00a0]*(?:至|到|~|[{DASHES}])[ \u00a0]*[{re.escape(numchars)}0-9]"
            ),
            # What may follow a number, tried in this order; the first
            # reader that takes its word says what the number counts.
            "followers": (
                (after_rx["percent_after"], _as_percent),
                (_PERCENT, _as_percent),
                (after_rx["multiple_after"], _as_multiple),
                (after_rx["decade_after"], _as_decade),
                (after_rx["century_after"], _as_century),
                (after_rx["year_after"], _as_year),
                (after_rx["month_after"], _as_month),
                (after_rx["day_after"], _as_day),
                (after_rx["article_after"], _as_article),
                (after_rx["reference_after"], _as_reference),
                (after_rx["tenths_after"], _as_tenths),
            ),
            # 五六万: two digits, then what scales them.
            "digit_pair": re.compile(rf"([{re.escape(''.join(digits))}])([{re.escape(''.join(digits))}])(.*)"),
        }

    return _regex(vocab, "zh", build)  # type: ignore[return-value]


def _zh_alt(forms: Iterable[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=lambda s: (-len(s), s)))


def _zh_before(forms: Iterable[str]) -> re.Pattern[str]:
    alt = _zh_alt(forms)
    return re.compile(rf"(?:{alt})[ \u00a0]*$") if alt else re.compile(r"(?!x)x")


#: Place units (十, 百, 千, and 廿, 卅 in the shipped pack) stay below this.
_PLACES_BELOW = Fraction(10 ** 6)


def parse_zh_numeral(s: str, vocab: NumberVocab) -> Fraction | None:
    """Value of a Chinese numeral (``十五万``, ``一百零五``, ``二〇二六``,
    ``三点五``), or None when the characters do not form a number."""
    digits = vocab.zh.maps["digits"]
    if "点" in s:
        return _parse_zh_decimal(s, vocab)
    if not s:
        return None
    if all(c in digits for c in s):
        if len(s) == 1:
            return digits[s]
        # Digit by digit: 二〇二六.
        return Fraction(int(_digit_string(s, digits)))
    mags = vocab.zh.maps["magnitudes"]
    # The largest magnitude splits first (三千万 is 3000 × 万).
    mag_char = next((c for c, _ in sorted(mags.items(), key=lambda kv: -kv[1]) if c in s), None)
    if mag_char is not None:
        return _parse_zh_scaled(s, mag_char, mags[mag_char], vocab)
    # A numeral below 万: digits before the places 十, 百, 千 in falling
    # order (三千零五, 十五); None for 十百 or 三五.
    return zh_places(s, digits, vocab.zh.maps["units"], below=_PLACES_BELOW, strict_zero=False, zero=ZERO)


def _digit_string(s: str, digits: dict[str, Fraction]) -> str:
    """``二〇二六`` as ``"2026"``."""
    return "".join(str(int(digits[c])) for c in s)


def _parse_zh_decimal(s: str, vocab: NumberVocab) -> Fraction | None:
    """``三点五`` = 3.5: a numeral, 点, then digits one by one."""
    digits = vocab.zh.maps["digits"]
    whole, _, frac = s.partition("点")
    w = parse_zh_numeral(whole, vocab)
    if w is None or not frac or any(c not in digits for c in frac):
        return None
    return w + Fraction(int(_digit_string(frac, digits)), 10 ** len(frac))


def _parse_zh_scaled(s: str, mag_char: str, mag: Fraction, vocab: NumberVocab) -> Fraction | None:
    """A numeral split on a magnitude character, at its last occurrence
    (万亿 = 10^12): the part before counts the magnitude (none: one), the
    part after, past a 零, must stay below it (三万零五 = 30 005)."""
    idx = s.rfind(mag_char)
    left, right = s[:idx], s[idx + 1:].lstrip("零〇")
    lv = parse_zh_numeral(left, vocab) if left else ONE
    if lv is None:
        return None
    rv = parse_zh_numeral(right, vocab) if right else ZERO
    if rv is None or rv >= mag:
        return None
    return lv * mag + rv


def _zh_unit_of(s: str, vocab: NumberVocab) -> Fraction:
    """Precision of a Chinese numeral.  Written-out numbers are exact
    (三千 = 3000, precise to one); a number scaled by 万 or 亿 is precise
    to its last written place (十五万 to 10 000, 三万五千 to 1000)."""
    units = vocab.zh.maps["units"]
    mags = vocab.zh.maps["magnitudes"]
    if "点" in s:
        return Fraction(1, 10 ** len(s.partition("点")[2]))
    if not any(c in mags for c in s):
        return ONE
    unit = ONE
    i = len(s) - 1
    while i >= 0 and (s[i] in mags or s[i] in units):
        unit *= mags.get(s[i]) or units[s[i]]
        i -= 1
        if i >= 0 and s[i] not in mags and s[i] not in units:
            break
    return unit


def _extract_zh(text: str, norm: str, vocab: NumberVocab) -> list[NumberMention]:
    p = _zh_patterns(vocab)
    masks = _mask_spans(norm) + _quoted_name_spans(norm)
    if p["names"]:
        masks.extend((m.start(), m.end(), "name") for m in p["names"].finditer(norm))
    skip = [(m.start(), m.end()) for m in p["not_numbers"].finditer(norm)] if p["not_numbers"] else []
    out: list[NumberMention] = []
    for m in ZH_DIGITS.finditer(norm):
        mention = _zh_digit_mention(text, norm, m, vocab, p, masks)
        if mention is not None:
            out.append(mention)
    for m in p["numeral"].finditer(norm):
        mention = _zh_numeral_mention(text, norm, m, vocab, p, masks, skip)
        if mention is not None:
            out.append(mention)
    out.extend(_zh_halves(norm, vocab, p))
    for m in _WHOLE_PERCENT.finditer(norm):
        # "a hundred per cent", as often "entirely" as a figure: it answers
        # ``сто процентов`` but is never reported on its own.
        out.append(NumberMention(m.start(), m.end(), Fraction(100), "percent", False, m.group(0),
                                 quiet=True, role="word", digits=False))
    if p["multiples"]:
        out.extend(_zh_multiple_words(text, norm, vocab, p))
    return out


_WHOLE_PERCENT = re.compile("百分之百|百分百")
#: 半 alone, not after a numeral or 个 (一个半, 两半 are read with their number).
_LONE_HALF = re.compile(r"(?<![个0-9〇零一二三四五六七八九十两])半(?=[ \u00a0]*\S)")


def _zh_digit_mention(text, norm, m, vocab, p, masks):  # type: ignore[no-untyped-def]
    """A number in digits, with the words around it."""
    value, unit = _digit_value(m.group(0), "zh")
    role = _in_spans(masks, m.start(), m.end())
    year = short_year_end(norm, m.start(), m.group(0))
    if year is not None:
        # 1635-36, 2019/20: the end of a span of years, 1636, 2020;
        # compared here, unless it is a date (年 follows), the date check's.
        dated = dated_span(norm, m.end())
        return NumberMention(m.start(), m.end(), year, "year", False, m.group(0), quiet=dated,
                             role="date" if dated else "")
    if role is None and _zh_digits_in_code(text, norm, m.start(), m.end(), p):
        role = "code"
    ordinal = bool(p["ordinal_before"].search(norm[max(0, m.start() - 3):m.start()]))
    return _zh_finish(text, norm, m.start(), m.end(), value, unit, vocab, p, role, digits=True,
                      numeral=m.group(0), ordinal=ordinal)


def _zh_digits_in_code(text: str, norm: str, start: int, end: int, p: dict[str, Any]) -> bool:
    """Digits joined to Latin letters (``A4``, ``COVID-19``, ``5G``, but
    not ``5km``) or after a Latin word are part of a code or name."""
    before = norm[start - 1] if start else ""
    before2 = norm[start - 2] if start > 1 else ""
    after = norm[end] if end < len(norm) else ""
    return bool(
        ("a" <= before.lower() <= "z") or (before in DASHES and "a" <= before2.lower() <= "z")
        or (("a" <= after.lower() <= "z") and not p["unit"].match(norm, end))
        or (after in DASHES and end + 1 < len(norm) and "a" <= norm[end + 1].lower() <= "z")
        or _latin_word_before(text, start)
    )


def _zh_halves(norm: str, vocab: NumberVocab, p: dict[str, Any]) -> Iterator[NumberMention]:
    """半 before a unit or classifier (半小时, 半个月): a half, quiet."""
    for m in _LONE_HALF.finditer(norm):
        u = p["unit"].match(norm, m.end())
        if u or p["cls"].match(norm, m.end()):
            measure = vocab.units["zh"][u.group(0).lower()] if u else None
            yield NumberMention(m.start(), m.end(), Fraction(1, 2), "cardinal", False, "半",
                                unit=Fraction(1, 2), quiet=True, role="word", digits=False,
                                measure=measure)


def _zh_multiple_words(text: str, norm: str, vocab: NumberVocab, p: dict[str, Any]) -> Iterator[NumberMention]:
    """翻一番 (doubled), 翻两番 (quadrupled): a multiple in words."""
    for m in p["multiples"].finditer(norm):
        value = vocab.zh.valued["multiples"][m.group(0)]
        role = "word" if value in vocab.quiet_word_values else ""
        yield NumberMention(m.start(), m.end(), value, "multiple", False, text[m.start():m.end()],
                            quiet=bool(role), role=role, digits=False)


def _classifier_beyond(p: dict[str, Any], norm: str, end: int, skip: list[tuple[int, int]]) -> bool:
    """十分钟 is ten minutes though 十分 is "very": a classifier that runs
    past the end of the skipped word wins."""
    cl = p["cls"].match(norm, end)
    return bool(cl) and any(a < end < b < cl.end() for a, b in skip)


def _zh_numeral_mention(text, norm, m, vocab, p, masks, skip):  # type: ignore[no-untyped-def]
    """A number in Chinese numerals: a clock time, a fraction or per
    cent (N分之M), a pair of neighbours (五六万), or a count."""
    s = m.group(0)
    start, end = m.start(), m.end()
    head = norm[max(0, start - 6):start]
    if _zh_numeral_in_word(norm, s, start, end, head, p, skip):
        return None
    if "点" in s:
        clock = _zh_clock_time(text, norm, start, end, vocab)
        if clock is not None:
            return clock
    if norm.startswith(p["fraction_mark"], end):
        return _zh_fraction(text, norm, s, start, end, vocab, p, masks)
    if p["percent_before"].search(head) or p["permille_before"].search(head):
        # The 百分之 prefix itself was read as a fraction above; the
        # numeral after it is part of that mention.
        return None
    pair = _zh_neighbour_pair(s, vocab, p)
    if pair is not None:
        low, high, mult = pair
        mention = _zh_finish(text, norm, start, end, low, mult, vocab, p, _in_spans(masks, start, end),
                             digits=False, numeral=s, require_context=False)
        return replace(mention, approx=True, alts=(high,)) if mention else None
    value = parse_zh_numeral(s, vocab)
    if value is None:
        return None
    ordinal = bool(p["ordinal_before"].search(head))
    role = _in_spans(masks, start, end)
    units = vocab.zh.maps["units"]
    if s[0] in units and units[s[0]] >= 100 or s[0] in vocab.zh.maps["magnitudes"]:
        # 百年, 千家万户, 万人: figurative more often than counted.
        role = role or "vague"
    digits = vocab.zh.maps["digits"]
    return _zh_finish(text, norm, start, end, value, _zh_unit_of(s, vocab), vocab, p, role, digits=False,
                      numeral=s, ordinal=ordinal,
                      require_context=not ordinal and (len(s) == 1 or all(c in digits for c in s)))


def _zh_numeral_in_word(norm, s, start, end, head, p, skip):  # type: ignore[no-untyped-def]
    """Numeral characters that are part of a word, not a number: 一些,
    十分 or 千万 (but not 三千万, which starts before 千万, nor 十分钟),
    星期三, or a numeral after or before a vagueness word."""
    if any(a <= start < b for a, b in skip) and not _classifier_beyond(p, norm, end, skip):
        return True
    if p["weekday_before"].search(head) and len(s) == 1 and not p["cls"].match(norm, end):
        return True
    return bool(p["vague_before"].search(head) or p["after"]["vague_after"].match(norm, end))


def _zh_clock_time(text, norm, start, end, vocab):  # type: ignore[no-untyped-def]
    """八点二十分 is 8:20, not 8.2 and "very" (十分)."""
    clock = _ZH_CLOCK.match(norm, start)
    if not clock or clock.end() <= end:
        return None
    hour = parse_zh_numeral(clock.group(1), vocab)
    minutes = parse_zh_numeral(clock.group(2), vocab)
    if hour is None or minutes is None or hour > 24 or minutes >= 60:
        return None
    return NumberMention(start, clock.end(), hour + minutes / 60, "time", False,
                         text[start:clock.end()], unit=Fraction(1, 60), quiet=True, role="time",
                         digits=False)


def _zh_fraction(text, norm, s, start, end, vocab, p, masks):  # type: ignore[no-untyped-def]
    """N分之M: a fraction (三分之二 = 2/3), per cent after 百 (百分之五),
    per mille after 千; None when no numeral follows."""
    m2 = p["numeral"].match(norm, end + len(p["fraction_mark"]))
    if not m2:
        return None
    den = parse_zh_numeral(s, vocab)
    num = parse_zh_numeral(m2.group(0), vocab)
    if not den or num is None:
        return None
    if s == "百":
        value, kind = num, "percent"
    elif s == "千":
        value, kind = num / 10, "percent"
    else:
        value, kind = num / den, "fraction"
    role = _in_spans(masks, start, m2.end())
    if role is None and value in vocab.quiet_word_values:
        role = "word"
    return _zh_approx(norm, NumberMention(
        start, m2.end(), value, kind, False, text[start:m2.end()],
        unit=_zh_unit_of(m2.group(0), vocab) if kind == "percent" else ZERO,
        alts=fraction_alts(value) if kind == "fraction" else (),
        quiet=role is not None, role=role or "", digits=False), p, text)


def _zh_neighbour_pair(s, vocab, p):  # type: ignore[no-untyped-def]
    """五六万, "five or six (ten-thousand)": two neighbouring digits and
    what scales them, as (low, high, scale); None for anything else."""
    digits = vocab.zh.maps["digits"]
    pair = p["digit_pair"].fullmatch(s)
    if (not pair or not digits[pair.group(1)] or digits[pair.group(2)] != digits[pair.group(1)] + 1
            or "〇" in s or "零" in s):
        return None
    rest = pair.group(3)
    mult = parse_zh_numeral("一" + rest, vocab) if rest else ONE
    if not mult:
        return None
    return digits[pair.group(1)] * mult, digits[pair.group(2)] * mult, mult


def _zh_finish(text, norm, start, end, value, unit, vocab, p, role, *, digits, numeral,  # type: ignore[no-untyped-def]
               ordinal=False, require_context=False):
    """Read what follows and precedes a Chinese number: magnitude, 半,
    approximation, percent, 倍, date parts, clock time, classifier."""
    r = _ZhReading(norm, start, end, value, unit, role, digits, numeral, ordinal)
    if digits:
        _read_digit_magnitude(r, vocab, p)
    _read_half_and_approx(r, p)
    for rx, read in p["followers"]:
        m = r.at(rx)
        if m and read(r, m, vocab, p):
            break
    else:
        _read_unit_classifier_or_time(r, vocab, p)
    if require_context and not r.context and not p["range_next"].match(norm, r.pos) and not (
            digits or r.factor != 1):
        # A numeral with no classifier (四音符, 三国) may be a word part as
        # well as a count: it answers a number on the other side but is
        # never reported itself.  (三至六周: the first end of a range
        # takes the second's classifier.)
        r.role = r.role or "bare"
    return _zh_read_before(r, text, end, vocab, p)


class _ZhReading:
    """A Chinese number while the words around it are read: each reader
    moves ``pos`` past what it takes and says what the number is."""

    __slots__ = ("norm", "start", "pos", "here", "value", "unit", "role", "digits", "numeral", "ordinal",
                 "kind", "factor", "scale", "alts", "approx", "increase", "measure", "context", "half",
                 "whole")

    def __init__(self, norm, start, end, value, unit, role, digits, numeral, ordinal):  # type: ignore[no-untyped-def]
        self.norm = norm
        self.start = start
        self.pos = end
        #: ``pos`` past spaces: Chinese text from some sources puts
        #: spaces around digits ("1100 万英镑", "2017 年 9 月").
        self.here = _skip_space(norm, end)
        self.value = value
        self.unit = unit
        self.role = role
        self.digits = digits
        self.numeral = numeral
        self.ordinal = ordinal
        self.kind = "ordinal" if ordinal else "cardinal"
        self.factor = ONE
        self.scale = ""
        self.alts: tuple[Fraction, ...] = ()
        self.approx = False
        self.increase = False
        self.measure = None
        #: Whether a word after the number says what it counts.
        self.context = False
        #: Whether 半 or 个半 follows (taken or not).
        self.half = False
        #: Whether the value was whole before a 半 after a classifier.
        self.whole = True

    def at(self, rx: re.Pattern[str]) -> re.Match[str] | None:
        return rx.match(self.norm, self.here)

    def move_to(self, pos: int) -> None:
        self.pos = pos
        self.here = _skip_space(self.norm, pos)

    def take(self, m: re.Match[str]) -> bool:
        """Take a word that says what the number counts."""
        self.move_to(m.end())
        self.context = True
        return True


def _read_digit_magnitude(r: _ZhReading, vocab: NumberVocab, p: dict[str, Any]) -> None:
    """20多万, 1.5万, 3千万, 1.2万亿: digits scaled by magnitude characters."""
    a = r.at(p["after"]["approx_after"])
    if a and p["mags"].match(r.norm, a.end()):
        r.approx = True
        r.move_to(a.end())
    mg = _magnitude_before_unit(r.norm, r.at(p["mags"]), p)
    if mg:
        factor = ONE
        for c in mg.group(0):
            factor *= vocab.zh.maps["magnitudes"].get(c) or vocab.zh.maps["units"][c]
        r.factor = factor
        r.scale = mg.group(0)
        r.move_to(mg.end())
        r.value *= factor
        r.unit *= factor


def _magnitude_before_unit(norm, mg, p):  # type: ignore[no-untyped-def]
    """4千克 is four kilograms, not four thousand; 5千米 five km; 5亿千瓦时
    is 500 million kWh: a unit or classifier that begins with 千 or 万
    ends the magnitude where it starts (None when nothing is left)."""
    if not mg:
        return mg
    cut = next((i for i in range(mg.start(), mg.end())
                if p["unit"].match(norm, i) or (i > mg.start() and _unit_classifier(p, norm, i))), None)
    if cut is None:
        return mg
    return p["mags"].match(norm, mg.start(), cut) if cut > mg.start() else None


def _read_half_and_approx(r: _ZhReading, p: dict[str, Any]) -> None:
    """一个半小时, 两年半 (a half before a classifier); 多, 余, 左右 after
    the number."""
    half = r.at(_HALF)
    r.half = bool(half)
    if half and (p["cls"].match(r.norm, half.end()) or half.group(0) == "个半"):
        r.value += Fraction(1, 2)
        r.unit = min(r.unit, Fraction(1, 2))
        r.take(half)
    a = r.at(p["after"]["approx_after"])
    if a:
        r.approx = True
        r.take(a)
    r.whole = r.value.denominator == 1


# Readers of the word after a number, tried in the order of
# ``_zh_patterns(...)["followers"]``; each says whether it took the word.

def _as_percent(r: _ZhReading, m: re.Match[str], vocab: NumberVocab, p: dict[str, Any]) -> bool:
    """5%, 五个百分点."""
    r.kind = "percent"
    return r.take(m)


def _as_multiple(r: _ZhReading, m: re.Match[str], vocab: NumberVocab, p: dict[str, Any]) -> bool:
    """两倍: times; 增加了2倍 grew BY twice, to three times (в 3 раза)."""
    r.kind = "multiple"
    head = r.norm[max(0, r.start - 8):r.start]
    if p["multiple_by_before"].search(head) and not p["multiple_to_before"].search(head):
        r.value += 1
        r.increase = True
    elif not p["multiple_to_before"].search(head):
        # A bare 两倍 is read either way.
        r.alts = (r.value + 1,)
    return r.take(m)


def _as_decade(r: _ZhReading, m: re.Match[str], vocab: NumberVocab, p: dict[str, Any]) -> bool:
    """90年代."""
    r.kind, r.role = "decade", r.role or "date"
    return r.take(m)


def _as_century(r: _ZhReading, m: re.Match[str], vocab: NumberVocab, p: dict[str, Any]) -> bool:
    """20世纪."""
    r.kind, r.role = "century", r.role or "date"
    return r.take(m)


def _as_year(r: _ZhReading, m: re.Match[str], vocab: NumberVocab, p: dict[str, Any]) -> bool:
    """2019年, 二〇一九年 (not 三年, three years)."""
    digit_by_digit = (not r.digits and len(r.numeral) >= 3
                      and all(c in vocab.zh.maps["digits"] for c in r.numeral))
    if not (r.factor == 1 and r.whole and not r.ordinal and (r.value >= 1000 or digit_by_digit)):
        return False
    r.kind, r.role = "year", r.role or "date"
    return r.take(m)


def _as_month(r: _ZhReading, m: re.Match[str], vocab: NumberVocab, p: dict[str, Any]) -> bool:
    """9月 (not 九个月)."""
    if not (r.factor == 1 and r.whole and 1 <= r.value <= 12 and not r.ordinal):
        return False
    r.kind, r.role = "date", r.role or "date"
    return r.take(m)


def _as_day(r: _ZhReading, m: re.Match[str], vocab: NumberVocab, p: dict[str, Any]) -> bool:
    """15日."""
    if not (r.factor == 1 and r.whole and 1 <= r.value <= 31 and not r.ordinal):
        return False
    r.kind, r.role = "date", r.role or "date"
    return r.take(m)


def _as_article(r: _ZhReading, m: re.Match[str], vocab: NumberVocab, p: dict[str, Any]) -> bool:
    """第5条: an article, a reference."""
    if not r.ordinal:
        return False
    r.role = r.role or "reference"
    return r.take(m)


def _as_reference(r: _ZhReading, m: re.Match[str], vocab: NumberVocab, p: dict[str, Any]) -> bool:
    """5号: a number in a name or a colloquial date."""
    if r.ordinal:
        return False
    r.role = r.role or "reference"
    return r.take(m)


def _as_tenths(r: _ZhReading, m: re.Match[str], vocab: NumberVocab, p: dict[str, Any]) -> bool:
    """三成 = 30 %."""
    if r.digits or r.ordinal or r.value > 10:
        return False
    r.kind = "percent"
    r.value *= 10
    r.unit *= 10
    return r.take(m)


def _read_unit_classifier_or_time(r: _ZhReading, vocab: NumberVocab, p: dict[str, Any]) -> None:
    """A unit (5公里), a clock time (8点, 8点半) or a classifier (三个);
    where a unit and a classifier both match, the unit unless the
    classifier is longer."""
    norm = r.norm
    u = r.at(p["unit"])
    cl = r.at(p["cls"])
    tm = r.at(p["after"]["time_after"])
    unit_wins = u and (not cl or len(u.group(0)) >= len(cl.group(0)))
    after_cl = u if unit_wins else cl
    if after_cl and norm.startswith("半", after_cl.end()) and not r.half:
        # 两年半 = 2.5 years
        r.value += Fraction(1, 2)
        r.unit = min(r.unit, Fraction(1, 2))
        r.move_to(after_cl.end() + 1)
    if unit_wins:
        r.measure = _zh_measure(norm, r.start, u.group(0).lower(), vocab)  # type: ignore[union-attr]
        r.context = True
    elif tm and not (cl and len(cl.group(0)) > len(tm.group(0))) and r.whole and r.value <= 24 and not r.ordinal:
        r.kind, r.role = "time", r.role or "time"
        mins = _ZH_MINUTES.match(norm, tm.end())
        r.move_to(mins.end() if mins else tm.end())
        r.context = True
    elif cl:
        r.context = True


def _zh_measure(norm: str, start: int, form: str, vocab: NumberVocab) -> tuple[str, Fraction, Fraction]:
    """The measure of the unit ``form`` after a number; 每小时 85 英里 is a
    speed: per hour, in km/h-sized steps."""
    measure = _unit_around(norm, start, form, vocab) or vocab.units["zh"][form]
    if measure[0] == "length" and _PER_HOUR_BEFORE.search(norm, max(0, start - 6), start):
        return ("speed", measure[1] / 1000, ZERO)
    return measure


def _zh_read_before(r: _ZhReading, text: str, end: int, vocab: NumberVocab, p: dict[str, Any]) -> NumberMention:
    """The words before the number (约, 第, 编号) and the mention read."""
    norm = r.norm
    start = r.start
    head = norm[max(0, start - 8):start]
    if p["approx_before"].search(head):
        r.approx = True
    if r.role is None and p["reference_before"].search(head):
        r.role = "reference"
    ordinal = r.ordinal
    if not ordinal and r.kind == "cardinal" and r.whole and r.at(p["after"]["ordinal_after"]):
        # 五楼 is the fifth floor (five buildings are 五栋楼).
        ordinal = True
    if ordinal:
        r.kind = "ordinal"
        if start and norm[start - 1] == "第":
            start -= 1
    role = r.role
    if role is None and r.value in vocab.quiet_word_values and (not r.digits or (
            r.kind == "cardinal" and r.factor == 1 and r.value in (ZERO, ONE))):
        role = "word"
    end = max(end, r.pos)
    return NumberMention(
        start=start, end=end, value=r.value, kind=r.kind, approx=r.approx,
        raw=text[start:end].rstrip(SPACES), unit=r.unit, alts=r.alts, quiet=role is not None,
        role=role or "", scale=r.scale, factor=r.factor, digits=r.digits, measure=r.measure,
        increase=r.kind == "multiple" and r.increase,
    )


def _unit_around(norm: str, start: int, after: str, vocab: NumberVocab) -> tuple[str, Fraction, Fraction] | None:
    """A unit whose head stands before the number and whose tail after
    it: 华氏 80 度 is 80 华氏度 (Fahrenheit), 摄氏 27 度 27 摄氏度."""
    head = norm[max(0, start - 8):start].rstrip(SPACES)
    for form, measure in vocab.units["zh"].items():
        if len(form) > len(after) and form.endswith(after) and head.endswith(form[: -len(after)]):
            return measure
    return None


def _unit_classifier(p: dict[str, Any], norm: str, i: int) -> bool:
    """Whether a classifier of more than one character that starts with a
    magnitude character (千瓦, 千克, 万元 is not one) begins at ``i``."""
    cl = p["cls"].match(norm, i)
    return bool(cl) and len(cl.group(0)) > 1 and not p["mags"].fullmatch(cl.group(0))


_HALF = re.compile(r"个?半")
_PERCENT = re.compile(r"%")
_ZH_CLOCK = re.compile(r"([零〇一二两三四五六七八九十]+)[点點]([零〇一二三四五六七八九十]+)分")
_PER_HOUR_BEFORE = re.compile(r"(?:每小时|时速)[ \u00a0]*$")
_ZH_MINUTES = re.compile(r"[ \u00a0]*(?:[0-9]{1,2}[ \u00a0]*分|[零〇一二三四五六七八九十]+分|半)")


def _zh_approx(norm: str, m: NumberMention, p: dict[str, Any], text: str) -> NumberMention:
    head = norm[max(0, m.start - 8):m.start]
    if p["approx_before"].search(head):
        return replace(m, approx=True)
    return m
