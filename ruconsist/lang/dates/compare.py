"""Comparing dates across the two sides: which mentions say the same,
how the two sides' mentions pair up, weekday pairing and weekdays that
contradict their date.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ruconsist.lang.dates.extraction import SpanSet
from ruconsist.lang.dates.mention import WEEKDAY_NAMES, DateMention, actual_weekday, normalize

if TYPE_CHECKING:
    from ruconsist.lang.dates.dateline import Dateline


# ---------------------------------------------------------------------------
# Comparing


def _day_only(m: DateMention) -> bool:
    """A day written without its month (ZH ``4日``)."""
    return m.kind == "date" and m.day is not None and "month" not in m.explicit and m.soft


def _years_agree(a: DateMention, b: DateMention, ay: int | None, by: int | None) -> bool:
    if a.any_year or b.any_year:
        return True
    # A year from the dateline is a guess: it never contradicts.
    a_known = ay is not None and a.year_from != "dateline"
    b_known = by is not None and b.year_from != "dateline"
    if a_known and b_known:
        return ay == by
    if a.year is None and b.year is None and a.rel_year is not None and b.rel_year is not None:
        return a.rel_year == b.rel_year
    return True


def _same_day_or_range(a: DateMention, b: DateMention) -> bool:
    """Two dates or two ranges: the same precision, equal months and
    days, and years (of both ends) that do not contradict."""
    # A bare ZH "4日" (day only) agrees with any date on that day.
    if _day_only(a) or _day_only(b):
        return a.day is not None and a.day == b.day and a.kind == b.kind == "date"
    if a.granularity != b.granularity:
        return False
    if (a.month, a.day, a.end_month, a.end_day) != (b.month, b.day, b.end_month, b.end_day):
        return False
    if not _years_agree(a, b, a.year, b.year):
        return False
    return a.kind != "range" or _years_agree(a, b, a.end_year, b.end_year)


def _same_part_of_year(a: DateMention, b: DateMention) -> bool:
    """Two halves or two quarters: the same one, of agreeing years."""
    return (a.half, a.quarter) == (b.half, b.quarter) and _years_agree(a, b, a.year, b.year)


def _same_decade(a: DateMention, b: DateMention) -> bool:
    """Two decades: ``1960-е`` and ``60年代`` agree (a decade of two
    digits leaves its century open), ``1960-е`` and ``20世纪60年代`` too,
    ``1860-е`` and ``20世纪60年代`` do not."""
    da, db = a.decade or 0, b.decade or 0
    if da >= 100 and db >= 100:
        return da == db
    if da % 100 != db % 100:
        return False
    ca = a.century if a.century is not None else (da // 100 + 1 if da >= 100 else None)
    cb = b.century if b.century is not None else (db // 100 + 1 if db >= 100 else None)
    return ca is None or cb is None or ca == cb


def _same_century(a: DateMention, b: DateMention) -> bool:
    """Two centuries: equal numbers, or equal relative ones (``прошлый
    век``, ``上世纪``); a numbered and a relative one do not contradict."""
    if a.century is not None and b.century is not None:
        return a.century == b.century
    if a.rel_century is not None and b.rel_century is not None:
        return a.rel_century == b.rel_century
    return True


#: How two mentions of one kind are compared; a weekday reads the same as
#: no date (weekdays are paired by :func:`pair_weekdays`).
_SAME_READING = {
    "date": _same_day_or_range,
    "range": _same_day_or_range,
    "half": _same_part_of_year,
    "quarter": _same_part_of_year,
    "decade": _same_decade,
    "century": _same_century,
}


def same_reading(a: DateMention, b: DateMention) -> bool:
    """Whether two mentions (one per language) may name the same date:
    equal in every field both give, with the same precision."""
    if a.kind != b.kind:
        return False
    same = _SAME_READING.get(a.kind)
    return same is not None and same(a, b)


def _closeness(a: DateMention, b: DateMention) -> int:
    """How alike two unequal mentions are, to pair a date with its
    mistranslation rather than with an unrelated date (0 = not
    comparable)."""
    if a.kind != b.kind or a.kind == "weekday":
        return 0
    score = 1
    for f in ("year", "month", "day", "end_month", "end_day", "half", "quarter", "decade", "century"):
        va, vb = getattr(a, f), getattr(b, f)
        if va is not None and va == vb:
            score += 2
        elif va is not None and vb is not None:
            score += 0
    if a.granularity == b.granularity:
        score += 1
    return score


@dataclass
class DatePairing:
    """How the dates of one bead pair up."""

    matched: list[tuple[DateMention, DateMention]] = field(default_factory=list)
    #: (RU, ZH) mentions that stand for each other but read differently.
    different: list[tuple[DateMention, DateMention]] = field(default_factory=list)
    #: Mentions with no counterpart at all, as (lang, mention).
    unpaired: list[tuple[str, DateMention]] = field(default_factory=list)
    #: Mentions without a counterpart of their own that the other side
    #: still agrees with, as (lang, mention, the other side's mention): a
    #: date repeated on one side, a year given inside a full date, a date
    #: at the end of a range, a half-year against its year.
    covered: list[tuple[str, DateMention, DateMention]] = field(default_factory=list)


def _weekday_of(m: DateMention, dateline: Dateline | None) -> set[int]:
    """The weekdays a dated mention may fall on (several when its year
    is only the dateline's guess near a year boundary)."""
    if m.kind != "date" or m.granularity != "day" or m.month is None or m.day is None:
        return set()
    out = set()
    for y in plausible_years(m, dateline):
        wd = actual_weekday(y, m.month, m.day)
        if wd is not None:
            out.add(wd)
    return out


def plausible_years(m: DateMention, dateline: Dateline | None) -> list[int]:
    """The year of a mention; for a year taken from the dateline, also
    the neighbouring year when the date lies more than half a year from
    the dateline's month ("28 декабря" in an item dated 4 January)."""
    if m.year is None:
        return []
    if m.year_from != "dateline" or dateline is None or dateline.month is None or m.month is None:
        return [m.year]
    delta = m.month - dateline.month
    if delta > 6:
        return [m.year, m.year - 1]
    if delta < -6:
        return [m.year, m.year + 1]
    return [m.year]


_BARE_YEAR = re.compile(r"(?<![\d.,:/№])(?P<y>1[0-9]\d\d|20\d\d|21\d\d)(?!\d|[.,]\d|\s\d{3}(?!\d))")


_BARE_YEARS = re.compile(
    r"(?<![\d.,:/№])(?P<y>1[0-9]\d\d|20\d\d|21\d\d)\s*[-–—]\s*(?P<y2>1[0-9]\d\d|20\d\d|21\d\d|\d\d)(?!\d|[.,]\d)"
)


def bare_years(text: str, mentions: Sequence[DateMention] = ()) -> list[DateMention]:
    """Four-digit numbers outside date mentions that may be years written
    without ``год``/``年`` (``(1644-1912)``, ``Ларсон, 1989``).  They are
    not date mentions (the number check owns them); they only let a year
    on the other side find its equal."""
    spans = SpanSet((m.start, m.end) for m in mentions)
    out = []
    norm = normalize(text)
    for m in _BARE_YEARS.finditer(norm):
        if spans.overlaps(m.start(), m.end()):
            continue
        y1, tail = int(m.group("y")), m.group("y2")
        y2 = int(tail) if len(tail) == 4 else y1 - y1 % 100 + int(tail)
        if y2 <= y1:
            continue
        spans.add(*m.span())
        out.append(
            DateMention(
                start=m.start(), end=m.end(), text=m.group(), kind="range", year=y1, end_year=y2,
                explicit=frozenset({"year"}), soft=True, notation="bare-year",
            )
        )
    for m in _BARE_YEAR.finditer(norm):
        if spans.overlaps(m.start(), m.end()):
            continue
        out.append(
            DateMention(
                start=m.start(), end=m.end(), text=m.group(), kind="date", year=int(m.group("y")),
                explicit=frozenset({"year"}), soft=True, notation="bare-year",
            )
        )
    return out


def _bare_match(m: DateMention, bare: Sequence[DateMention]) -> DateMention | None:
    """A bare number on the other side that gives a year-only mention's
    year (or both ends of a range of years)."""
    if m.soft or m.granularity != "year" or m.year is None or not m.written_year:
        return None
    years = {b.year: b for b in bare if b.kind == "date"}
    # Either end of a bare range gives a year too: "1635-36、1655和1664年间".
    for b in bare:
        if b.kind == "range":
            years.setdefault(b.year, b)
            years.setdefault(b.end_year, b)
    if m.kind == "date" and m.year in years:
        return years[m.year]
    if m.kind == "range":
        for b in bare:
            if b.kind == "range" and (b.year, b.end_year) == (m.year, m.end_year):
                return b
        if m.year in years and m.end_year in years:
            return years[m.year]
    return None


def _match_equal_readings(
    ru_left: list[DateMention], zh_left: list[DateMention], matched: list[tuple[DateMention, DateMention]]
) -> None:
    """Pair mentions with the same reading, taking them out of the
    ``*_left`` lists; first those that agree on writing a year (``4
    февраля 2026`` with ``2026年2月4日`` rather than with ``2月4日``)."""
    for strict in (True, False):
        for r in list(ru_left):
            for z in zh_left:
                if not same_reading(r, z):
                    continue
                if strict and not (r.written_year and z.written_year) and (r.written_year or z.written_year):
                    continue
                matched.append((r, z))
                ru_left.remove(r)
                zh_left.remove(z)
                break


def _match_bare_years(
    ru_left: list[DateMention],
    zh_left: list[DateMention],
    ru_bare: Sequence[DateMention],
    zh_bare: Sequence[DateMention],
    matched: list[tuple[DateMention, DateMention]],
) -> None:
    """Pair a year left over on one side with a bare number on the other
    (see :func:`bare_years`), taking it out of its ``*_left`` list."""
    for left, bare, is_ru in ((ru_left, zh_bare, True), (zh_left, ru_bare, False)):
        for m in list(left):
            b = _bare_match(m, bare)
            if b is not None:
                matched.append((m, b) if is_ru else (b, m))
                left.remove(m)


def _pair_differing(
    ru_left: Sequence[DateMention], zh_left: Sequence[DateMention]
) -> list[tuple[DateMention, DateMention]]:
    """Pairs of leftovers that stand for each other but read differently:
    the most alike first, each mention in one pair at most."""
    candidates = []
    for r in ru_left:
        for z in zh_left:
            c = _closeness(r, z)
            # Alike means the same precision or some equal field; a year
            # and an unrelated month are two separate problems.
            if c >= 2 and (not (r.soft and z.soft) or _both_periods(r, z)):
                candidates.append((-c, r.start, z.start, r, z))
    candidates.sort(key=lambda t: t[:3])
    used_r: set[int] = set()
    used_z: set[int] = set()
    pairs = []
    for _, _, _, r, z in candidates:
        if id(r) in used_r or id(z) in used_z:
            continue
        # A soft mention (a relative year, an adjective) only conflicts
        # when it gives a value that can be compared.
        if (r.soft or z.soft) and not _comparable_soft(r, z):
            continue
        used_r.add(id(r))
        used_z.add(id(z))
        pairs.append((r, z))
    return pairs


def pair_dates(
    ru: Sequence[DateMention],
    zh: Sequence[DateMention],
    dateline: Dateline | None = None,
    ru_bare: Sequence[DateMention] = (),
    zh_bare: Sequence[DateMention] = (),
) -> DatePairing:
    """Pair RU and ZH date mentions (weekday-only mentions are left to
    :func:`pair_weekdays`): first mentions with the same reading, then a
    year against a bare number on the other side (``ru_bare``/``zh_bare``
    from :func:`bare_years`), then leftovers of the same kind as differing
    readings; the rest is unpaired.  Soft mentions never end up unpaired
    or different on their own."""
    result = DatePairing()
    ru_left = [m for m in ru if m.kind != "weekday"]
    zh_left = [m for m in zh if m.kind != "weekday"]
    _match_equal_readings(ru_left, zh_left, result.matched)
    _match_bare_years(ru_left, zh_left, ru_bare, zh_bare, result.matched)
    result.different = _pair_differing(ru_left, zh_left)
    in_pair_ru = {id(r) for r, _ in result.different}
    in_pair_zh = {id(z) for _, z in result.different}
    for lang, left, in_pair, others in (("ru", ru_left, in_pair_ru, zh), ("zh", zh_left, in_pair_zh, ru)):
        for m in left:
            if id(m) in in_pair or m.soft:
                continue
            by = _loosely_covered(m, others)
            if by is not None:
                result.covered.append((lang, m, by))
            else:
                result.unpaired.append((lang, m))
    result.different.sort(key=lambda p: p[0].start)
    result.unpaired.sort(key=lambda p: (p[0], p[1].start))
    return result


def _endpoint(r: DateMention, end: bool) -> DateMention:
    if end:
        return replace(r, kind="date", year=r.end_year if r.end_year is not None else r.year,
                       month=r.end_month, day=r.end_day, end_year=None, end_month=None, end_day=None)
    return replace(r, kind="date", end_year=None, end_month=None, end_day=None)


def _loosely_covered(m: DateMention, others: Sequence[DateMention]) -> DateMention | None:
    """A mention on the other side that agrees with ``m`` without being
    its exact counterpart (see :attr:`DatePairing.covered`)."""
    for o in others:
        if o.kind == "weekday":
            continue
        if same_reading(m, o):
            return o
        if m.kind == "date" and m.granularity == "year" and m.written_year:
            if o.written_year and o.year == m.year and o.kind in ("date", "range", "half", "quarter"):
                return o
        if m.kind in ("half", "quarter") and m.year is not None:
            if o.kind == "date" and o.granularity == "year" and o.year == m.year:
                return o
        if m.kind == "date" and o.kind == "range" and m.granularity == o.granularity:
            if same_reading(m, _endpoint(o, False)) or same_reading(m, _endpoint(o, True)):
                return o
        if m.kind == "range" and o.kind == "date" and m.granularity == o.granularity:
            if same_reading(_endpoint(m, False), o) or same_reading(_endpoint(m, True), o):
                return o
    return None


def _both_periods(r: DateMention, z: DateMention) -> bool:
    """Two decades, or two numbered centuries: soft as they are (neither
    needs a counterpart), two of them that differ are a real conflict
    (``1960-е`` against ``20世纪50年代``)."""
    if r.kind == z.kind == "decade":
        return r.decade is not None and z.decade is not None
    return r.kind == z.kind == "century" and r.century is not None and z.century is not None


def _comparable_soft(r: DateMention, z: DateMention) -> bool:
    if _both_periods(r, z):
        return True
    for m, o in ((r, z), (z, r)):
        if m.soft:
            if _day_only(m):
                return False
            if m.kind == "date" and m.granularity == "year" and (m.year is None or m.any_year):
                return False
            if m.kind in ("decade", "century"):
                return False
            if m.granularity != o.granularity:
                return False
    return True


@dataclass
class WeekdayPairing:
    """How the weekdays of one bead pair up."""

    matched: list[tuple[DateMention, DateMention]] = field(default_factory=list)
    #: (RU, ZH) weekdays that differ.
    different: list[tuple[DateMention, DateMention]] = field(default_factory=list)
    #: Weekdays written on one side only, as (lang, mention).
    dropped: list[tuple[str, DateMention]] = field(default_factory=list)


def pair_weekdays(
    ru: Sequence[DateMention], zh: Sequence[DateMention], dateline: Dateline | None = None
) -> WeekdayPairing:
    """Pair the weekdays written on each side (alone or next to a date).

    Equal weekdays pair first; a bare weekday also pairs with a date on
    the other side that falls on that weekday (``в среду`` ↔ ``4日``).
    Leftovers pair in text order as differing weekdays, and what remains
    was dropped by one side.  Soft weekdays (``пятничные дебаты``) may
    satisfy a counterpart but are never reported."""
    result = WeekdayPairing()
    ru_w = [m for m in ru if m.weekday is not None]
    zh_w = [m for m in zh if m.weekday is not None]
    for r in list(ru_w):
        for z in zh_w:
            if r.weekday == z.weekday:
                result.matched.append((r, z))
                ru_w.remove(r)
                zh_w.remove(z)
                break
    for lang, left, other_side in (("ru", ru_w, zh), ("zh", zh_w, ru)):
        for w in list(left):
            if w.kind != "weekday":
                continue
            for d in other_side:
                if d.weekday is None and w.weekday in _weekday_of(d, dateline):
                    pair = (w, d) if lang == "ru" else (d, w)
                    result.matched.append(pair)
                    left.remove(w)
                    break
    hard_r = [m for m in ru_w if not m.soft]
    hard_z = [m for m in zh_w if not m.soft]
    soft_r = [m for m in ru_w if m.soft]
    soft_z = [m for m in zh_w if m.soft]
    n = min(len(hard_r), len(hard_z))
    for r, z in zip(hard_r[:n], hard_z[:n]):
        result.different.append((r, z))
    rest_r, rest_z = hard_r[n:], hard_z[n:]
    # A leftover hard weekday against a leftover soft one still differs.
    for r, z in zip(rest_r, soft_z):
        result.different.append((r, z))
    for r, z in zip(soft_r, rest_z):
        result.different.append((r, z))
    rest_r = rest_r[len(soft_z):]
    rest_z = rest_z[len(soft_r):]
    # A weekday repeated on one side ("周六上午…周六下午") is not dropped
    # when the other side names it once.
    ru_days = {m.weekday for m in ru if m.weekday is not None}
    zh_days = {m.weekday for m in zh if m.weekday is not None}
    result.dropped.extend(("ru", m) for m in rest_r if m.weekday not in zh_days)
    result.dropped.extend(("zh", m) for m in rest_z if m.weekday not in ru_days)
    return result


def weekday_conflict(m: DateMention, dateline: Dateline | None) -> str | None:
    """Why a weekday does not fit its date, or ``None`` when it fits (or
    cannot be checked).  A date's own weekday is checked against the
    calendar; a bare weekday only when the text ties it to the dateline
    (``сегодня, во вторник``)."""
    if m.weekday is None:
        return None
    if m.kind == "weekday":
        if m.rel_day is None or dateline is None or dateline.date is None:
            return None
        day = dateline.date + _dt.timedelta(days=m.rel_day)
        if day.weekday() == m.weekday:
            return None
        rel = {0: "today", -1: "yesterday", 1: "tomorrow"}.get(m.rel_day, f"{m.rel_day:+d} days")
        return (
            f"{rel} is {day.isoformat()} by the dateline, a {WEEKDAY_NAMES[day.weekday()]},"
            f" not a {WEEKDAY_NAMES[m.weekday]}"
        )
    if m.kind == "range" and m.granularity == "day" and m.year is not None and m.month and m.day:
        fits = actual_weekday(m.year, m.month, m.day)
        if fits is None or fits == m.weekday:
            return None
        return f"{m.year:04d}-{m.month:02d}-{m.day:02d} is a {WEEKDAY_NAMES[fits]}, not a {WEEKDAY_NAMES[m.weekday]}"
    if m.kind != "date" or m.granularity != "day" or m.month is None or m.day is None:
        return None
    years = plausible_years(m, dateline)
    if not years:
        return None
    fits_any = {actual_weekday(y, m.month, m.day) for y in years}
    if m.weekday in fits_any:
        return None
    y = years[0]
    wd = actual_weekday(y, m.month, m.day)
    if wd is None:
        return None
    source = " (year from the dateline)" if m.year_from == "dateline" else ""
    return f"{y:04d}-{m.month:02d}-{m.day:02d}{source} is a {WEEKDAY_NAMES[wd]}, not a {WEEKDAY_NAMES[m.weekday]}"
