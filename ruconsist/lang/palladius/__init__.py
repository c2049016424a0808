"""Palladius: Chinese names in Russian, syllable by syllable.

Russian writes Chinese personal and place names in the Palladius system:
each pinyin syllable has one Cyrillic spelling (习近平 xi jin ping ->
``Си Цзиньпин``, 深圳 shen zhen -> ``Шэньчжэнь``).  This module holds the
algorithms; the syllable table, surname readings and traditional names
(``Пекин`` for 北京) are data in the ``palladius`` vocabulary of the rule
packs (``rules/palladius.yaml``), so users can extend them.

The main entry points:

* :func:`to_palladius` / :func:`hanzi_to_palladius`: pinyin or characters
  to Cyrillic.
* :func:`parse_word`: a Russian word (possibly inflected) to the syllable
  sequences it can spell.
* :func:`compare`: find the Palladius names of a Russian text and say, for
  each, whether the Chinese text has the characters it transcribes, a near
  miss (one syllable off), or nothing to compare with.

The package, in reading order: :mod:`.table` (syllables and the table
built from the packs), :mod:`.spelling` (pinyin and characters to
Cyrillic and back), :mod:`.matching` (Russian names against Chinese
text).
"""

from __future__ import annotations

from ruconsist.lang.han import HAN_RUN
from ruconsist.lang.palladius.matching import (
    MATCH_BUDGET,
    MAX_NAME_WORDS,
    Finding,
    Match,
    Word,
    compare,
    display_pinyin,
    exception_spans,
    ru_words,
    russian_word_kind,
)
from ruconsist.lang.palladius.spelling import (
    WordParse,
    allowed_readings,
    char_readings,
    hanzi_to_palladius,
    parse_word,
    run_readings,
    to_palladius,
)
from ruconsist.lang.palladius.table import (
    INITIALS,
    TRANSLIT_VOCAB,
    VOCAB,
    Table,
    build_table,
    default_table,
    inflected_pattern,
    near_syllables,
    split_syllable,
    table_from_rules,
)
from ruconsist.lang.pinyin import normalize_pinyin

__all__ = [
    "Finding",
    "HAN_RUN",
    "INITIALS",
    "MATCH_BUDGET",
    "MAX_NAME_WORDS",
    "Match",
    "TRANSLIT_VOCAB",
    "Table",
    "VOCAB",
    "Word",
    "WordParse",
    "allowed_readings",
    "build_table",
    "char_readings",
    "compare",
    "default_table",
    "display_pinyin",
    "exception_spans",
    "hanzi_to_palladius",
    "inflected_pattern",
    "near_syllables",
    "normalize_pinyin",
    "parse_word",
    "ru_words",
    "run_readings",
    "russian_word_kind",
    "split_syllable",
    "table_from_rules",
    "to_palladius",
]
