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
from collections.abc import Sequence
from typing import IO, Any

from ruconsist import __version__, guard
from ruconsist.commands.check import _write_error, cmd_check
from ruconsist.commands.common import (
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
)
from ruconsist.commands.common import (
    input_arguments,
    selection_arguments,
)
from ruconsist.commands.common import (
    table_arguments as _table_arguments,
)
from ruconsist.commands.explain import cmd_explain
from ruconsist.commands.rules import cmd_rules
from ruconsist.commands.show_alignment import cmd_show_alignment
from ruconsist.errors import ConfigError, NotChecked, RuconsistError

COMMANDS = ("check", "explain", "rules", "show-alignment")
#: Further subcommands, each a module in ``ruconsist.commands`` with
#: ``NAME``, ``add_parser(subparsers)`` and ``run(args, out, err) -> int``.
COMMAND_MODULES: tuple[str, ...] = ("cache", "init", "lsp", "plugins", "report", "terms")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one line, exit 2, no usage dump
        raise ConfigError(f"usage: {message} (see '{self.prog} --help')")


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
    input_arguments(c)
    c.add_argument("--no-cache", action="store_true", help="neither read nor write the matcher cache (see 'ruconsist cache')")
    c.add_argument("--timeout", type=float, metavar="SECONDS", help="stop with exit code 2 after this long, naming the file being checked")
    c.add_argument("--max-memory", type=int, metavar="MB", help="stop with exit code 2 past this much memory, naming the file being checked")
    _table_arguments(c)
    c.add_argument(
        "-f", "--format", action=_FormatAction, metavar="NAME",
        help="text (default), parsable, json, sarif, github, junit, gitlab, markdown, rdjsonl, html, or a plugin's; repeatable",
    )
    c.add_argument(
        "-o", "--output-file", action=_OutputAction, metavar="FILE",
        help="write the report of the --format just before it to FILE ('-': stdout); repeatable",
    )
    c.set_defaults(outputs=None, pending_outputs=None)
    selection_arguments(c)
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
