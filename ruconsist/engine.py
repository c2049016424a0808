"""The pipeline: files → pairs → documents → segments → alignment →
checks → diagnostics.  Pure: it reads files and returns results; it
never prints and never decides an exit code.

:class:`Linter` ties the steps together for one run; each step has its
own owner: the check registry (:mod:`ruconsist.registry`), reading
(:mod:`ruconsist.reading`), aligning (:mod:`ruconsist.align`), checking
a pair (:mod:`ruconsist.checking`), deciding (:mod:`ruconsist.decide`)
and worker processes (:mod:`ruconsist.runner`)."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ruconsist import guard
from ruconsist.align.segments import raw_beads
from ruconsist.checking import STAGE_NOTE, PairChecker, pair_context, unpaired_finding
from ruconsist.checks.base import PairContext
from ruconsist.config import Config
from ruconsist.decide import Decider
from ruconsist.diagnostic import Diagnostic
from ruconsist.document import SegmentPair
from ruconsist.errors import InputError, RuconsistError
from ruconsist.cancel import watching
from ruconsist.incremental import Cancelled
from ruconsist.pairing import FilePair, discover, make_pairs
from ruconsist.paths import display
from ruconsist.reading import Reading, simplify_traditional
from ruconsist.readers.base import Parsed
from ruconsist.registry import CheckRegistry, run_rules
from ruconsist.result import PairResult
from ruconsist.rules import RuleSet
from ruconsist.runfacts import PairFacts, RunFacts, TakeFacts, extend
from ruconsist.runner import Runner, worth_a_pool

if TYPE_CHECKING:
    import pluggy

    from ruconsist.incremental import PairReuse

#: Errors of the libraries readers use (json, PyYAML, polib, XML,
#: markdown-it-py) that mean "this file is malformed" when a reader's
#: call into them raises.
_LIMIT_MESSAGES = (
    ("Exceeds the limit", "a number with more digits than can be read (the limit is 4300)"),
    ("maximum recursion depth", "text nested too deeply to read"),
)


def input_error(exc: Exception, path: str, stage: str) -> RuconsistError:
    """The error a pair ends with when ``exc`` escaped while reading
    (``stage`` "read") or checking it: a known parser limit, or an
    exception a library raised while reading a malformed file, is an
    :class:`InputError`; anything else is a bug, :class:`NotChecked`."""
    from ruconsist.errors import NotChecked

    text = str(exc)
    if isinstance(exc, RecursionError):
        return InputError("text nested too deeply to read", path)
    if isinstance(exc, MemoryError):
        return InputError("file too large to hold in memory", path)
    for needle, message in _LIMIT_MESSAGES:
        if needle in text:
            return InputError(message, path, _exc_line(exc))
    notes = [n[len(STAGE_NOTE):] for n in getattr(exc, "__notes__", ()) if n.startswith(STAGE_NOTE)]
    line = None
    if notes:
        stage, _, where = notes[0].partition("|")
        line = int(where) if where.isdigit() else None
    elif stage == "read" and not _raised_in_ruconsist(exc):
        return InputError(f"cannot read: {type(exc).__name__}: {' '.join(text.split())[:200]}", path, _exc_line(exc))
    err = NotChecked.from_exception(exc, path, stage)
    err.line = line
    return err


def _raised_in_ruconsist(exc: BaseException) -> bool:
    tb = exc.__traceback__
    last = None
    while tb is not None:
        last = tb.tb_frame.f_code.co_filename
        tb = tb.tb_next
    return last is not None and os.path.dirname(__file__) in last


def _exc_line(exc: BaseException) -> int | None:
    """The input line a parser's exception names, if any."""
    for attr in ("lineno", "line"):
        value = getattr(exc, attr, None)
        if isinstance(value, int) and value > 0:
            return value
    mark = getattr(exc, "problem_mark", None)
    if mark is not None and isinstance(getattr(mark, "line", None), int):
        return int(mark.line) + 1
    position = getattr(exc, "position", None)
    if isinstance(position, tuple) and position and isinstance(position[0], int):
        return position[0]
    return None


