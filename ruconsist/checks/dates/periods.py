"""Eras and relative dates: BC against AD, "yesterday" against "the day
before yesterday", the end of a month against its start."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from typing import Any

import regex

from ruconsist.checks.base import Check, PairContext
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import SegmentPair
from ruconsist.lang.han import HAN_RANGES
from ruconsist.lang.periods import (
    EraMention,
    RelativeMention,
    extract_eras,
    extract_parts,
    extract_relative,
    vocab_for,
)

UNIT_NAMES = {"day": ("day", "days"), "week": ("week", "weeks"), "month": ("month", "months"),
              "year": ("year", "years")}
PART_NAMES = {"start": "the start", "middle": "the middle", "end": "the end"}


def _era(e: EraMention) -> str:
    return "BC" if e.bc else ("AD" if e.marked else "AD (no era written)")


class EraMismatch(Check):
    """A year or century is before the common era on one side and of the
    common era on the other: ``750 год до н. э.`` against ``公元750年``, or
    against ``750年`` with no era (which readers take as AD).  Era markers
    (``до н. э.``, ``до нашей эры``, ``公元前``; ``н. э.``, ``公元``) come from
    the ``vocab: eras`` section of the rule packs (``rules/periods.yaml``).
    A different number is the number check's finding, not this one's.

    Examples
      PASS  RU «в 750 году до н. э.»        ZH «公元前750年»
      PASS  RU «в V веке до нашей эры»      ZH «公元前5世纪»
      FAIL  RU «в 750 году до н. э.»        ZH «公元750年»  -> DAT005
      FAIL  RU «в V веке»                   ZH «公元前5世纪» -> DAT005
    """

    code = "DAT005"
    slug = "era-mismatch"
    category = "date"
    severity = Severity.ERROR

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        if not bead.ru or not bead.zh:
            return
        ru_text, zh_text = bead.ru.text, bead.zh.text
        v = vocab_for(ctx.rules)
        if not _may_have_era(ru_text, zh_text, v):
            return
        ru = extract_eras(ru_text, "ru", v)
        zh = extract_eras(zh_text, "zh", v)
        for z in zh:
            same = [r for r in ru if (r.value, r.unit) == (z.value, z.unit)]
            if not same or any(r.bc == z.bc for r in same) or not (z.bc or any(r.bc for r in same)):
                continue
            r = same[0]
            what = "century" if z.unit == "century" else "year"
            yield self.report_against(
                bead, "zh", z, r,
                f"ZH '{z.text}' is a {what} {_era(z)}, but RU '{r.text}' is {_era(r)}",
                expected=("公元前" if r.bc else "公元") + z.text.lstrip("公元前西纪 "),
            )


def _may_have_era(ru: str, zh: str, v: Any) -> bool:
    low = ru.lower()
    return any(w.split()[0] in low for w in v.bc["ru"]) or any(w in zh for w in v.bc["zh"])


class RelativeDateMismatch(Check):
    """A relative date on one side says another day, week, month or year
    than the other side: ``вчера`` against ``前天``, ``в прошлом году``
    against ``上个月``, ``на прошлой неделе`` against ``下周``.  With a
    dateline (``МОСКВА, 4 фев``) a relative day is also a date: ``вчера``
    is 3 February, so ``2日`` on the other side is reported and ``3日`` is
    not.  Parts of a month or year must agree too: ``в конце июля`` is
    ``7月下旬`` or ``7月底``, not ``7月上旬``.  A relative date on one side
    only is not reported.  The words come from the ``relative_dates`` and
    ``date_parts`` sections of the rule packs (``rules/periods.yaml``).

    Examples
      PASS  RU «вчера»                        ZH «昨天»
      PASS  RU «МОСКВА, 4 фев. Вчера …»       ZH «…3日…»
      PASS  RU «в конце июля»                 ZH «7月下旬»
      FAIL  RU «вчера»                        ZH «前天»      -> DAT006
      FAIL  RU «в прошлом году»               ZH «上个月»    -> DAT006
      FAIL  RU «в конце июля»                 ZH «7月上旬»   -> DAT006
    """

    code = "DAT006"
    slug = "relative-date-mismatch"
    category = "date"
    severity = Severity.ERROR

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        if not bead.ru or not bead.zh:
            return
        v = vocab_for(ctx.rules)
        ru = extract_relative(bead.ru.text, "ru", v)
        zh = extract_relative(bead.zh.text, "zh", v)
        if ru or zh:
            yield from self._relative(bead, ctx, ru, zh)
        yield from self._parts(bead, v)

    def _relative(self, bead: SegmentPair, ctx: PairContext, ru: list[RelativeMention],
                  zh: list[RelativeMention]) -> Iterator[Diagnostic]:
        key = lambda m: (m.unit, m.offset)  # noqa: E731
        ru_left = [r for r in ru if key(r) not in {key(z) for z in zh}]
        zh_left = [z for z in zh if key(z) not in {key(r) for r in ru}]
        # Same unit first (вчера / 前天), then any (в прошлом году / 上个月).
        for same_unit in (True, False):
            for z in list(zh_left):
                r = next((r for r in ru_left if not same_unit or r.unit == z.unit), None)
                if r is None:
                    continue
                ru_left.remove(r)
                zh_left.remove(z)
                yield self.report_against(
                    bead, "zh", z, r,
                    f"ZH '{z.text}' ({_offset(z)}) is not RU '{r.text}' ({_offset(r)})",
                    expected=r.text,
                )
        date, known = _dateline_date(ctx)
        if date is None:
            return
        for lang, left in (("ru", ru_left), ("zh", zh_left)):
            other = "zh" if lang == "ru" else "ru"
            for m in left:
                found = _against_dates(m, date, bead, other, ctx, known)
                if found is None:
                    continue
                when, d = found
                yield self.report_against(
                    bead, other, d, m,
                    f"{other.upper()} '{d.text}' is not {lang.upper()} '{m.text}', which is {when}"
                    f" by the document's date ({_iso(date, known)})",
                    expected=when,
                )

    def _parts(self, bead: SegmentPair, v: Any) -> Iterator[Diagnostic]:
        if not _may_have_part(bead.ru.text, bead.zh.text):
            return
        ru = extract_parts(bead.ru.text, "ru", v)
        zh = extract_parts(bead.zh.text, "zh", v)
        for z in zh:
            same = [r for r in ru if r.anchor == z.anchor]
            if not same or any(r.part == z.part for r in same):
                continue
            r = same[0]
            yield self.report_against(
                bead, "zh", z, r,
                f"ZH '{z.text}' is {PART_NAMES[z.part]} of the {_anchor(z.anchor)}, but RU '{r.text}'"
                f" is {PART_NAMES[r.part]}",
                expected=r.text,
            )


def _may_have_part(ru: str, zh: str) -> bool:
    low = ru.lower()
    return any(w in low for w in ("начал", "середин", "конц", "числах")) and any(c in zh for c in "旬初中底末")


def _anchor(anchor: str) -> str:
    return "month" if anchor == "month" else "year" if anchor == "year" else f"month {anchor}"


def _offset(m: RelativeMention) -> str:
    one, many = UNIT_NAMES[m.unit]
    if m.offset == 0:
        return f"this {one}"
    n = abs(m.offset)
    return f"{n} {one if n == 1 else many} {'before' if m.offset < 0 else 'after'} the document's date"


def _dateline_date(ctx: PairContext) -> tuple[_dt.date | None, bool]:
    """The document's date, and whether its year is known."""
    from ruconsist.lang.dates import pair_dateline

    line = pair_dateline(ctx)
    if line is None or line.month is None or line.day is None:
        return None, False
    try:
        # A dateline without a year ("МОСКВА, 4 фев") still fixes the day;
        # a leap year keeps 29 February possible.
        return _dt.date(line.year or 2000, line.month, line.day), bool(line.year)
    except ValueError:
        return None, False


