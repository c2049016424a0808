"""Align RU and ZH segments: Gale–Church over lengths, with anchors.

The cost of a bead (1-1, 1-2, 2-1, 2-2, 1-0, 0-1) is Gale and Church's
length cost, with the RU→ZH character ratio estimated from the two texts
themselves, minus a bonus for every anchor (a rule-pack term, a number)
the two sides share.  Anchors are what keeps a quote and its attribution,
written as two Russian paragraphs and one Chinese paragraph, together.

The dynamic programme runs in a band around the diagonal so that long
documents stay linear in time.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

#: Bead priors (Gale & Church 1993, with 2-2 kept for merged quotes and
#: 1-3 for grouped answers).
BEADS: dict[tuple[int, int], float] = {
    (1, 1): 0.89,
    (1, 0): 0.0099,
    (0, 1): 0.0099,
    (2, 1): 0.089,
    (1, 2): 0.089,
    (2, 2): 0.011,
    # One side groups what the other gives as three paragraphs (an
    # interview's answer, a list of figures).
    (3, 1): 0.004,
    (1, 3): 0.004,
}
PENALTY = {k: -math.log(v) for k, v in BEADS.items()}
#: Cost bonus per shared anchor, and cost per anchor left without
#: counterpart in a bead, in units of -log probability.
ANCHOR_BONUS = 2.5
ANCHOR_MISS = 0.6
GLUE_BONUS = 2.0
MAX_LENGTH_COST = 7.0


#: Paragraphs of a document that weigh as much as the prior ratio.
PRIOR_WEIGHT = 8.0
#: Extra cost of a 1-0 or 0-1 bead in a steady document.
STEADY_OMISSION = 3.0
#: A steady document: this share of its paragraph pairs, taken in order,
#: within this factor of the document's ratio.
STEADY_SHARE = 0.8
STEADY_FACTOR = 1.5


#: Paragraph counts this close (or within this share) count as equal:
#: a heading joined to its paragraph on one side only shifts the pairs
#: by one without making the translation any less paragraph by paragraph.
NEAR_EQUAL = 2
NEAR_EQUAL_SHARE = 0.05


def steady_ratio(ru_lengths: Sequence[int], zh_lengths: Sequence[int], ratio: float) -> bool:
    """Whether two (nearly) equally long lists of paragraph lengths pair
    off one to one: most pairs, taken in order (at the best small shift),
    keep the document's length ratio."""
    n, m = len(ru_lengths), len(zh_lengths)
    if min(n, m) < 2 or abs(n - m) > max(NEAR_EQUAL, NEAR_EQUAL_SHARE * max(n, m)):
        return False
    limit = math.log(STEADY_FACTOR)
    best = 0
    for shift in range(abs(n - m) + 1):
        a_list = ru_lengths[shift:] if n > m else ru_lengths
        b_list = zh_lengths[shift:] if m > n else zh_lengths
        within = sum(1 for a, b in zip(a_list, b_list) if abs(math.log((b + 4.0) / (a * ratio + 4.0))) <= limit)
        best = max(best, within)
    return best >= STEADY_SHARE * min(n, m)


def _norm_cdf(x: float) -> float:
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


def length_cost(l_ru: int, l_zh: int, ratio: float, variance: float) -> float:
    if l_ru == 0 and l_zh == 0:
        return 0.0
    mean = (l_ru + l_zh / ratio) / 2.0
    delta = (l_ru * ratio - l_zh) / math.sqrt(max(mean, 1.0) * variance * ratio)
    p = 2.0 * (1.0 - _norm_cdf(abs(delta)))
    # Capped below the cost of an omission plus an addition (1-0 and 0-1),
    # so two paragraphs of very different length in the same place still
    # pair up: a rewrite is not an omission.
    return min(-math.log(max(p, 1e-12)), MAX_LENGTH_COST)


def estimate_ratio(ru_lengths: Sequence[int], zh_lengths: Sequence[int]) -> float:
    ru_total, zh_total = sum(ru_lengths), sum(zh_lengths)
    if ru_total <= 0 or zh_total <= 0:
        return 0.35
    return min(max(zh_total / ru_total, 0.1), 3.0)


