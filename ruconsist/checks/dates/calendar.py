"""Dates and weekdays: equal dates on both sides, weekdays that fit.

The extraction lives in :mod:`ruconsist.lang.dates`; these checks pair
what it finds in each aligned segment.  A document's dateline
(``МОСКВА, 4 фев - …``, ``莫斯科,2月4日``, or the header of a bilingual
file) gives the year of dates written without one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ruconsist.checks.base import LANG_NAME, Check, PairContext
from ruconsist.checks.nearby import HeldFindings
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import SegmentPair, other
from ruconsist.lang.numbers import NumberMention
from ruconsist.lang.dates import (
    WEEKDAY_NAMES,
    DateMention,
    bead_dates,
    bead_pairing,
    describe,
    pair_dateline,
    pair_weekdays,
    same_reading,
    weekday_conflict,
)


def _reading(m: DateMention) -> str:
    """A mention's date without its weekday (the weekday has its own
    codes)."""
    from dataclasses import replace

    return describe(replace(m, weekday=None)) if m.weekday is not None and m.kind != "weekday" else describe(m)


def _weekday_span(m: DateMention) -> tuple[int, int]:
    return m.weekday_span or (m.start, m.end)


def _weekday_text(bead: SegmentPair, lang: str, m: DateMention) -> str:
    a, b = _weekday_span(m)
    return bead.side(lang).text[a:b]


def analyse(bead: SegmentPair, ctx: PairContext) -> dict[str, Any]:
    """Pair the bead's dates and weekdays once for all four checks."""

    def compute() -> dict[str, Any]:
        dateline = pair_dateline(ctx)
        ru = bead_dates(bead, "ru", ctx)
        zh = bead_dates(bead, "zh", ctx)
        dates = bead_pairing(bead, ctx)
        weekdays = pair_weekdays(ru, zh, dateline)
        conflicts = {
            (lang, id(m)): reason
            for lang, ms in (("ru", ru), ("zh", zh))
            for m in ms
            if (reason := weekday_conflict(m, dateline)) is not None
        }
        return {
            "dateline": dateline,
            "ru": ru,
            "zh": zh,
            "dates": dates,
            "weekdays": weekdays,
            "conflicts": conflicts,
        }

    return bead.cached(("dates", "analysis"), compute)  # type: ignore[no-any-return]


#: How many checked segments before and after a date with no equal in
#: its own segment are searched for it (see DAT007).
WINDOW = 2

_Left = dict[str, list[DateMention]]


def _held(ctx: PairContext) -> HeldFindings[_Left]:
    # A machine does not move dates between sentences.
    return HeldFindings(0 if ctx.config.profile == "mt" else WINDOW)


def _year_against(bead: SegmentPair, ctx: PairContext, lang: str, m: DateMention) -> NumberMention | None:
    """For a year (or a range of years) with no date in its place, a
    year-like figure of the other side that this side does not state
    (``1635–1637`` against the ZH list ``1635-36、1655和1664年``, where
    ``36`` is 1636; ``1643年 - 1912年`` against the bare ``(1644-1912)``):
    a different year, a substitution, not a year on one side only."""
    if m.kind not in ("date", "range") or m.year is None or m.month is not None:
        return None
    from ruconsist.checks.numbers import bead_numbers

    from collections import Counter

    mine = Counter(n.value for n in bead_numbers(bead, lang, ctx))
    for year in (m.year, m.end_year):
        if year is not None:
            mine[year] = max(mine[year], 1)
    theirs = Counter(n.value for n in bead_numbers(bead, other(lang), ctx))
    for n in bead_numbers(bead, other(lang), ctx):
        # A year stated more often there than here (1895 twice in RU, once
        # in ZH where the other is 1896) is the one that was changed.
        if n.value.denominator == 1 and 1000 <= n.value <= 2100 and theirs[n.value] > mine[n.value]:
            return n
    return None


class _DateCheck(Check):
    category = "date"
    # begin_pair reads the pair's dateline, which an edit that changes
    # it makes a different pair (see ruconsist.incremental).
    bead_local = True

    def begin_pair(self, ctx: PairContext) -> None:
        pair_dateline(ctx)

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        if not bead.ru or not bead.zh:
            return iter(())
        return self.check_analysed(bead, ctx, analyse(bead, ctx))

    def check_analysed(self, bead: SegmentPair, ctx: PairContext, result: Any) -> Iterator[Diagnostic]:
        """The findings in a bead with both sides, given what
        :func:`analyse` found in it (shared by the date checks)."""
        return iter(())


