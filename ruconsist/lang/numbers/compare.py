"""Deciding whether two number mentions say the same: rounding,
unit conversion, magnitude slips, vague magnitudes; rendering a value
the way the other side writes it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from fractions import Fraction

from ruconsist.lang.numbers.scan import _regex
from ruconsist.lang.numbers.vocab import (
    ONE,
    ZERO,
    NumberMention,
    NumberVocab,
    _alternation,
    format_value,
    normalise,
)

# --------------------------------------------------------------------------
# Comparison


ROUNDING_SHARE = Fraction(5, 100)


def _tolerance(m: NumberMention) -> Fraction:
    """How far a value may lie from ``m`` and still be equal: half the
    value of its last written digit.  An approximation word does not
    widen it: ``около 80`` and ``近82`` are two different figures."""
    return m.unit / 2 if m.unit > 0 else ZERO


def values_equal(a: NumberMention, b: NumberMention) -> bool:
    """Whether two mentions can state the same value (any of their
    readings), within the rounding described in the module docstring:
    the less precise of the two decides.  Two figures in different units
    of one dimension are equal only as converted quantities: ``10 см``
    is not ``10 英寸``, ``25 см`` is."""
    if a.measure is not None and b.measure is not None and a.measure[0] == b.measure[0] \
            and a.measure[1:] != b.measure[1:]:
        return converted_equal(a, b)
    for va in a.values:
        for vb in b.values:
            va_, vb_ = abs(va), abs(vb)
            if va_ == vb_:
                return True
            if abs(va_ - vb_) <= max(_tolerance(a), _tolerance(b)):
                return True
    return converted_equal(a, b)


def _round_unit(value: Fraction) -> Fraction:
    """The place a whole number is rounded to, read from its trailing
    zeros: 2000 -> 1000, 40 000 -> 10 000, 80 -> 10, 385 -> 1."""
    if value.denominator != 1 or value == 0:
        return ONE
    n, unit = abs(value.numerator), ONE
    while n % 10 == 0:
        n //= 10
        unit *= 10
    return unit


def rounding_of(a: NumberMention, b: NumberMention) -> bool:
    """Whether two unequal mentions are a plausible rounding of each
    other: one of them is approximate (``около``, ``约``, ``多``), the
    rounder figure ends in at least two zeros, and the other lies within
    half of that place and within 5 % (``около 2000`` ~ ``约1950``,
    ``около 100`` ~ ``大约105``; not ``около 80`` ~ ``近82``, nor
    ``по меньшей мере 385`` ~ ``至少386``)."""
    if not (a.approx or b.approx) or a.kind != b.kind or a.measure != b.measure:
        return False
    for va in a.values:
        for vb in b.values:
            big, small = (abs(va), abs(vb)) if _round_unit(va) >= _round_unit(vb) else (abs(vb), abs(va))
            place = _round_unit(big)
            if place < 100 or big == small:
                continue
            if abs(big - small) * 2 <= place and abs(big - small) <= big * ROUNDING_SHARE:
                return True
    return False


CONVERSION_TOLERANCE = Fraction(12, 100)


def unit_written(text: str, m: NumberMention, lang: str, vocab: NumberVocab) -> str:
    """The unit of measure ``m`` is read in, as the text writes it after
    the figure (``км``, ``英里``), or the shortest form of that unit."""
    forms = [f for f, measure in vocab.units[lang].items() if measure == m.measure]
    rest = text[m.end : m.end + 40].lstrip().lower()
    written = [f for f in forms if rest.startswith(f.lower())]
    return max(written, key=len) if written else min(forms, key=len, default="")


def convert(value: Fraction, source: tuple[str, Fraction, Fraction], target: tuple[str, Fraction, Fraction]) -> Fraction:
    """``value`` in the unit ``source`` expressed in the unit ``target``
    (one dimension)."""
    return (value + source[2]) * source[1] / target[1] - target[2]


def converted_equal(a: NumberMention, b: NumberMention) -> bool:
    """Whether ``a`` and ``b`` are the same quantity in different units of
    one dimension (``27 метров`` and ``30 码``), within 12 %."""
    if a.measure is None or b.measure is None:
        return False
    (da, fa, oa), (db, fb, ob) = a.measure, b.measure
    if da != db or (fa == fb and oa == ob):
        return False
    for va in a.values:
        for vb in b.values:
            ba = (va + oa) * fa
            bb = (vb + ob) * fb
            if ba == bb:
                return True
            scale = max(abs(ba), abs(bb))
            if da == "temperature":
                # Compare temperatures in Kelvin-sized steps, not ratios.
                if abs(ba - bb) <= 2:
                    return True
            elif scale and abs(ba - bb) <= scale * CONVERSION_TOLERANCE:
                return True
    return False


@dataclass(frozen=True)
class Mismatch:
    """A comparison result: ``kind`` is ``missing`` (``mention`` has no
    equal value on the other side), ``differs`` (the ZH ``mention`` and
    the RU ``other`` are both unmatched and likely the same quantity),
    ``magnitude`` (``mention`` and ``other`` differ by ``factor``, a power
    of ten), ``rounded`` (approximate figures that differ by a plausible
    rounding, see :func:`rounding_of`) or ``increase`` (``增加了N倍``, N+1
    times by the standard reading, against N times on the other side)."""

    kind: str
    lang: str
    mention: NumberMention
    other: NumberMention | None = None
    factor: int = 0


def compare_mentions(
    ru: list[NumberMention], zh: list[NumberMention], vocab: NumberVocab
) -> list[Mismatch]:
    """Values on one side with no equal value on the other (see
    :func:`_compare`).  When reading every ``增加了N倍`` loosely (N times)
    leaves fewer mismatches than the standard reading (N+1), the loose
    reading is taken and each such multiple is an ``increase`` mismatch
    (``高出1.4倍, 高出2.4倍`` against ``в 1,4 раза, в 2,4 раза``)."""
    strict = _compare(ru, zh, vocab)
    if not strict or not any(z.increase for z in zh):
        return strict
    loose_zh = [replace(z, value=z.value - 1, unit=z.unit, increase=False) if z.increase else z for z in zh]
    loose = _compare(ru, loose_zh, vocab)
    if len(loose) >= len(strict):
        return strict
    out = list(loose)
    for z, lz in zip(zh, loose_zh):
        if z.increase:
            r = next((r for r in ru if r.kind in ("multiple", "compound") and values_equal(r, lz)), None)
            if r is not None:
                out.append(Mismatch("increase", "zh", z, r))
    out.sort(key=lambda mm: (mm.lang != "ru", mm.mention.start))
    return out


def _compare(
    ru: list[NumberMention], zh: list[NumberMention], vocab: NumberVocab
) -> list[Mismatch]:
    """Values on one side with no equal value on the other.

    A value counts as present when any mention on the other side (quiet
    ones included) equals it; repeats need no repeated counterpart.  An
    unmatched pair whose values differ by one of the magnitude factors is
    one ``magnitude`` mismatch (reported with the ZH mention as
    ``mention``), not two ``missing`` ones.
    """
    unmatched = {"ru": unmatched_mentions(ru, zh), "zh": unmatched_mentions(zh, ru)}
    out: list[Mismatch] = []
    used_ru: set[int] = set()
    used_zh: set[int] = set()
    for zi, z in enumerate(unmatched["zh"]):
        for ri, r in enumerate(unmatched["ru"]):
            if ri in used_ru:
                continue
            factor = _magnitude_factor(r, z, vocab.magnitude_factors)
            if factor:
                out.append(Mismatch("magnitude", "zh", z, r, factor))
            elif rounding_of(r, z):
                out.append(Mismatch("rounded", "zh", z, r))
            elif z.increase and r.kind in ("multiple", "compound") and z.value - 1 in r.values:
                out.append(Mismatch("increase", "zh", z, r))
            else:
                continue
            used_ru.add(ri)
            used_zh.add(zi)
            break
    # What is left on both sides is most often one value written
    # differently: one finding (on ZH, naming the RU value), not two.
    left_ru = [r for ri, r in enumerate(unmatched["ru"]) if ri not in used_ru]
    left_zh = [z for zi, z in enumerate(unmatched["zh"]) if zi not in used_zh]
    taken: set[int] = set()
    for z in left_zh:
        partner = None
        for ri, r in enumerate(left_ru):
            if ri not in taken and _comparable(r, z):
                partner = ri
                break
        loose = next((r for r in ru if z.increase and r.kind in ("multiple", "compound")
                      and z.value - 1 in r.values), None)
        if partner is None and loose is not None:
            # "в два раза" (a quiet word) against 增加了两倍.
            out.append(Mismatch("increase", "zh", z, loose))
        elif partner is None:
            out.append(Mismatch("missing", "zh", z))
        else:
            taken.add(partner)
            out.append(Mismatch("differs", "zh", z, left_ru[partner]))
    for ri, r in enumerate(left_ru):
        if ri in taken:
            continue
        loose = next((z for z in zh if z.increase and z.value - 1 in r.values and r.kind in ("multiple", "compound")),
                     None)
        # 高出1.4倍 (read as 2.4 times) stands where "в 1,4 раза" does.
        out.append(Mismatch("increase", "zh", loose, r) if loose is not None else Mismatch("missing", "ru", r))
    out.sort(key=lambda mm: (mm.lang != "ru", mm.mention.start))
    return out


def has_equal(m: NumberMention, others: Iterable[NumberMention]) -> bool:
    """Whether one of ``others`` (quiet ones included) states ``m``'s value."""
    return any(_kinds_fit(m, o) and values_equal(m, o) for o in others)


