"""The paragraph alignment's dynamic programme against a plain one.

:func:`ruconsist.align.gale_church._banded` prunes beads that cannot win,
prices a row one kind of bead at a time and keeps only the rows it reads
back; none of that may change which beads it picks.  On documents of up
to 15 items its band holds every cell, so it must find what a plain
dynamic programme over the whole table finds, bead for bead, ties
included (the first kind in STEPS wins a tie).  The plain programme
below prices each bead as the module documents it, adding the parts of
a bead's cost in the order the module adds them."""

from __future__ import annotations

import math
import random

import pytest

from ruconsist.align import gale_church as gc


def union(sets, a, b):  # type: ignore[no-untyped-def]
    return frozenset().union(*sets[a:b])


def plain_cost(doc, prev, i, j, di, dj):  # type: ignore[no-untyped-def]
    """The cost of the path to (i - di, j - dj) costing ``prev`` with the
    bead of di RU and dj ZH items ending at (i, j); None if that bead is
    not allowed there."""
    ru_len, zh_len, (ru_anc, zh_anc, ru_all, zh_all), (ru_glue, zh_glue), ratio, variance, steady = doc
    ru_span, zh_span = sum(ru_len[i - di : i]), sum(zh_len[j - dj : j])
    if (di > 3 or dj > 3) and ((di <= dj and ru_span < gc.WIDE_MIN) or (di > dj and zh_len[j - 1] < gc.WIDE_MIN)):
        return None
    c = prev + gc.PENALTY[(di, dj)]
    glued = 0.0
    if (di, dj) == (2, 1):
        glued = -gc.GLUE_BONUS if ru_glue[i - 1] else (gc.GLUE_BONUS if ru_glue[i - 2] else 0.0)
    if (di, dj) == (1, 2):
        glued = -gc.GLUE_BONUS if zh_glue[j - 1] else (gc.GLUE_BONUS if zh_glue[j - 2] else 0.0)
    a_all, b_all = union(ru_all, i - di, i), union(zh_all, j - dj, j)
    shared = len(a_all & b_all)
    missed = 0
    if di and dj:
        missed = len(union(ru_anc, i - di, i) - b_all) + len(union(zh_anc, j - dj, j) - a_all)
        c += gc.length_cost(ru_span, zh_span, ratio, variance)
    else:
        c += math.log1p((ru_span if di else zh_span) / gc.OMISSION_SCALE)
        if steady:
            c += gc.STEADY_OMISSION
    # (A zero added or taken changes no sum.)
    c -= gc.ANCHOR_BONUS * shared
    c += gc.ANCHOR_MISS * missed
    return c + glued


def plain_path(*doc):  # type: ignore[no-untyped-def]
    """The beads (di, dj) of the cheapest path, from the start."""
    n, m = len(doc[0]), len(doc[1])
    best = {(0, 0): (0.0, None)}
    for i in range(n + 1):
        for j in range(m + 1):
            found = (math.inf, None)
            for di, dj in gc.STEPS:
                if (i - di, j - dj) not in best:
                    continue
                c = plain_cost(doc, best[(i - di, j - dj)][0], i, j, di, dj)
                if c is not None and c < found[0]:
                    found = (c, (di, dj))
            if found[1] is not None:
                best[(i, j)] = found
    path, i, j = [], n, m
    while (i, j) != (0, 0):
        di, dj = best[(i, j)][1]
        path.append((di, dj))
        i, j = i - di, j - dj
    return path[::-1]


def banded_path(ru_len, zh_len, anchors, glue, ratio, variance, steady):  # type: ignore[no-untyped-def]
    found = gc._banded(ru_len, zh_len, anchors, *glue, ratio, variance, gc.MIN_BAND, steady)
    assert found is not None
    return [(di, dj) for _, _, di, dj in reversed(list(gc._path(*found, len(zh_len))))]


@pytest.mark.parametrize("seed", range(6))
def test_the_banded_programme_picks_what_a_plain_one_picks(seed: int) -> None:
    rng = random.Random(seed)
    terms = [f"t{k}" for k in range(8)]
    for _ in range(60):
        n = rng.randint(1, 12)
        ru_len = [rng.choice([0, 5, 40, 120, 300, 700]) + rng.randint(0, 30) for _ in range(n)]
        zh_len = [max(0, int(x * 0.7) + rng.randint(-20, 20)) for x in ru_len if rng.random() < 0.85]
        zh_len += [rng.randint(1, 600) for _ in range(rng.randint(0 if zh_len else 1, 2))]
        m = len(zh_len)
        ru_anc = [frozenset(rng.sample(terms, rng.choice([0, 0, 1, 2]))) for _ in range(n)]
        zh_anc = [frozenset(t for t in a if rng.random() < 0.8) for a in ru_anc[:m]] + [frozenset()] * max(0, m - n)
        # Weak anchors: counted when shared, their absence costs nothing.
        ru_all = [a | ({"w"} if rng.random() < 0.2 else set()) for a in ru_anc]
        zh_all = [a | ({"w"} if rng.random() < 0.2 else set()) for a in zh_anc]
        glue = ([rng.random() < 0.15 for _ in range(n)], [rng.random() < 0.15 for _ in range(m)])
        ratio, steady = rng.choice([0.5, 0.7, 1.1]), rng.random() < 0.5
        args = (ru_len, zh_len, (ru_anc, zh_anc, ru_all, zh_all), glue, ratio, 1.6, steady)
        assert banded_path(*args) == plain_path(*args), args
