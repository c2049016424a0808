"""The base of the machine translation checks (MT001-MT004): they run
with the ``mt`` profile only, and look at the target side of a segment
against its source (see :mod:`ruconsist.profile`)."""

from __future__ import annotations

from collections.abc import Iterator

from ruconsist.checks.base import Check, PairContext
from ruconsist.diagnostic import Diagnostic
from ruconsist.document import SegmentPair
from ruconsist.profile import mt_sides


class MTCheck(Check):
    """Subclasses implement :meth:`check_mt`, called with the source and
    target languages of the pair when its profile is ``mt``."""

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        sides = mt_sides(ctx.config)
        if sides is None:
            return iter(())
        return self.check_mt(bead, ctx, *sides)

    def check_mt(self, bead: SegmentPair, ctx: PairContext, source: str, target: str) -> Iterator[Diagnostic]:
        raise NotImplementedError
