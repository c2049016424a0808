"""The pipeline: files → pairs → documents → segments → alignment →
checks → diagnostics.  Pure: it reads files and returns results; it
never prints and never decides an exit code."""

from __future__ import annotations

import os
from itertools import islice
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ruconsist import guard
from ruconsist.align.segments import raw_beads, wrap_beads
from ruconsist.checks.base import VALID_CODE, Check, PairContext
from ruconsist.config import Config
from ruconsist.decide import Decider
from ruconsist.diagnostic import Diagnostic, Location
from ruconsist.document import Document, Segment, SegmentPair, decode
from ruconsist.errors import InputError, RuconsistError, RuleError
from ruconsist.pairing import FilePair, discover, make_pairs
from ruconsist.paths import display
from ruconsist.readers.base import Parsed, Reader
from ruconsist.result import CodeInfo, PairResult
from ruconsist.runner import Runner, can_fork, in_worker
from ruconsist.rules import RuleSet, load_rules

if TYPE_CHECKING:
    import pluggy

    from ruconsist.incremental import PairReuse

#: Larger files are refused with a clear error rather than read for
#: minutes: translation files of this size are exports, not articles.
MAX_FILE_BYTES = 16 * 1024 * 1024
#: Beads are checked this many at a time; results for more than
#: KEEP_BEADS beads are not kept in memory.
CHUNK = 2000
KEEP_BEADS = 20000
#: Findings one check may report in one bead.  A real paragraph has a
#: handful; thousands (a line of ``](`` repeated) would cost more to
#: build and print than the text costs to read, and no editor reads
#: them, so past this the check stops on that bead with one LIM001.
MAX_FINDINGS_PER_BEAD = 100


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
        if not any(n.startswith(_STAGE_NOTE) for n in getattr(exc, "__notes__", ())):
            side = bead.ru if bead.ru else bead.zh
            line = side.segments[0].location(0, 0).line if side.segments else None
            exc.add_note(f"{_STAGE_NOTE}check {check.code}|{line or ''}")
        raise
    if len(found) > MAX_FINDINGS_PER_BEAD:
        from ruconsist.checks.limits import too_many_findings

        found[MAX_FINDINGS_PER_BEAD:] = [too_many_findings(found[MAX_FINDINGS_PER_BEAD], MAX_FINDINGS_PER_BEAD)]
    return found


