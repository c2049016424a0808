"""The base every check kind builds on.

A check kind is a class with static metadata (code, slug, category,
default severity) and a docstring with PASS/FAIL examples, which is what
``ruconsist explain CODE`` prints.  The engine creates one instance per
run and calls, for every file pair::

    check.begin_pair(ctx)            # document-level preparation
    for bead in ctx.beads:
        check.check(bead, ctx)      # -> Iterator[Diagnostic]
    check.finish_pair(ctx)          # -> Iterator[Diagnostic]

A check that compares pairs (CON001 counts each name's renderings over
every pair of the run) also says, per bead, what the bead tells the run:
``run_facts(bead, ctx)`` returns small picklable records.  The engine
collects them where the bead is checked (a worker process or this one)
and hands them, in input order, to ``finish_run(facts)`` once at the end
(see :mod:`ruconsist.runfacts`), so that no check keeps state across
pairs.  Checks never print and never raise to report a finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from ruconsist.context import PairContext
from ruconsist.diagnostic import Diagnostic, Fix, Location, Severity
from ruconsist.document import SegmentPair, other
from ruconsist.lang import LANG_NAME as LANG_NAME  # the checks import it from here

if TYPE_CHECKING:
    from ruconsist.config import Config
    from ruconsist.rules import RuleSet
    from ruconsist.schema import Schema

#: An option's allowed values (a tuple) or type (bool, float, str, list,
#: dict), and what it does.
OptionSpec = tuple[Any, str]

VALID_CODE = re.compile(r"^[A-Z]{1,3}[0-9]{1,3}$")


class FactStream(Protocol):
    """Where the run's facts of one check wait for its ``finish_run``:
    anything that takes them one by one, in input order."""

    def append(self, fact: Any, /) -> None: ...


class Check:
    """Base class of check kinds.  Subclasses set the class attributes
    and implement :meth:`check` (and optionally the other hooks)."""

    code: ClassVar[str]
    slug: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity] = Severity.ERROR
    #: Other codes this module reports (code -> (slug, category, severity))
    #: when one class emits several closely related findings.
    extra_codes: ClassVar[dict[str, tuple[str, str, Severity]]] = {}
    #: The ``ruconsist explain`` page of each extra code: its own
    #: description and PASS/FAIL examples (the class docstring is the
    #: page of ``code``).
    code_docs: ClassVar[dict[str, str]] = {}
    #: Set to True by a class whose own ``begin_pair``/``finish_pair``
    #: keep the findings of :meth:`check` in a bead a matter of that bead
    #: alone (given the pair's rules, configuration and dateline), so that
    #: an editor's lint after an edit may reuse them for an unchanged bead
    #: (see :mod:`ruconsist.incremental`).  A check that overrides no
    #: pair hook is such a check without saying so.
    bead_local: ClassVar[bool | None] = None
    #: Vocabulary sections of the rule packs that this check reads beyond
    #: the built-in ones (:data:`ruconsist.packschema.VOCAB_SECTIONS`),
    #: each with a schema (:mod:`ruconsist.schema`) or ``None``: a run
    #: refuses a pack whose ``vocab:`` holds a section no check reads.
    vocab: ClassVar[Mapping[str, Schema | None]] = {}
    #: House-style options this check reads from the configuration's
    #: ``options:`` (name -> (allowed values or a type, what it does));
    #: the configuration validates them (see :data:`ruconsist.config.OPTIONS`).
    options: ClassVar[Mapping[str, OptionSpec]] = {}
    #: For a check whose :meth:`check` carries state from one bead to the
    #: next (TYP003 pairs quotation marks across paragraphs): how many
    #: checked beads before and after a stretch of beads decide its
    #: findings there.  When a large pair is checked in chunks (in worker
    #: processes), such a check runs over each chunk widened by this many
    #: beads on either side, from a fresh ``begin_pair``, and keeps only
    #: its findings inside the chunk, so that they are the findings of
    #: one pass over the pair.
    neighbour_beads: ClassVar[int] = 0

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # The attribute's earlier name, which plugins may still set.
        if "context_beads" in vars(cls):
            cls.neighbour_beads = cls.context_beads  # type: ignore[attr-defined]

    def __init__(self, rules: RuleSet, config: Config) -> None:
        self.rules = rules
        self.config = config

    @classmethod
    def explain(cls, code: str, rules: RuleSet | None = None) -> str:
        """The documentation of ``code``, one of this check's codes: what
        it reports, and ``Examples`` lines ``PASS  RU «…»  ZH «…»`` and
        ``FAIL  RU «…»  ZH «…»  -> CODE`` that the test suite runs."""
        import inspect

        if code in cls.code_docs:
            return inspect.cleandoc(cls.code_docs[code])
        return inspect.getdoc(cls) or ""

    @classmethod
    def codes(cls) -> dict[str, tuple[str, str, Severity]]:
        out = {cls.code: (cls.slug, cls.category, cls.severity)}
        out.update(cls.extra_codes)
        return out

    def begin_pair(self, ctx: PairContext) -> None:
        """Prepare document-level state (e.g. a dateline's year)."""

    def check(
        self, bead: SegmentPair, ctx: PairContext
    ) -> Iterator[Diagnostic]:
        return iter(())

    def finish_pair(self, ctx: PairContext) -> Iterator[Diagnostic]:
        return iter(())

    # The run ------------------------------------------------------------

    def run_facts(self, bead: SegmentPair, ctx: PairContext) -> Iterable[Any]:
        """What ``bead`` tells a check that reports across the whole run:
        small picklable records (a name and its rendering, with where
        they stand), in the order ``finish_run`` should take them.  Called
        once per checked bead, in the process that checks it; it reads
        the bead and the pair, and changes nothing of the check."""
        return ()

    def fact_stream(self) -> FactStream:
        """Where this check's facts of a run wait for :meth:`finish_run`:
        a list, or something that keeps them more compactly as they come
        (CON001 keeps rows of integers with one string table)."""
        return []

    def finish_run(self, facts: Any = None) -> Iterator[Diagnostic]:
        """The findings across the whole run, from the facts of every
        bead of every pair (the :meth:`fact_stream` they were appended
        to), in the main process, once the last pair is linted."""
        return iter(())

    # Helpers for subclasses -------------------------------------------

    def report(
        self,
        bead: SegmentPair,
        lang: str,
        start: int,
        end: int,
        message: str,
        *,
        code: str | None = None,
        category: str | None = None,
        severity: Severity | None = None,
        rule: str | None = None,
        expected: str | None = None,
        found: str | None = None,
        fix: tuple[int, int, str] | None = None,
        counterpart: Location | None | bool = True,
    ) -> Diagnostic:
        """Build a diagnostic for ``bead.side(lang).text[start:end]``.

        The counterpart defaults to the aligned sentence on the other
        side; ``fix`` is (start, end, replacement) in the same side text.
        """
        code = code or self.code
        slug, default_category, default_severity = self.codes()[code]
        side = bead.side(lang)
        loc = side.location(start, end)
        if counterpart is True:
            cp = bead.counterpart(lang, start, end)
        elif counterpart is False:
            cp = None
        else:
            cp = counterpart
        fix_obj = None
        if fix is not None:
            seg, local = side._resolve(fix[0])
            a = seg.file_offset(local)
            b = seg.file_offset(local + (fix[1] - fix[0]) - 1) + 1
            fix_obj = Fix(seg.doc.path, a, b, fix[2])
        return Diagnostic(
            code=code,
            slug=slug,
            category=category or default_category,
            severity=severity if severity is not None else default_severity,
            message=message,
            location=loc,
            counterpart=cp,
            rule=rule,
            expected=expected,
            found=found,
            fix=fix_obj,
            segment=bead.id,
        )

    def report_against(
        self, bead: SegmentPair, lang: str, mine: Any, theirs: Any, message: str, **fields: Any
    ) -> Diagnostic:
        """:meth:`report` for a mention ``mine`` of ``lang``'s side (anything
        with ``start``, ``end`` and ``text``) that disagrees with the
        mention ``theirs`` of the other side, its counterpart; ``found``
        is ``mine``'s text unless given."""
        if "found" not in fields:
            fields["found"] = mine.text
        counterpart = bead.side(other(lang)).location(theirs.start, theirs.end)
        return self.report(bead, lang, mine.start, mine.end, message, counterpart=counterpart, **fields)


def reports_run(check: Check) -> bool:
    """Whether ``check`` learns from every pair of a run (it has
    :meth:`Check.run_facts` of its own)."""
    return type(check).run_facts is not Check.run_facts


def other_lang(lang: str) -> str:
    return other(lang)