def unmatched_mentions(mine: list[NumberMention], theirs: list[NumberMention]) -> list[NumberMention]:
    """The figures of ``mine`` that no mention of ``theirs`` states."""
    loud = [m for m in mine if not m.quiet]
    if not loud:
        return loud
    if len(loud) * len(theirs) <= _FEW_PAIRS:
        # Few figures (most segments): comparing each with each costs less
        # than sorting them by value first.
        return [m for m in loud if not has_equal(m, theirs)]
    near = _ValueIndex(theirs)
    return [m for m in loud if not near.has_equal(m)]


#: Below this many (figure, other side's mention) pairs, unmatched figures
#: are found by comparing every pair.
_FEW_PAIRS = 16


def _reading_key(m: NumberMention) -> tuple[object, ...]:
    """What comparing ``m`` with another mention reads of it (all but its
    place and its text): mentions with one key compare alike."""
    return (m.value, m.alts, m.unit, m.kind, m.quiet, m.role, m.digits, m.measure, m.scale, m.factor,
            m.approx, m.increase)


def standing_against(
    m: NumberMention, mine: list[NumberMention], theirs: list[NumberMention]
) -> NumberMention | None:
    """A figure of the other side that may stand where ``m`` should: one
    of ``theirs`` of a comparable kind that ``mine`` does not state as
    often as ``theirs`` does (``пять очков`` against ``四分`` where RU has
    four 4s and ZH two).  The words for 2 (``два``, ``两``) and Chinese
    numerals without a classifier (``五音符``) count; the words for 0,
    1/2 and 1 (articles, "a half"), nouns for a group (``парой`` is a
    team of golfers, not a 2 that became ``九``) and figures in dates,
    names and references do not.  None when every figure there answers
    one of ``mine``: ``m`` is then a figure on one side only, an omission
    or an explicitation, not a substitution.  For many mentions of one
    segment, build :class:`StandingAgainst` once."""
    return StandingAgainst(mine, theirs)(m)


