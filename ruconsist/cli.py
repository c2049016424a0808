"""Command line: arguments → configuration → engine → formatter → exit
code.  Nothing here lints.

Exit codes: 0 no errors; 1 errors found (or warnings with ``--strict``);
2 usage, configuration, rule or input errors; 130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

from ruconsist import __version__, guard
from ruconsist.commands.common import (
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
)
from ruconsist.commands.common import (
    linter_from_args as _linter,
)
from ruconsist.commands.common import (
    table_arguments as _table_arguments,
)
from ruconsist.diagnostic import Diagnostic
from ruconsist.errors import ConfigError, InputError, NotChecked, RuconsistError

COMMANDS = ("check", "explain", "rules", "show-alignment")
#: Further subcommands, each a module in ``ruconsist.commands`` with
#: ``NAME``, ``add_parser(subparsers)`` and ``run(args, out, err) -> int``.
COMMAND_MODULES: tuple[str, ...] = ("cache", "init", "lsp", "plugins", "report", "terms")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one line, exit 2, no usage dump
        raise ConfigError(f"usage: {message} (see '{self.prog} --help')")


def _codes(text: str) -> tuple[str, ...]:
    return tuple(c.strip().upper() for c in text.replace(" ", ",").split(",") if c.strip())


class _FormatAction(argparse.Action):
    """``--format NAME``: a new report; it takes an ``--output-file``
    given before any format, if one is waiting."""

    def __call__(self, parser: Any, namespace: argparse.Namespace, value: Any, option: str | None = None) -> None:
        outputs = list(namespace.outputs or [])
        pending = list(namespace.pending_outputs or [])
        outputs.append([value, pending.pop(0) if pending else None])
        namespace.outputs, namespace.pending_outputs = outputs, pending


class _OutputAction(argparse.Action):
    """``--output-file FILE``: the destination of the closest ``--format``
    before it, so ``-f sarif -o a.sarif -f junit -o a.xml`` reads as it
    looks."""

    def __call__(self, parser: Any, namespace: argparse.Namespace, value: Any, option: str | None = None) -> None:
        outputs = list(namespace.outputs or [])
        if outputs and outputs[-1][1] is None:
            outputs[-1] = [outputs[-1][0], value]
            namespace.outputs = outputs
        else:
            namespace.pending_outputs = [*(namespace.pending_outputs or []), value]


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="ruconsist", description="Translation-consistency linter for Russian/Chinese text.")
    p.add_argument("--version", action="version", version=f"ruconsist {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    c = sub.add_parser("check", help="lint file pairs (the default command)")
    c.add_argument("paths", nargs="*", help="files or directories")
    c.add_argument("--ru", help="the Russian file of an explicit pair")
    c.add_argument("--zh", help="the Chinese file of an explicit pair")
    c.add_argument("--align", choices=("auto", "lines", "paragraphs"), help="lines: one segment per line, paired by line number")
    c.add_argument("--rules", action="append", default=[], metavar="FILE", help="extra rule pack (repeatable)")
    c.add_argument("--no-default-rules", action="store_true", help="do not load the shipped rule packs")
    c.add_argument("--no-cache", action="store_true", help="neither read nor write the matcher cache (see 'ruconsist cache')")
    c.add_argument("--timeout", type=float, metavar="SECONDS", help="stop with exit code 2 after this long, naming the file being checked")
    c.add_argument("--max-memory", type=int, metavar="MB", help="stop with exit code 2 past this much memory, naming the file being checked")
    _table_arguments(c)
    c.add_argument(
        "-f", "--format", action=_FormatAction, metavar="NAME",
        help="text (default), parsable, json, sarif, github, junit, gitlab, markdown, rdjsonl, or a plugin's; repeatable",
    )
    c.add_argument(
        "-o", "--output-file", action=_OutputAction, metavar="FILE",
        help="write the report of the --format just before it to FILE ('-': stdout); repeatable",
    )
    c.set_defaults(outputs=None, pending_outputs=None)
    c.add_argument("--select", type=_codes, help="only these code prefixes (comma list)")
    c.add_argument("--ignore", type=_codes, help="skip these code prefixes")
    c.add_argument("--extend-select", type=_codes, help="add these code prefixes to the configuration's select")
    c.add_argument("--extend-ignore", type=_codes, help="add these code prefixes to the configuration's ignore")
    c.add_argument("-c", "--config", help="configuration file (default: .ruconsist.yaml found upwards)")
    c.add_argument("--encoding", help="read input files in this encoding (e.g. cp1251, gb18030)")
    c.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even when errors are found")
    c.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto",
        help="colour the text output (auto: on a terminal, unless NO_COLOR is set)",
    )
    c.add_argument("--no-plugins", action="store_true", help="load no third-party plugins")
    c.add_argument(
        "--changed-since", dest="diff", metavar="REV",
        help="report only findings in segments changed since git revision REV (its merge base with HEAD)",
    )
    c.add_argument(
        "--diff", dest="show_fixes", action="store_true",
        help="show the safe fixes as a unified diff, without writing them (to report only what changed"
        " since a revision: --changed-since REV)",
    )
    c.add_argument("--fix", action="store_true", help="apply the fixes that cannot change meaning (atomically)")
    c.add_argument("--force", action="store_true", help="with --fix: also fix files not under version control")
    c.add_argument(
        "-j", "--jobs", type=int, default=None, metavar="N",
        help="lint in N processes (0: one per CPU, up to 8; default: one per CPU when the files"
        " hold more than 256 KB, else one); --changed-since runs use one",
    )
    c.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in FILE")
    c.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE and exit 0")
    c.add_argument(
        "--paired-only", action="store_true",
        help="skip named files that belong to no pair (no language tag or template) or that no reader"
        " handles, instead of reading them as bilingual files; the pre-commit hook uses it",
    )

    e = sub.add_parser("explain", help="show a check's documentation")
    e.add_argument("code", help="a code (NAM001), its slug (zh-name-separator) or a prefix (TYP)")
    e.add_argument(
        "--rules", action="append", default=[], metavar="FILE",
        help="extra rule pack (repeatable): explains the codes its pattern rules define",
    )
    e.add_argument("-c", "--config", help="configuration file (default: .ruconsist.yaml found upwards)")
    e.add_argument("--no-plugins", action="store_true", help="load no third-party plugins")
    r = sub.add_parser("rules", help="list check kinds and loaded rule packs")
    r.add_argument("--rules", action="append", default=[], metavar="FILE", help="extra rule pack to list (repeatable)")
    r.add_argument("--no-default-rules", action="store_true", help="do not load the shipped rule packs")
    r.add_argument("--no-plugins", action="store_true", help="load no third-party plugins")
    r.add_argument("-c", "--config", help="configuration file (default: .ruconsist.yaml found upwards)")
    rsub = r.add_subparsers(dest="rules_command", parser_class=_Parser)
    from ruconsist import selftest

    selftest.add_arguments(rsub.add_parser("test", help="run the pass/fail examples of rule packs"))
    s = sub.add_parser("show-alignment", help="print the aligned segments of a pair")
    s.add_argument(
        "ru", metavar="FILE",
        help="the Russian file, or either file of a pair (its counterpart is found as check finds it),"
        " or one bilingual file",
    )
    s.add_argument("zh", nargs="?", metavar="ZH_FILE", help="the Chinese file, when FILE is the Russian one")
    s.add_argument("--align", choices=("auto", "lines", "paragraphs"), help="lines: one segment per line, paired by line number")
    s.add_argument("--rules", action="append", default=[], metavar="FILE", help="extra rule pack (repeatable)")
    s.add_argument("--no-default-rules", action="store_true", help="do not load the shipped rule packs")
    s.add_argument("--encoding", help="read input files in this encoding")
    s.add_argument("-c", "--config", help="configuration file")
    _table_arguments(s)
    for mod in _command_modules():
        mod.add_parser(sub)
    return p


def _command_modules() -> list[Any]:
    import importlib

    return [importlib.import_module(f"ruconsist.commands.{m}") for m in COMMAND_MODULES]


def _on_sigterm_interrupt():  # type: ignore[no-untyped-def]
    """Make SIGTERM unwind like Ctrl-C, so that every ``finally`` runs and
    no half-written report or cache file is left behind (Python's default
    SIGTERM ends the process on the spot)."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None

    def interrupt(signum, frame):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, interrupt)
    except (ValueError, OSError):
        return None


