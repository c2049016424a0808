"""The run-level stream: what checks that compare pairs learn from each
bead, collected in input order and turned into findings at the end of
the run.

Most checks see one pair: their findings come from ``check``,
``begin_pair`` and ``finish_pair``.  A check that reports across the run
(CON001: one Russian name rendered two ways in different files; ZHV001:
two Chinese versions of one text) returns, for each bead,
``run_facts(bead, ctx)``: small picklable records.  Wherever the bead is
checked (this process, or a worker process that checks a pair or a
chunk of a large pair), its facts are gathered as a :data:`PairFacts`
per chunk of beads and go to the main process (with the pair's findings
from a worker); the main process appends them, in input order, to each
check's :meth:`~ruconsist.checks.base.Check.fact_stream`
(:class:`RunFacts`), and at the end of the run hands the stream to the
check's ``finish_run(facts)``.  No check keeps state from one pair to the
next, so serial and forked runs find the same, and the worker runner
(:mod:`ruconsist.runner`) needs nothing of the checks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ruconsist.checks.base import Check, reports_run
from ruconsist.diagnostic import Diagnostic

#: The facts of one pair (or of a stretch of its beads): by the place of
#: the check in the run's list of checks, in bead order.
PairFacts = dict[int, list[Any]]
#: Where the facts of each stretch of a pair's beads go as soon as they
#: are gathered: the run's streams (in the main process), or the pair's
#: facts a worker sends back.
TakeFacts = Callable[[PairFacts], None]


def teller_checks(checks: Sequence[Check]) -> list[tuple[int, Check]]:
    """The checks that report across the run, with their places."""
    return [(i, check) for i, check in enumerate(checks) if reports_run(check)]


def extend(into: PairFacts, more: PairFacts | None) -> None:
    """Append the facts of a later stretch of beads (``more``) to ``into``."""
    for i, found in (more or {}).items():
        into.setdefault(i, []).extend(found)


class RunFacts:
    """The facts of one run, a stream per check that reports across it."""

    def __init__(self, checks: Sequence[Check]) -> None:
        self.checks = checks
        self.streams = {i: check.fact_stream() for i, check in teller_checks(checks)}

    def add(self, facts: PairFacts | None) -> None:
        """Take the facts of the next stretch of beads (a chunk of a
        pair, or a whole pair from a worker), in input order."""
        for i, found in (facts or {}).items():
            stream = self.streams[i]
            for fact in found:
                stream.append(fact)

    def findings(self) -> list[Diagnostic]:
        """Every check's findings across the run, in the order of the
        checks.  A check without facts of its own is asked with no
        argument (a plugin written before facts were, which keeps what
        it learns itself)."""
        diags: list[Diagnostic] = []
        for i, check in enumerate(self.checks):
            stream = self.streams.get(i)
            diags.extend(check.finish_run() if stream is None else check.finish_run(stream))
        return diags
