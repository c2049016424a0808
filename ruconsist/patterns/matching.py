"""Finding a rule's matches in a segment and pairing the matches of the
two sides.
"""

from __future__ import annotations

import fnmatch
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

import regex

from ruconsist.speed import regexgate
from ruconsist.patterns.captures import capture_key, keys_equal
from ruconsist.patterns.rule import TITLE_KINDS, PatternRule

if TYPE_CHECKING:
    from ruconsist.rules import RuleSet


# Matching ----------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    lang: str
    start: int
    end: int
    text: str
    groups: tuple[tuple[str, str], ...]
    keys: tuple[tuple[str, Any], ...] = ()

    def group(self, name: str) -> str | None:
        return dict(self.groups).get(name)


class PatternTimeout(Exception):
    def __init__(self, rule: PatternRule, lang: str) -> None:
        super().__init__(f"{rule.id} {lang}")
        self.rule = rule
        self.lang = lang


def path_allowed(rule: PatternRule, path: str) -> bool:
    if not rule.paths:
        return True
    p = path.replace("\\", "/")
    return any(fnmatch.fnmatch(p, g) or PurePosixPath(p).match(g) for g in rule.paths)


def find_matches(
    rule: PatternRule,
    lang: str,
    text: str,
    rules: RuleSet | None,
    *,
    kind_at: Callable[[int], str] | None = None,
) -> list[Match]:
    """Matches of one side's pattern in ``text``, filtered by scope and by
    the captures' kinds.  Raises :class:`PatternTimeout`."""
    pattern = rule.pattern(lang)
    if pattern is None:
        return []
    if not regexgate.admits(rule.gates[lang], text):
        return []  # the text lacks what every match holds
    # One time budget for all searches in the text: each search gets what
    # is left.  Reading captures (number words, terms) is not counted.
    left = rule.timeout

    def search(pos: int) -> regex.Match[str] | None:
        nonlocal left
        if left <= 0:
            raise PatternTimeout(rule, lang)
        began = time.monotonic()
        try:
            found = pattern.search(text, pos, timeout=left)
        except TimeoutError:
            raise PatternTimeout(rule, lang) from None
        left -= time.monotonic() - began
        return found

    m = search(0)
    if m is None:  # most texts: nothing more to prepare
        return []
    compared = dict.fromkeys(rule.compared())
    out = []
    while m is not None:
        if m.end() <= m.start():
            pos = m.start() + 1
        else:
            accepted = _accept(rule, m, lang, rules, compared, kind_at)
            if isinstance(accepted, int):
                # A match that does not count (a number capture that is
                # no number) must not hide a match that starts inside it:
                # the search resumes after the capture that failed, so
                # that in "в докладе XX съезда" the failed "докладе" gives
                # way to "XX съезда" (and never to a piece of a word).
                pos = max(accepted, m.start() + 1)
            else:
                out.append(accepted)
                pos = m.end()
        if pos > len(text):
            break
        m = search(pos)
    return out


def _accept(
    rule: PatternRule,
    m: regex.Match[str],
    lang: str,
    rules: RuleSet | None,
    compared: dict[str, None],
    kind_at: Callable[[int], str] | None,
) -> Match | int:
    """The match, or where to resume searching when it does not count."""
    if rule.scope != "all" and kind_at is not None:
        is_title = kind_at(m.start()) in TITLE_KINDS
        if is_title != (rule.scope == "titles"):
            return m.end()
    groups = tuple((n, v) for n, v in m.groupdict().items() if v is not None)
    keys = []
    for name, value in groups:
        if name not in compared and rule.kind_of(name) == "text":
            continue
        key = capture_key(rule.kind_of(name), value, lang, rules)
        if key is None:
            return m.end(name)
        keys.append((name, key))
    return Match(lang, m.start(), m.end(), m.group(), groups, tuple(keys))


def counterparts(rule: PatternRule, a: Match, b: Match) -> bool:
    """Do two matches (of different sides) answer each other?"""
    ka, kb = dict(a.keys), dict(b.keys)
    for name in rule.compared():
        if name in ka and name in kb and not keys_equal(rule.kind_of(name), ka[name], kb[name]):
            return False
    return True


def differences(rule: PatternRule, a: Match, b: Match) -> list[str]:
    """Compared captures on which ``a`` and ``b`` disagree, as names."""
    ka, kb = dict(a.keys), dict(b.keys)
    return [
        name
        for name in rule.compared()
        if name in ka and name in kb and not keys_equal(rule.kind_of(name), ka[name], kb[name])
    ]


def pair_matches(rule: PatternRule, src: Sequence[Match], dst: Sequence[Match]) -> tuple[dict[int, int], list[int]]:
    """Give source matches counterparts among ``dst``.

    Returns (source index → counterpart index, source indexes left
    without one).  With ``count: each`` every counterpart serves one
    source match and the pairing is a maximum bipartite matching (so an
    early greedy choice never leaves a later match unpaired needlessly);
    with ``count: any`` a counterpart may serve many."""
    buckets = _buckets(rule, src, dst)
    if buckets is not None:
        return _pair_in_buckets(rule, src, dst, buckets)
    edges = [[j for j, d in enumerate(dst) if counterparts(rule, s, d)] for s in src]
    if rule.count == "any":
        got = {i: e[0] for i, e in enumerate(edges) if e}
        return got, [i for i in range(len(src)) if i not in got]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(src)):
        augment(i, set())
    got = {i: j for j, i in owner.items()}
    return got, [i for i in range(len(src)) if i not in got]