class StandingAgainst:
    """:func:`standing_against` for every mention of ``mine``: what does
    not depend on the mention (which of ``theirs`` are in surplus, the
    parts a count may be split into) is worked out once.  Working it out
    again for each figure of a bead grew with the square of the bead's
    figures (a bead of 4,000 subtitle cues: minutes)."""

    def __init__(self, mine: list[NumberMention], theirs: list[NumberMention]) -> None:
        # Counted among the mentions near each value only: counting over
        # every mention for every mention grew with the cube of a bead's
        # figures.
        near_theirs, near_mine = _ValueIndex(theirs), _ValueIndex(mine)

        def counts(o: NumberMention) -> bool:
            return not o.quiet or (o.role in ("word", "bare") and o.value >= 2)

        known: dict[tuple[object, ...], bool] = {}

        def surplus(o: NumberMention) -> bool:
            # Counted once per reading: a figure repeated a thousand times
            # has a thousand candidates each time.
            key = _reading_key(o)
            if key not in known:
                there = sum(1 for x in near_theirs.candidates(o) if values_equal(x, o))
                here = sum(1 for x in near_mine.candidates(o) if _kinds_fit(x, o) and values_equal(x, o))
                known[key] = there > here
            return known[key]

        self.against = [o for o in theirs if counts(o) and surplus(o)]
        #: The first of ``against`` by (percent or not, dimension or
        #: None), and by percent or not alone: what :func:`_comparable`
        #: tells apart.
        self.first: dict[tuple[bool, str | None], int] = {}
        self.first_any: dict[bool, int] = {}
        for i, o in enumerate(self.against):
            percent = o.kind == "percent"
            self.first.setdefault((percent, o.measure[0] if o.measure else None), i)
            self.first_any.setdefault(percent, i)
        # ``четверо`` against ``一名…两名…一名``: the count split into parts.
        parts = [o for o in theirs if o.kind == "cardinal" and (not o.quiet or o.role in ("word", "bare"))
                 and not near_mine.has_equal(o)]
        self.parts_total = sum(o.value for o in parts) if len(parts) > 1 else None

    def __call__(self, m: NumberMention) -> NumberMention | None:
        percent = m.kind == "percent"
        if m.measure:
            found = [i for i in (self.first.get((percent, None)), self.first.get((percent, m.measure[0])))
                     if i is not None]
            first = min(found) if found else None
        else:
            first = self.first_any.get(percent)
        if first is None:
            return None
        if m.kind == "cardinal" and self.parts_total is not None and self.parts_total == m.value:
            return None
        if _kinds_fit(m, self.against[first]):
            return self.against[first]
        # A rank in words does not stand where a count was, nor a count
        # where a rank was (第四场比赛, "match four", against the «два» of
        # «два на два»): two figures on one side only each.
        return next((o for o in self.against[first + 1:]
                     if _kinds_fit(m, o) and (o.kind == "percent") == percent
                     and (not m.measure or not o.measure or o.measure[0] == m.measure[0])), None)


