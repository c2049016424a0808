"""What each side of a bead names from the rule packs, and which of those
mentions need a counterpart on the other side: not one inside a short
quoted name or another person's name, nor the country of a title both
sides have, nor a name the other side gives in any accepted form.  Shared
by the term checks (TRM, TTL) and the version check (ZHV)."""

from __future__ import annotations

from collections.abc import Callable

import regex

from ruconsist.checks.base import PairContext
from ruconsist.checks.offices import title_qualifiers
from ruconsist.document import SegmentPair, other
from ruconsist.entities import inside_other_name, latin_counterpart
from ruconsist.lang.han import HAN_CHAR
from ruconsist.rules import RuleSet, Term
from ruconsist.terms import ACCEPT, FORBIDDEN, Mention, TermMatcher, matcher_for


#: A short quoted name: «Вашингтон Нэшионалс», “国民队”, 《中华人民共和国
#:宪法》.  A term strictly inside one is part of another name and needs
#: no counterpart of its own (long quotes are reported speech and are
#: checked as usual).
QUOTED_NAME = regex.compile(
    r"«([^«»\n.!?。！？]{1,60})»|“([^“”\n.!?。！？]{1,30})”|《([^《》\n]{1,60})》|„([^„“\n.!?]{1,60})“"
)


#: Chinese writes no spaces: a quotation of more characters than this,
#: or with a comma, is speech (“世界贸易组织不建议限制贸易与流动”), not a name.
ZH_NAME_CHARS = 12
_ZH_CLAUSE = regex.compile(r"[，、；：,]")


def inside_quoted_names(text: str) -> list[tuple[int, int]]:
    out = []
    for m in QUOTED_NAME.finditer(text):
        inner = next(g for g in m.groups() if g is not None)
        if len(inner.split()) > 6:
            continue
        if HAN_CHAR.search(inner) and m.group()[0] != "《" and (
            len(inner) > ZH_NAME_CHARS or _ZH_CLAUSE.search(inner)
        ):
            continue
        out.append((m.start() + 1, m.end() - 1))
    return out


def expected_forms(forms: tuple[str, ...]) -> str:
    return " or ".join(forms[:3]) if forms else "(none)"


def bead_terms(bead: SegmentPair, lang: str, ctx: PairContext) -> list[Mention]:
    """Term mentions on one side of a bead, shared by every check."""
    matcher = matcher_for(ctx.rules)
    return bead.cached(("terms", lang), lambda: matcher.find(bead.side(lang).text, lang))  # type: ignore[no-any-return]


def bead_stand_ins(bead: SegmentPair, lang: str, ctx: PairContext) -> list[Mention]:
    """Mentions by forms a term is only accepted by (中俄, РФ), once per bead."""
    matcher = matcher_for(ctx.rules)
    return bead.cached(("stand-ins", lang), lambda: matcher.stand_ins(bead.side(lang).text, lang))  # type: ignore[no-any-return]


def term_kind(term: Term) -> str:
    """What a term must share with another to be its substitute: the
    category, with countries and currencies apart (Iceland for Ireland,
    the real for the lira); capitals are places like other cities
    (Улан-Батор for 乌兰乌德)."""
    if term.category in ("place", "term"):
        head = term.id.split("-", 1)[0]
        if head in ("country", "currency"):
            return head
    return term.category


def lacking_counterparts(
    bead: SegmentPair,
    lang: str,
    rules: RuleSet,
    matcher: TermMatcher,
    mentions: dict[str, list[Mention]],
    stand_ins: dict[str, list[Mention]],
) -> tuple[list[tuple[str, Mention]], list[tuple[str, Mention]]]:
    """Terms named on ``lang``'s side whose counterpart the other side
    lacks, each once, at its first mention; and apart, those named only
    inside a short quoted name (“利伯维尔时装周”, «Республика Северная
    Македония»), which need no counterpart of their own but stand where
    another entity of their kind may stand on the other side."""
    dst = other(lang)
    # A variant of the right name (李英浩 for 李勇浩) on the other side is
    # TRM002's finding, not a missing counterpart.
    present = {t for m in mentions[dst] for t in m.terms}
    if all(m.role == FORBIDDEN or all(t in present for t in m.terms) for m in mentions[lang]):
        # Every term has its counterpart (most beads): nothing below is
        # worked out for them.
        return [], []
    out: list[tuple[str, Mention]] = []
    quoted: list[tuple[str, Mention]] = []
    seen: set[str] = set()
    text = bead.side(lang).text
    names = inside_quoted_names(text)
    skipped = needs_no_counterpart(bead, lang, rules, matcher, mentions, stand_ins)
    lacks = lacks_every_form(bead, dst, rules, matcher, mentions[dst], stand_ins[dst])
    for m in mentions[lang]:
        if m.role == FORBIDDEN or all(t in seen or t in present for t in m.terms):
            continue
        in_quote = any(a <= m.start and m.end <= b and (m.start, m.end) != (a, b) for a, b in names)
        if not in_quote and skipped(m):
            continue
        for tid in m.terms:
            if tid in seen or tid in present:
                continue
            seen.add(tid)
            if lacks(tid):
                (quoted if in_quote else out).append((tid, m))
    return out, quoted


