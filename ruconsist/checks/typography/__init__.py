"""Typography of each side: punctuation width, quotes, brackets, doubled
words, mixed-script words, and (as a house-style option) spacing between
Chinese and Latin or digits.

All findings here are warnings of category ``style``, one per occurrence.
Code, URLs, e-mail addresses, markup and placeholders are never touched
(:mod:`.common`).  One module per rule:

========  ==========================  =====================
TYP001    halfwidth-punctuation        :mod:`.halfwidth`
TYP002    wrong-quotes                 :mod:`.quotes`
TYP003    unbalanced-brackets          :mod:`.brackets`
TYP004    doubled-word                 :mod:`.doubled`
TYP005    mixed-script                 :mod:`.mixed_script`
TYP006    zh-spacing (house option)    :mod:`.spacing`
========  ==========================  =====================
"""

from __future__ import annotations

from ruconsist.checks.typography.brackets import UnbalancedBrackets, resolve_across, unbalanced
from ruconsist.checks.typography.doubled import DoubledWord, doubled_words
from ruconsist.checks.typography.halfwidth import HalfWidthPunctuation, halfwidth_marks
from ruconsist.checks.typography.mixed_script import MixedScript, mixed_script_words
from ruconsist.checks.typography.quotes import WrongQuotes
from ruconsist.checks.typography.spacing import ZhSpacing, spacing_issues

CHECKS = [
    HalfWidthPunctuation,
    WrongQuotes,
    UnbalancedBrackets,
    DoubledWord,
    MixedScript,
    ZhSpacing,
]

__all__ = [
    "CHECKS",
    "DoubledWord",
    "HalfWidthPunctuation",
    "MixedScript",
    "UnbalancedBrackets",
    "WrongQuotes",
    "ZhSpacing",
    "doubled_words",
    "halfwidth_marks",
    "mixed_script_words",
    "resolve_across",
    "spacing_issues",
    "unbalanced",
]