def _dateline_span(text: str, lang: str, ctx: PairContext) -> tuple[int, int]:
    """Where a dateline stands at the start of ``text`` ((0, 0) if none)."""
    from ruconsist.lang.dates import find_dateline, vocab_for as date_vocab

    first = text.split("\n", 1)[0]
    line = find_dateline([first], lang, date_vocab(ctx.rules))
    if line is None or not line.text or line.text not in first:
        return 0, 0
    at = first.index(line.text)
    return at, at + len(line.text)


def _nearest(d: Any, date: _dt.date) -> _dt.date | None:
    """The calendar day of a date mention; one written without its year
    (or given the dateline's) is taken in the year that puts it nearest
    the document's date (31 December in an item of 1 January)."""
    years = [d.year] if d.year is not None and d.year_from == "text" else [date.year - 1, date.year, date.year + 1]
    days = []
    for y in years:
        try:
            days.append(_dt.date(y, d.month, d.day))
        except ValueError:
            continue
    return min(days, key=lambda x: abs((x - date).days)) if days else None


def _iso(day: _dt.date, known_year: bool) -> str:
    return day.isoformat() if known_year else f"--{day.month:02d}-{day.day:02d}"


def _against_dates(m: RelativeMention, date: _dt.date, bead: SegmentPair, other: str,
                   ctx: PairContext, known_year: bool = True) -> tuple[str, Any] | None:
    """A date on the other side that stands where the relative date
    ``m`` does but is another day (or month): (what ``m`` is, that date).
    Only dates near the document's date count as its stand-ins."""
    from ruconsist.lang.dates import bead_dates

    dateline = _dateline_span(bead.side(other).text, other, ctx)
    # The dateline's own date ("莫斯科，2月4日电") stands for no event.
    dates = [d for d in bead_dates(bead, other, ctx)
             if d.kind == "date" and d.month is not None and not dateline[0] <= d.start < dateline[1]]
    if m.unit == "day":
        target = date + _dt.timedelta(days=m.offset)
        near = []
        for d in dates:
            if d.day is None:
                continue
            when = _nearest(d, date)
            if when is None:
                continue
            if when == target:
                return None
            if abs((when - date).days) <= 7:
                near.append(d)
        return (_iso(target, known_year), near[0]) if near else None
    if m.unit == "month":
        month = (date.month - 1 + m.offset) % 12 + 1
        year = date.year + (date.month - 1 + m.offset) // 12
        months = [d for d in dates if d.day is None]
        if any(d.month == month and (d.year in (None, year)) for d in months):
            return None
        near = [d for d in months if d.year in (None, date.year, date.year - 1)]
        return (f"{year:04d}-{month:02d}" if known_year else f"--{month:02d}", near[0]) if near else None
    return None


