"""Checking one pair: every check over every bead, then over the pair.

Beads are built from the aligned segments and checked in chunks of
:data:`CHUNK`, so a corpus of 100,000 line pairs never holds 100,000
beads (with their caches) at once; up to :data:`KEEP_BEADS` beads are
kept for the caller (the report, ``show-alignment``).  With more than
one job, a large pair's chunks are checked in worker processes
(:class:`ruconsist.runner.Runner`): ``begin_pair`` runs once in the main
process, each worker checks its chunks and runs ``finish_pair`` over each
chunk's own alignment findings, and a check that carries state from bead
to bead sees its chunk widened by its ``neighbour_beads``.  The facts the
checks that report across the run take from each bead
(:mod:`ruconsist.runfacts`) come back with the findings, in bead order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any

from ruconsist.align.segments import wrap_beads
from ruconsist.checks.base import Check, PairContext
from ruconsist.config import Config
from ruconsist.diagnostic import Diagnostic, Location
from ruconsist.document import Segment, SegmentPair
from ruconsist.pairing import FilePair
from ruconsist.paths import display
from ruconsist.readers.base import Parsed
from ruconsist.result import CodeInfo
from ruconsist.rules import RuleSet
from ruconsist.runfacts import PairFacts, TakeFacts, teller_checks
from ruconsist.runner import Runner, can_fork, in_worker

if TYPE_CHECKING:
    from ruconsist.incremental import PairReuse

#: Beads are checked this many at a time; results for more than
#: KEEP_BEADS beads are not kept in memory.
CHUNK = 2000
KEEP_BEADS = 20000
#: Findings one check may report in one bead.  A real paragraph has a
#: handful; thousands (a line of ``](`` repeated) would cost more to
#: build and print than the text costs to read, and no editor reads
#: them, so past this the check stops on that bead with one LIM001.
MAX_FINDINGS_PER_BEAD = 100
#: The note an exception leaving a check carries: which check, which line
#: (read by :func:`ruconsist.engine.input_error`).
STAGE_NOTE = "ruconsist-stage: "

Raw = Sequence[tuple[list[Segment], list[Segment]]]


def check_bead(check: Check, bead: SegmentPair, ctx: PairContext) -> list[Diagnostic]:
    """``check.check(bead, ctx)``, stopped after
    :data:`MAX_FINDINGS_PER_BEAD` findings with a LIM001 warning.  An
    exception leaves with a note naming the check and the line.

    A list, not a generator: it runs once per check and bead (170,000
    times on 5,000 line pairs), nearly always for no finding, and
    resuming a generator cost more than the check's own empty answer."""
    try:
        found = list(islice(check.check(bead, ctx), MAX_FINDINGS_PER_BEAD + 1))
    except Exception as exc:
        _note_stage(exc, check, bead)
        raise
    if len(found) > MAX_FINDINGS_PER_BEAD:
        from ruconsist.checks.limits import too_many_findings

        found[MAX_FINDINGS_PER_BEAD:] = [too_many_findings(found[MAX_FINDINGS_PER_BEAD], MAX_FINDINGS_PER_BEAD)]
    return found


def _note_stage(exc: Exception, check: Check, bead: SegmentPair) -> None:
    """Note on ``exc``, unless it has one, the check and line it left."""
    if not any(n.startswith(STAGE_NOTE) for n in getattr(exc, "__notes__", ())):
        side = bead.ru if bead.ru else bead.zh
        line = side.segments[0].location(0, 0).line if side.segments else None
        exc.add_note(f"{STAGE_NOTE}check {check.code}|{line or ''}")


def gather_facts(tellers: Sequence[tuple[int, Check]], ctx: PairContext, into: PairFacts) -> None:
    """Append to ``into`` the run-level facts each of ``tellers`` (the
    checks that report across the run, with their places) takes from
    ``ctx.beads``, in bead order."""
    for i, check in tellers:
        found = into.setdefault(i, [])
        for bead in ctx.beads:
            try:
                found.extend(check.run_facts(bead, ctx))
            except Exception as exc:
                _note_stage(exc, check, bead)
                raise


