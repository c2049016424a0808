"""Clock times: the same moment on both sides of an aligned segment."""

from __future__ import annotations

from collections.abc import Iterator

from ruconsist.checks.base import LANG_NAME, Check, PairContext
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import SegmentPair, other
from ruconsist.lang.times import TimeMention, TimePairing, extract, pair_times, vocab_for


def bead_time_mentions(bead: SegmentPair, lang: str, ctx: PairContext) -> list[TimeMention]:
    """The clock times of one side of a bead (cached on the bead): the
    number check makes the figures inside them counterparts only."""
    return bead.cached(  # type: ignore[no-any-return]
        ("times", lang), lambda: extract(bead.side(lang).text, lang, vocab_for(ctx.rules)))


def bead_times(bead: SegmentPair, ctx: PairContext) -> TimePairing:
    """The bead's clock times paired across the sides (cached on the bead)."""

    def build() -> TimePairing:
        ru = bead_time_mentions(bead, "ru", ctx)
        zh = bead_time_mentions(bead, "zh", ctx)
        return pair_times(ru, zh, vocab_for(ctx.rules))

    return bead.cached(("times", "pairing"), build)  # type: ignore[no-any-return]


class TimeMismatch(Check):
    """A clock time on one side of an aligned segment is another moment
    than the clock time on the other side.  Times are compared as moments,
    whatever the notation: ``20:00`` = ``晚上8点`` = ``в 8 вечера`` =
    ``20时``; ``22:08`` = ``晚 10：08``; ``в 15:30`` = ``下午3点半``;
    ``в восемь часов вечера`` = ``晚上8点``; ``половина девятого`` is 8:30
    and ``в девятом часу`` 8:00 to 8:59 (the hour under way).  A
    12-hour time with no time-of-day word (``в 5 часов``, ``5点钟``) may be
    either half of the day.  A range is two times and shares its time of
    day: ``с 22 до 23 часов`` = ``晚上10点至11点``; hours counted (``от 8
    до 10 часов``) are not times.  Times in different zones are converted
    (``12:00 по Гринвичу`` = ``北京时间20时``); a hedge (``около``, ``约``,
    ``左右``) does not make two different times equal.

    TIM002 (a warning) is a clock time on one side only.

    The words come from the ``vocab: times`` section of the rule packs
    (``rules/times.yaml``).

    Examples
      PASS  RU «Встреча началась в 20:00.»        ZH «会议于晚上8点开始。»
      PASS  RU «около 4 часов утра»                ZH «凌晨4点左右»
      PASS  RU «в 12:00 по Гринвичу»               ZH «北京时间20时»
      PASS  RU «с 22 до 23 часов»                  ZH «晚上10点至11点»
      FAIL  RU «Встреча началась в 20:00.»        ZH «会议于晚上10点开始。»  -> TIM001
      FAIL  RU «в восемь часов вечера»             ZH «晚上9点»              -> TIM001
      FAIL  RU «в половине девятого»               ZH «9点半»                -> TIM001
      FAIL  RU «около 4 часов утра»                ZH «下午4点»              -> TIM001
      FAIL  RU «в 12:00 по Гринвичу»               ZH «北京时间12时»          -> TIM001
    """

    code = "TIM001"
    slug = "time-mismatch"
    category = "date"
    severity = Severity.ERROR
    extra_codes = {"TIM002": ("time-dropped", "date", Severity.WARNING)}
    code_docs = {
        "TIM002": """
        A clock time on one side of an aligned segment and no clock time
        on the other: the translation dropped the time of an event (or
        added one).  A warning: a time is sometimes left out on purpose,
        but usually it is lost information.  Times are recognised in
        every notation, as for TIM001.

        Examples
          PASS  RU «Встреча началась в 20:00.»   ZH «会议于晚上8点开始。»
          FAIL  RU «Встреча началась в 20:00.»   ZH «会议开始了。»   -> TIM002
        """,
    }

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        if not bead.ru or not bead.zh:
            return
        result = bead_times(bead, ctx)
        for r, z in result.different:
            yield self.report_against(
                bead, "zh", z, r,
                f"ZH {z.reading()} is not the time RU gives ({r.reading()})",
                expected=r.text,
            )
        for lang, t in result.dropped:
            yield self.report(
                bead, lang, t.start, t.end,
                f"{LANG_NAME[lang]} time {t.reading()} has no time in {LANG_NAME[other(lang)]}",
                code="TIM002",
                expected=t.text,
            )


CHECKS = [TimeMismatch]