#: After a Chinese date, what makes it a boundary: "after" (2019年后,
#: 2019年风波之后, 2019年以来) or "before" (2019年以前; a bare 前 is left
#: alone: 2019年前三季度 is the first three quarters).  Up to four
#: characters may stand between (the event of that year).
ZH_AFTER = regex.compile(rf"[{HAN_RANGES}]{{0,4}}?(?:以后|之后|以来|(?<![最前然落背今午])后)")
ZH_BEFORE = regex.compile(rf"[{HAN_RANGES}]{{0,4}}?(?:以前|之前)")
#: Before a Russian date: "before" (до, перед) or "after" (после, с).
RU_BEFORE = regex.compile(r"(?<!\p{L})(?:до|перед)\s+$", regex.IGNORECASE)
RU_AFTER = regex.compile(r"(?<!\p{L})(?:после|начиная\s+с|со?)\s+$", regex.IGNORECASE)
#: What a Chinese boundary may not have between the date and 后: a
#: clause of its own (a comma, a full stop) or a second date.
_ZH_BREAK = regex.compile(r"[，。；：、,;:\d]")
#: A negation in the clause of a boundary turns it round: «был недоступен
#: до 28 января» (unavailable until, so available after) says what
#: ``1月28日后方可使用`` says; ``2019年后不再使用`` ("no longer used after
#: 2019") what «использовался до 2019 года» says.  Russian: a negation
#: before the preposition in its clause (не, ни, нет, нельзя, and the
#: negated adjectives and adverbs of availability and possibility);
#: Chinese: a negation after the boundary in its clause.  "Since" (с,
#: 以来, 自…后) is not turned round: «не имеют отношений с 1962 года» and
#: 1962年以来从未 both say since.
_RU_NEGATION = regex.compile(
    r"(?<!\p{L})(?:не|ни|нет|нельзя|недоступ\p{L}*|невозможн\p{L}*|запрещ\p{L}*)(?!\p{L})",
    regex.IGNORECASE,
)
_ZH_NEGATION = regex.compile(r"不|未|没|無|无|禁止|停止")
#: Clause breaks: the Russian one searched backwards from a boundary
#: (the last break before it), the Chinese one forwards (the first after
#: it), so that neither copies nor splits the rest of a long line.
_RU_CLAUSE_BREAK = regex.compile(r"[.!?;:,—–()«»\"]", regex.REVERSE)
_ZH_CLAUSE_BREAK = regex.compile(r"[，。；：！？,;:!?（）“”]")
_FLIP = {"before": "after", "after": "before"}
#: 自 (从, 自从, 自打) before the date: 自从9月10日后 is "since 10 September".
_ZH_SINCE = regex.compile(r"(?:自从|自打|自從|自|从|從)\s*$")


