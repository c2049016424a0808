"""Mentions counted per side, for substitutions that keep one mention.

A segment that names Putin twice in Russian and, in Chinese, 普京 once and
梅德韦杰夫 once has had one of its mentions replaced by another person:
Putin is still "there" on both sides, so the presence of each name alone
sees only an extra name in Chinese (an omission, a warning).  Counting the
mentions sees the substitution: the side that names an entity the other
side lacks names another entity of the same kind fewer times than the
other side does.

A side's mentions of an entity are its pack names and every form that
stands for it: short and descriptive forms (``Си``, ``президент США``,
``俄方``) and derived forms (``российский``), overlapping forms of one
entity counted once.  The side that lacks the extra entity is counted
strictly (its names as the term matcher reads them, and the forms that
stand for an entity); the side that names the extra entity is counted
leniently (every stand-in too), so that a count that differs only in how
the two sides were read does not make a substitution.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ruconsist.rules import RuleSet, Term
from ruconsist.terms import ACCEPT, EXCEPT, PRIMARY, Mention

#: Kinds (see ``terms._kind``) whose substitutions are sought by counting:
#: persons, countries, other places and organizations.  Generic terms and
#: titles are named too loosely for a count to mean a replacement.
COUNTED_KINDS = frozenset({"name", "country", "place", "organization"})


def tally(found: Iterable[Mention]) -> dict[str, list[Mention]]:
    """Per term: its mentions, overlapping ones merged (the longest kept)."""
    spans: dict[str, list[Mention]] = {}
    for m in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        if m.role == EXCEPT:
            continue
        for tid in m.terms:
            own = spans.setdefault(tid, [])
            if own and m.start < own[-1].end:
                continue
            own.append(m)
    return spans


def _own_forms(stand_ins: list[Mention], names: list[Mention]) -> list[Mention]:
    """The stand-ins (``accept``) that are not another term's name nor
    inside one: Россия stands for Moscow (the government) where the
    packs say so, but it names the country."""
    return [
        s
        for s in stand_ins
        if s.role == ACCEPT
        and not any(o.start <= s.start and s.end <= o.end and not set(o.terms) & set(s.terms) for o in names)
    ]


def strict_tally(
    mentions: list[Mention],
    stand_ins: list[Mention],
    category_of: Callable[[str], str],
    inside: Callable[[str, str], bool] = lambda outer, inner: False,
) -> dict[str, list[Mention]]:
    """The names the matcher found, and the forms that stand for a term.
    One Chinese character (俄, 美) names a country only inside a compound
    (访俄, 中美), and is as often part of a word (俄勒冈): not counted.
    ``inside(outer, inner)``: whether ``outer``'s name holds ``inner``'s
    in both languages (the UN General Assembly holds the UN)."""
    names = [m for m in mentions if m.role == PRIMARY]
    owners: dict[tuple[int, int], set[str]] = {}
    for s in stand_ins:
        owners.setdefault((s.start, s.end), set()).update(s.terms)
    own = [s for s in _own_forms(stand_ins, names) if len(s.text) > 1 and _meant(s, owners, category_of, inside)]
    return tally([*names, *own])


def _meant(
    s: Mention,
    owners: dict[tuple[int, int], set[str]],
    category_of: Callable[[str], str],
    inside: Callable[[str, str], bool],
) -> bool:
    """Whether a form counts for its term: a form that stands for terms
    of other categories too (Си: Xi Jinping, the Xia dynasty) counts for
    the one of its own; one that stands for a country and its capital
    (китайский: China, Beijing) counts for the country; one that stands
    for a body and the organization whose name is inside the body's
    (Генеральная Ассамблея: the UN General Assembly, the UN) counts for
    the body, the one it shortens; one that stands for two terms of a
    category otherwise says which only to a reader, and counts for each
    (国务院: China's State Council, or the US State Department as Taiwan
    writes it): against a third entity of that category it stands in
    the other's place whichever it names."""
    mine = {category_of(t) for t in s.terms}
    both = {t for t in owners[s.start, s.end] if category_of(t) in mine}
    if len(both) <= 1:
        return True
    countries = {t for t in both if t.startswith("country-")}
    if countries:
        return set(s.terms) <= countries
    widest = [t for t in both if all(o == t or inside(t, o) for o in both)]
    if widest:
        return len(widest) == 1 and widest[0] in s.terms
    return True