class DateMismatch(_DateCheck):
    """A date on one side of an aligned segment has no equal date on the
    other, and a different date stands in its place: another day, month
    or year, a range with other ends.  A date with no date at all in its
    place is DAT007, a warning.  Dates are compared by value, whatever
    the notation:
    ``4 февраля 2026 года`` = ``2026年2月4日`` = ``04.02.2026`` =
    ``二〇二六年二月四日``, ``с 1 по 3 июля`` = ``7月1日至3日``,
    ``в первой половине года`` = ``上半年``.

    A year written on one side only does not make a mismatch; the
    dateline (``МОСКВА, 4 фев``, or a bilingual file's header) supplies
    it, and relative years (``в этом году``, ``今年``) are read against
    it.  Relative years, adjectives (``июньский саммит``), decades and
    centuries may answer a date on the other side but need no
    counterpart themselves.  The message shows both readings as ISO
    dates (``--02-04`` is 4 February of an unstated year).

    Examples
      PASS  RU «22 сентября 2025 года»        ZH «2025年9月22日»
      PASS  RU «с 28 августа по 2 сентября»   ZH «8月28日至9月2日»
      PASS  RU «в первой половине года»       ZH «今年上半年»
      FAIL  RU «4 февраля 2026 года»          ZH «2026年2月5日»  -> DAT001
      FAIL  RU «в 2025 году»                  ZH «2026年»        -> DAT001
    """

    code = "DAT001"
    slug = "date-mismatch"
    severity = Severity.ERROR
    extra_codes = {"DAT007": ("date-one-side", "date", Severity.WARNING)}
    code_docs = {
        "DAT007": """
        A date on one side of a segment and no date at all in its place
        on the other: the translation left it out (``截止于2023年9月``
        dropped from a trade figure) or made explicit a date the source
        implies (``ВВП на 2022 г.`` where the Chinese says "this year's").
        Often enough legitimate to be a warning, not an error; a
        different date in its place is DAT001.  A date the other side
        gives in a segment nearby (two before or after), where it answers
        no date of that segment, is not reported at all: it was moved to
        the next sentence, or the paragraphs are aligned one off.  Under
        the mt profile the window is off and a date of the source with no
        counterpart is an error.  A house that wants every omission to
        block a commit raises it in its configuration::

            severity:
              DAT007: error

        Examples
          PASS  RU «в сентябре 2023 года»       ZH «2023年9月»
          FAIL  RU «товарооборот вырос вдвое»   ZH «（截止于2023年9月）贸易额翻了一番»   -> DAT007
        """,
    }
    neighbour_beads = WINDOW

    def begin_pair(self, ctx: PairContext) -> None:
        super().begin_pair(ctx)
        ctx.state[self.code + ".held"] = _held(ctx)

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        held = ctx.state.get(self.code + ".held") or ctx.state.setdefault(self.code + ".held", _held(ctx))
        if not bead.ru or not bead.zh:
            return
        result = analyse(bead, ctx)["dates"]
        left: _Left = {"ru": [r for r, _ in result.different], "zh": [z for _, z in result.different]}
        for lang, m in result.unpaired:
            left[lang].append(m)

        def decide(around: list[_Left], here: _Left) -> Iterator[Diagnostic]:
            nearby = {lang: [m for summary in around if summary is not here for m in summary[lang]]
                      for lang in ("ru", "zh")}

            def moved(lang: str, m: DateMention) -> bool:
                return any(same_reading(m, o) if lang == "ru" else same_reading(o, m) for o in nearby[other(lang)])

            for r, z in result.different:
                r_moved, z_moved = moved("ru", r), moved("zh", z)
                if not r_moved and not z_moved:
                    yield self._different(bead, r, z)
                elif not r_moved:
                    yield self._one_side(bead, "ru", r)
                elif not z_moved:
                    yield self._one_side(bead, "zh", z)
            for lang, m in result.unpaired:
                if moved(lang, m):
                    continue
                year = _year_against(bead, ctx, lang, m)
                if year is None:
                    yield self._one_side(bead, lang, m)
                else:
                    yield self._year_differs(bead, lang, m, year)

        yield from held.push(left, decide)

    def finish_pair(self, ctx: PairContext) -> Iterator[Diagnostic]:
        held = ctx.state.get(self.code + ".held")
        if held is not None:
            yield from held.flush()

    def _different(self, bead: SegmentPair, r: DateMention, z: DateMention) -> Diagnostic:
        return self.report_against(
            bead,
            "ru",
            r,
            z,
            f"RU '{r.text}' = {_reading(r)} has no equal date in ZH"
            f" (found '{z.text}' = {_reading(z)})",
            expected=_reading(r),
            found=z.text,
        )

    def _year_differs(self, bead: SegmentPair, lang: str, m: DateMention, year: NumberMention) -> Diagnostic:
        dst = other(lang)
        return self.report_against(
            bead,
            lang,
            m,
            year,
            f"{LANG_NAME[lang]} '{m.text}' = {_reading(m)} has no equal date in {LANG_NAME[dst]}"
            f" (found {year.reading()})",
            expected=_reading(m),
            found=year.raw,
        )

    def _one_side(self, bead: SegmentPair, lang: str, m: DateMention) -> Diagnostic:
        return self.report(
            bead,
            lang,
            m.start,
            m.end,
            f"{LANG_NAME[lang]} '{m.text}' = {_reading(m)} has no equal date in {LANG_NAME[other(lang)]}"
            f" (no date found there)",
            code="DAT007",
            expected=_reading(m),
            found=None,
        )