def needs_no_counterpart(
    bead: SegmentPair,
    lang: str,
    rules: RuleSet,
    matcher: TermMatcher,
    mentions: dict[str, list[Mention]],
    stand_ins: dict[str, list[Mention]],
) -> Callable[[Mention], bool]:
    """Whether a mention needs no counterpart: the country and body of a
    title both sides have, a part of another person's name, a name inside
    a longer form that stands for its term."""
    dst = other(lang)
    text = bead.side(lang).text
    # The country and body of a title both sides have, or of a city
    # (Посол КНР в РФ ↔ 张汉晖大使): explicitation, not omission.
    # A country the other side gives by its abbreviation (总理访韩, 中国驻日
    # 大使) is a rival like a country it names.
    theirs = [*mentions[dst], *abbreviated_countries(stand_ins[dst])]
    qualifiers = set(bead.cached(
        ("title-qualifiers", lang), lambda: title_qualifiers(bead, lang, mentions[lang], theirs, rules)
    ))
    edges = {m.start for m in mentions[lang]} | {m.end for m in mentions[lang]}

    def skipped(m: Mention) -> bool:
        if (m.start, m.end) in qualifiers:
            return True
        if all(
            inside_other_name(text, m.start, m.end, lang, rules.term(t).category, edges, matcher.title_words)
            for t in m.terms
        ):
            return True
        return any(
            s.role == ACCEPT and s.start <= m.start and m.end <= s.end and s.end - s.start > m.end - m.start
            for s in stand_ins[lang]
        )

    return skipped


def lacks_every_form(
    bead: SegmentPair,
    dst: str,
    rules: RuleSet,
    matcher: TermMatcher,
    mentions: list[Mention],
    stand_ins: list[Mention],
) -> Callable[[str], bool]:
    """Whether ``dst``'s side lacks every form of a term: its names, the
    forms that stand for it, its Latin names (but not a Latin gloss of
    another name: 联邦会议 (FBI))."""
    text = bead.side(dst).text
    glosses = _glosses(text, mentions)
    latin_text, forms = text, stand_ins
    if glosses:
        for a, b in glosses:
            latin_text = latin_text[:a] + " " * (b - a) + latin_text[b:]
        forms = [s for s in forms if not any(a <= s.start and s.end <= b for a, b in glosses)]

    def lacks(tid: str) -> bool:
        if matcher.accepted(tid, dst, text, mentions, forms) is not None:
            return False
        return not latin_counterpart(rules, rules.term(tid), latin_text)

    return lacks


#: A Latin gloss in brackets right after a name: 联邦调查局 (FBI).
_GLOSS = regex.compile(r"[ \u00a0]*[(（][ \u00a0]*[A-Za-z][^()（）\n]{0,60}[)）]")


def _glosses(text: str, mentions: list[Mention]) -> list[tuple[int, int]]:
    """Where ``text`` glosses a pack name in Latin right after it: the
    gloss is that name's (联邦会议 (FBI) names the Federal Assembly, glossed
    wrongly), and counts for no other entity."""
    out = []
    for m in mentions:
        g = _GLOSS.match(text, m.end) if m.role != FORBIDDEN else None
        if g is not None:
            out.append((g.start(), g.end()))
    return out


def abbreviated_countries(stand_ins: list[Mention]) -> list[Mention]:
    """Stand-ins of a country of more than one character (访韩, 驻日, 俄方)."""
    return [s for s in stand_ins if s.role == ACCEPT and len(s.text) > 1 and all(t.startswith("country-") for t in s.terms)]


def own_names(text: str, lang: str, rules: RuleSet, mentions: list[Mention]) -> list[Mention]:
    """The mentions that name their entity: not a part of a short quoted
    name (a title, a team) nor of another person's name (Помпео Батони)."""
    names = inside_quoted_names(text)
    edges = {m.start for m in mentions} | {m.end for m in mentions}
    titles = matcher_for(rules).title_words
    return [
        m
        for m in mentions
        if not any(a <= m.start and m.end <= b and (m.start, m.end) != (a, b) for a, b in names)
        and not all(inside_other_name(text, m.start, m.end, lang, rules.term(t).category, edges, titles) for t in m.terms)
    ]
