"""Dates and weekdays in Russian and Chinese text.

This module finds date mentions and reads their values; the date checks
(:mod:`ruconsist.checks.dates`) compare them across an aligned bead, and
the number check excludes their spans so that a year or a day is never
reported twice.

What it reads:

* RU: ``4 февраля 2026 года``, ``4 февраля``, ``04.02.2026``, ``4 фев``,
  ``04 ФЕВРАЛЯ 2026``, ``в феврале 2026 года``, ``в 2026 году``,
  ``с 1 по 3 июля``, ``1–3 июля``, ``с 28 августа по 2 сентября``,
  ``в первой половине года``, ``в I квартале``, ``1980-е годы``,
  ``XIX век``, ``в этом году``; weekdays in any case (``в среду``,
  ``во вторник``, ``в ночь на среду``, ``к вечеру понедельника``).
* ZH: ``2026年2月4日``, ``2月4日``, ``2026年2月``, ``2026年``,
  ``7月1日至3日``, ``8月28日至9月2日``, ``上半年``, ``第一季度``,
  Chinese numerals (``二〇二六年二月四日``, ``九月三十日``), ``今年``,
  ``20世纪30年代``; weekdays ``周三``/``星期三``/``礼拜三``, also in
  brackets after a date (``2月4日（周三）``).

Month and weekday names come from CLDR through babel; everything else
(news abbreviations, relative years, halves and quarters, dateline
formats, idioms such as ``черная пятница``) from the ``dates`` vocabulary
of the rule packs (``rules/dates.yaml``).

A bare weekday (``во вторник``) in a dated news item names a day of the
week around the dateline, usually a past one ("on Tuesday" in an item
dated Wednesday means yesterday).  It is therefore never compared with
the dateline's own weekday, except when the text ties it to the dateline
itself: ``сегодня, во вторник`` / ``今天（周二）`` must be the dateline's
weekday, ``вчера, во вторник`` the day before.

The package, in reading order: :mod:`.mention` (what a date mention
is), :mod:`.forms` (building blocks of the grammars: CLDR names, Russian
inflection, prefilter gates, the compiled-pattern container),
:mod:`.ru_grammar` and :mod:`.zh_grammar` (the patterns of each
language), :mod:`.vocab` (the pack vocabulary and its compiled
patterns), :mod:`.extraction` (matches to mentions), :mod:`.dateline`
(the document's date and the per-bead entry points the checks call),
:mod:`.compare` (pairing the two sides' mentions).
"""

from __future__ import annotations

from ruconsist.lang.dates.compare import (
    DatePairing,
    WeekdayPairing,
    bare_years,
    pair_dates,
    pair_weekdays,
    plausible_years,
    same_reading,
    weekday_conflict,
)
from ruconsist.lang.dates.dateline import (
    DATELINE_BEADS,
    DATELINE_LINES,
    Dateline,
    apply_dateline,
    bead_date_spans,
    bead_dates,
    bead_pairing,
    combine_datelines,
    find_dateline,
    header_dateline,
    pair_dateline,
)
from ruconsist.lang.dates.extraction import (
    extract,
)
from ruconsist.lang.dates.forms import (
    roman,
    ru_case_forms,
    ru_forms,
    ru_phrase,
)
from ruconsist.lang.dates.mention import (
    STATE_KEY,
    WEEKDAY_NAMES,
    DateMention,
    actual_weekday,
    describe,
    normalize,
    valid_date,
)
from ruconsist.lang.dates.ru_grammar import (
    DASH,
    RU_DAY,
    RU_YEAR,
    RU_YEAR_WORD,
)
from ruconsist.lang.dates.vocab import (
    DateVocab,
    add_pack_vocab,
    build_vocab,
    default_vocab,
    vocab_for,
)
from ruconsist.lang.dates.zh_grammar import (
    MINGUO_EPOCH,
    ZH_CONN,
    ZH_D,
    ZH_M,
    ZH_NUM_BEFORE,
    ZH_Y,
    cn_number,
)

__all__ = [
    "DASH",
    "DATELINE_BEADS",
    "DATELINE_LINES",
    "DateMention",
    "DatePairing",
    "DateVocab",
    "Dateline",
    "MINGUO_EPOCH",
    "RU_DAY",
    "RU_YEAR",
    "RU_YEAR_WORD",
    "STATE_KEY",
    "WEEKDAY_NAMES",
    "WeekdayPairing",
    "ZH_CONN",
    "ZH_D",
    "ZH_M",
    "ZH_NUM_BEFORE",
    "ZH_Y",
    "actual_weekday",
    "add_pack_vocab",
    "apply_dateline",
    "bare_years",
    "bead_date_spans",
    "bead_dates",
    "bead_pairing",
    "build_vocab",
    "cn_number",
    "combine_datelines",
    "default_vocab",
    "describe",
    "extract",
    "find_dateline",
    "header_dateline",
    "normalize",
    "pair_dateline",
    "pair_dates",
    "pair_weekdays",
    "plausible_years",
    "roman",
    "ru_case_forms",
    "ru_forms",
    "ru_phrase",
    "same_reading",
    "valid_date",
    "vocab_for",
    "weekday_conflict",
]
