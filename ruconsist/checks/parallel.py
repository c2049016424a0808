"""What running checks in worker processes asks of a check, in one place.

With ``--jobs`` the engine lints pairs in forked workers, and one large
pair in chunks of beads across workers (:mod:`ruconsist.checking`).  Each
worker holds its own copy of every check, so two kinds of check need to
tell the engine more than :class:`~ruconsist.checks.base.Check` says:

* A check that learns across the whole run and reports in
  ``finish_run`` (CON001 counts renderings over every pair): after each
  pair a worker sends :meth:`InWorkers.run_state` to the main process,
  which hands it to its own copy's :meth:`InWorkers.merge_run_state`.
* A check whose ``check`` carries state from one bead to the next
  (TYP003 pairs quotation marks across paragraphs): a chunk checked on
  its own would see half of a quotation, so the chunk is widened by
  :attr:`InWorkers.context_beads` checked beads on either side.

Every check has these with do-nothing defaults (``Check`` derives from
:class:`InWorkers`); a check overrides only what it needs, and nothing
else in the engine reaches into a check for the workers' sake: the
engine uses :func:`run_states` and :func:`merge_run_states`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar


class InWorkers:
    """The protocol: run-level state a worker sends back, and the context
    a chunk of beads needs."""

    #: For a check whose :meth:`check` carries state from one bead to the
    #: next (TYP003 pairs quotation marks across paragraphs): how many
    #: checked beads before and after a stretch of beads decide its
    #: findings.  When worker processes check a large pair in chunks, such
    #: a check runs over each chunk widened by this many beads on either
    #: side, from a fresh ``begin_pair``, and keeps only its findings
    #: inside the chunk, so that they are the findings of one process.
    context_beads: ClassVar[int] = 0

    def run_state(self) -> object | None:
        """What this check learnt since the last call, as a picklable
        value, and forget it: a worker sends it to the main process after
        each pair.  ``None`` when the check keeps no run-level state."""
        return None

    def merge_run_state(self, state: object) -> None:
        """Take in what a worker's copy of this check learnt."""


def run_states(checks: Sequence[InWorkers]) -> list[object | None]:
    """What each check learnt since the last call (see
    :meth:`InWorkers.run_state`), in the order of ``checks``."""
    return [check.run_state() for check in checks]


def merge_run_states(checks: Sequence[InWorkers], states: Sequence[object | None]) -> None:
    """Hand each check what its copy in a worker learnt."""
    for check, state in zip(checks, states):
        if state is not None:
            check.merge_run_state(state)
