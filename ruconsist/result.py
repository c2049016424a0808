"""What linting one file pair gives the command line and the formatters:
its findings, beads and context (:class:`PairResult`), and what is known
of each registered code (:class:`CodeInfo`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ruconsist.context import PairContext
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import SegmentPair
from ruconsist.errors import RuconsistError
from ruconsist.pairing import FilePair

if TYPE_CHECKING:
    from ruconsist.checks.base import Check


@dataclass
class PairResult:
    pair: FilePair
    diagnostics: list[Diagnostic] = field(default_factory=list)
    beads: list[SegmentPair] = field(default_factory=list)
    context: PairContext | None = None
    error: RuconsistError | None = None
    #: The inline directives of the pair's files, by path (files without
    #: any are left out), for the findings of run-level checks.
    directives: dict[str, Any] = field(default_factory=dict)
    #: How many aligned segments (beads) the pair has.
    segments: int = 0
    #: What the checks that report across the run learnt from the pair
    #: (:data:`ruconsist.runfacts.PairFacts`), until the run takes it.
    facts: dict[int, list[Any]] | None = None


@dataclass
class CodeInfo:
    code: str
    slug: str
    category: str
    severity: Severity
    check: type[Check]
