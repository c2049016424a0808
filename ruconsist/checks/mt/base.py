"""The base of the machine translation checks (MT001-MT005): they run
with the ``mt`` profile only, and look at the target side of a segment
against its source (see :mod:`ruconsist.profile`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from ruconsist.checks.base import Check, PairContext
from ruconsist.diagnostic import Diagnostic
from ruconsist.document import SegmentPair
from ruconsist.profile import mt_sides


class MTCheck(Check):
    """Subclasses implement :meth:`check_mt`, called with the source and
    target languages of the pair when its profile is ``mt`` (and, when
    the class names its ``directions``, the pair is translated in one of
    them)."""

    #: The (source, target) directions the check reads, e.g.
    #: ``(("zh", "ru"),)`` for one that only knows Chinese into Russian;
    #: empty for every direction.
    directions: ClassVar[tuple[tuple[str, str], ...]] = ()

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        sides = mt_sides(ctx.config)
        if sides is None or (self.directions and sides not in self.directions):
            return iter(())
        return self.check_mt(bead, ctx, *sides)

    def check_mt(self, bead: SegmentPair, ctx: PairContext, source: str, target: str) -> Iterator[Diagnostic]:
        raise NotImplementedError