class WeekdayWrongForDate(_DateCheck):
    """A weekday written next to a date is not that date's weekday, on
    either side: ``во вторник, 4 февраля 2026 года`` is wrong, since
    2026-02-04 is a Wednesday.  When the year is not written, the
    dateline's year is used (or the neighbouring one for a date more than
    half a year from the dateline, such as 28 December in an item of
    4 January).

    A bare weekday (``во вторник``) is not compared with the dateline: a
    news item dated Wednesday routinely reports what happened "on
    Tuesday".  Only when the text ties the weekday to the dateline
    (``сегодня, во вторник``, ``今天（周二）``) must it be the dateline's
    weekday (for ``вчера``/``昨天``, the day before).

    Examples
      PASS  RU «в среду, 4 февраля 2026 года»   ZH «2026年2月4日（周三）»
      PASS  RU «во вторник, 3 февраля 2026 года»   ZH «2026年2月3日（周二）»
      FAIL  RU «во вторник, 4 февраля 2026 года» ZH «2026年2月4日（周二）»  -> DAT002
    """

    code = "DAT002"
    slug = "weekday-wrong-for-date"
    severity = Severity.ERROR

    def check_analysed(self, bead: SegmentPair, ctx: PairContext, result: Any) -> Iterator[Diagnostic]:
        for lang in ("ru", "zh"):
            for m in result[lang]:
                reason = result["conflicts"].get((lang, id(m)))
                if reason is None:
                    continue
                yield self.report(
                    bead,
                    lang,
                    m.start,
                    m.end,
                    f"{LANG_NAME[lang]} '{m.text}': {reason}",
                    found=WEEKDAY_NAMES[m.weekday] if m.weekday is not None else None,
                    counterpart=True,
                )


class WeekdayMismatch(_DateCheck):
    """The two sides of an aligned segment name different weekdays
    (``в воскресенье`` translated as ``周六``).  Weekdays pair by value
    first, so the order of several weekdays does not matter; a weekday
    also agrees with a date on the other side that falls on it
    (``в среду`` ↔ ``4日`` in an item dated February 2026).  When one
    side's weekday contradicts its own date, DAT002 reports that instead.

    Examples
      PASS  RU «во вторник сообщил»   ZH «周二宣布»
      FAIL  RU «В воскресенье жители Македонии проголосуют»   ZH «周六，选民将投票»   -> DAT003
    """

    code = "DAT003"
    slug = "weekday-mismatch"
    severity = Severity.ERROR

    def check_analysed(self, bead: SegmentPair, ctx: PairContext, result: Any) -> Iterator[Diagnostic]:
        conflicts = result["conflicts"]
        for r, z in result["weekdays"].different:
            if ("ru", id(r)) in conflicts or ("zh", id(z)) in conflicts:
                continue
            a, b = _weekday_span(r)
            za, zb = _weekday_span(z)
            rt, zt = _weekday_text(bead, "ru", r), _weekday_text(bead, "zh", z)
            assert r.weekday is not None and z.weekday is not None
            yield self.report(
                bead,
                "ru",
                a,
                b,
                f"RU '{rt}' ({WEEKDAY_NAMES[r.weekday]}) and ZH '{zt}'"
                f" ({WEEKDAY_NAMES[z.weekday]}) name different weekdays",
                expected=WEEKDAY_NAMES[r.weekday],
                found=zt,
                counterpart=bead.zh.location(za, zb),
            )


class WeekdayDropped(_DateCheck):
    """A weekday written on one side of an aligned segment and not on
    the other (``в ходе беседы в среду`` ↔ ``在会谈中``).  A warning:
    translators sometimes drop a weekday on purpose, but usually it
    is lost information.  Not reported when the whole date it stands
    with is missing (DAT001 covers that), nor for weekday adjectives
    (``пятничные дебаты``).

    Examples
      PASS  RU «во вторник сообщил»            ZH «周二宣布»
      PASS  RU «после пятничных дебатов»       ZH «在辩论之后»  (an adjective)
      FAIL  RU «в ходе беседы в среду»         ZH «在会谈中»  -> DAT004
    """

    code = "DAT004"
    slug = "weekday-dropped"
    severity = Severity.WARNING

    def check_analysed(self, bead: SegmentPair, ctx: PairContext, result: Any) -> Iterator[Diagnostic]:
        unpaired_dates = {id(m) for _, m in result["dates"].unpaired}
        for lang, m in result["weekdays"].dropped:
            if id(m) in unpaired_dates:
                continue
            a, b = _weekday_span(m)
            text = _weekday_text(bead, lang, m)
            assert m.weekday is not None
            yield self.report(
                bead,
                lang,
                a,
                b,
                f"{LANG_NAME[lang]} '{text}' ({WEEKDAY_NAMES[m.weekday]}) has no weekday"
                f" in {LANG_NAME[other(lang)]}",
                expected=WEEKDAY_NAMES[m.weekday],
            )


CHECKS = [DateMismatch, WeekdayWrongForDate, WeekdayMismatch, WeekdayDropped]