class _ValueIndex:
    """The mentions of one side sorted by value, so that finding those a
    mention may equal looks only near its value: comparing every mention
    with every other grew with the square of a segment's figures (a
    subtitle bead of hundreds of cues took seconds).

    :meth:`candidates` returns every mention :func:`values_equal` can
    accept, and usually few others: one whose value lies within the wider
    of the two tolerances, or a measure convertible into the same base
    value within :data:`CONVERSION_TOLERANCE`.  The values are kept in one
    sorted list per tolerance (a tolerance is half a power of ten, so
    there are few), so that one rounded figure (``5 млн``, ±500,000) does
    not widen the window of every small one.  :meth:`has_equal` answers
    once per reading: a figure repeated thousands of times on a line had
    thousands of candidates for each repeat."""

    def __init__(self, mentions: list[NumberMention]) -> None:
        self.mentions = mentions
        plain: dict[Fraction, list[tuple[Fraction, int]]] = {}
        for i, o in enumerate(mentions):
            plain.setdefault(_tolerance(o), []).extend((abs(v), i) for v in o.values)
        self.plain = {tol: _keys_and_ids(vs) for tol, vs in plain.items()}
        based: dict[str, list[tuple[Fraction, int]]] = {}
        for i, o in enumerate(mentions):
            if o.measure is not None:
                dim, factor, offset = o.measure
                based.setdefault(dim, []).extend(((v + offset) * factor, i) for v in o.values)
        self.based = {dim: _keys_and_ids(vs) for dim, vs in based.items()}
        self.equal: dict[tuple[object, ...], bool] = {}

    def candidates(self, m: NumberMention) -> list[NumberMention]:
        found: set[int] = set()
        own = _tolerance(m)
        for tol, (keys, ids) in self.plain.items():
            reach = max(tol, own)
            for v in m.values:
                _window(keys, ids, abs(v), reach, found)
        if m.measure is not None and m.measure[0] in self.based:
            dim, factor, offset = m.measure
            keys, ids = self.based[dim]
            for v in m.values:
                base = (v + offset) * factor
                # |a - b| <= t * max(|a|, |b|) implies |a - b| <= t / (1 - t) * |a|.
                slack = abs(base) * CONVERSION_TOLERANCE / (1 - CONVERSION_TOLERANCE)
                _window(keys, ids, base, slack + 2 if dim == "temperature" else slack, found)
        return [self.mentions[i] for i in sorted(found)]

    def has_equal(self, m: NumberMention) -> bool:
        """:func:`has_equal` of ``m`` and these mentions."""
        key = _reading_key(m)
        if key not in self.equal:
            self.equal[key] = has_equal(m, self.candidates(m))
        return self.equal[key]