def _buckets(rule: PatternRule, src: Sequence[Match], dst: Sequence[Match]) -> dict[tuple[Any, ...], list[int]] | None:
    """Counterparts grouped by their compared keys, where the relation
    is plain equality of every compared capture (no term keys, none
    missing on either side); None where it is not.  Matches of one key
    then answer each other and no others, so the pairing is found per
    group in linear time instead of comparing every pair of matches (a
    line repeating one structure thousands of times)."""
    names = rule.compared()
    if not names or any(rule.kind_of(n) == "term" for n in names):
        return None
    groups: dict[tuple[Any, ...], list[int]] = {}
    try:
        for m in src:
            if not all(n in dict(m.keys) for n in names):
                return None
            hash(tuple(dict(m.keys)[n] for n in names))
        for j, d in enumerate(dst):
            keys = dict(d.keys)
            if not all(n in keys for n in names):
                return None
            groups.setdefault(tuple(keys[n] for n in names), []).append(j)
    except TypeError:  # a key that cannot be hashed
        return None
    return groups


def _pair_in_buckets(
    rule: PatternRule, src: Sequence[Match], dst: Sequence[Match], groups: dict[tuple[Any, ...], list[int]]
) -> tuple[dict[int, int], list[int]]:
    """:func:`pair_matches` where the matches fall into groups of equal
    keys: each source match takes the first counterpart of its group
    still free (any counterpart with ``count: any``), as the general
    matching does when every group is complete."""
    names = rule.compared()
    used: dict[tuple[Any, ...], int] = {}
    got: dict[int, int] = {}
    for i, m in enumerate(src):
        key = tuple(dict(m.keys)[n] for n in names)
        group = groups.get(key)
        if not group:
            continue
        if rule.count == "any":
            got[i] = group[0]
            continue
        k = used.get(key, 0)
        if k < len(group):
            got[i] = group[k]
            used[key] = k + 1
    return got, [i for i in range(len(src)) if i not in got]


@dataclass
class Finding:
    """A match left without a counterpart (or, for a one-sided rule, a
    match), with the closest unpaired match on the other side, if any."""

    rule: PatternRule
    match: Match
    near: Match | None = None
    differ: list[str] = field(default_factory=list)


def evaluate(rule: PatternRule, matches: dict[str, list[Match]]) -> list[Finding]:
    """Findings of one rule on one segment, given each side's matches."""
    if not rule.paired:
        lang = rule.sources()[0]
        return [Finding(rule, m) for m in matches.get(lang, [])]
    out: list[Finding] = []
    # With ``both``, a ZH match already named as the near miss of an RU
    # finding is the same disagreement: it is reported once.
    used_as_near: set[tuple[str, int]] = set()
    unpaired: dict[str, list[int]] = {}
    paired_with: dict[str, dict[int, int]] = {}
    for lang in ("ru", "zh"):
        other = "zh" if lang == "ru" else "ru"
        got, missing = pair_matches(rule, matches.get(lang, []), matches.get(other, []))
        paired_with[lang] = got
        unpaired[lang] = missing
    for lang in rule.sources():
        other = "zh" if lang == "ru" else "ru"
        dst = matches.get(other, [])
        # Counterparts already taken by other source matches are not
        # offered as near misses; unused ones are, closest in order first.
        taken = set(paired_with[lang].values())
        free = [j for j in range(len(dst)) if j not in taken]
        for i in unpaired[lang]:
            if (lang, i) in used_as_near:
                continue
            m = matches[lang][i]
            near = None
            if free:
                j = free.pop(0)
                near = dst[j]
                used_as_near.add((other, j))
            out.append(Finding(rule, m, near, differences(rule, m, near) if near else []))
    return out


def sources_admit(rule: PatternRule, texts: dict[str, str]) -> bool:
    """Whether a source side holds the literals every match of its
    pattern needs (always, for a pattern without such literals)."""
    for lang in rule.sources():
        gate = rule.gates[lang]
        if gate is None or any(s in texts[lang] for s in gate):
            return True
    return False


def run_rule(
    rule: PatternRule,
    texts: dict[str, str],
    rules: RuleSet | None,
    kind_at: dict[str, Callable[[int], str]] | None = None,
    *,
    admitted: bool = False,
) -> list[Finding]:
    """Findings of one rule on one segment (``texts``: lang → side text);
    ``admitted``: :func:`sources_admit` has already said yes.

    The source sides are searched first; when they hold no match there is
    nothing to answer and the other side is not searched at all (most
    rules are ``ru->zh`` and most segments have no RU match).  Raises
    :class:`PatternTimeout`."""
    sources = rule.sources()
    if not admitted and not sources_admit(rule, texts):
        return []  # no source side holds what its matches need
    kinds = kind_at or {}
    matches: dict[str, list[Match]] = {}
    for lang in sources:
        matches[lang] = find_matches(rule, lang, texts[lang], rules, kind_at=kinds.get(lang))
    if not any(matches.values()):
        return []
    for lang in ("ru", "zh"):
        if lang not in matches and rule.pattern(lang) is not None:
            matches[lang] = find_matches(rule, lang, texts[lang], rules, kind_at=kinds.get(lang))
    return evaluate(rule, matches)
