"""Translation profiles: how much a finding weighs depends on who
translated.

``human`` (the default) keeps every check's own severity: a person
often makes explicit what the source implies, so a name or figure on one
side only may be legitimate.

``mt`` (machine translation) is a policy laid over the findings of a
pair, using which side is the source (``source``, ``zh`` by default):

- an entity, title, figure or date of the **source** with no counterpart
  in the target is an **error**: a machine does not explicitate, it
  drops;
- one that only the **target** has is a **warning** (often a
  hallucination, sometimes a harmless addition), unless the source has an
  unmatched item of the same kind in the same segment: then the two are
  a substitution and stay errors;
- a finding about how the **source** itself is written (a title without
  book-title marks, a name separator, a misspelt variant, typography) is
  a **warning**: the source is not what is under review;
- the MT checks (:mod:`ruconsist.checks.mt`) run.

The checks themselves are not changed: the policy reads the side of the
finding (its primary location) and its code.  Findings of ``info``
severity (a pack term marked informational) are left as they are, and
``severity:`` in the configuration still has the last word.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from ruconsist.diagnostic import Diagnostic, Severity

if TYPE_CHECKING:
    from ruconsist.config import Config

PROFILES = ("human", "mt")

#: Codes whose finding means "this item, on the flagged side, has no
#: counterpart on the other side", by kind of item: the family decides
#: which findings on the two sides of a segment form a substitution.
#: (TTL001, two different titles, is a substitution by itself and keeps
#: its severity.)
PRESENCE_FAMILY: dict[str, str] = {
    "TRM001": "entity",
    "MT005": "entity",
    "NUM001": "figure",
    "NUM005": "figure",
    "DAT001": "date",
    "DAT007": "date",
    "DAT004": "date",
    "LST002": "label",
}


#: Code prefixes of findings about the form of one text, not about what
#: the two texts say: on the source side of a machine translation they
#: are warnings.
SOURCE_FORM = ("TTL002", "NAM001", "TRM002", "TYP")

#: Codes whose finding, when this field is set, pairs the item with a
#: different one of the other side (``2023 году`` against ``2024年``):
#: a substitution, reported on one side only.
PAIRED_FIELD = {"DAT001": "found", "NUM001": "expected"}


#: Pattern rules of the house pack that say "this currency has no
#: counterpart": dollars only the target has where the source has yuan
#: only (26675元 as «26 675 долларов») are a substitution.
CURRENCY_RULES = frozenset({"usd", "rub", "cny-code", "cny-amount", "eur-symbol", "jpy-code"})


def presence_family(d: Diagnostic) -> str | None:
    if d.code == "PAT001" and d.rule in CURRENCY_RULES:
        return "currency"
    return PRESENCE_FAMILY.get(d.code)


#: A target-side number finding is an addition only when the source has
#: no figure there at all; a figure with no equal where the source has
#: figures of its own is most often a figure mistranslated (2.11倍, an
#: increase by 211 %, as "в 2,11 раза").
NO_FIGURE_THERE = "(found no number)"


def is_substitution(d: Diagnostic) -> bool:
    name = PAIRED_FIELD.get(d.code)
    if name is not None and getattr(d, name) is not None:
        return True
    return d.code == "NUM001" and NO_FIGURE_THERE not in d.message


def apply_profile(diags: Iterable[Diagnostic], config: Config) -> list[Diagnostic]:
    """The findings of one pair with the profile's severities (see the
    module docstring); unchanged for the human profile."""
    out = list(diags)
    if config.profile != "mt":
        return out
    source = config.source or "zh"
    # Families with an unmatched source item, per segment: a target
    # item of the same family there is a substitution, not an addition.
    source_sides = {
        (d.segment, fam)
        for d in out
        if (fam := presence_family(d)) is not None and d.location.lang == source
    }
    result = []
    for d in out:
        fam = presence_family(d)
        if fam is None or d.severity == Severity.INFO:
            if d.severity == Severity.ERROR and d.location.lang == source and d.code.startswith(SOURCE_FORM):
                d = replace(d, severity=Severity.WARNING)
            result.append(d)
            continue
        if d.location.lang == source or (d.segment, fam) in source_sides or is_substitution(d):
            level = Severity.ERROR
        else:
            level = Severity.WARNING
        result.append(d if d.severity == level else replace(d, severity=level))
    return result


def mt_sides(config: Config) -> tuple[str, str] | None:
    """(source, target) languages when the MT checks are on (the mt
    profile), else ``None``."""
    if config.profile != "mt":
        return None
    source = config.source or "zh"
    return source, ("ru" if source == "zh" else "zh")