def _keys_and_ids(pairs: list[tuple[Fraction, int]]) -> tuple[list[Fraction], list[int]]:
    pairs.sort()
    return [v for v, _ in pairs], [i for _, i in pairs]


def _window(keys: list[Fraction], ids: list[int], centre: Fraction, reach: Fraction, into: set[int]) -> None:
    """Add to ``into`` the ids whose sorted key lies within ``reach`` of ``centre``."""
    into.update(ids[bisect.bisect_left(keys, centre - reach) : bisect.bisect_right(keys, centre + reach)])


def _kinds_fit(a: NumberMention, b: NumberMention) -> bool:
    """A count is not a rank: ``три саммита`` does not answer ``第三次峰会``
    (the third summit), nor ``седьмой`` a ``七个``.  Only numbers written
    in words are told apart so: ``на 65-й минуте`` is ``在65分钟`` in
    Chinese news, and ``12-ти`` is a case ending of a count.  Numbers in
    names, dates and references fit anything."""
    if {a.kind, b.kind} != {"cardinal", "ordinal"} or a.digits or b.digits:
        return True
    return any(m.quiet and m.role not in ("word", "group", "") for m in (a, b))


def _comparable(a: NumberMention, b: NumberMention) -> bool:
    if (a.kind == "percent") != (b.kind == "percent"):
        return False
    if a.measure and b.measure and a.measure[0] != b.measure[0]:
        return False
    return True


def _magnitude_factor(a: NumberMention, b: NumberMention, factors: tuple[int, ...]) -> int:
    # A magnitude slip needs a magnitude word on at least one side
    # ("1,5 млн" vs "15万"); "5" vs "50" is just a different number.
    if a.factor == 1 and b.factor == 1:
        return 0
    if a.kind != b.kind and "percent" in (a.kind, b.kind):
        return 0
    if a.measure != b.measure:
        return 0
    for f in factors:
        for big, small in ((a, b), (b, a)):
            scaled = replace(small, value=small.value * f, alts=())
            if values_equal(replace(big, alts=()), scaled):
                return f
    return 0