class Linter:
    """Holds what a run needs: plugins, configuration, rule packs, the
    check instances.  ``lint_paths`` yields one :class:`PairResult` per
    file pair."""

    def __init__(
        self,
        config: Config,
        pm: pluggy.PluginManager | None = None,
        rules: RuleSet | None = None,
        extra_rules: Sequence[str] = (),
        jobs: int | None = 1,
    ) -> None:
        from ruconsist.packschema import check_vocab_sections
        from ruconsist.plugins import get_plugin_manager
        from ruconsist.runner import default_jobs

        self.config = config
        #: ``jobs=None`` chooses: one worker per CPU (see
        #: :func:`~ruconsist.runner.default_jobs`) for a run with enough
        #: text to pay for starting them, else none.
        self.auto_jobs = jobs is None
        self.jobs = default_jobs() if jobs is None else max(1, jobs)
        self.decider = Decider(config)
        self.pm = pm or get_plugin_manager()
        self.registry = CheckRegistry(self.pm)
        self.codes = self.registry.codes
        self.reading = Reading(config, self.pm)
        self.rules = rules if rules is not None else run_rules(self.pm, config, extra_rules)
        check_vocab_sections(self.rules.packs, self.registry.vocab_sections())
        self.registry.add_rule_codes(self.rules)
        self.checks = self.registry.instances(self.rules, config, self.decider.selected)
        #: What the checks that report across the run learnt so far.
        self.run_facts = RunFacts(self.checks)

    @property
    def extensions(self) -> tuple[str, ...]:
        """File name endings some reader reads."""
        return self.reading.extensions

    def pairs(self, paths: Iterable[str | os.PathLike[str]]) -> Iterator[FilePair]:
        for pair in make_pairs(discover(paths, self.extensions, self.config), self.config, self.pm):
            yield from self.reading.table_parts(pair)

    def lint_paths(self, paths: Iterable[str | os.PathLike[str]]) -> Iterator[PairResult]:
        return self.lint_many(self.pairs(paths))

    def lint_many(self, pairs: Iterable[FilePair]) -> Iterator[PairResult]:
        """Lint pairs, in worker processes when ``jobs`` > 1 and fork is
        available.  Workers are forked after the rule packs and matchers
        are built, so they share them; each returns its diagnostics and
        the pair's run-level facts, taken in here in input order."""
        pairs = list(pairs)
        if not worth_a_pool(self.jobs, len(pairs), self.auto_jobs, lambda: (p for pair in pairs for p in pair.paths)):
            for pair in pairs:
                yield self.lint_pair(pair)
            return
        chunksize = max(1, min(16, len(pairs) // (self.jobs * 8)))
        for result in Runner(self.jobs).map(self._lint_pair_for_parent, pairs, chunksize):
            self.run_facts.add(result.facts)
            result.facts = None
            self.decider.run_directives.update(result.directives)
            yield result

    def _lint_pair_for_parent(self, pair: FilePair) -> PairResult:
        """Lint ``pair`` in a worker: its findings and run-level facts
        (beads and documents stay in the worker)."""
        facts: PairFacts = {}
        result = self._lint_pair(pair, functools.partial(extend, facts))
        return PairResult(
            pair,
            diagnostics=result.diagnostics,
            error=result.error,
            directives=result.directives,
            segments=result.segments,
            facts=facts or None,
        )

    def lint_pair(
        self, pair: FilePair, texts: Mapping[Path, str] | None = None, reuse: PairReuse | None = None
    ) -> PairResult:
        """Read and check one pair.  ``texts``: the content of files open
        in an editor, by path, read instead of the files on disk.
        ``reuse``: what the last lint of this pair left (see
        :mod:`ruconsist.incremental`), for an editor's lint after an edit.
        The run-level checks take in what they learn from it.

        Whatever goes wrong stays with this pair: an input error, or an
        unexpected exception in a reader, a check or a plugin, becomes
        ``result.error`` (a :class:`NotChecked` for a bug), and the run
        goes on.  A lint that ``reuse`` says is no longer wanted raises
        :class:`~ruconsist.incremental.Cancelled` (also from within the
        alignment, see :mod:`ruconsist.cancel`)."""
        if reuse is None:
            return self._lint_pair(pair, self.run_facts.add, texts, None)
        with watching(reuse.checkpoint):
            return self._lint_pair(pair, self.run_facts.add, texts, reuse)

    def _lint_pair(
        self,
        pair: FilePair,
        take: TakeFacts,
        texts: Mapping[Path, str] | None = None,
        reuse: PairReuse | None = None,
    ) -> PairResult:
        """:meth:`lint_pair`, the run-level facts handed to ``take``."""
        texts = texts or {}
        result = PairResult(pair)
        current = pair.paths[0]
        guard.current = display(current)
        stage = "read"
        try:
            if pair.missing is not None or (pair.bilingual is None and (pair.ru is None or pair.zh is None)):
                result.diagnostics = self.decider.finish([unpaired_finding(pair, self.codes["ALN001"])], None)
                return result
            if pair.bilingual is not None:
                parsed = self.reading.read(pair.bilingual, None, texts.get(pair.bilingual), pair.part)
                ru_parsed = zh_parsed = parsed
            else:
                assert pair.ru is not None and pair.zh is not None
                current = pair.ru
                ru_parsed = self._read_kept(pair.ru, "ru", texts.get(pair.ru), reuse)
                current = pair.zh
                zh_parsed = self._read_kept(pair.zh, "zh", texts.get(pair.zh), reuse)
            current = pair.paths[0]
            stage = "check"
            if reuse is not None:
                reuse.checkpoint()
            result.beads, result.diagnostics, result.context = self._lint_parsed(ru_parsed, zh_parsed, take, reuse)
            result.segments = result.context.state.get("segments", 0)
            result.directives = result.context.state.get("directives") or {}
        except Cancelled:
            raise
        except RuconsistError as exc:
            result.error = exc
        except Exception as exc:  # noqa: BLE001 - isolated to this pair, reported
            result.error = input_error(exc, display(current), stage)
            result.beads, result.diagnostics, result.context = [], [], None
        return result

    def _read_kept(self, path: Path, lang: str, text: str | None, reuse: PairReuse | None) -> Parsed:
        """The file read, or its reading by the last lint when the editor
        holds the same text (see :meth:`PairReuse.parsed`): typing in one
        file of a pair, the other is not read again."""
        if reuse is None or text is None:
            return self.reading.read(path, lang, text)
        return reuse.parsed((path, text, id(self), self.config), lambda: self.reading.read(path, lang, text))

    def lint_parsed(
        self, ru: Parsed, zh: Parsed, reuse: PairReuse | None = None
    ) -> tuple[list[SegmentPair], list[Diagnostic], PairContext]:
        """Align two read files (or both halves of one bilingual file) and
        run every check over the beads (see :mod:`ruconsist.checking`):
        the beads kept, the decided findings, the pair's context.  The
        run-level checks take in what they learn from it."""
        return self._lint_parsed(ru, zh, self.run_facts.add, reuse)

    def _lint_parsed(
        self, ru: Parsed, zh: Parsed, take: TakeFacts, reuse: PairReuse | None = None
    ) -> tuple[list[SegmentPair], list[Diagnostic], PairContext]:
        """:meth:`lint_parsed`, the run-level facts handed to ``take``."""
        config = self.config.for_paths((ru.doc.path, zh.doc.path))
        region = simplify_traditional(zh, config.options.get("zh-region", "auto"))
        raw = raw_beads(ru, zh, self.pm, self.config, self.rules)
        if reuse is not None:
            reuse.checkpoint()
        rules = self.rules.for_region(region)
        ctx = pair_context(ru, zh, rules, config, raw, self.codes)
        kept, diags = PairChecker(self.checks, self.jobs).check(raw, ctx, take, reuse)
        return kept, self.decider.finish(diags, ctx), ctx

    def reset_run(self) -> None:
        """Forget what run-level checks learnt so far, so that the next
        pairs make a run of their own: a long-lived linter (the language
        server's) lints the same pair again after each edit."""
        self.run_facts = RunFacts(self.checks)
        self.decider = Decider(self.config)

    def finish_run(self) -> list[Diagnostic]:
        """Findings of the run-level checks, less those an inline
        directive disables where they point (either file)."""
        return self.decider.finish_run(self.run_facts.findings())