def lenient_tally(mentions: list[Mention], stand_ins: list[Mention]) -> dict[str, list[Mention]]:
    """Every mention and stand-in of a term, the wrong variants too."""
    names = [m for m in mentions if m.role != EXCEPT]
    primary = [s for s in stand_ins if s.role != ACCEPT]
    return tally([*names, *primary, *_own_forms(stand_ins, [m for m in names if m.role == PRIMARY])])


def personal(term: Term, m: Mention, lang: str) -> bool:
    """Whether a person's mention names them (Путин, Си, Кима, 习主席)
    rather than describes their office (президент США, 俄罗斯总统), which
    another person may hold: the packs' names, and the forms that hold a
    word of them (Си, председатель Си)."""
    if m.role != ACCEPT:
        return True
    if lang == "zh":
        return any(m.text[:1] == f[:1] for f in term.zh)
    words = {w.lower() for f in term.ru for w in f.split() if len(w) >= 2}
    return any(
        any(x.lower().startswith(w) and len(x) - len(w) <= _ENDING for w in words) for x in m.text.split()
    )


#: The longest case ending after a short form's word (Кима, Мэй, Ким-ом).
_ENDING = 3


@dataclass(frozen=True)
class Rival:
    """An entity the other side names more often than the extra one's
    side does: the one the extra entity replaced."""

    term: str
    mention: Mention  # its mention closest to where the extra entity stands
    theirs: int  # mentions on the side that lacks the extra entity
    ours: int  # mentions on the extra entity's side


@dataclass(frozen=True)
class Side:
    """One side's mentions per term, and how long its text is."""

    mentions: dict[str, list[Mention]]
    length: int
    #: For persons: the mentions that name them (not their office).
    names: dict[str, list[Mention]]

    def where(self, m: Mention) -> float:
        return m.start / max(self.length, 1)


def side(found: dict[str, list[Mention]], length: int, rules: RuleSet, lang: str) -> Side:
    names = {
        tid: [m for m in ms if personal(rules.term(tid), m, lang)]
        for tid, ms in found.items()
        if rules.term(tid).category == "name"
    }
    return Side(found, length, names)


def _shortfall(tid: str, person: bool, ours: Side, theirs: Side) -> tuple[int, int]:
    """(their count, our count) where they name ``tid`` more often: every
    mention, or for a person, the mentions that name them; (0, 0) if not."""
    counts = [(len(theirs.mentions.get(tid, ())), len(ours.mentions.get(tid, ())))]
    if person:
        # An office alone (外长, президент США) may be another person's:
        # only a side that names the person has them to replace.
        if not theirs.names.get(tid):
            return 0, 0
        counts.append((len(theirs.names.get(tid, ())), len(ours.names.get(tid, ()))))
    return next(((a, b) for a, b in counts if a > b), (0, 0))


def rival(
    extra: Mention,
    kind: str,
    kind_of: Callable[[str], str],
    ours: Side,
    theirs: Side,
    skip: Callable[[str], bool],
) -> Rival | None:
    """The term of ``kind`` that the other side names more often than
    this one (``theirs`` against ``ours``), unless ``skip`` (paired
    already, or one name inside the other); one this side does not name
    at all first, then the largest difference, then the mention nearest
    to the extra one's place."""
    where = ours.where(extra)
    best: tuple[tuple[bool, int, float], Rival] | None = None
    for tid, found in theirs.mentions.items():
        if kind_of(tid) != kind or skip(tid):
            continue
        n_theirs, n_ours = _shortfall(tid, kind == "name", ours, theirs)
        if not n_theirs:
            continue
        near = min(found, key=lambda m: abs(theirs.where(m) - where))
        key = (n_ours > 0, n_ours - n_theirs, abs(theirs.where(near) - where))
        if best is None or key < best[0]:
            best = (key, Rival(tid, near, n_theirs, n_ours))
    return best[1] if best else None
