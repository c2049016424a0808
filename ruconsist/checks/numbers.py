"""Numbers: the values on each side of an aligned segment must agree."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from fractions import Fraction
from typing import Any

import regex

from ruconsist.checks.base import Check, PairContext
from ruconsist.checks.nearby import HeldFindings
from ruconsist.checks.times import bead_time_mentions
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import SegmentPair
from ruconsist.lang import LANG_NAME as LANG
from ruconsist.lang.lists import list_labels
from ruconsist.lang.numbers import (
    Mismatch,
    NumberVocab,
    NumberMention,
    StandingAgainst,
    compare_mentions,
    convert,
    extract_numbers,
    fallback_date_spans,
    format_value,
    has_equal,
    number_vocab,
    render_like,
    unmatched_mentions,
    order_name,
    order_of,
    unit_written,
    vague_magnitudes,
    values_equal,
)


def _load_date_spans():  # type: ignore[no-untyped-def]
    """A function ``(bead, lang, ctx) -> [(start, end), ...]`` from the date
    module: its ``bead_date_spans`` (dates plus bare years that answer a
    date on the other side) or, failing that, the spans of its
    ``bead_dates``; None if the module is not there.  Only the module or
    the names being absent is tolerated; any other error while importing
    it propagates."""
    try:
        from ruconsist.lang import dates
    except ModuleNotFoundError as exc:
        if exc.name in ("ruconsist.lang.dates",):
            return None
        raise
    spans = getattr(dates, "bead_date_spans", None)
    if spans is not None:
        return spans
    bead_dates = getattr(dates, "bead_dates", None)
    if bead_dates is None:
        return None
    return lambda bead, lang, ctx: [(d.start, d.end) for d in bead_dates(bead, lang, ctx)]


def _date_spans(bead: SegmentPair, lang: str, ctx: PairContext | None) -> list[tuple[int, int]]:
    """Spans of ``bead.side(lang).text`` that are dates: numbers inside
    them belong to the date check and are never reported here.  Uses the
    date module's ``bead_dates`` when it exists, plus this module's own
    minimal reading (years, ``N февраля``, ``N月N日``), which is all there
    is when the date module is absent."""
    text = bead.side(lang).text
    vocab = number_vocab(ctx.rules) if ctx is not None else None
    spans = list(fallback_date_spans(text, lang, vocab))
    date_spans = _load_date_spans()
    if date_spans is not None:
        spans.extend(date_spans(bead, lang, ctx))
    return spans


def bead_numbers(bead: SegmentPair, lang: str, ctx: PairContext) -> list[NumberMention]:
    """Number mentions of one side of a bead, with numbers inside dates
    made quiet; cached on the bead so other checks can share them."""

    def build() -> list[NumberMention]:
        vocab = number_vocab(ctx.rules)
        if vocab is None:
            return []
        text = bead.side(lang).text
        if "%" in text or "{" in text:
            # Placeholders (%2$s, {{count}}) carry positions, not values:
            # blank them, keeping offsets, and leave them to PLH001.
            from ruconsist.checks.placeholders import placeholders

            for tok in placeholders(text):
                text = text[: tok.start] + " " * (tok.end - tok.start) + text[tok.end :]
        mentions = extract_numbers(text, lang, vocab)
        if not mentions:
            # Nothing for the dates and labels to quieten (half the texts).
            return mentions
        mentions = _running_counts(text, lang, mentions)
        spans = _date_spans(bead, lang, ctx)
        # Clock times (``с 22 до 23 часов``, ``в восемь часов вечера``) are
        # the time check's: it compares them as moments.
        times = [(t.start, t.end) for t in bead_time_mentions(bead, lang, ctx)]
        # List labels (``2.``, ``二、``, ``（三）``, ``第一，``, ``во-вторых``)
        # are positions in a list, compared by the list check: not figures,
        # and no counterpart for a figure either.
        labels = [(lab.start, lab.end) for lab in list_labels(text) if lab.position is not None]
        if not spans and not labels and not times:
            return mentions
        out = []
        for m in mentions:
            if any(a < m.end and m.start < b for a, b in labels):
                continue
            if not m.quiet and any(a < m.end and m.start < b for a, b in spans):
                m = replace(m, quiet=True, role="date")
            elif not m.quiet and any(a < m.end and m.start < b for a, b in times):
                m = replace(m, quiet=True, role="time")
            out.append(m)
        return out

    return bead.cached(("numbers", lang), build)


#: What makes a figure an age: 岁 after it in Chinese; in Russian
#: «в возрасте» or «исполнилось» before it and «лет» after.  («31-летний»
#: is not read as one: «пятилетний период», «30-летний опыт» are not ages.)
_ZH_AGE_AFTER = regex.compile(r"\s*(?:周岁|週歲|岁|歲)")
#: «в возрасте 17, 18 и 20 лет»: every figure of the list up to its «лет».
_RU_AGE_WORD = regex.compile(r"(?:возраст\p{L}*|исполнил\p{L}*|исполнится)(?:\s+(?:от|до))?\s+[\d\s,–—-]*(?:и|или)?[\d\s–—-]*$",
                             regex.IGNORECASE)
_RU_AGE_UNIT = regex.compile(r"(?:\s*(?:,|и|или|–|—|-)\s*\d+)*\s*(?:лет|года?|году)(?!\p{L})", regex.IGNORECASE)


def _ages(bead: SegmentPair, ru: list[NumberMention], zh: list[NumberMention]) -> set[int]:
    """The ids of the mentions that state an age."""
    out = set()
    for m in zh:
        if not m.quiet and _ZH_AGE_AFTER.match(bead.zh.text, m.end):
            out.add(id(m))
    text = bead.ru.text
    for m in ru:
        if m.quiet:
            continue
        if _RU_AGE_WORD.search(text, max(0, m.start - 40), m.start) and _RU_AGE_UNIT.match(text, m.end):
            out.add(id(m))
    return out


def _standing_of_its_kind(m: NumberMention, first: NumberMention, against: list[NumberMention],
                          ages: set[int]) -> NumberMention | None:
    """The next figure after ``first`` that may stand in ``m``'s place
    and is an age if ``m`` is one, or not if not."""
    age = id(m) in ages
    rest = against[against.index(first) + 1:] if first in against else []
    return next((o for o in rest if (id(o) in ages) == age and (o.kind == "percent") == (m.kind == "percent")
                 and (not m.measure or not o.measure or o.measure[0] == m.measure[0])), None)


def _ages_apart(mismatches: list[Mismatch], ages: set[int]) -> list[Mismatch]:
    """An age paired with a figure that is not one: two figures, each on
    one side only."""
    out = []
    for mm in mismatches:
        if mm.kind == "differs" and mm.other is not None and (id(mm.mention) in ages) != (id(mm.other) in ages):
            out += [Mismatch("missing", mm.lang, mm.mention), Mismatch("missing", "ru" if mm.lang == "zh" else "zh", mm.other)]
        else:
            out.append(mm)
    out.sort(key=lambda mm: (mm.lang != "ru", mm.mention.start))
    return out


#: A rank of a run of time counts it: «шестой час подряд» is six hours
#: (六小时), «третий год подряд» three years; 连续第三年 likewise.
_RU_RUN = regex.compile(r"\s+(?:час|день|дня|сутки|суток|недел\p{L}*|месяц\p{L}*|год|года|сезон\p{L}*|раз|матч\p{L}*|тур\p{L}*)"
                        r"\s+подряд(?!\p{L})", regex.IGNORECASE)
_ZH_RUN = regex.compile(r"连续\s*$")


def _running_counts(text: str, lang: str, mentions: list[NumberMention]) -> list[NumberMention]:
    if lang == "ru" and "подряд" not in text or lang == "zh" and "连续" not in text:
        return mentions
    out = []
    for m in mentions:
        if m.kind == "ordinal" and (_RU_RUN.match(text, m.end) if lang == "ru"
                                    else _ZH_RUN.search(text, max(0, m.start - 4), m.start)):
            m = replace(m, kind="cardinal")
        out.append(m)
    return out


def _what_is_there(theirs: list[NumberMention]) -> str:
    """The figures the other side does have, for a message: its own
    values first, then those it holds in dates, names and references.
    Only the first four distinct readings are made: a segment of
    thousands of figures must not cost thousands of readings a finding."""
    loud = (o for o in theirs if not o.quiet)
    quiet = (o for o in theirs if o.quiet and o.role not in ("word", "bare", "group"))
    words = (o for o in theirs if o.role in ("word", "bare", "group"))
    shown = _first_readings(itertools.chain(loud, quiet)) or _first_readings(words)
    return f"found {', '.join(shown)}" if shown else "found no number"


def _first_readings(mentions: Iterable[NumberMention], limit: int = 4) -> list[str]:
    shown: dict[str, None] = {}
    for o in mentions:
        shown.setdefault(o.reading(), None)
        if len(shown) == limit:
            break
    return list(shown)


#: How many checked segments before and after a figure with no equal in
#: its own segment are searched for it: a figure the other side gives
#: there, where it answers nothing of its own segment, was moved to the
#: next sentence, or the paragraphs are aligned one off.
WINDOW = 2

_Left = dict[str, list[NumberMention]]


def _held(ctx: PairContext) -> HeldFindings[_Left]:
    # A machine does not move figures between sentences: under the mt
    # profile each segment answers for itself.
    return HeldFindings(0 if ctx.config.profile == "mt" else WINDOW)


def _excuse(mine: list[NumberMention], left: list[NumberMention], around: list[_Left], here: _Left,
            other: str) -> list[NumberMention]:
    """``mine`` with each unmatched figure that the other side states, and
    leaves unmatched, in a segment nearby made a counterpart only."""
    if not left:
        return mine
    nearby = [o for summary in around if summary is not here for o in summary[other]]
    if not nearby:
        return mine
    moved = {id(m) for m in left if has_equal(m, nearby)}
    return [replace(m, quiet=True, role="nearby") if id(m) in moved else m for m in mine]


class NumberMismatch(Check):
    """A number on one side of a segment has no equal value on the other.

    Values are compared, not digit strings: ``1,5`` equals ``1.5``,
    ``3 000`` equals ``3000``, ``1,5 млн`` equals ``150万``, ``полтора
    часа`` equals ``一个半小时``, ``четырехдневный`` carries a 4 and
    ``80-летие`` an 80.  Approximation words (``около``, ``более``,
    ``约``, ``超过``, ``多``) make a figure approximate, not a different
    figure equal: ``около 80`` against ``近82`` is reported.  Where one
    side rounds, the less precise number decides: ``1,51 млн`` equals
    ``151万`` and ``1,5 млн`` equals ``151万``.  Numbers in dates (the date check's), clock
    times, codes and names (``G20``, ``COVID-19``, ``СНВ-3``, ``«Сила
    Сибири — 2»``), references (``ст. 5``, ``№ 12``, ``第5条``), nouns
    for a group (``пара``, ``дуэт``: a couple, a team) and the
    words for 0, 1/2, 1 and 2 (``один``, ``两``, often an article or
    "both") are never reported, but count as counterparts; a noun for a
    group or a name never stands in the place of another figure.
    ``2019–20`` and ``2019/20`` are the years 2019 to 2020.  Values in
    different units are converted (``27 метров`` = ``30 码``).  The words
    come from the ``vocab: numbers`` section of the rule packs
    (``rules/numbers.yaml``); a rule set with none reads the shipped one.

    NUM001 is a substitution: another figure stands where this one
    should (``погибли 12 человек`` ↔ ``13人死亡``), or the other side
    states a figure more often than this side does.  A figure on one
    side only, with nothing in its place, is NUM005, a warning.

    Two unmatched values a factor of ten apart are NUM002 instead (a
    magnitude slip), two approximate figures one of which rounds the
    other NUM003 (a warning), ``增加了N倍`` against ``в N раз`` NUM004 (a
    warning), or NUM001 when the segment's own figures show which
    reading is meant and the other side has the other one.

    Examples
      PASS  RU «разговор длился 1,5 часа»     ZH «会谈持续约1.5小时»
      PASS  RU «с четырехдневным визитом»     ZH «为期四天的访问»
      PASS  RU «около 1,5 млн человек»        ZH «约150万人»
      PASS  RU «Сезон 2019–20»                ZH «2019-2020赛季»
      FAIL  RU «погибли 12 человек»           ZH «造成13人死亡»   -> NUM001
      FAIL  RU «около 80 процентов»           ZH «近82%»    -> NUM001
      FAIL  RU «вырос с 300 до 930 юаней, в 2,1 раза»   ZH «从300元增加到930元，增长2.1倍»   -> NUM001
      FAIL  RU «Сезон 2019–20»                ZH «2019-21赛季»   -> NUM001
    """

    code = "NUM001"
    slug = "number-mismatch"
    category = "number"
    severity = Severity.ERROR
    extra_codes = {
        "NUM002": ("number-magnitude", "number", Severity.ERROR),
        "NUM003": ("number-rounded", "number", Severity.WARNING),
        "NUM004": ("multiple-reading", "number", Severity.WARNING),
        "NUM005": ("number-one-side", "number", Severity.WARNING),
    }
    code_docs = {
        "NUM005": """
        A figure on one side of a segment has no equal value on the other,
        and nothing there stands in its place: the other side has no
        figure at all, or only figures that answer other ones of this side
        (``все трое арестованы`` ↔ ``几名男子被捕``, ``четверо
        подозреваемых в возрасте 17, 18 и 20 лет`` ↔ ``一名17岁、两名18岁
        以及一名20岁``).  Translators add a figure the source implies
        (``同样31岁``) or leave one out (``на сорок пятой минуте``)
        often enough that this is a warning, not an error; a different
        figure in its place is NUM001.  A figure the other side gives in
        a segment nearby (two before or after), where it answers nothing
        of that segment, is not reported at all: it was moved to the next
        sentence, or the paragraphs are aligned one off.  Under the mt
        profile the window is off and a figure of the source with no
        counterpart is an error.  A house that wants every omission to
        block a commit raises it in its configuration::

            severity:
              NUM005: error

        Examples
          PASS  RU «погибли 12 человек»                 ZH «造成12人死亡»
          FAIL  RU «промчался между тремя защитниками»  ZH «穿梭于后方队员之间»   -> NUM005
          FAIL  RU «Кит женился на своей ровеснице»      ZH «与同样31岁的搭档结婚»   -> NUM005
        """,
        "NUM002": """
        A number on one side of a segment has no equal value on the other,
        and the two unmatched values differ by a factor of 10, 100, 1000
        or 10 000: almost always a magnitude slip between ``млн``/``млрд``
        and ``万``/``亿`` (``1,5 млн`` is ``150万``, not ``15万``).  It is
        reported on the Chinese side, with the value it should have in
        the same unit.  Values are compared as for NUM001.

        Quantities named only by their order (``миллионы``, ``десятки
        тысяч``, ``数十亿``, ``上万``) are compared by order: two or more
        orders apart is NUM002 too (``миллионы`` against ``数十亿``,
        billions); one order apart is the looseness of such words
        (``тысячи`` against ``上万``) and is not reported.

        Examples
          PASS  RU «около 1,5 млн человек»   ZH «约150万人»
          PASS  RU «бюджет в 3 млрд рублей»   ZH «30亿卢布的预算»
          PASS  RU «пострадали миллионы людей»   ZH «数百万人受灾»
          FAIL  RU «пострадали миллионы людей»   ZH «数十亿人受灾»   -> NUM002
          FAIL  RU «1,5 млн человек»         ZH «15万人»   -> NUM002
          FAIL  RU «бюджет в 3 млрд рублей»   ZH «3亿卢布的预算»   -> NUM002
        """,
        "NUM003": """
        Two approximate figures where one is a plausible rounding of the
        other (``около 2000`` against ``约1950``, ``около 100`` against
        ``大约105``): probably fine, worth a look, so a warning.  Exact
        figures that differ are NUM001.

        Examples
          PASS  RU «около 2000 человек»   ZH «约2000人»
          FAIL  RU «около 2000 человек»   ZH «约1950人»   -> NUM003
        """,
        "NUM004": """
        ``增加了N倍`` ("increased by N times") is N+1 times the base by the
        standard reading (GB/T 15835 usage; the embassy's own Russian
        writes 增加了47倍 as ``в 48 раз``), but Chinese translated from
        English often means N times.  Against ``в N раз`` on the other
        side it is this warning, not an error: check which is meant, and
        write ``增加到N倍`` (or ``в N+1 раз``).  ``增加到N倍`` and ``是…的N倍``
        are N times; a bare ``两倍`` is read either way.

        Where the segment's own figures settle it, there is nothing to
        weigh: base and result N+1 times apart (``从300元增加到930元，增长
        2.1倍``) make ``в 2,1 раза`` an error (NUM001, with both figures in
        the message); N times apart, ``в N раз`` is right and nothing is
        reported.

        Examples
          PASS  RU «увеличился в 3 раза»   ZH «增加了2倍»
          PASS  RU «увеличился в 3 раза»   ZH «增加到3倍»
          FAIL  RU «увеличился в 3 раза»   ZH «增加了3倍»   -> NUM004
          PASS  RU «вырос с 300 до 630 юаней, в 2,1 раза»   ZH «从300元增加到630元，增长2.1倍»
        """,
    }

    neighbour_beads = WINDOW

    def begin_pair(self, ctx: PairContext) -> None:
        ctx.state[self.code + ".held"] = _held(ctx)

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        held = ctx.state.get(self.code + ".held") or ctx.state.setdefault(self.code + ".held", _held(ctx))
        if not bead.ru or not bead.zh or number_vocab(ctx.rules) is None:
            return
        ru = bead_numbers(bead, "ru", ctx)
        zh = bead_numbers(bead, "zh", ctx)
        # The bead's own figures decide it: kept with them (for an
        # editor's next lint of the pair).
        left = bead.cached(("numbers", "left"), lambda: {"ru": unmatched_mentions(ru, zh), "zh": unmatched_mentions(zh, ru)})

        def decide(around: list[_Left], here: _Left) -> list[Diagnostic]:
            return list(self._findings(bead, ctx, _excuse(ru, left["ru"], around, here, "zh"),
                                       _excuse(zh, left["zh"], around, here, "ru")))

        yield from held.push(left, decide)

    def finish_pair(self, ctx: PairContext) -> Iterator[Diagnostic]:
        held = ctx.state.get(self.code + ".held")
        if held is not None:
            yield from held.flush()

    def _findings(self, bead: SegmentPair, ctx: PairContext, ru: list[NumberMention],
                  zh: list[NumberMention]) -> Iterator[Diagnostic]:
        if not ru and not zh:
            return
        vocab = number_vocab(ctx.rules)
        assert vocab is not None
        yield from self._vague(bead, vocab, ru, zh)
        mismatches = list(compare_mentions(ru, zh, vocab))
        if not mismatches:
            # (Most beads: nothing below is made for them.)
            return
        # What each side has, said once per bead however many findings
        # name it.
        there = {"ru": functools.cache(lambda: _what_is_there(ru)), "zh": functools.cache(lambda: _what_is_there(zh))}
        # And which figures of the other side may stand in a missing
        # one's place: worked out once per bead, not once per figure.
        standing = {"ru": functools.cache(lambda: StandingAgainst(ru, zh)),
                    "zh": functools.cache(lambda: StandingAgainst(zh, ru))}
        # A figure already paired with another as a substitution stands in
        # no second one's place: ``800 kph (497 mph)`` against «497 км/ч»
        # is one error (800 against 497), not a second one for the 497 mph.
        paired = {id(mm.other) for mm in mismatches if mm.kind == "differs" and mm.other is not None}
        # An age stands only against an age: a figure that says how old
        # someone is, on one side only, is an explicitation (同样31岁的),
        # not the other side's unrelated figure changed.
        ages = _ages(bead, ru, zh)
        if ages:
            mismatches = _ages_apart(mismatches, ages)
            paired = {id(mm.other) for mm in mismatches if mm.kind == "differs" and mm.other is not None}
        for mm in mismatches:
            if mm.kind == "magnitude":
                yield self._magnitude(bead, mm)
            elif mm.kind == "rounded":
                yield self._rounded(bead, mm)
            elif mm.kind == "increase":
                yield from self._increase(bead, mm, zh)
            elif mm.lang == "ru":
                yield self._missing(bead, ctx, mm, there["zh"], standing["ru"], paired, ages)
            else:
                yield self._missing(bead, ctx, mm, there["ru"], standing["zh"], paired, ages)

    def _missing(self, bead: SegmentPair, ctx: PairContext, mm: Mismatch, what_is_there: Callable[[], str],
                 standing: Callable[[], StandingAgainst], paired: set[int], ages: set[int]) -> Diagnostic:
        m = mm.mention
        other = "zh" if mm.lang == "ru" else "ru"
        if mm.other is not None and {m.kind, mm.other.kind} == {"cardinal", "ordinal"} and values_equal(m, mm.other):
            rank, count = (m, mm.other) if m.kind == "ordinal" else (mm.other, m)
            return self.report(
                bead, mm.lang, m.start, m.end,
                f"{LANG[mm.lang]} {m.reading()} is a {'rank' if m is rank else 'count'} but"
                f" {LANG[other]} {mm.other.reading()} is a {'rank' if m is count else 'count'}:"
                f" '{count.raw}' counts, '{rank.raw}' ranks",
                code="NUM001", found=m.raw, expected=mm.other.raw,
                counterpart=bead.side(other).location(mm.other.start, mm.other.end),
            )
        code = "NUM001"
        if mm.other is not None:
            there = f"{LANG[other]} has {mm.other.reading()}{self._conversion(bead, mm.lang, m, mm.other, ctx)}"
            counterpart: Any = bead.side(other).location(mm.other.start, mm.other.end)
        else:
            there = what_is_there()
            counterpart = True
            against = standing()(m)
            if against is not None and (id(m) in ages) != (id(against) in ages):
                against = _standing_of_its_kind(m, against, standing().against, ages)
            if against is not None and id(against) in paired:
                code = "NUM005"
                there = f"{LANG[other]} '{against.raw}' is reported against another figure: nothing else in its place"
            elif against is not None:
                there += self._conversion(bead, mm.lang, m, against, ctx)
            else:
                # Nothing there stands in its place: a figure on one side
                # only, which a translator adds or leaves out on purpose
                # often enough to be worth a look, not a blocked commit.
                code = "NUM005"
                if there != "found no number":
                    there = f"{LANG[other]} has only {there.removeprefix('found ')}: nothing in its place"
        return self.report(
            bead, mm.lang, m.start, m.end,
            f"{LANG[mm.lang]} {m.reading()} has no equal value in {LANG[other]} ({there})",
            code=code,
            found=m.raw,
            expected=mm.other.raw if mm.other is not None else None,
            counterpart=counterpart,
        )

    def _vague(self, bead: SegmentPair, vocab: NumberVocab, ru: list[NumberMention],
               zh: list[NumberMention]) -> Iterator[Diagnostic]:
        """Quantities named by their order only (``миллионы``, ``数十亿``)
        on both sides, two or more orders of magnitude apart: a magnitude
        slip in words (NUM002).  One order apart is the looseness of such
        words (``тысячи`` for ``上万``), not reported."""
        ru_vague = vague_magnitudes(bead.ru.text, "ru", vocab, ru)
        if not ru_vague:
            return
        for z in vague_magnitudes(bead.zh.text, "zh", vocab, zh):
            r = min(ru_vague, key=lambda r: abs(order_of(r.low) - order_of(z.low)))
            apart = abs(order_of(r.low) - order_of(z.low))
            if apart < 2:
                continue
            yield self.report_against(
                bead, "zh", z, r,
                f"ZH '{z.raw}' ({order_name(z.low)}) against RU '{r.raw}' ({order_name(r.low)}):"
                f" {apart} orders of magnitude apart, likely a magnitude slip",
                code="NUM002", expected=order_name(r.low), found=z.raw,
            )

    def _conversion(self, bead: SegmentPair, lang: str, m: NumberMention, o: NumberMention,
                    ctx: PairContext) -> str:
        """For two figures in different units of one dimension, how they
        were compared: converted, within a translator's rounding."""
        vocab = number_vocab(ctx.rules)
        if vocab is None or m.measure is None or o.measure is None or m.measure[0] != o.measure[0] \
                or m.measure[1:] == o.measure[1:]:
            return ""
        other = "zh" if lang == "ru" else "ru"
        mine = unit_written(bead.side(lang).text, m, lang, vocab)
        theirs = unit_written(bead.side(other).text, o, other, vocab)
        shown = format_value(Fraction(round(convert(m.value, m.measure, o.measure) * 10), 10))
        return (f" {theirs}; the units differ, so a conversion was assumed: {format_value(m.value)} {mine}"
                f" is about {shown} {theirs}")

    def _zh_against_ru(self, bead: SegmentPair, mm: Mismatch, code: str, message: str,
                       expected: str | None = None) -> Diagnostic:
        """A ZH figure paired with a RU one it differs from (NUM002-4)."""
        z, r = mm.mention, mm.other
        assert r is not None
        return self.report_against(
            bead, "zh", z, r, message,
            code=code,
            expected=r.raw if expected is None else expected,
            found=z.raw,
        )

    def _rounded(self, bead: SegmentPair, mm: Mismatch) -> Diagnostic:
        z, r = mm.mention, mm.other
        assert r is not None
        return self._zh_against_ru(
            bead, mm, "NUM003",
            f"ZH {z.reading()} differs from RU {r.reading()}: approximate figures, but"
            f" one is only a rounding of the other; check which the source gives",
        )

    def _increase(self, bead: SegmentPair, mm: Mismatch, zh: list[NumberMention]) -> Iterator[Diagnostic]:
        z, r = mm.mention, mm.other
        assert r is not None
        n = format_value(z.value - 1)
        reading = settled_reading(z, zh)
        if reading == "loose":
            # The segment's own figures make it N times the base, as RU has it.
            return
        if reading is not None:
            base, result = reading
            yield self._zh_against_ru(
                bead, mm, "NUM001",
                f"ZH '{z.raw}' is an increase by {n} times: its own figures ({base.raw} to {result.raw})"
                f" make it {format_value(z.value)} times the base, but RU {r.reading()}",
                expected=f"в {format_value(z.value)} раза",
            )
            return
        yield self._zh_against_ru(
            bead, mm, "NUM004",
            f"ZH '{z.raw}' is an increase by {n} times, {format_value(z.value)} times the base by the standard"
            f" reading, but RU {r.reading()}: write 增加到{n}倍 (or RU в {format_value(z.value)} раза) if"
            f" {n} times the base is meant",
        )

    def _magnitude(self, bead: SegmentPair, mm: Mismatch) -> Diagnostic:
        z, r = mm.mention, mm.other
        assert r is not None
        expected = render_like(r.value, z, "zh")
        bigger = "larger" if abs(z.value) > abs(r.value) else "smaller"
        return self._zh_against_ru(
            bead, mm, "NUM002",
            f"ZH {z.reading()} is {format_value(mm.factor)} times {bigger} than"
            f" RU {r.reading()}: likely a magnitude slip (expected {expected})",
            expected=expected,
        )

def settled_reading(multiple: NumberMention, mentions: list[NumberMention]) -> tuple[NumberMention, NumberMention] | str | None:
    """Which reading of ``增长N倍`` the segment's own figures bear out: the
    base and result whose ratio is N+1 (the standard reading), ``"loose"``
    when a pair's ratio is N, None when no pair settles it or both do
    (``比2012年的8568元增长2.11倍`` with 26675元: 3.11 times the base)."""
    standard, loose = multiple.value, multiple.value - 1
    slack = multiple.unit / 2 + standard / 500
    figures = [m for m in mentions if m is not multiple and not m.quiet and not m.increase and m.value > 0
               and m.kind == "cardinal"]
    found: tuple[NumberMention, NumberMention] | None = None
    looser = False
    for a in figures:
        for b in figures:
            if b.value <= a.value:
                continue
            ratio = b.value / a.value
            if abs(ratio - standard) <= slack:
                found = found or (a, b)
            elif abs(ratio - loose) <= slack:
                looser = True
    if found and looser:
        return None
    return found or ("loose" if looser else None)


CHECKS = [NumberMismatch]