@dataclass(frozen=True)
class VagueMagnitude:
    """A quantity given only by its order of magnitude: ``миллионы``,
    ``десятки тысяч``, ``数十亿``, ``上万``.  ``low`` is the order (10 000
    for ``десятки тысяч`` and ``数万``)."""

    start: int
    end: int
    low: Fraction
    raw: str


_ORDER_NAMES = {
    1: "tens", 2: "hundreds", 3: "thousands", 4: "tens of thousands", 5: "hundreds of thousands",
    6: "millions", 7: "tens of millions", 8: "hundreds of millions", 9: "billions",
    10: "tens of billions", 11: "hundreds of billions", 12: "trillions",
}


def order_of(value: Fraction) -> int:
    """The power of ten of a whole ``value`` (10 000 -> 4)."""
    n, order = int(value), 0
    while n >= 10:
        n //= 10
        order += 1
    return order


def order_name(value: Fraction) -> str:
    return _ORDER_NAMES.get(order_of(value), f"10^{order_of(value)}")


def vague_magnitudes(text: str, lang: str, vocab: NumberVocab, mentions: list[NumberMention]) -> list[VagueMagnitude]:
    """Quantities named only by their order of magnitude on one side."""
    norm = normalise(text, lang)
    out: list[VagueMagnitude] = []
    if lang == "ru":
        multipliers = vocab.ru.valued.get("vague_multipliers", {})
        before = (re.compile(rf"(?<![а-я])({_alternation(multipliers)})[ \u00a0]+$") if multipliers else None)
        for m in mentions:
            if m.role != "vague" or m.value < 1000 or m.value.denominator != 1:
                continue
            start, low = m.start, m.value
            hit = before.search(norm, max(0, m.start - 16), m.start) if before else None
            if hit:
                start, low = hit.start(1), low * multipliers[hit.group(1)]
            out.append(VagueMagnitude(start, m.end, low, text[start:m.end]))
        return out
    zh = vocab.zh
    units = {**zh.maps.get("units", {}), **zh.maps.get("magnitudes", {})}
    vague = _alternation(zh.list("vague_before"))
    heads = "".join(re.escape(c) for c, v in zh.maps.get("units", {}).items() if v in (10, 100, 1000))
    mags = "".join(re.escape(c) for c in zh.maps.get("magnitudes", {}) if len(c) == 1)
    if not vague or not heads:
        return out
    rx = _regex(vocab, "vague_magnitudes", lambda: re.compile(
        rf"(?:{vague})(?:以)?([{heads}]?[{mags}]+|[{heads}])"))
    for m in rx.finditer(norm):
        low = ONE
        for ch in m.group(1):
            low *= units[ch]
        out.append(VagueMagnitude(m.start(), m.end(), low, text[m.start():m.end()]))
    return out


def render_like(value: Fraction, model: NumberMention, lang: str) -> str:
    """``value`` written the way ``model`` is (same magnitude word), e.g.
    1 500 000 like ``15万`` gives ``150万``."""
    factor = model.factor if model.factor else ONE
    if lang == "zh" and factor == 1:
        return render_zh(value)
    base = value / factor
    text = format_value(base)
    if lang == "ru":
        text = text.replace(".", ",")
        sep = " " if model.scale and not model.scale.startswith(("%",)) else ""
        return f"{text}{sep}{model.scale.strip()}" if model.scale else text
    return f"{text.replace(' ', '')}{model.scale}"


ZH_SCALES = ((Fraction(10) ** 12, "万亿"), (Fraction(10) ** 8, "亿"), (Fraction(10) ** 4, "万"))


def render_zh(value: Fraction) -> str:
    """A value the way Chinese news writes it: 150万, 1.085亿, 1.2万亿."""
    for factor, word in ZH_SCALES:
        if abs(value) >= factor:
            return f"{format_value(value / factor).replace(' ', '')}{word}"
    return format_value(value).replace(" ", "")
