"""Numbers in Russian and Chinese text: find them, read their values,
decide whether two of them say the same.

Everything here is a pure function of the text and a compiled
:class:`NumberVocab`; the words themselves (magnitudes, number words,
classifiers, approximation words) come from the ``vocab: numbers:``
section of the rule packs (``rules/numbers.yaml``), so a user can add a
missing word without touching code.

Reading rules, in short:

* Digits in any script (full-width too); Russian decimal comma and
  Chinese decimal point; thousands grouped by space, NBSP, narrow NBSP
  (Russian) or comma (Chinese).
* A magnitude word after a number multiplies it (``1,5 млн``,
  ``1.085亿``, ``1.2万亿``); in a range the magnitude of the second end
  applies to the first (``5–7 млн`` is 5 000 000 to 7 000 000).
* Russian number words in every case and gender combine (``двадцать
  пять тысяч``); Chinese numerals (``十五万``, ``二〇二六``, ``百分之二十五``,
  ``一个半``) count only before a classifier or after 第/百分之, so that
  ``一些`` or ``统一`` are not numbers.
* Some mentions are *quiet*: they count as the counterpart of a value on
  the other side but are never reported themselves.  These are numbers
  in dates, years, decades and centuries (the date check owns them),
  clock times, codes and names (``G20``, ``COVID-19``, ``СНВ-3``,
  ``«Сила Сибири — 2»``), references (``ст. 5``, ``№ 12``, ``第5条``),
  phone numbers, and number *words* whose value is 0, 1/2, 1 or 2
  (``один`` and ``两`` stand for articles and "both" as often as for
  counts).

Equality (:func:`values_equal`): two values are equal when they differ
by at most half the last written digit of the less precise one, so the
more precise one rounds to it (``1,51 млн`` = ``151万``; ``1,5 млн`` =
``151万``; ``3 тыс.`` = ``3200``; but ``1500`` ≠ ``2000``: plain integers
and written-out Chinese numerals are exact).  An approximation word
(``около``, ``более``, ``约``, ``超过``, ``多`` ...) makes a value
approximate, not equal to a neighbouring one: ``около 80`` and ``近82``
differ.  Only a plausible rounding (:func:`rounding_of`: ``около 2000``
and ``约1950``) is told apart, as a milder finding.  Words that state a
figure exactly (``达``, ``共``, ``累计``) are not approximation words.  Values in different units of one
dimension (metres and yards, °C and °F, km/h and mph, days and months)
are converted and may differ by 12 %, since translators round
conversions.  Signs are ignored.  ``两倍`` reads as 2× or 3× and ``五分之一``
as 1/5, 20 % or "every fifth".

The package, in reading order: :mod:`.vocab` (mentions, the pack
vocabulary, normalisation), :mod:`.scan` (helpers both readers share),
:mod:`.ru` and :mod:`.zh` (the readers of each language),
:mod:`.extract` (both readers, overlaps resolved, ranges joined),
:mod:`.compare` (equality, rounding, conversion, rendering),
:mod:`.fallback` (a minimal date reading for the number check).
"""

from __future__ import annotations

from ruconsist.lang.numbers.compare import (
    CONVERSION_TOLERANCE,
    ROUNDING_SHARE,
    ZH_SCALES,
    Mismatch,
    StandingAgainst,
    VagueMagnitude,
    compare_mentions,
    convert,
    converted_equal,
    has_equal,
    order_name,
    order_of,
    render_like,
    render_zh,
    rounding_of,
    standing_against,
    unit_written,
    unmatched_mentions,
    vague_magnitudes,
    values_equal,
)
from ruconsist.lang.numbers.extract import (
    extract_numbers,
)
from ruconsist.lang.numbers.fallback import (
    fallback_date_spans,
)
from ruconsist.lang.numbers.scan import (
    fraction_alts,
    ru_month_names,
)
from ruconsist.lang.numbers.vocab import (
    DASHES,
    DMY,
    MAPPINGS,
    ONE,
    PHONE,
    RU_DIGITS,
    SPACES,
    TIME,
    URL,
    VALUED,
    VERSION,
    ZERO,
    ZH_DIGITS,
    NumberMention,
    NumberVocab,
    SideVocab,
    compile_vocab,
    format_value,
    normalise,
    number_vocab,
    parse_value,
)
from ruconsist.lang.numbers.zh import (
    parse_zh_numeral,
)

__all__ = [
    "CONVERSION_TOLERANCE",
    "DASHES",
    "DMY",
    "MAPPINGS",
    "Mismatch",
    "NumberMention",
    "NumberVocab",
    "ONE",
    "PHONE",
    "ROUNDING_SHARE",
    "RU_DIGITS",
    "SPACES",
    "SideVocab",
    "StandingAgainst",
    "TIME",
    "URL",
    "VALUED",
    "VERSION",
    "VagueMagnitude",
    "ZERO",
    "ZH_DIGITS",
    "ZH_SCALES",
    "compare_mentions",
    "compile_vocab",
    "convert",
    "converted_equal",
    "extract_numbers",
    "fallback_date_spans",
    "format_value",
    "fraction_alts",
    "has_equal",
    "normalise",
    "number_vocab",
    "order_name",
    "order_of",
    "parse_value",
    "parse_zh_numeral",
    "render_like",
    "render_zh",
    "rounding_of",
    "ru_month_names",
    "standing_against",
    "unit_written",
    "unmatched_mentions",
    "vague_magnitudes",
    "values_equal",
]