_STAGE_NOTE = "ruconsist-stage: "
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
    notes = [n[len(_STAGE_NOTE):] for n in getattr(exc, "__notes__", ()) if n.startswith(_STAGE_NOTE)]
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
        from ruconsist.plugins import get_plugin_manager

        self.config = config
        #: ``jobs=None`` chooses: one worker per CPU (see
        #: :func:`default_jobs`) for a run with enough text to pay for
        #: starting them, else none.
        self.auto_jobs = jobs is None
        self.jobs = default_jobs() if jobs is None else max(1, jobs)
        self.decider = Decider(config)
        self.pm = pm or get_plugin_manager()
        self.codes: dict[str, CodeInfo] = {}
        self.check_classes: list[type[Check]] = []
        self.pm.hook.ruconsist_register_checks(register=self._register_check)
        self.readers: list[type[Reader]] = []
        self.pm.hook.ruconsist_register_readers(register=self.readers.append)
        if rules is None:
            plugin_packs: list[Path] = []
            self.pm.hook.ruconsist_register_packs(register=plugin_packs.append)
            rules = load_rules(
                [*config.rules, *extra_rules],
                defaults=config.default_rules,
                plugin_packs=plugin_packs,
            )
        self.rules = rules
        from ruconsist.packschema import check_vocab_sections

        check_vocab_sections(rules.packs, {k: v for cls in self.check_classes for k, v in cls.vocab.items()})
        # Codes that rule packs define (a house pattern rule's DSK001)
        # belong to the check that reports them.
        for cls in self.check_classes:
            rule_codes = getattr(cls, "rule_codes", None)
            if rule_codes is None:
                continue
            for code, (slug, category, severity) in rule_codes(self.rules).items():
                self.codes.setdefault(code, CodeInfo(code, slug, category, severity, cls))
        self.checks = [cls(self.rules, config) for cls in self.check_classes if self._wanted(cls)]

    def _register_check(self, cls: type[Check]) -> None:
        for code, (slug, category, severity) in cls.codes().items():
            if not VALID_CODE.match(code):
                raise RuleError(f"check {cls.__name__}: invalid code {code!r} (expected e.g. ABC123)")
            if code in self.codes and self.codes[code].check is not cls:
                raise RuleError(f"check code {code} registered twice ({self.codes[code].check.__name__}, {cls.__name__})")
            self.codes[code] = CodeInfo(code, slug, category, severity, cls)
        if cls not in self.check_classes:
            self.check_classes.append(cls)

    def _wanted(self, cls: type[Check]) -> bool:
        own = [c for c, info in self.codes.items() if info.check is cls]
        return any(self.selected(code) for code in [*cls.codes(), *own])

    # Deciding (see ruconsist.decide) ----------------------------------

    def selected(self, code: str) -> bool:
        return self.decider.selected(code)

    def decide(self, diag: Diagnostic) -> Diagnostic | None:
        return self.decider.decide(diag)

    def finish(self, diags: Iterable[Diagnostic], ctx: PairContext | None) -> list[Diagnostic]:
        return self.decider.finish(diags, ctx)

    # Reading ----------------------------------------------------------

    def reader_for(self, path: Path, head: str) -> Reader:
        name = path.name.lower()
        if self.config.align == "lines":
            # A table's rows are its lines already.
            table = self.table_reader_for(path)
            return table if table is not None else self._reader("lines")
        for cls in reversed(self.readers):
            if cls.extensions and name.endswith(cls.extensions):
                return cls()
        for cls in reversed(self.readers):
            if cls().sniff(str(path), head):
                return cls()
        return self._reader("text")

    def binary_reader_for(self, path: Path) -> Reader | None:
        name = path.name.lower()
        for cls in reversed(self.readers):
            if getattr(cls, "binary", False) and cls.extensions and name.endswith(cls.extensions):
                return cls()
        return None

    def table_reader_for(self, path: Path) -> Reader | None:
        """The reader of a bilingual table (CSV, TSV, workbook), if
        ``path`` is one."""
        name = path.name.lower()
        for cls in reversed(self.readers):
            if getattr(cls, "table", False) and cls.extensions and name.endswith(cls.extensions):
                return cls()
        return None

    def _reader(self, name: str) -> Reader:
        for cls in reversed(self.readers):
            if cls.name == name:
                return cls()
        raise InputError(f"no reader named {name!r}")

    @property
    def extensions(self) -> tuple[str, ...]:
        exts: list[str] = []
        for cls in self.readers:
            exts.extend(cls.extensions)
        return tuple(dict.fromkeys(exts))

    def read(self, path: Path, lang: str | None, text: str | None = None, part: str | None = None) -> Parsed:
        """Read and parse one file; ``text``, when given, is its content
        as an editor holds it (unsaved), read instead of the disk's.
        ``part`` is the RU column of a table to read against its ZH
        column (see :meth:`pairs`)."""
        shown = display(path)
        config = self.config.for_paths((shown,))
        if part is not None:
            config = replace(config, options={**config.options, "ru-column": [part]})
        if text is not None:
            return self._parse(path, decode(text.encode("utf-8"), shown), lang, None, config)
        try:
            if path.is_dir():
                raise InputError("is a directory, not a file", shown)
            if not path.exists():
                if path.is_symlink():
                    raise InputError("broken symbolic link", shown)
                raise InputError("no such file", shown)
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise InputError(f"file too large ({size // (1024 * 1024)} MB; the limit is {MAX_FILE_BYTES // (1024 * 1024)} MB)", shown)
            data = path.read_bytes()
        except PermissionError:
            raise InputError("permission denied", shown) from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", shown) from None
        binary = self.binary_reader_for(path)
        if binary is not None:
            # Containers such as .docx: the reader turns bytes into text.
            doc = binary.load(shown, data, config)  # type: ignore[attr-defined]
        else:
            doc = decode(data, shown, self.config.encoding)
        # The bytes are not needed once decoded: not held while the file
        # is parsed (the size of the file again).
        del data
        return self._parse(path, doc, lang, binary, config)

    def _parse(self, path: Path, doc: Document, lang: str | None, binary: Reader | None, config: Config) -> Parsed:
        shown = doc.path
        if not doc.text or doc.text.isspace():
            raise InputError("empty file" if not doc.text else "file holds only white space", shown)
        reader = binary if binary is not None else self.reader_for(path, doc.text[:4096])
        doc.format = reader.name
        parsed = reader.read(doc, lang, config)
        for seg_lang in list(parsed.segments):
            custom = self.pm.hook.ruconsist_segment(parsed=parsed, lang=seg_lang, config=self.config)
            if custom is not None:
                parsed.segments[seg_lang] = custom
        return parsed

    # Linting ----------------------------------------------------------

    def pairs(self, paths: Iterable[str | os.PathLike[str]]) -> Iterator[FilePair]:
        for pair in make_pairs(discover(paths, self.extensions, self.config), self.config, self.pm):
            yield from self.table_parts(pair)

    def table_parts(self, pair: FilePair) -> Iterator[FilePair]:
        """A bilingual table is one pair per RU column (each MT system,
        or the human version, against the ZH column).  A table whose
        columns cannot be chosen stays one pair, whose reading reports
        the error."""
        path = pair.bilingual
        table = self.table_reader_for(path) if path is not None else None
        if table is None or path is None or pair.part is not None:
            yield pair
            return
        try:
            parsed_doc = self._load(path, table)
            columns = table.columns(parsed_doc, self.config.for_paths((display(path),)))  # type: ignore[attr-defined]
        except RuconsistError:
            yield pair
            return
        for column in columns:
            yield replace(pair, part=column)

    def _load(self, path: Path, reader: Reader) -> Document:
        shown = display(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", shown) from None
        if getattr(reader, "binary", False):
            return reader.load(shown, data, self.config.for_paths((shown,)))  # type: ignore[attr-defined,no-any-return]
        return decode(data, shown, self.config.encoding)

    def lint_paths(self, paths: Iterable[str | os.PathLike[str]]) -> Iterator[PairResult]:
        return self.lint_many(self.pairs(paths))

    def lint_many(self, pairs: Iterable[FilePair]) -> Iterator[PairResult]:
        """Lint pairs in order; with ``jobs > 1``, in worker processes.

        Workers are forked after the rule packs and matchers are built,
        so they share them; each returns its diagnostics and the state
        run-level checks learnt from the pair, merged here.  Results come
        back in input order."""
        pairs = list(pairs)
        if (
            self.jobs <= 1
            or len(pairs) < 2
            or (self.auto_jobs and _input_bytes(pairs) < AUTO_POOL_BYTES)
            or not can_fork()
        ):
            for pair in pairs:
                yield self.lint_pair(pair)
            return
        chunksize = max(1, min(16, len(pairs) // (self.jobs * 8)))
        for result, states in Runner(self.jobs).map(self._lint_pair_for_parent, pairs, chunksize):
            self._merge_run_states(states)
            self.decider.run_directives.update(result.directives)
            yield result

    def _lint_pair_for_parent(self, pair: FilePair) -> tuple[PairResult, list[object | None]]:
        """Lint ``pair`` in a worker: its findings, and what run-level
        checks learnt (beads and documents stay in the worker)."""
        result = self.lint_pair(pair)
        slim = PairResult(
            pair, diagnostics=result.diagnostics, error=result.error, directives=result.directives, segments=result.segments
        )
        return slim, self._run_states()

    def _run_states(self) -> list[object | None]:
        return [check.run_state() for check in self.checks]

    def _merge_run_states(self, states: list[object | None]) -> None:
        for check, state in zip(self.checks, states):
            if state is not None:
                check.merge_run_state(state)

    def lint_pair(
        self, pair: FilePair, texts: Mapping[Path, str] | None = None, reuse: PairReuse | None = None
    ) -> PairResult:
        """Read and check one pair.  ``texts``: the content of files open
        in an editor, by path, read instead of the files on disk.
        ``reuse``: what the last lint of this pair left (see
        :mod:`ruconsist.incremental`), for an editor's lint after an edit.

        Whatever goes wrong stays with this pair: an input error, or an
        unexpected exception in a reader, a check or a plugin, becomes
        ``result.error`` (a :class:`NotChecked` for a bug), and the run
        goes on."""
        texts = texts or {}
        result = PairResult(pair)
        current = pair.paths[0]
        guard.current = display(current)
        stage = "read"
        try:
            if pair.missing is not None or (pair.bilingual is None and (pair.ru is None or pair.zh is None)):
                result.diagnostics = self._unpaired(pair)
                return result
            if pair.bilingual is not None:
                parsed = self.read(pair.bilingual, None, texts.get(pair.bilingual), pair.part)
                ru_parsed = zh_parsed = parsed
            else:
                assert pair.ru is not None and pair.zh is not None
                current = pair.ru
                ru_parsed = self.read(pair.ru, "ru", texts.get(pair.ru))
                current = pair.zh
                zh_parsed = self.read(pair.zh, "zh", texts.get(pair.zh))
            current = pair.paths[0]
            stage = "check"
            result.beads, result.diagnostics, result.context = self.lint_parsed(ru_parsed, zh_parsed, reuse)
            result.segments = result.context.state.get("segments", 0)
            result.directives = result.context.state.get("directives") or {}
        except RuconsistError as exc:
            result.error = exc
        except Exception as exc:  # noqa: BLE001 - isolated to this pair, reported
            result.error = input_error(exc, display(current), stage)
            result.beads, result.diagnostics, result.context = [], [], None
        return result

    def lint_parsed(
        self, ru: Parsed, zh: Parsed, reuse: PairReuse | None = None
    ) -> tuple[list[SegmentPair], list[Diagnostic], PairContext]:
        """Align two read files (or both halves of one bilingual file) and
        run every check over the beads.

        Beads are built and checked in chunks, so a corpus of 100,000
        line pairs never holds 100,000 beads (with their caches) at once;
        up to ``KEEP_BEADS`` beads are kept for the caller (the report,
        ``show-alignment``)."""
        config = self.config.for_paths((ru.doc.path, zh.doc.path))
        region = _simplify_traditional(zh, config.options.get("zh-region", "auto"))
        raw = self.raw_beads(ru, zh)
        keep = len(raw) <= KEEP_BEADS
        ctx = PairContext(
            ru_doc=ru.doc,
            zh_doc=zh.doc,
            rules=self.rules.for_region(region),
            config=config,
            beads=[],
            header=[(ru.doc, a, b) for a, b in ru.header],
        )
        findings: list[tuple[str, Any]] = []
        kept: list[SegmentPair] = []
        ctx.state["alignment"] = findings
        ctx.state["all_beads"] = kept
        ctx.state["codes"] = frozenset(self.codes)
        ctx.state["segments"] = len(raw)
        # Inline directives need every segment of the pair, also when the
        # beads are not kept (a large pair, or one checked in workers).
        ctx.state["raw_beads"] = raw
        diags: list[Diagnostic] = []
        if self.jobs > 1 and len(raw) > 2 * CHUNK and can_fork() and not in_worker():
            return [], self.finish(self._lint_chunks_in_workers(raw, ctx), ctx), ctx
        if reuse is not None:
            reuse.start()
        for start in range(0, max(len(raw), 1), CHUNK):
            beads, found = self.wrap_beads(raw[start : start + CHUNK], start, reuse.sentences if reuse else None)
            findings.extend(found)
            ctx.beads = [b for b in beads if b.ru and b.zh and not b.memo.get("skip")]
            if keep:
                kept.extend(beads)
            if start == 0:
                if reuse is not None:
                    reuse.begin(ctx, self.checks)
                for check in self.checks:
                    check.begin_pair(ctx)
            diags.extend(self._check_beads(ctx, reuse))
            if keep:
                if reuse is not None:
                    reuse.snapshot_memos(beads)
                _forget(beads)
        if reuse is not None:
            reuse.end()
        if keep:
            ctx.beads = [b for b in kept if b.ru and b.zh and not b.memo.get("skip")]
        for check in self.checks:
            diags.extend(check.finish_pair(ctx))
        return kept, self.finish(diags, ctx), ctx

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
            for bead in ctx.beads:
                found = reuse.findings(i, bead)
                if found is None:
                    found = list(check_bead(check, bead, ctx))
                    reuse.keep(i, bead, found)
                diags.extend(found)
        return diags

    def reset_run(self) -> None:
        """Forget what run-level checks learnt so far, so that the next
        pairs make a run of their own: a long-lived linter (the language
        server's) lints the same pair again after each edit."""
        for check in self.checks:
            check.run_state()
        self.decider = Decider(self.config)

    def finish_run(self) -> list[Diagnostic]:
        """Findings of the run-level checks, less those an inline
        directive disables where they point (either file)."""
        diags: list[Diagnostic] = []
        for check in self.checks:
            diags.extend(check.finish_run())
        return self.decider.finish_run(diags)

    def _unpaired(self, pair: FilePair) -> list[Diagnostic]:
        path = pair.ru or pair.zh
        assert path is not None
        lang = "ru" if pair.ru else "zh"
        info = self.codes["ALN001"]
        expected = display(pair.missing) if pair.missing else "a counterpart"
        loc = Location(lang, display(path), 1, 1, 1, 1)
        diag = Diagnostic(
            code="ALN001",
            slug=info.slug,
            category="alignment",
            severity=info.severity,
            message=f"{'RU' if lang == 'ru' else 'ZH'} file has no counterpart (expected {expected})",
            location=loc,
            counterpart=None,
            expected=expected,
        )
        return self.finish([diag], None)

    def _lint_chunks_in_workers(
        self, raw: list[tuple[list[Segment], list[Segment]]], ctx: PairContext
    ) -> list[Diagnostic]:
        """One large pair (a line-aligned corpus): chunks of beads in
        worker processes.  ``begin_pair`` runs once here on the first
        chunk; each worker checks its chunk and runs ``finish_pair`` over
        the chunk's own alignment findings."""
        first, _ = self.wrap_beads(raw[:CHUNK], 0)
        ctx.beads = [b for b in first if b.ru and b.zh and not b.memo.get("skip")]
        ctx.state["all_beads"] = first
        for check in self.checks:
            check.begin_pair(ctx)
        diags: list[Diagnostic] = []
        size = worker_chunk(len(raw), self.jobs)

        def check_chunk(start: int) -> tuple[list[Diagnostic], list[object | None]]:
            return self.lint_chunk(raw, start, ctx, size), self._run_states()

        for part, states in Runner(self.jobs).map(check_chunk, range(0, len(raw), size)):
            diags.extend(part)
            self._merge_run_states(states)
        return diags

    def lint_chunk(
        self, raw: Sequence[tuple[list[Segment], list[Segment]]], start: int, ctx: PairContext, size: int = CHUNK
    ) -> list[Diagnostic]:
        beads, found = self.wrap_beads(raw[start : start + size], start)
        sub = _sub_context(ctx, beads, found)
        diags: list[Diagnostic] = []
        for check in self.checks:
            if check.context_beads:
                diags.extend(self._check_in_context(check, raw, start, beads, ctx))
                continue
            for bead in sub.beads:
                diags.extend(check_bead(check, bead, sub))
            diags.extend(check.finish_pair(sub))
        return diags

    def _check_in_context(
        self,
        check: Check,
        raw: Sequence[tuple[list[Segment], list[Segment]]],
        start: int,
        beads: list[SegmentPair],
        ctx: PairContext,
    ) -> list[Diagnostic]:
        """Run a check that carries state across beads over ``beads``
        (one chunk, from ``start``) widened by ``check.context_beads``
        checked beads on either side; keep its findings in the chunk."""
        need = check.context_beads
        end = start + len(beads)

        def context(forward: bool) -> list[SegmentPair]:
            # Widen until ``need`` beads are checked ones, or the pair ends.
            step = need
            while True:
                a, b = (end, min(len(raw), end + step)) if forward else (max(0, start - step), start)
                got = self.wrap_beads(raw[a:b], a)[0] if a < b else []
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

    def raw_beads(self, ru: Parsed, zh: Parsed) -> list[tuple[list[Segment], list[Segment]]]:
        """Aligned (ru segments, zh segments) in reading order."""
        return raw_beads(ru, zh, self.pm, self.config, self.rules)

    def wrap_beads(
        self, raw: Sequence[tuple[list[Segment], list[Segment]]], first_index: int = 0, known: Any = None
    ) -> tuple[list[SegmentPair], list[tuple[str, Any]]]:
        """Beads with sentence alignment, and the alignment findings (see
        :func:`ruconsist.align.segments.wrap_beads`)."""
        return wrap_beads(raw, first_index, known)

    def build_beads(self, ru: Parsed, zh: Parsed) -> tuple[list[SegmentPair], list[tuple[str, Any]]]:
        return self.wrap_beads(self.raw_beads(ru, zh))




def _simplify_traditional(parsed: Parsed, configured: str = "auto") -> str | None:
    """The Chinese region of a file (``TW``, ``HK`` from its language
    tag, or from the configuration's ``zh-region`` for a file whose tag
    names none; ``Hant`` for Traditional text of no region, None for the
    mainland).  A Traditional file's segments are checked in Simplified
    (same length, so locations stay true); the document is marked so
    that the alignment check can say so once, and so that the findings
    show the packs' forms in the file's own script."""
    from ruconsist.lang.script import is_traditional, to_simplified
    from ruconsist.pairing import configured_region

    region = configured_region(parsed.doc.path, configured)
    segs = parsed.segments.get("zh")
    fixed = [s for _, zh in parsed.fixed for s in zh]
    every = (segs or []) + fixed
    if region == "CN":  # configured: mainland Chinese, whatever its characters
        return None
    if region is None:
        sample = "".join(s.text for s in every[:200])
        if not every or not is_traditional(sample):
            return None
        region = "Hant"
    for seg in every:
        seg.text = to_simplified(seg.text, region)
    parsed.doc.script = "traditional"  # type: ignore[attr-defined]
    parsed.doc.region = region  # type: ignore[attr-defined]
    return region


def _sub_context(ctx: PairContext, beads: list[SegmentPair], found: list[tuple[str, Any]]) -> PairContext:
    """The context of a stretch of a pair's beads, checked on its own."""
    return PairContext(
        ru_doc=ctx.ru_doc,
        zh_doc=ctx.zh_doc,
        rules=ctx.rules,
        config=ctx.config,
        beads=[b for b in beads if b.ru and b.zh and not b.memo.get("skip")],
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


#: With ``jobs=None``, pairs are spread over workers only when the files
#: hold at least this much: a quarter of a megabyte is about a second of
#: checking, against the few tens of milliseconds a pool costs to start
#: (a pre-commit run on one or two pairs stays in one process).
AUTO_POOL_BYTES = 256 * 1024


def _input_bytes(pairs: Sequence[FilePair]) -> int:
    total = 0
    for pair in pairs:
        for path in pair.paths:
            try:
                total += path.stat().st_size
            except OSError:
                pass
            if total >= AUTO_POOL_BYTES:
                return total
    return total


def default_jobs() -> int:
    """Worker processes worth starting on this machine: one per CPU
    this process may use, at most 8 (checks are CPU-bound; beyond that
    the result pickling and the per-worker start cost win)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(8, cpus))