def align(
    ru: Sequence[T],
    zh: Sequence[T],
    length: Callable[[T], int],
    anchors: Callable[[T], frozenset[str]] | None = None,
    *,
    glue: Callable[[T], bool] | None = None,
    variance: float = 1.6,
    prior_ratio: float | None = None,
    band: int | None = None,
) -> list[tuple[list[T], list[T]]]:
    """Beads of (ru items, zh items) covering both sequences in order."""
    n, m = len(ru), len(zh)
    if n == 0 or m == 0:
        return [([x], []) for x in ru] + [([], [y]) for y in zh]
    ru_len = [length(x) for x in ru]
    zh_len = [length(y) for y in zh]
    ratio = estimate_ratio(ru_len, zh_len)
    if prior_ratio is not None:
        # The document's own ratio is biased by whatever is omitted, the
        # more so the fewer paragraphs it has; the known ratio of the
        # length units is a prior that a long document outweighs.  (The
        # ratio is the genre's: 0.87 on news, 0.63 on official texts, whose
        # Russian spells out what Chinese abbreviates.)
        weight = min(n, m) / (min(n, m) + PRIOR_WEIGHT)
        ratio = math.exp(weight * math.log(ratio) + (1 - weight) * math.log(prior_ratio))
    # (Nearly) equal paragraph counts whose lengths keep a steady ratio: a
    # translation made paragraph by paragraph.  An omission then costs
    # more, so that a short paragraph against a long one stays in place
    # rather than turning into an omission and a merge.
    steady = steady_ratio(ru_len, zh_len, ratio)
    ru_anc = zh_anc = ru_all = zh_all = None
    if anchors:
        # An anchor written "~x" is weak: it counts when shared, as x, but
        # its absence from the other side costs nothing.
        ru_all = [frozenset(t.lstrip("~") for t in anchors(x)) for x in ru]
        zh_all = [frozenset(t.lstrip("~") for t in anchors(y)) for y in zh]
        ru_anc = [frozenset(t for t in anchors(x) if not t.startswith("~")) for x in ru]
        zh_anc = [frozenset(t for t in anchors(y) if not t.startswith("~")) for y in zh]
    ru_glue = [glue(x) for x in ru] if glue else [False] * n
    zh_glue = [glue(y) for y in zh] if glue else [False] * m
    if band is None:
        # The band follows the diagonal of the (n, m) rectangle, so an
        # uneven pair needs no wider band; capping it keeps long
        # documents linear.
        band = min(max(15, int(0.05 * max(n, m))), 120)
    INF = float("inf")
    cost: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int]] = {}
    for i in range(n + 1):
        centre = i * m / n
        lo = max(0, int(centre - band))
        hi = min(m, int(centre + band) + 1)
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                continue
            best = INF
            best_step = (0, 0)
            for (di, dj), penalty in PENALTY.items():
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0:
                    continue
                prev = cost.get((pi, pj))
                if prev is None:
                    continue
                lr = sum(ru_len[pi:i])
                lz = sum(zh_len[pj:j])
                c = prev + penalty
                if di and dj:
                    c += length_cost(lr, lz, ratio, variance)
                elif steady:
                    c += STEADY_OMISSION
                if ru_anc is not None and zh_anc is not None and ru_all is not None and zh_all is not None:
                    a = frozenset().union(*ru_anc[pi:i]) if di else frozenset()
                    b = frozenset().union(*zh_anc[pj:j]) if dj else frozenset()
                    a_all = frozenset().union(*ru_all[pi:i]) if di else frozenset()
                    b_all = frozenset().union(*zh_all[pj:j]) if dj else frozenset()
                    shared = len(a_all & b_all)
                    c -= ANCHOR_BONUS * shared
                    # Only a strong anchor missing from the other side's
                    # anchors of any strength costs: 中俄 stands for
                    # Russia when the Russian names it, but a Russian
                    # «стороны» against 中俄双方 is no evidence of a shift.
                    c += ANCHOR_MISS * (len(a - b_all) + len(b - a_all)) if (di and dj) else 0.0
                # A quote's attribution ("- сказал Ушаков", "——…总结道")
                # continues the paragraph before it, never the one after.
                if (di, dj) == (2, 1):
                    c += -GLUE_BONUS if ru_glue[i - 1] else (GLUE_BONUS if ru_glue[pi] else 0.0)
                elif (di, dj) == (1, 2):
                    c += -GLUE_BONUS if zh_glue[j - 1] else (GLUE_BONUS if zh_glue[pj] else 0.0)
                if c < best:
                    best = c
                    best_step = (di, dj)
            if best < INF:
                cost[(i, j)] = best
                back[(i, j)] = best_step
    if (n, m) not in cost:
        # The band was too narrow for a very uneven pair: fall back to a
        # plain in-order pairing rather than failing.
        k = min(n, m)
        beads = [([ru[i]], [zh[i]]) for i in range(k)]
        beads += [([x], []) for x in ru[k:]] + [([], [y]) for y in zh[k:]]
        return beads
    beads: list[tuple[list[T], list[T]]] = []
    i, j = n, m
    while i or j:
        di, dj = back[(i, j)]
        beads.append((list(ru[i - di : i]), list(zh[j - dj : j])))
        i, j = i - di, j - dj
    beads.reverse()
    return beads