#: Input files above this size make the command line tune the allocator
#: (:func:`_return_large_buffers`).
LARGE_FILE = 1024 * 1024


def _size(path: os.PathLike[str]) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _return_large_buffers() -> None:
    """Have glibc's malloc give blocks over 128 KB back to the system
    when they are freed.  By default it raises that threshold to the size
    of the largest block freed so far (up to 32 MB): after the first
    large file, the text of every file comes from the heap, which malloc
    keeps.  Four line-aligned pairs of 25,000 lines peaked at 205 MB, and
    at 196 MB with this.  A process setting, so the command line's, not
    the engine's; elsewhere than glibc it does nothing."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
        mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    except (OSError, AttributeError):
        return
    m_trim_threshold, m_mmap_threshold = -1, -3
    mallopt(m_mmap_threshold, 128 * 1024)
    mallopt(m_trim_threshold, 128 * 1024)


def _escape_unencodable(*streams: IO[str]) -> None:
    """Whatever text a file held (a lone surrogate from an escaped JSON
    string), what is written to the terminal stays valid: characters the
    stream cannot encode are shown as backslash escapes, never raised."""
    for stream in streams:
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass


def main(argv: Sequence[str] | None = None, stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> int:
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    _escape_unencodable(out, err)
    args_list = list(sys.argv[1:] if argv is None else argv)
    names = COMMANDS + tuple(m.replace("_", "-") for m in COMMAND_MODULES)
    if args_list and args_list[0] not in names and not args_list[0].startswith("-"):
        args_list.insert(0, "check")
    elif args_list and args_list[0].startswith("-") and args_list[0] not in ("-h", "--help", "--version"):
        args_list.insert(0, "check")
    previous = _on_sigterm_interrupt()
    try:
        args = build_parser().parse_args(args_list)
        if args.command is None:
            build_parser().print_help(out)
            return EXIT_USAGE
        handlers = {
            "check": cmd_check,
            "explain": cmd_explain,
            "rules": cmd_rules,
            "show-alignment": cmd_show_alignment,
        }
        for mod in _command_modules():
            handlers[mod.NAME] = mod.run
        handler = handlers[args.command]
        if getattr(args, "no_cache", False):
            os.environ["RUCONSIST_NO_CACHE"] = "1"
        with guard.limits(getattr(args, "timeout", None), getattr(args, "max_memory", None)):
            return handler(args, out, err)
    except NotChecked as exc:
        _write_error(err, exc)
        return EXIT_INTERNAL
    except RuconsistError as exc:
        err.write(f"ruconsist: {exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        err.write("ruconsist: interrupted\n")
        return 130
    except MemoryError:
        err.write(f"ruconsist: memory limit reached {guard.where()}\n")
        return EXIT_USAGE
    except guard.LimitReached as exc:
        err.write(f"ruconsist: {exc}\n")
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug: one line unless asked for more
        if os.environ.get("RUCONSIST_DEBUG"):
            raise
        err.write(f"ruconsist: internal error: {type(exc).__name__}: {exc} (set RUCONSIST_DEBUG=1 for a traceback)\n")
        return EXIT_INTERNAL
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


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
        from ruconsist.decide import ReportFilter, SharedCells
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
        self.shared_cells = SharedCells()
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
            todo = list(self.selected(pairs))
            if any(_size(p) > LARGE_FILE for pair in todo for p in pair.paths):
                _return_large_buffers()
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

    def selected(self, pairs: list[Any]) -> Iterator[Any]:
        seen = set()
        for pair in pairs:
            if pair.key in seen:
                continue
            seen.add(pair.key)
            if self.changes is not None and not any(self.changes.file_changed(p) for p in pair.paths):
                continue
            yield pair

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
        if self.baseline is not None:
            from ruconsist.baseline import relative_to

            self.summary.baseline_gone = self.baseline.gone(relative_to(p, self.baseline.root) for p in self.checked)

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
            found = self.shared_cells.first_time(found, pair)
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


def cmd_explain(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    linter = _linter(args)
    wanted = args.code.strip()
    code = wanted.upper()
    info = linter.codes.get(code)
    if info is None:
        by_slug = [i for i in linter.codes.values() if i.slug.lower() == wanted.lower()]
        if by_slug:
            info = by_slug[0]
    if info is None:
        # A prefix (TYP, PAT) lists its codes, as --select reads it.
        family = sorted(c for c in linter.codes if c.startswith(code)) if code.isalpha() else []
        if not family:
            from ruconsist.schema import suggest

            slugs = {i.slug: None for i in linter.codes.values()}
            raise ConfigError(f"unknown code or slug {wanted!r}{suggest(wanted, {**linter.codes, **slugs})}")
        for c in family:
            i = linter.codes[c]
            para = " ".join(i.check.explain(c, linter.rules).split("\n\n", 1)[0].split())
            first = para.split(". ", 1)[0].rstrip(".") + "."
            first = first if len(first) <= 90 else first[:89] + "…"
            out.write(f"{c:<7} {i.slug:<32} {first}\n")
        out.write("\nruconsist explain CODE shows one of them in full.\n")
        return EXIT_OK
    doc = info.check.explain(info.code, linter.rules)
    out.write(f"{info.code} {info.slug} (category {info.category}, default severity {info.severity.label})\n\n")
    out.write(doc + "\n")
    return EXIT_OK


def cmd_rules(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    if getattr(args, "rules_command", None) == "test":
        from ruconsist.selftest import cmd_rules_test

        return cmd_rules_test(args, out, err)
    linter = _linter(args)
    out.write("Checks:\n")
    for code in sorted(linter.codes):
        info = linter.codes[code]
        out.write(f"  {code:<7} {info.slug:<32} {info.category:<13} {info.severity.label}\n")
    out.write("\nRule packs:\n")
    for pack in linter.rules.packs:
        vocab = ", ".join(sorted(pack.vocab))
        patterns = len(pack.sections.get("patterns") or ())
        counts = f"{len(pack.terms):>5} terms" + (f", {patterns} patterns" if patterns else "")
        regions = _pack_regions(pack)
        out.write(
            f"  {pack.name:<16} {counts:<24} {pack.path}"
            + (f"  regions: {regions}" if regions else "")
            + (f"  vocab: {vocab}" if vocab else "")
            + "\n"
        )
    out.write(f"\n{len(linter.rules.terms)} terms in all\n")
    out.write(
        "Regions: a pack's 'zh' forms serve mainland text; a term with zh-TW or zh-HK forms has its own"
        " names in Taiwan or Hong Kong text (docs/regions.md).\n"
    )
    return EXIT_OK


def _pack_regions(pack: Any) -> str:
    """Which Chinese regions a term pack covers: ``zh`` (every region,
    its forms read through the region's script), and how many terms have
    forms of their own for ``zh-TW`` and ``zh-HK``."""
    if not pack.terms:
        return ""
    from ruconsist.rules import REGION_KEYS

    own = [(key, sum(1 for t in pack.terms if key[3:] in t.regions)) for key in REGION_KEYS]
    return ", ".join(["zh"] + [f"{key} ({n} own)" for key, n in own if n])


def cmd_show_alignment(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Each aligned segment with its bead shape (1:1, 2:1, 1:0 …), where
    it stands in both files, the sentence pairs inside it (which is what
    a finding's counterpart points at), and the codes found there."""
    import textwrap
    from collections import defaultdict
    from pathlib import Path

    from ruconsist.pairing import FilePair

    linter = _linter(args, err)
    if args.zh is not None:
        pair = FilePair(Path(args.ru), Path(args.zh))
    else:
        # One file: its pair as check finds it (a tagged file's
        # counterpart on disk), else a bilingual file.
        if not os.path.lexists(args.ru):
            raise InputError("no such file or directory", args.ru)
        pair = next(iter(linter.pairs([args.ru])), None) or FilePair(None, None, bilingual=Path(args.ru))
        if pair.missing is not None:
            raise InputError(f"no counterpart found (expected {pair.missing})", args.ru)
    result = linter.lint_pair(pair)
    if result.error is not None:
        raise result.error
    codes: dict[str | None, list[str]] = defaultdict(list)
    for d in result.diagnostics:
        codes[d.segment].append(d.code)
    width = 100
    for bead in result.beads:
        shape = f"{len(bead.ru.segments)}:{len(bead.zh.segments)}"
        found = codes.get(bead.id)
        note = f"  findings: {', '.join(sorted(set(found)))}" if found else ""
        out.write(f"--- segment {bead.index + 1} ({shape}){note}\n")
        for lang in ("ru", "zh"):
            side = bead.side(lang)
            if not side:
                out.write(f"  {lang.upper()}  (none: no counterpart)\n")
                continue
            loc = side.span()
            out.write(f"  {lang.upper()}  {loc.path}:{loc.line}" + (f"-{loc.end_line}" if loc.end_line != loc.line else "") + "\n")
            text = " ".join(side.text.split())
            for line in textwrap.wrap(text, width=width if lang == "ru" else width // 2) or [""]:
                out.write(f"      {line}\n")
        if len(bead.sentences) > 1:
            out.write("  sentences:\n")
            for k, (ru_span, zh_span) in enumerate(bead.sentences, start=1):
                ru_text = " ".join(bead.ru.text[ru_span[0] : ru_span[1]].split())
                zh_text = " ".join(bead.zh.text[zh_span[0] : zh_span[1]].split())
                out.write(f"    {k}. {ru_text[:70]}{'…' if len(ru_text) > 70 else ''}\n")
                out.write(f"       {zh_text[:35]}{'…' if len(zh_text) > 35 else ''}\n")
    return EXIT_OK
