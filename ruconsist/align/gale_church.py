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
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from ruconsist.cancel import checkpoint

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
    # A long paragraph that carries four or five of the other side's (a
    # restructured passage of an official text); only one at least
    # WIDE_MIN long, so that a list's short items missing from one side
    # stay omissions rather than merge.
    (4, 1): 0.001,
    (1, 4): 0.001,
    (5, 1): 0.0005,
    (1, 5): 0.0005,
}
PENALTY = {k: -math.log(v) for k, v in BEADS.items()}
#: The shortest paragraph (in the caller's length units) that a 4-1 or
#: 5-1 bead may pair with several.
WIDE_MIN = 500
#: Cost bonus per shared anchor, and cost per anchor left without
#: counterpart in a bead, in units of -log probability.
ANCHOR_BONUS = 2.5
ANCHOR_MISS = 0.6
GLUE_BONUS = 2.0
MAX_LENGTH_COST = 7.0
#: Relative slack of the bound that skips a bead's length cost: far above
#: the rounding of a sum of a few hundred costs, far below any real
#: difference between two beads.
_MARGIN = 1e-9


#: Paragraphs of a document that weigh as much as the prior ratio.
PRIOR_WEIGHT = 8.0
#: Documents that weigh the prior ratio at least this much (shorter than
#: about 70 paragraphs) are aligned again with the ratio of the
#: paragraphs first paired, when it differs by more than this (log).
RE_ESTIMATE_BELOW = 0.9
RE_ESTIMATE_GAP = 0.1
#: A 1-0 or 0-1 bead costs log(1 + length / OMISSION_SCALE) more, in
#: content units: dropping a heading is likelier than a long paragraph.
OMISSION_SCALE = 250.0
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
MAX_SHIFT = 64


def steady_ratio(ru_lengths: Sequence[int], zh_lengths: Sequence[int], ratio: float) -> bool:
    """Whether two (nearly) equally long lists of paragraph lengths pair
    off one to one: most pairs, taken in order (at the best small shift),
    keep the document's length ratio."""
    n, m = len(ru_lengths), len(zh_lengths)
    if min(n, m) < 2 or abs(n - m) > max(NEAR_EQUAL, NEAR_EQUAL_SHARE * max(n, m)):
        return False
    limit = math.log(STEADY_FACTOR)
    best = 0
    # At most MAX_SHIFT shifts: each costs a pass over the document, and
    # the count difference grows with it (5% of 25,000 paragraphs).
    for shift in range(min(abs(n - m), MAX_SHIFT) + 1):
        a_list = ru_lengths[shift:] if n > m else ru_lengths
        b_list = zh_lengths[shift:] if m > n else zh_lengths
        within = sum(1 for a, b in zip(a_list, b_list) if abs(math.log((b + 4.0) / (a * ratio + 4.0))) <= limit)
        best = max(best, within)
    return best >= STEADY_SHARE * min(n, m)


#: The narrowest band (cells either side of the diagonal) tried.
MIN_BAND = 15

#: The bead kinds in the order they are tried (ties keep the first).
STEPS = list(PENALTY)
#: The most items a bead takes from one side.
WIDEST = max(max(di, dj) for di, dj in STEPS)


_SQRT2 = math.sqrt(2.0)
_erf, _log, _sqrt = math.erf, math.log, math.sqrt


