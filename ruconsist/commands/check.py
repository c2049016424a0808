"""``ruconsist check``: pairs found, linted (in parallel when asked),
findings filtered and written by each formatter, fixes and baselines
written, and the exit code chosen.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterable, Sequence
from typing import IO, Any

from ruconsist import __version__
from ruconsist.commands.common import (
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
)
from ruconsist.commands.common import (
    linter_from_args as _linter,
)
from ruconsist.diagnostic import Diagnostic
from ruconsist.errors import ConfigError, InputError, NotChecked
from ruconsist.speed import memory

def _size(path: os.PathLike[str]) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _formatters(linter) -> dict[str, type]:  # type: ignore[no-untyped-def]
    found: dict[str, type] = {}

    def register(name: str, cls: type) -> None:
        if not isinstance(name, str) or not name:
            raise ConfigError(f"output format {cls!r} registered without a name")
        if name in found and found[name] is not cls:
            raise ConfigError(
                f"output format {name!r} registered twice ({found[name].__module__}.{found[name].__name__},"
                f" {cls.__module__}.{cls.__name__})"
            )
        found[name] = cls

    linter.pm.hook.ruconsist_register_formatters(register=register)
    return found


class _Output:
    """One report destination: stdout, or a file written to a temporary
    name and renamed into place when the run completes, so that an
    interrupted run never leaves half a SARIF file for CI to upload."""

    def __init__(self, target: str | None, out: IO[str]) -> None:
        self.target = target
        self.tmp: str | None = None
        self.special = False
        if target is None:
            self.stream = out
            return
        import tempfile
        from pathlib import Path

        from ruconsist.atomic import new_file_mode

        dest = Path(target)
        if dest.is_dir():
            raise ConfigError(f"usage: --output-file {target!r} is a directory")
        try:
            if dest.exists() and not dest.is_file():
                # /dev/null, a named pipe, /dev/stderr: write to it, never
                # rename a file over it.
                self.stream = open(dest, "w", encoding="utf-8", errors="backslashreplace")  # noqa: SIM115
                self.tmp = None
                self.special = True
                return
            # The report gets the permissions of the file it replaces, or
            # those the umask gives a new file (a CI artifact read by a
            # later step as another user), never mkstemp's private 0600.
            self.mode = new_file_mode(dest)
            dest.parent.mkdir(parents=True, exist_ok=True)
            fd, self.tmp = tempfile.mkstemp(prefix=f".{dest.name}.", dir=dest.parent)
        except OSError as exc:
            why = "Not a directory" if isinstance(exc, FileExistsError) else exc.strerror or exc
            raise ConfigError(f"cannot write --output-file {target!r}: {why}") from None
        self.stream = os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="\n")

    def close(self, ok: bool) -> None:
        if self.special:
            self.stream.close()
            return
        if self.tmp is None:
            return
        self.stream.close()
        if ok:
            os.chmod(self.tmp, self.mode)
            os.replace(self.tmp, str(self.target))
        else:
            try:
                os.unlink(self.tmp)
            except OSError:
                pass


def _outputs(args: argparse.Namespace) -> list[tuple[str, str | None]]:
    """The reports of a run as (format, file or None for stdout): each
    ``--output-file`` belongs to the ``--format`` just before it (or, when
    it comes first, to the next one); with no ``--format``, to the
    default text report.  At most one report goes to stdout."""
    outputs = [tuple(o) for o in (args.outputs or [])]
    pending = list(args.pending_outputs or [])
    if not outputs:
        outputs = [("text", pending.pop(0) if pending else None)]
    if pending:
        raise ConfigError(
            f"usage: --output-file {pending[0]} follows a format that already has one; give a --format before it"
        )
    result = [(name, None if dest == "-" else dest) for name, dest in outputs]
    to_stdout = [name for name, dest in result if dest is None]
    if len(to_stdout) > 1:
        raise ConfigError(
            f"usage: formats {', '.join(to_stdout)} would all write to standard output; give each but one an --output-file"
        )
    return result


def cmd_check(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    _check_arguments(args)
    return _CheckRun(args, out, err).run()


def _check_arguments(args: argparse.Namespace) -> None:
    """Refuse flags that contradict each other; --fix and --diff run in
    one process (they need each pair's documents, which workers keep)."""
    if (args.fix or args.show_fixes) and args.jobs != 1:
        args.jobs = 1
    if (args.ru is None) != (args.zh is None):
        raise ConfigError("usage: --ru and --zh go together")
    if not args.paths and args.ru is None:
        raise ConfigError("usage: give files or directories to check, or --ru FILE --zh FILE")
    if args.write_baseline and args.diff:
        raise ConfigError("usage: --write-baseline records every finding; it cannot be combined with --changed-since")


class _CheckRun:
    """``ruconsist check``: pairs → engine → deciding → formatters, then
    fixes, baselines and the exit code.  One method per stage."""

    def __init__(self, args: argparse.Namespace, out: IO[str], err: IO[str]) -> None:
        from pathlib import Path

        from ruconsist.baseline import Baseline, Fingerprints, Sources
        from ruconsist.decide import ReportFilter
        from ruconsist.formatters.base import RunInfo, Summary

        self.args, self.out, self.err = args, out, err
        # One meaning per flag: --diff previews fixes (as ruff's does);
        # --changed-since REV filters by revision.
        self.show_fixes = args.show_fixes
        self.linter = linter = _linter(args, err)
        self.formats = _formatters(linter)
        self.destinations = _outputs(args)
        for name, _ in self.destinations:
            if name not in self.formats:
                raise ConfigError(f"usage: unknown format {name!r} (choose from {', '.join(sorted(self.formats))})")
            if getattr(self.formats[name], "wants_beads", False):
                # Beads stay in worker processes: lint here.
                linter.jobs, linter.auto_jobs = 1, False
        self.changes = None
        if args.diff:
            from ruconsist.config import search_start
            from ruconsist.gitdiff import changed_since

            self.changes = changed_since(args.diff, search_start([*args.paths, *(p for p in (args.ru, args.zh) if p)]))
        self.baseline = Baseline.load(Path(args.baseline)) if args.baseline else None
        self.sources = sources = Sources(linter.config.encoding)
        fingerprints = Fingerprints(linter.config.root, sources)
        base_fp = self.baseline.fingerprints(sources) if self.baseline is not None else None
        self.new_baseline = Path(args.write_baseline) if args.write_baseline else None
        new_fp = Fingerprints(self.new_baseline.resolve().parent, sources) if self.new_baseline is not None else None
        self.info = RunInfo(codes=linter.codes, root=linter.config.root, tool_version=__version__, fingerprint=fingerprints)
        self.summary = Summary()
        self.decided = ReportFilter(self.summary, self.changes, self.baseline, base_fp, new_fp)
        self.checked: list[str] = []
        self.fixable: list[Diagnostic] = []
        self.fix_docs: dict[str, Any] = {}
        self.fixer = _Fixer(args.force, self.summary)
        self.formatters: list[Any] = []

    def run(self) -> int:
        pairs = self.pairs()
        if pairs is None:
            return EXIT_USAGE
        outputs = self.open_outputs()
        bar = None
        ok = False
        try:
            for f in self.formatters:
                f.begin()
            todo = list(self.decided.pairs(pairs))
            if any(_size(p) > memory.LARGE_FILE for pair in todo for p in pair.paths):
                memory.return_large_buffers()
            from ruconsist.progress import Progress

            bar = Progress(len(todo), self.err)
            bar.__enter__()
            self.err = bar.guard(self.err)
            for f in self.formatters:
                # Findings written to the terminal clear the bar's line first.
                f.stream = bar.guard(f.stream)
            self.lint(todo, bar)
            bar.__exit__(None, None, None)
            bar = None
            for f in self.formatters:
                f.finish(self.summary)
            ok = True
        finally:
            if bar is not None:
                bar.__exit__(None, None, None)
            for o in outputs:
                o.close(ok)
        self.write_fixes()
        self.write_baselines()
        return self.exit_code()

    def pairs(self) -> list[Any] | None:
        """The pairs to check; None when every path given is missing."""
        from pathlib import Path

        from ruconsist.pairing import FilePair

        args, linter = self.args, self.linter
        # A path that does not exist is "no such file", not a file whose
        # counterpart is missing; the other paths are still checked.
        absent = [p for p in args.paths if not os.path.lexists(p)]
        for p in absent:
            hint = f" (--diff takes no revision: --changed-since {p})" if self.show_fixes else ""
            self.summary.input_errors.append(InputError(f"no such file or directory{hint}", p))
            self.err.write(f"ruconsist: {self.summary.input_errors[-1]}\n")
        args.paths = [p for p in args.paths if p not in absent]
        pairs: list[FilePair] = []
        if args.ru is not None:
            pairs.append(FilePair(Path(args.ru), Path(args.zh)))
        if args.paths:
            paths = _paired_only(linter, args.paths) if args.paired_only else args.paths
            pairs.extend(linter.pairs(paths))
        if not pairs and absent:
            return None
        if not pairs and not args.paired_only:
            # Checking nothing must not pass as a clean run (a CI job or the
            # whole-repository hook would stay green).  --paired-only (the
            # pre-commit hook) is given every changed file, pairs or not.
            from ruconsist.pairing import no_pairs_message

            raise ConfigError(no_pairs_message(args.paths, linter.extensions, linter.config))
        return pairs

    def open_outputs(self) -> list[_Output]:
        args = self.args
        outputs = [_Output(dest, self.out) for _, dest in self.destinations]
        for (name, _), o in zip(self.destinations, outputs):
            color = args.color == "always" or (
                args.color == "auto" and o.target is None and o.stream.isatty() and not os.environ.get("NO_COLOR")
            )
            formatter = self.formats[name](o.stream, color=color)
            # Set after construction: formatters (plugins' too) that define
            # their own __init__ need not know about it.
            formatter.run = self.info
            self.formatters.append(formatter)
        return outputs

    def lint(self, todo: list[Any], bar: Any) -> None:
        for result in self.linter.lint_many(todo):
            bar.update(str(result.pair.paths[0]))
            bar.advance()
            if result.error is not None:
                self.summary.input_errors.append(result.error)
                _write_error(self.err, result.error)
                continue
            self.pair_done(result)
            del result
        self.emit(self.linter.finish_run(), None)
        self.decided.finish(self.checked)

    def pair_done(self, result: Any) -> None:
        pair, found = result.pair, result.diagnostics
        docs = (result.context.ru_doc, result.context.zh_doc) if result.context is not None else ()
        if self.args.fix and docs:
            # Fixed as each pair is linted, so that the report and the
            # exit code are about what is left, not what was fixed.
            found = self.fixer.apply_pair(found, docs)
        elif self.show_fixes and docs:
            self.fixable.extend(d for d in found if d.fix is not None)
            for doc in docs:
                self.fix_docs[doc.path] = doc
        self.summary.pairs += 1
        if pair.part is not None:
            self.summary.add_segments(pair.part, result.segments)
        self.checked.extend(str(p) for p in pair.paths)
        self.sources.use(docs)
        self.emit(found, result)
        # Let this pair's documents go before the next pair is read
        # (12 MB for a 25,000-entry PO file).
        self.sources.use(())

    def emit(self, found: Iterable[Diagnostic], result: Any) -> None:
        """One pair's findings (or the run's, with no result) through
        --changed-since, the baselines and the formatters."""
        diags = self.decided.apply(found, result)
        system = getattr(getattr(result, "pair", None), "part", None)
        for d in diags:
            self.summary.add(d, system)
        if not diags and result is None:
            return
        for f in self.formatters:
            try:
                f.handle(diags, result)
            except Exception as exc:  # noqa: BLE001 - a bug, reported once all output is out
                pair = getattr(result, "pair", None)
                where = str(pair.paths[0]) if pair is not None else None
                failed = NotChecked.from_exception(exc, where, f"format {getattr(f, 'name', type(f).__name__)}")
                self.summary.input_errors.append(failed)
                _write_error(self.err, failed)

    def write_fixes(self) -> None:
        if self.fixable:
            from ruconsist import fix as fixes

            self.out.write(fixes.unified_diff(fixes.plan_fixes(self.fixable, self.fix_docs)))
        fixer, err = self.fixer, self.err
        if self.args.fix and (fixer.applied or fixer.refused):
            for path, why in fixer.refused:
                err.write(f"ruconsist: {path}: not fixed: {why}\n")
            n, files = fixer.applied, len(fixer.written)
            err.write(f"ruconsist: applied {n} fix{'es' if n != 1 else ''} in {files} file{'s' if files != 1 else ''}\n")

    def write_baselines(self) -> None:
        summary, args, err = self.summary, self.args, self.err
        if self.baseline is not None and (summary.baselined or summary.baseline_gone):
            gone = summary.baseline_gone
            err.write(
                f"ruconsist: {summary.baselined} finding{'s' if summary.baselined != 1 else ''} in baseline"
                f" {args.baseline} not shown; {gone} baseline entr{'ies' if gone != 1 else 'y'} no longer found"
                + (f" (fixed or changed: refresh with --write-baseline {args.baseline})" if gone else "")
                + "\n"
            )
        if self.new_baseline is not None:
            from ruconsist.baseline import relative_to
            from ruconsist.baseline import write as write_baseline

            root = self.new_baseline.resolve().parent
            n = write_baseline(self.new_baseline, self.decided.recorded, [relative_to(p, root) for p in self.checked])
            err.write(f"ruconsist: wrote {n} finding{'s' if n != 1 else ''} to baseline {args.write_baseline}\n")

    def exit_code(self) -> int:
        summary, args = self.summary, self.args
        if any(isinstance(e, NotChecked) for e in summary.input_errors):
            # A bug, to be reported; only now that every other pair's
            # findings are out.
            return EXIT_INTERNAL
        if summary.input_errors:
            return EXIT_USAGE
        if args.exit_zero or self.new_baseline is not None:
            return EXIT_OK
        if summary.errors or (args.strict and summary.warnings):
            return EXIT_FINDINGS
        return EXIT_OK


def _write_error(err: IO[str], exc: Exception) -> None:
    """One line for a pair that could not be read or checked; for a bug,
    how to get the traceback (or the traceback, with RUCONSIST_DEBUG)."""
    if isinstance(exc, NotChecked):
        if os.environ.get("RUCONSIST_DEBUG"):
            err.write(exc.detail)
        err.write(f"ruconsist: {exc} (set RUCONSIST_DEBUG=1 for a traceback)\n")
    else:
        err.write(f"ruconsist: {exc}\n")


class _Fixer:
    """``--fix``: apply the safe fixes of each pair as it is linted and
    keep the findings they do not settle (a fix refused, or skipped for
    overlapping another, leaves its finding reported)."""

    def __init__(self, force: bool, summary: Any) -> None:
        self.force = force
        self.summary = summary
        self.applied = 0
        self.written: set[str] = set()
        self.refused: list[tuple[str, str]] = []

    def apply_pair(self, found: list[Diagnostic], docs: Iterable[Any]) -> list[Diagnostic]:
        from ruconsist import fix as fixes

        plans = fixes.plan_fixes([d for d in found if d.fix is not None], docs)
        if not plans:
            return found
        written = set(fixes.apply(plans, force=self.force))
        self.refused.extend((p.path, p.refused) for p in plans if p.refused)
        done = {(p.path, f) for p in plans if p.path in written for f in p.fixes}
        self.applied += sum(len(p.fixes) for p in plans if p.path in written)
        self.written |= written
        left = [d for d in found if not (fixes.is_safe(d) and d.fix is not None and (d.fix.path, d.fix) in done)]
        self.summary.fixed += len(found) - len(left)
        return left


def _paired_only(linter, paths: Sequence[str]) -> list[str]:  # type: ignore[no-untyped-def]
    """Drop files that belong to no pair, as pre-commit passes every
    changed file of the repository (README.md, setup.py, …)."""
    from pathlib import Path

    from ruconsist.pairing import lang_of, template_lang

    exts = linter.extensions
    kept = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            kept.append(raw)
            continue
        if not p.name.lower().endswith(exts):
            continue
        if lang_of(p) is None and template_lang(p, linter.config) is None:
            continue
        kept.append(raw)
    return kept