class DateDirectionReversed(Check):
    """The same date, a boundary in the other direction: ``до 2019 года``
    ("before 2019") against ``2019年风波后`` ("after the 2019 unrest"), or
    ``после 2010 года`` against ``2010年以前``.  Machines drop or flip
    the little word that says which side of a date is meant, and the
    sentence still reads well.  The Chinese boundary is ``后``, ``之后``,
    ``以后``, ``以来`` (after, since) or ``以前``, ``之前`` (before) within
    four characters after the date; the Russian one the preposition just
    before the date (``до``, ``перед``; ``после``, ``с``).  A bare ``前``
    is not read (``2019年前三季度`` is the first three quarters of 2019).

    Examples
      PASS  RU «после 2019 года»          ZH «2019年以后»
      PASS  RU «с 2012 года доходы растут»    ZH «2012年以来，收入不断增长»
      PASS  RU «после беспорядков 2019 года»    ZH «2019年风波后»
      FAIL  RU «до 2019 года»             ZH «2019年风波后»   -> DAT008
      FAIL  RU «после 2010 года»          ZH «2010年以前»     -> DAT008
    """

    code = "DAT008"
    slug = "date-direction-reversed"
    category = "date"
    severity = Severity.ERROR

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        if not bead.ru or not bead.zh or not _ZH_BOUNDARY_HINT.search(bead.zh.text):
            return
        from ruconsist.lang.dates import bead_dates, same_reading

        zh_text, ru_text = bead.zh.text, bead.ru.text
        ru = [r for r in bead_dates(bead, "ru", ctx) if r.kind == "date"]
        for z in bead_dates(bead, "zh", ctx):
            if z.kind != "date":
                continue
            way = _zh_direction(zh_text, z.end, z.start)
            if way is None:
                continue
            for r in ru:
                if not same_reading(r, z):
                    continue
                other = _ru_direction(ru_text, r.start)
                if other is None or other == way:
                    continue
                yield self.report(
                    bead, "ru", r.start - len(_ru_preposition(ru_text, r.start)), r.end,
                    f"RU '{_ru_preposition(ru_text, r.start)}{r.text}' is {other} the date, but ZH"
                    f" '{zh_text[z.start:_zh_boundary_end(zh_text, z.end)]}' is {way} it: the boundary is reversed",
                    found=ru_text[r.start - len(_ru_preposition(ru_text, r.start)):r.end],
                    counterpart=bead.zh.location(z.start, _zh_boundary_end(zh_text, z.end)),
                )
                break


_ZH_BOUNDARY_HINT = regex.compile(r"后|以来|以前|之前")


def _zh_direction(text: str, end: int, start: int) -> str | None:
    for way, pattern in (("after", ZH_AFTER), ("before", ZH_BEFORE)):
        m = pattern.match(text, end)
        if m is not None and not _ZH_BREAK.search(m.group()):
            if m.group().endswith("以来") or _ZH_SINCE.search(text, 0, start):
                return way  # 以来从未, 自从…后便未: "never since", still since
            brk = _ZH_CLAUSE_BREAK.search(text, m.end())
            negated = _ZH_NEGATION.search(text, m.end(), brk.start() if brk else len(text))
            return _FLIP[way] if negated else way
    return None


def _zh_boundary_end(text: str, end: int) -> int:
    m = ZH_AFTER.match(text, end) or ZH_BEFORE.match(text, end)
    return m.end() if m is not None else end


def _ru_preposition(text: str, start: int) -> str:
    head = text[max(0, start - 16):start]
    m = RU_BEFORE.search(head) or RU_AFTER.search(head)
    return m.group() if m is not None else ""


def _ru_direction(text: str, start: int) -> str | None:
    head = text[max(0, start - 16):start]
    if RU_AFTER.search(head):
        return "after"  # «не имеют отношений с 1962 года»: "not since" is still since
    if not RU_BEFORE.search(head):
        return None
    brk = _RU_CLAUSE_BREAK.search(text, 0, start)
    return "after" if _RU_NEGATION.search(text, brk.end() if brk else 0, start) else "before"


CHECKS = [EraMismatch, RelativeDateMismatch, DateDirectionReversed]