def length_cost(l_ru: int, l_zh: int, ratio: float, variance: float) -> float:
    if l_ru == 0 and l_zh == 0:
        return 0.0
    mean = (l_ru + l_zh / ratio) / 2.0
    # (Comparisons rather than max and min: this runs for most cells of
    # a long document, and they give the same numbers.)
    delta = (l_ru * ratio - l_zh) / _sqrt((mean if mean > 1.0 else 1.0) * variance * ratio)
    # The normal distribution's CDF written out.
    p = 2.0 * (1.0 - 0.5 * (1.0 + _erf(abs(delta) / _SQRT2)))
    # Capped below the cost of an omission plus an addition (1-0 and 0-1),
    # so two paragraphs of very different length in the same place still
    # pair up: a rewrite is not an omission.
    cost = -_log(p if p > 1e-12 else 1e-12)
    return cost if cost < MAX_LENGTH_COST else MAX_LENGTH_COST


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
    weight = 1.0
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
        # Each item's anchors once: finding them is most of the cost of
        # aligning a long document.
        ru_anc, ru_all = _strengths([anchors(x) for x in ru])
        zh_anc, zh_all = _strengths([anchors(y) for y in zh])
    ru_glue = [glue(x) for x in ru] if glue else [False] * n
    zh_glue = [glue(y) for y in zh] if glue else [False] * m
    width = band
    if band is None:
        # The band follows the diagonal of the (n, m) rectangle, so an
        # uneven pair needs no wider band; capping it keeps long
        # documents linear.
        band = min(max(MIN_BAND, int(0.05 * max(n, m))), 120)
        # A long document is tried in the narrowest band first, and in a
        # band twice as wide only while its best path comes near an edge
        # of the band (where a wider band might find a better one).
        width = MIN_BAND
    anchor_sets = None
    if ru_anc is not None and zh_anc is not None and ru_all is not None and zh_all is not None:
        anchor_sets = (ru_anc, zh_anc, ru_all, zh_all)

    def run(w: int) -> tuple[list[int], list[bytearray]] | None:
        return _banded(ru_len, zh_len, anchor_sets, ru_glue, zh_glue, ratio, variance, w, steady)

    found, width = _search(run, m, width, band)
    if found is not None and prior_ratio is not None and weight < RE_ESTIMATE_BELOW:
        # A short document leans on the prior, and the prior is one
        # genre's: official Russian spells out what Chinese abbreviates
        # (0.63), news does not (0.85).  The paragraphs the first pass
        # paired measure the document's own ratio free of what it omits;
        # when that differs, the document is aligned again with it.
        own = _paired_ratio(ru_len, zh_len, found, m)
        if own is not None and abs(math.log(own / ratio)) > RE_ESTIMATE_GAP:
            ratio = own
            # (run reads the new ratio and steadiness.)
            steady = steady_ratio(ru_len, zh_len, ratio)
            found, width = _search(run, m, width, band)
    if found is None:
        # The band was too narrow for a very uneven pair: fall back to a
        # plain in-order pairing rather than failing.
        k = min(n, m)
        beads = [([ru[i]], [zh[i]]) for i in range(k)]
        beads += [([x], []) for x in ru[k:]] + [([], [y]) for y in zh[k:]]
        return beads
    beads = [(list(ru[i - di : i]), list(zh[j - dj : j])) for i, j, di, dj in _path(*found, m)]
    beads.reverse()
    return beads


def _strengths(raw: list[frozenset[str]]) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
    """Each item's strong anchors, and its anchors of any strength written
    without the "~"; an item with no weak anchor keeps one set for both."""
    strong, any_strength = [], []
    for a in raw:
        if any(t.startswith("~") for t in a):
            strong.append(frozenset(t for t in a if not t.startswith("~")))
            any_strength.append(frozenset(t.lstrip("~") for t in a))
        else:
            strong.append(a)
            any_strength.append(a)
    return strong, any_strength


def _search(
    run: Callable[[int], tuple[list[int], list[bytearray]] | None], m: int, width: int, band: int
) -> tuple[tuple[list[int], list[bytearray]] | None, int]:
    """The best path (``run`` at a band width) in the narrowest band that
    holds it (see align), and the band width it was found in."""
    while True:
        found = run(width)
        if width >= band or (found is not None and not _near_edge(*found, m, width)):
            return found, width
        width = min(band, 2 * width)


def _paired_ratio(ru_len: list[int], zh_len: list[int], found: tuple[list[int], list[bytearray]], m: int) -> float | None:
    """ZH/RU length ratio over the beads of a path that pair both sides."""
    ru_total = zh_total = 0
    for i, j, di, dj in _path(*found, m):
        if di and dj:
            ru_total += sum(ru_len[i - di : i])
            zh_total += sum(zh_len[j - dj : j])
    if ru_total <= 0 or zh_total <= 0:
        return None
    return min(max(zh_total / ru_total, 0.1), 3.0)


