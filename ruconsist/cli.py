"""Command line: arguments → configuration → engine → formatter → exit
code.  Nothing here lints.

Exit codes: 0 no errors; 1 errors found (or warnings with ``--strict``);
2 usage, configuration, rule or input errors; 130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import IO, Any

from ruconsist import __version__
from ruconsist.errors import ConfigError, RuconsistError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
COMMANDS = ("check", "explain", "rules", "show-alignment")
#: Further subcommands, each a module in ``ruconsist.commands`` with
#: ``NAME``, ``add_parser(subparsers)`` and ``run(args, out, err) -> int``.
COMMAND_MODULES: tuple[str, ...] = ()


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one line, exit 2, no usage dump
        raise ConfigError(f"usage: {message} (see '{self.prog} --help')")


def _codes(text: str) -> tuple[str, ...]:
    return tuple(c.strip().upper() for c in text.replace(" ", ",").split(",") if c.strip())


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
    c.add_argument("-f", "--format", default=None, help="text (default), parsable, json, …")
    c.add_argument("-o", "--output-file", help="write the report to FILE instead of stdout")
    c.add_argument("--select", type=_codes, help="only these code prefixes (comma list)")
    c.add_argument("--ignore", type=_codes, help="skip these code prefixes")
    c.add_argument("--extend-select", type=_codes)
    c.add_argument("--extend-ignore", type=_codes)
    c.add_argument("-c", "--config", help="configuration file (default: .ruconsist.yaml found upwards)")
    c.add_argument("--encoding", help="read input files in this encoding (e.g. cp1251, gb18030)")
    c.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even when errors are found")
    c.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    c.add_argument("--no-plugins", action="store_true", help="load no third-party plugins")

    e = sub.add_parser("explain", help="show a check's documentation")
    e.add_argument("code")
    r = sub.add_parser("rules", help="list check kinds and loaded rule packs")
    r.add_argument("--rules", action="append", default=[], metavar="FILE")
    r.add_argument("--no-default-rules", action="store_true")
    s = sub.add_parser("show-alignment", help="print the aligned segments of a pair")
    s.add_argument("ru")
    s.add_argument("zh", nargs="?")
    s.add_argument("--align", choices=("auto", "lines", "paragraphs"))
    s.add_argument("--rules", action="append", default=[], metavar="FILE")
    for mod in _command_modules():
        mod.add_parser(sub)
    return p


def _command_modules() -> list[Any]:
    import importlib

    return [importlib.import_module(f"ruconsist.commands.{m}") for m in COMMAND_MODULES]


def main(argv: Sequence[str] | None = None, stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> int:
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    args_list = list(sys.argv[1:] if argv is None else argv)
    names = COMMANDS + tuple(m.replace("_", "-") for m in COMMAND_MODULES)
    if args_list and args_list[0] not in names and not args_list[0].startswith("-"):
        args_list.insert(0, "check")
    elif args_list and args_list[0].startswith("-") and args_list[0] not in ("-h", "--help", "--version"):
        args_list.insert(0, "check")
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
        return handler(args, out, err)
    except RuconsistError as exc:
        err.write(f"ruconsist: {exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        err.write("ruconsist: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug: one line unless asked for more
        if os.environ.get("RUCONSIST_DEBUG"):
            raise
        err.write(f"ruconsist: internal error: {type(exc).__name__}: {exc} (set RUCONSIST_DEBUG=1 for a traceback)\n")
        return EXIT_INTERNAL


def _linter(args: argparse.Namespace, **overrides: Any):  # type: ignore[no-untyped-def]
    from ruconsist.config import discover_config
    from ruconsist.engine import Linter
    from ruconsist.plugins import get_plugin_manager

    config = discover_config(getattr(args, "config", None))
    config = config.with_cli(
        select=getattr(args, "select", None),
        ignore=getattr(args, "ignore", None),
        extend_select=getattr(args, "extend_select", None),
        extend_ignore=getattr(args, "extend_ignore", None),
        align=getattr(args, "align", None),
        encoding=getattr(args, "encoding", None),
        default_rules=False if getattr(args, "no_default_rules", False) else None,
        **overrides,
    )
    pm = get_plugin_manager(load_entrypoints=not getattr(args, "no_plugins", False))
    return Linter(config, pm=pm, extra_rules=getattr(args, "rules", []))


def _formatters(linter) -> dict[str, type]:  # type: ignore[no-untyped-def]
    found: dict[str, type] = {}
    linter.pm.hook.ruconsist_register_formatters(register=lambda name, cls: found.__setitem__(name, cls))
    return found


def cmd_check(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from pathlib import Path

    from ruconsist.formatters.base import Summary
    from ruconsist.pairing import FilePair

    if (args.ru is None) != (args.zh is None):
        raise ConfigError("usage: --ru and --zh go together")
    if not args.paths and args.ru is None:
        raise ConfigError("usage: give files or directories to check, or --ru FILE --zh FILE")
    linter = _linter(args)
    formats = _formatters(linter)
    fmt_name = args.format or "text"
    if fmt_name not in formats:
        raise ConfigError(f"usage: unknown format {fmt_name!r} (choose from {', '.join(sorted(formats))})")
    stream = out
    if args.output_file:
        stream = open(args.output_file, "w", encoding="utf-8")  # noqa: SIM115
    color = args.color == "always" or (
        args.color == "auto" and stream.isatty() and not os.environ.get("NO_COLOR")
    )
    formatter = formats[fmt_name](stream, color=color)
    summary = Summary()
    try:
        formatter.begin()
        pairs = []
        if args.ru is not None:
            pairs.append(FilePair(Path(args.ru), Path(args.zh)))
        if args.paths:
            pairs.extend(linter.pairs(args.paths))
        seen = set()
        for pair in pairs:
            if pair.key in seen:
                continue
            seen.add(pair.key)
            result = linter.lint_pair(pair)
            if result.error is not None:
                summary.input_errors.append(result.error)
                err.write(f"ruconsist: {result.error}\n")
                continue
            summary.pairs += 1
            for d in result.diagnostics:
                summary.add(d)
            formatter.handle(result.diagnostics, result)
        run_level = linter.finish_run()
        for d in run_level:
            summary.add(d)
        if run_level:
            formatter.handle(run_level, None)
        formatter.finish(summary)
    finally:
        if stream is not out:
            stream.close()
    if summary.input_errors:
        return EXIT_USAGE
    if args.exit_zero:
        return EXIT_OK
    if summary.errors or (args.strict and summary.warnings):
        return EXIT_FINDINGS
    return EXIT_OK


def cmd_explain(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    import inspect

    linter = _linter(args)
    code = args.code.upper()
    info = linter.codes.get(code)
    if info is None:
        from ruconsist.rules import suggest

        raise ConfigError(f"unknown code {code!r}{suggest(code, linter.codes)}")
    doc = inspect.getdoc(info.check) or ""
    out.write(f"{info.code} {info.slug} (category {info.category}, default severity {info.severity.label})\n\n")
    out.write(doc + "\n")
    return EXIT_OK


def cmd_rules(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    linter = _linter(args)
    out.write("Checks:\n")
    for code in sorted(linter.codes):
        info = linter.codes[code]
        out.write(f"  {code:<7} {info.slug:<32} {info.category:<13} {info.severity.label}\n")
    out.write("\nRule packs:\n")
    for pack in linter.rules.packs:
        vocab = ", ".join(sorted(pack.vocab))
        out.write(f"  {pack.name:<16} {len(pack.terms):>5} terms  {pack.path}" + (f"  vocab: {vocab}" if vocab else "") + "\n")
    out.write(f"\n{len(linter.rules.terms)} terms in all\n")
    return EXIT_OK


def cmd_show_alignment(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from pathlib import Path

    from ruconsist.pairing import FilePair

    linter = _linter(args)
    pair = FilePair(None, None, bilingual=Path(args.ru)) if args.zh is None else FilePair(Path(args.ru), Path(args.zh))
    result = linter.lint_pair(pair)
    if result.error is not None:
        raise result.error
    for bead in result.beads:
        out.write(f"--- segment {bead.index}\n")
        for lang in ("ru", "zh"):
            side = bead.side(lang)
            if not side:
                out.write(f"  {lang.upper()}  (none)\n")
                continue
            loc = side.span()
            text = " ".join(side.text.split())
            if len(text) > 100:
                text = text[:99] + "…"
            out.write(f"  {lang.upper()}  {loc.path}:{loc.line}-{loc.end_line}  {text}\n")
    return EXIT_OK
