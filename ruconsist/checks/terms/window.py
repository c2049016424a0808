"""Findings of the term check held until the segments around them are
seen: news translation moves a name to the next sentence, so whether a
one-sided name is an omission, or a substitution, is decided on what
each side names within a window of segments."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import regex

from ruconsist.checks.base import PairContext
from ruconsist.checks.nearby import HeldFindings
from ruconsist.checks.terms.mentions import term_kind
from ruconsist.diagnostic import Diagnostic
from ruconsist.document import other
from ruconsist.rules import RuleSet


#: How many aligned segments before and after a one-sided mention are
#: searched for the entity under another form: news translation moves a
#: name to the next sentence and refers back to it with a pronoun
#: (он ↔ 特朗普, в стране ↔ 叙利亚), so a name that the other side gives
#: within this window is not an omission.
WINDOW = 3


#: A finding waiting for the segments around it: given what each side
#: names there (and in its own segment), what to report.
Named = dict[str, frozenset[str]]
Decision = Callable[[list[Named], Named], Iterable[Diagnostic]]


def omission_decision(
    rules: RuleSet,
    lang: str,
    tid: str,
    diag: Diagnostic,
    instead: Callable[[str], Diagnostic] | None,
    nearby: bool = True,
) -> Decision:
    """Nothing if the other side names the entity nearby (``nearby``: in
    the window, else in the segment itself); TRM003 if it says "the
    country" where the passage names another one on both sides
    (``instead``); else the TRM001 finding."""
    dst = other(lang)

    def decide(around: list[Named], here: Named) -> Iterable[Diagnostic]:
        if any(tid in n[dst] for n in (around if nearby else (here,))):
            return ()
        passage = _passage_country(rules, around, here, lang, tid) if instead is not None else None
        return (diag if passage is None else instead(passage),)  # type: ignore[misc]

    return decide


def substitution_decision(
    rules: RuleSet, rt: str, zt: str, substitution: Diagnostic, omission: Diagnostic
) -> Decision:
    def decide(around: list[Named], here: Named) -> Iterable[Diagnostic]:
        # In its own segment RU may hold the ZH entity's stand-in inside
        # its own name (МИД России holds МИД): only the others count.
        if not any(zt in n["ru"] for n in around if n is not here):
            return (substitution,)
        return omission_decision(rules, "ru", rt, omission, None)(around, here)

    return decide


def extra_decision(
    rules: RuleSet, lang: str, tid: str, substitution: Diagnostic, omission: Diagnostic, nearby: bool
) -> Decision:
    """A substitution found by counting, unless the other side names the
    extra entity in a segment around (the text was restructured): then
    the extra entity is only a possible omission."""
    dst = other(lang)

    def decide(around: list[Named], here: Named) -> Iterable[Diagnostic]:
        if not any(tid in n[dst] for n in around if n is not here):
            return (substitution,)
        return omission_decision(rules, lang, tid, omission, None, nearby)(around, here)

    return decide


def _passage_country(rules: RuleSet, around: list[Named], here: Named, lang: str, tid: str) -> str | None:
    """The country both sides name around a segment, that ``lang``'s side
    does not name in it: the one the other side's "the country" stands
    for."""
    counts: dict[str, int] = {}
    for n in around:
        for t in n[other(lang)]:
            if t != tid and t not in here[lang] and any(t in o[lang] for o in around):
                counts[t] = counts.get(t, 0) + 1
    countries = [t for t in counts if term_kind(rules.term(t)) == "country"]
    return max(countries, key=lambda t: (counts[t], t)) if countries else None


#: "The country" without a name.
GENERIC_COUNTRY = {
    "ru": regex.compile(r"\b(?:[Сс]тран[аыеуо]й?)\b"),
    "zh": regex.compile(r"该国|这个国家|此国|这一国家|该国家"),
}


def held_window(ctx: PairContext) -> HeldFindings[Named]:
    """Findings held until the segments after them are seen, then decided
    on what each side names within ``WINDOW`` segments either way."""
    return HeldFindings(WINDOW)


def decide_all(decisions: list[Decision]) -> Callable[[list[Named], Named], Iterator[Diagnostic]]:
    def decide(around: list[Named], here: Named) -> Iterator[Diagnostic]:
        for one in decisions:
            yield from one(around, here)

    return decide
