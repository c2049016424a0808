"""The base every check kind builds on.

A check kind is a class with static metadata (code, slug, category,
default severity) and a docstring with PASS/FAIL examples, which is what
``ruconsist explain CODE`` prints.  The engine creates one instance per
run and calls, for every file pair::

    check.begin_pair(ctx)            # document-level preparation
    for bead in ctx.beads:
        check.check(bead, ctx)      # -> Iterator[Diagnostic]
    check.finish_pair(ctx)          # -> Iterator[Diagnostic]

and ``finish_run()`` once at the end for findings across the whole run.
Checks never print and never raise to report a finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from ruconsist.checks.parallel import InWorkers
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


class Check(InWorkers):
    """Base class of check kinds.  Subclasses set the class attributes
    and implement :meth:`check` (and optionally the other hooks).  What
    checking in worker processes asks of a check (``run_state``,
    ``merge_run_state``, ``context_beads``) is the :class:`InWorkers`
    protocol of :mod:`ruconsist.checks.parallel`."""

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

    def finish_run(self) -> Iterator[Diagnostic]:
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


def other_lang(lang: str) -> str:
    return other(lang)