def pair_context(
    ru: Parsed, zh: Parsed, rules: RuleSet, config: Config, raw: Raw, codes: Iterable[str]
) -> PairContext:
    """The context the checks of one pair share, with the state the
    checking step keeps in it: the alignment findings and the beads kept
    so far (filled while checking), the registered codes, the number of
    segments, and every aligned segment (inline directives need them all,
    also when the beads are not kept: a large pair, or one checked in
    workers)."""
    ctx = PairContext(
        ru_doc=ru.doc,
        zh_doc=zh.doc,
        rules=rules,
        config=config,
        beads=[],
        header=[(ru.doc, a, b) for a, b in ru.header],
    )
    ctx.state["alignment"] = []
    ctx.state["all_beads"] = []
    ctx.state["codes"] = frozenset(codes)
    ctx.state["segments"] = len(raw)
    ctx.state["raw_beads"] = raw
    return ctx


class PairChecker:
    """The checks of a run over the beads of one pair."""

    def __init__(self, checks: Sequence[Check], jobs: int) -> None:
        self.checks = checks
        self.jobs = jobs
        #: The checks that report across the run, with their places.
        self.tellers = teller_checks(checks)

    def check(
        self, raw: Raw, ctx: PairContext, take: TakeFacts, reuse: PairReuse | None = None
    ) -> tuple[list[SegmentPair], list[Diagnostic]]:
        """The beads kept for the caller and every finding, undecided;
        the run-level facts of each chunk of beads go to ``take`` as soon
        as it is checked (a corpus of 100,000 line pairs never holds all
        of them at once).  ``ctx`` comes from :func:`pair_context`;
        ``reuse`` is what the last lint of this pair left
        (:mod:`ruconsist.incremental`)."""
        if self.jobs > 1 and len(raw) > 2 * CHUNK and can_fork() and not in_worker():
            return [], self._in_workers(raw, ctx, take)
        keep = len(raw) <= KEEP_BEADS
        findings: list[tuple[str, Any]] = ctx.state["alignment"]
        kept: list[SegmentPair] = ctx.state["all_beads"]
        diags: list[Diagnostic] = []
        if reuse is not None:
            reuse.start()
        for start in range(0, max(len(raw), 1), CHUNK):
            beads, found = wrap_beads(raw[start : start + CHUNK], start, reuse.sentences if reuse else None)
            findings.extend(found)
            ctx.beads = _checked(beads)
            if keep:
                kept.extend(beads)
            if start == 0:
                if reuse is not None:
                    reuse.begin(ctx, self.checks)
                for check in self.checks:
                    check.begin_pair(ctx)
            diags.extend(self._check_beads(ctx, reuse))
            if self.tellers:
                facts: PairFacts = {}
                gather_facts(self.tellers, ctx, facts)
                take(facts)
            if keep:
                if reuse is not None:
                    reuse.snapshot_memos(beads)
                _forget(beads)
        if reuse is not None:
            reuse.end()
        if keep:
            ctx.beads = _checked(kept)
        for check in self.checks:
            diags.extend(check.finish_pair(ctx))
        return kept, diags

    def _check_beads(self, ctx: PairContext, reuse: PairReuse | None) -> list[Diagnostic]:
        """Every check over ``ctx.beads``; with ``reuse``, in the same
        order, taking a bead-local check's findings in a bead from an
        equal bead of the last lint where there is one."""
        diags: list[Diagnostic] = []
        if reuse is None:
            for check in self.checks:
                for bead in ctx.beads:
                    diags.extend(check_bead(check, bead, ctx))
            return diags
        reuse.seed(ctx.beads)
        for i, check in enumerate(self.checks):
            reuse.checkpoint()
            diags.extend(reuse.check(i, ctx.beads, lambda bead: check_bead(check, bead, ctx)))
        return diags

    def _in_workers(self, raw: Raw, ctx: PairContext, take: TakeFacts) -> list[Diagnostic]:
        """One large pair (a line-aligned corpus): chunks of beads in
        worker processes.  ``begin_pair`` runs once here on the first
        chunk; each worker checks its chunk and runs ``finish_pair`` over
        the chunk's own alignment findings."""
        first, _ = wrap_beads(raw[:CHUNK], 0)
        ctx.beads = _checked(first)
        ctx.state["all_beads"] = first
        for check in self.checks:
            check.begin_pair(ctx)
        diags: list[Diagnostic] = []
        size = worker_chunk(len(raw), self.jobs)
        starts = range(0, len(raw), size)
        for part, part_facts in Runner(self.jobs).map(lambda start: self.check_chunk(raw, start, ctx, size), starts):
            diags.extend(part)
            take(part_facts)
        return diags

    def check_chunk(
        self, raw: Raw, start: int, ctx: PairContext, size: int = CHUNK
    ) -> tuple[list[Diagnostic], PairFacts]:
        """The findings and run-level facts of the beads from ``start``,
        ``size`` of them, checked on their own."""
        beads, found = wrap_beads(raw[start : start + size], start)
        sub = _sub_context(ctx, beads, found)
        diags: list[Diagnostic] = []
        for check in self.checks:
            if check.neighbour_beads:
                diags.extend(self._check_in_context(check, raw, start, beads, ctx))
                continue
            for bead in sub.beads:
                diags.extend(check_bead(check, bead, sub))
            diags.extend(check.finish_pair(sub))
        facts: PairFacts = {}
        gather_facts(self.tellers, sub, facts)
        return diags, facts

    def _check_in_context(
        self, check: Check, raw: Raw, start: int, beads: list[SegmentPair], ctx: PairContext
    ) -> list[Diagnostic]:
        """Run a check that carries state across beads over ``beads``
        (one chunk, from ``start``) widened by ``check.neighbour_beads``
        checked beads on either side; keep its findings in the chunk."""
        need = check.neighbour_beads
        end = start + len(beads)

        def context(forward: bool) -> list[SegmentPair]:
            # Widen until ``need`` beads are checked ones, or the pair ends.
            step = need
            while True:
                a, b = (end, min(len(raw), end + step)) if forward else (max(0, start - step), start)
                got = wrap_beads(raw[a:b], a)[0] if a < b else []
                reached_end = b == len(raw) if forward else a == 0
                if reached_end or sum(1 for x in got if x.ru and x.zh and not x.memo.get("skip")) >= need:
                    return got
                step *= 2

        around = context(forward=False) + beads + context(forward=True)
        sub = _sub_context(ctx, around, [])
        check.begin_pair(sub)
        out: list[Diagnostic] = []
        for bead in sub.beads:
            out.extend(check_bead(check, bead, sub))
        out.extend(check.finish_pair(sub))
        own = {b.id for b in beads}
        return [d for d in out if d.segment in own]