def _path(rows_lo: list[int], back: list[bytearray], m: int) -> Iterator[tuple[int, int, int, int]]:
    """The cells (i, j) of the best path from the corner back, with the
    bead (di, dj) that ends at each."""
    i, j = len(rows_lo) - 1, m
    while i or j:
        di, dj = STEPS[back[i][j - rows_lo[i]]]
        yield i, j, di, dj
        i, j = i - di, j - dj


def _near_edge(rows_lo: list[int], back: list[bytearray], m: int, width: int) -> bool:
    """Whether the best path passes within a third of ``width`` of an edge
    of the band that is not the edge of the table."""
    margin = max(3, width // 3)
    for i, j, _, _ in _path(rows_lo, back, m):
        lo = rows_lo[i]
        hi = lo + len(back[i]) - 1
        if (lo > 0 and j - lo < margin) or (hi < m and hi - j < margin):
            return True
    return False


_EMPTY: frozenset[str] = frozenset()


def _ending_at(anc: Sequence[frozenset[str]] | None, i: int) -> list[frozenset[str]]:
    """``out[k]``: the anchors of the ``k`` items that end at index ``i``
    (items ``i - k`` to ``i - 1``), for ``k`` up to :data:`WIDEST`;
    empty for ``k`` 0 and for ``k`` past ``i``."""
    out = [_EMPTY]
    u = _EMPTY
    for k in range(1, WIDEST + 1):
        if anc is None or k > i:
            out.append(_EMPTY)
            continue
        # Most items have no anchor, and a union with none is the other
        # set itself.
        a = anc[i - k]
        u = u | a if u and a else u or a
        out.append(u)
    return out


class _BandAnchors:
    """``table[k][j]``: :func:`_ending_at` of one side's anchors at
    column ``j``, for the columns of the band only: the band moves right
    row by row, a column's unions are made as it enters and dropped as it
    leaves.  (Tables for every column held a set per item and bead width,
    most of the memory of a long document.)"""

    def __init__(self, anc: Sequence[frozenset[str]] | None, m: int) -> None:
        self.anc = anc
        self.table = [[_EMPTY] * (m + 1) for _ in range(WIDEST + 1)]
        self.filled = self.cleared = 0

    def advance(self, lo: int, hi: int) -> None:
        """Make columns ``lo`` to ``hi`` readable; columns before ``lo``
        are not read again."""
        if self.anc is None:
            return
        table = self.table
        for j in range(max(self.filled, lo), hi + 1):
            for k, u in enumerate(_ending_at(self.anc, j)):
                table[k][j] = u
        self.filled = max(self.filled, hi + 1)
        for column in table:
            for j in range(self.cleared, min(lo, self.filled)):
                column[j] = _EMPTY
        self.cleared = max(self.cleared, lo)


#: What a bead of one kind ending in one row needs, read once per row
#: (see :func:`_row_steps`): dj, penalty, index in STEPS, the cost row it
#: starts in and that row's first column and length, whether it pairs
#: both sides, the RU anchors of any strength and strong ones, the RU
#: length, the cost of dropping the RU items (1-0), the glue of a 2-1
#: bead, and the kind of bead (see _PLAIN etc.).
_RowStep = tuple[int, float, int, list[float], int, int, bool, frozenset[str], frozenset[str], int, float, float, int]
_PLAIN, _WIDE_ZH, _GLUE_RU, _GLUE_ZH, _DROP_RU, _DROP_ZH = range(6)


def _row_steps(
    i: int,
    rows: list[tuple[list[float], int]],
    steps: list[tuple[int, int, float, int]],
    ru_pre: list[int],
    ru_u: list[frozenset[str]],
    ru_w: list[frozenset[str]],
    ru_glue: list[bool],
    wide_zh: bool,
) -> list[_RowStep]:
    """The beads that can end in row ``i``, with what each reads that is
    the same for every cell of the row; ``ru_u`` and ``ru_w``: the RU
    anchors (strong, any strength) of the ``di`` items ending at ``i``
    (:func:`_ending_at`); ``wide_zh``: whether a ZH item of the row's
    band is long enough for a 4-1 or 5-1 bead."""
    out: list[_RowStep] = []
    for di, dj, penalty, k in steps:
        if di > i or di >= len(rows):
            continue
        prow, plo = rows[di]
        pi = i - di
        ru_span = ru_pre[i] - ru_pre[pi]
        kind, glued, dropped = _PLAIN, 0.0, 0.0
        if di > 3 or dj > 3:
            if di <= dj and ru_span < WIDE_MIN:
                continue
            if di > dj:
                if not wide_zh:
                    continue
                kind = _WIDE_ZH
        elif di == 2 and dj == 1:
            kind = _GLUE_RU
            glued = -GLUE_BONUS if ru_glue[i - 1] else (GLUE_BONUS if ru_glue[pi] else 0.0)
        elif di == 1 and dj == 2:
            kind = _GLUE_ZH
        elif not dj:
            kind, dropped = _DROP_RU, math.log1p(ru_span / OMISSION_SCALE)
        elif not di:
            kind = _DROP_ZH
        out.append((dj, penalty, k, prow, plo, len(prow), bool(di and dj), ru_w[di], ru_u[di], ru_span, dropped, glued, kind))
    return out


class _Columns:
    """What the cells of the dynamic programme read of the ZH side (per
    column) and of the pair, and the prices of beads ending in one row,
    written into a :class:`_Row`."""

    def __init__(
        self,
        zh_len: list[int],
        zh_u: list[list[frozenset[str]]],
        zh_w: list[list[frozenset[str]]],
        zh_glue: list[bool],
        anchored: bool,
        ratio: float,
        variance: float,
        steady: bool,
    ) -> None:
        m = len(zh_len)
        self.zh_len, self.zh_u, self.zh_w, self.anchored = zh_len, zh_u, zh_w, anchored
        self.ratio, self.variance, self.steady = ratio, variance, steady
        self.zh_pre = [0]
        for x in zh_len:
            self.zh_pre.append(self.zh_pre[-1] + x)
        # What a cell's column gives the beads that need it: the glue of a
        # 1-2 bead ending there and the cost of dropping its ZH item (0-1),
        # as the cell would compute them.
        self.zh_glued = [0.0, 0.0] + [
            -GLUE_BONUS if zh_glue[j - 1] else (GLUE_BONUS if zh_glue[j - 2] else 0.0) for j in range(2, m + 1)
        ]
        self.zh_dropped = [0.0] + [math.log1p(x / OMISSION_SCALE) for x in zh_len]
        # How many ZH items up to each index are long enough to end a 4-1
        # or 5-1 bead: a row whose band holds none tries neither.
        self.zh_wide = [0]
        for x in zh_len:
            self.zh_wide.append(self.zh_wide[-1] + (x >= WIDE_MIN))
        # Length costs repeat (table cells, list items of the same length).
        self.lengths: dict[tuple[int, int], float] = {}

    def length(self, ru_span: int, zh_span: int) -> float:
        """The length cost of a bead, computed once per pair of spans."""
        if len(self.lengths) > 100_000:
            self.lengths.clear()
        lc = self.lengths[(ru_span, zh_span)] = length_cost(ru_span, zh_span, self.ratio, self.variance)
        return lc

    def paired(self, step: _RowStep, row: _Row) -> None:
        """Price the beads of one kind that pair both sides (1-1, 2-1,
        ...) ending in each cell of ``row``."""
        dj, penalty, k, prow, plo, plen, _, a_all, a, ru_span, _, glued, kind = step
        lo = row.lo
        values, kinds, limits = row.values(k), row.kinds(k), row.limits
        zh_pre, zh_len, length, lengths = self.zh_pre, self.zh_len, self.length, self.lengths
        zh_w, zh_u, anchored = self.zh_w[dj], self.zh_u[dj], self.anchored
        glue_zh, wide = kind == _GLUE_ZH, kind == _WIDE_ZH
        zh_glued = self.zh_glued
        for j in range(max(lo, plo + dj), min(row.hi, plo + plen - 1 + dj) + 1):
            prev = prow[j - dj - plo]
            if prev == _INF:
                continue
            c = prev + penalty
            if wide and zh_len[j - dj] < WIDE_MIN:
                continue
            # The anchors' and the glue's parts of the cost, before the
            # length's: a bead that cannot beat the best one of its cell
            # so far even at no length cost is not priced further (the
            # length cost is most of the time of a long document).
            shared = missed = 0
            if anchored:
                b_all = zh_w[j]
                if a_all and b_all and not a_all.isdisjoint(b_all):
                    shared = len(a_all & b_all)
            # A quote's attribution ("- сказал Ушаков", "——…总结道")
            # continues the paragraph before it, never the one after.
            if glue_zh:
                glued = zh_glued[j]
            x = j - lo
            bound = c - ANCHOR_BONUS * shared if shared else c
            if (bound + glued if glued < 0.0 else bound) > limits[x]:
                continue
            if anchored:
                # Only a strong anchor missing from the other side's
                # anchors of any strength costs (see align).
                b = zh_u[j]
                missed = (len(a - b_all) if a and not a <= b_all else 0) + (len(b - a_all) if b and not b <= a_all else 0)
            zh_span = zh_pre[j] - zh_pre[j - dj]
            lc = lengths.get((ru_span, zh_span))
            c += length(ru_span, zh_span) if lc is None else lc
            # In the order of the sum the costs have always been added
            # in, so that ties fall as they did (adding a zero changes no
            # sum).
            if shared:
                c -= ANCHOR_BONUS * shared
            if missed:
                c += ANCHOR_MISS * missed
            if glued:
                c += glued
            if c < values[x]:
                values[x] = c
                kinds[x] = k
                limit = c + _MARGIN * (1.0 + abs(c))
                if limit < limits[x]:
                    limits[x] = limit

    def dropped_ru(self, step: _RowStep, row: _Row) -> None:
        """Price the 1-0 beads (a RU item dropped) ending in ``row``."""
        _, penalty, k, prow, plo, plen, _, _, _, _, dropped, _, _ = step
        lo, values, kinds = row.lo, row.values(k), row.kinds(k)
        steady = self.steady
        for j in range(max(lo, plo), min(row.hi, plo + plen - 1) + 1):
            prev = prow[j - plo]
            if prev == _INF:
                continue
            # A long paragraph is seldom dropped whole: a heading or a
            # caption is.
            c = prev + penalty
            c += dropped
            if steady:
                c += STEADY_OMISSION
            x = j - lo
            if c < values[x]:
                row.improve(values, kinds, x, c, k)

    def finish(self, row: _Row, drop_zh: _RowStep | None) -> None:
        """The best bead ending in each cell of ``row``, in the order of
        :data:`STEPS` (ties keep the first): the beads before the 0-1 bead
        (a ZH item dropped), the 0-1 bead, which reads the cell to its
        left in the same row, then the beads after it."""
        cells, back, lo = row.cells, row.back, row.lo
        before, before_k, after, after_k = row.before, row.before_k, row.after, row.after_k
        zh_dropped, steady = self.zh_dropped, self.steady
        penalty = drop_zh[1] if drop_zh is not None else 0.0
        for x in range(len(cells)):
            if x == 0 and row.i == 0:  # the start: no bead ends there
                continue
            best, best_k = before[x], before_k[x]
            if drop_zh is not None and x and cells[x - 1] != _INF:
                c = cells[x - 1] + penalty
                c += zh_dropped[lo + x]
                if steady:
                    c += STEADY_OMISSION
                if c < best:
                    best, best_k = c, _K01
            if after[x] < best:
                best, best_k = after[x], after_k[x]
            if best < _INF:
                cells[x] = best
                back[x] = best_k


_INF = float("inf")
#: The 0-1 bead's index in STEPS.
_K01 = STEPS.index((0, 1))


class _Row:
    """One row of the dynamic programme while its cells are priced: the
    best bead so far of those before the 0-1 bead in :data:`STEPS` and of
    those after it, and for each cell what a bead must cost at most,
    before its length, to be priced (no more than the best so far)."""

    def __init__(self, i: int, lo: int, hi: int) -> None:
        width = hi - lo + 1
        self.i, self.lo, self.hi = i, lo, hi
        self.cells = [_INF] * width
        self.back = bytearray(width)
        self.before, self.before_k = [_INF] * width, bytearray(width)
        self.after, self.after_k = [_INF] * width, bytearray(width)
        self.limits = [_INF] * width
        if i == 0 and lo == 0:
            self.cells[0] = 0.0

    def values(self, k: int) -> list[float]:
        return self.before if k < _K01 else self.after

    def kinds(self, k: int) -> bytearray:
        return self.before_k if k < _K01 else self.after_k

    def improve(self, values: list[float], kinds: bytearray, x: int, c: float, k: int) -> None:
        values[x] = c
        kinds[x] = k
        limit = c + _MARGIN * (1.0 + abs(c))
        if limit < self.limits[x]:
            self.limits[x] = limit


def _banded(
    ru_len: list[int],
    zh_len: list[int],
    anchor_sets: tuple[list[frozenset[str]], list[frozenset[str]], list[frozenset[str]], list[frozenset[str]]] | None,
    ru_glue: list[bool],
    zh_glue: list[bool],
    ratio: float,
    variance: float,
    band: int,
    steady: bool = False,
) -> tuple[list[int], list[bytearray]] | None:
    """The dynamic programme of :func:`align` in a band of ``band`` cells
    either side of the diagonal: for each row ``i`` the first column of
    its band and, per cell, the index in :data:`STEPS` of the best bead
    ending there; ``None`` when no path reaches the corner.

    Only the last rows of costs a bead can reach back to are kept,
    lengths come from prefix sums, anchor unions are made for the columns
    of the band (and the RU ones per row), what a bead reads of its row once per row, and the cells of a
    row are priced one kind of bead at a time, so time is (rows x band)
    and memory one byte per cell."""
    n, m = len(ru_len), len(zh_len)
    ru_pre = [0]
    for x in ru_len:
        ru_pre.append(ru_pre[-1] + x)
    # Strong anchors (ru_u, zh_u) and anchors of any strength (ru_w, zh_w).
    ru_anc, zh_anc, ru_all, zh_all = anchor_sets if anchor_sets is not None else (None, None, None, None)
    zh_u, zh_w = _BandAnchors(zh_anc, m), _BandAnchors(zh_all, m)
    cols = _Columns(zh_len, zh_u.table, zh_w.table, zh_glue, anchor_sets is not None, ratio, variance, steady)
    steps = [(di, dj, PENALTY[(di, dj)], k) for k, (di, dj) in enumerate(STEPS)]
    rows_lo: list[int] = []
    back: list[bytearray] = []
    # The cost rows i-1 .. i-WIDEST, each with the first column of its band.
    recent: list[tuple[list[float], int]] = []
    for i in range(n + 1):
        if i % 16 == 0:
            checkpoint()  # an editor's lint overtaken by an edit stops here
        centre = i * m / n
        lo = max(0, int(centre - band))
        hi = min(m, int(centre + band) + 1)
        row = _Row(i, lo, hi)
        zh_u.advance(lo, hi)
        zh_w.advance(lo, hi)
        rows = [(row.cells, lo), *recent]
        wide_zh = cols.zh_wide[hi] > cols.zh_wide[max(0, lo - 1)]
        drop_zh = None
        ru_u, ru_w = _ending_at(ru_anc, i), _ending_at(ru_all, i)
        for step in _row_steps(i, rows, steps, ru_pre, ru_u, ru_w, ru_glue, wide_zh):
            kind = step[12]
            if kind == _DROP_ZH:
                drop_zh = step
            elif kind == _DROP_RU:
                cols.dropped_ru(step, row)
            else:
                cols.paired(step, row)
        cols.finish(row, drop_zh)
        rows_lo.append(lo)
        back.append(row.back)
        recent = rows[:WIDEST]
    last, lo = recent[0]
    if not (lo <= m < lo + len(last) and last[m - lo] < _INF):
        return None
    return rows_lo, back