def _checked(beads: Iterable[SegmentPair]) -> list[SegmentPair]:
    """The beads the checks see: both sides present, not marked skip."""
    return [b for b in beads if b.ru and b.zh and not b.memo.get("skip")]


def _sub_context(ctx: PairContext, beads: list[SegmentPair], found: list[tuple[str, Any]]) -> PairContext:
    """The context of a stretch of a pair's beads, checked on its own."""
    return PairContext(
        ru_doc=ctx.ru_doc,
        zh_doc=ctx.zh_doc,
        rules=ctx.rules,
        config=ctx.config,
        beads=_checked(beads),
        header=ctx.header,
        state={**ctx.state, "alignment": found, "all_beads": beads},
    )


def _forget(beads: Sequence[SegmentPair]) -> None:
    """Drop what the checks extracted from beads already checked (numbers,
    dates, term mentions): beads kept for the caller would otherwise hold
    it all until the pair is done.  Whoever asks again recomputes it
    (``SegmentPair.cached``); only the engine's own "skip" mark stays."""
    for bead in beads:
        memo = bead.memo
        if memo:
            skip = memo.get("skip")
            memo.clear()
            if skip:
                memo["skip"] = skip


def worker_chunk(n: int, jobs: int) -> int:
    """Beads per worker task: ``CHUNK``, or fewer when that would leave
    fewer than eight tasks per worker, so that no worker idles long while
    another finishes a last large chunk (10,000 beads in chunks of 2,000
    on two workers would be three chunks against two; 25,000 in 13 chunks
    seven against six)."""
    return max(1, min(CHUNK, -(-n // (8 * jobs))))


def unpaired_finding(pair: FilePair, info: CodeInfo) -> Diagnostic:
    """ALN001 for a file of a pair whose counterpart is missing."""
    path = pair.ru or pair.zh
    assert path is not None
    lang = "ru" if pair.ru else "zh"
    expected = display(pair.missing) if pair.missing else "a counterpart"
    loc = Location(lang, display(path), 1, 1, 1, 1)
    return Diagnostic(
        code="ALN001",
        slug=info.slug,
        category="alignment",
        severity=info.severity,
        message=f"{'RU' if lang == 'ru' else 'ZH'} file has no counterpart (expected {expected})",
        location=loc,
        counterpart=None,
        expected=expected,
    )
