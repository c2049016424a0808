"""``ruconsist terms suggest PATHS``: propose glossary entries.

Reads file pairs as ``check`` does (same pairing, readers, alignment and
configuration), runs no checks, and writes YAML ready to paste under
``terms:`` of a rule pack: RU/ZH pairs that recur together in aligned
segments and that the loaded packs do not list yet, best evidence first.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import IO, Any

NAME = "terms"


def add_parser(subparsers: Any) -> None:
    p = subparsers.add_parser("terms", help="glossary tools: 'terms suggest' proposes pack entries")
    sub = p.add_subparsers(dest="terms_command", parser_class=type(p))
    s = sub.add_parser(
        "suggest",
        help="propose RU/ZH term pairs that recur together and are not in the packs",
        description=(
            "Propose RU/ZH pairs (Russian proper-noun phrases by lemma with the Chinese strings that"
            " appear with them; Chinese names whose characters read so in Palladius) as YAML for a pack."
        ),
    )
    from ruconsist.commands.common import input_arguments

    input_arguments(s, rules_help="extra rule pack (repeatable); its terms are not proposed again")
    s.add_argument("-c", "--config", help="configuration file (default: .ruconsist.yaml found upwards)")
    s.add_argument("--encoding", help="read input files in this encoding")
    s.add_argument("--min-count", type=int, default=2, metavar="N", help="segments a pair must share (default 2)")
    s.add_argument("--limit", type=int, default=None, metavar="N", help="at most N entries")
    s.add_argument("-o", "--output-file", help="write the YAML to FILE instead of stdout")
    s.add_argument("--no-plugins", action="store_true", help="load no third-party plugins")


def run(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from ruconsist.errors import ConfigError

    if getattr(args, "terms_command", None) != "suggest":
        raise ConfigError("usage: ruconsist terms suggest PATHS (see 'ruconsist terms suggest --help')")
    return suggest(args, out, err)


def linted(linter, pairs, bar, err, failed: list[object]):  # type: ignore[no-untyped-def]
    """Lint ``pairs`` one by one under a progress bar, yielding the
    results that read; input errors go to ``err`` (one line each) and to
    ``failed``."""
    from ruconsist.paths import display

    err = bar.guard(err)
    for pair in pairs:
        bar.update(display(pair.paths[0]))
        result = linter.lint_pair(pair)
        bar.advance()
        if result.error is not None:
            err.write(f"ruconsist: {result.error}\n")
            failed.append(result.error)
            continue
        yield result


def file_pairs(linter: Any, args: argparse.Namespace) -> list[Any]:
    """The pairs named by ``--ru``/``--zh`` and PATHS, each once."""
    from ruconsist.errors import ConfigError
    from ruconsist.pairing import FilePair

    if (args.ru is None) != (args.zh is None):
        raise ConfigError("usage: --ru and --zh go together")
    if not args.paths and args.ru is None:
        raise ConfigError("usage: give files or directories, or --ru FILE --zh FILE")
    pairs = []
    if args.ru is not None:
        pairs.append(FilePair(Path(args.ru), Path(args.zh)))
    if args.paths:
        pairs.extend(linter.pairs(args.paths))
    seen = set()
    out = []
    for p in pairs:
        if p.key not in seen:
            seen.add(p.key)
            out.append(p)
    return out


def suggest(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from ruconsist.commands.common import EXIT_OK, EXIT_USAGE
    from ruconsist.commands.common import linter_from_args as _linter
    from ruconsist.progress import Progress
    from ruconsist.suggest import Collector, to_yaml

    linter = _linter(args)
    linter.checks = []  # only the aligned segments are wanted
    pairs = file_pairs(linter, args)
    collector = Collector(linter.rules)
    failed: list[object] = []
    read = 0
    with Progress(len(pairs), err) as bar:
        for result in linted(linter, pairs, bar, err, failed):
            pair = result.pair
            if pair.missing is not None or not result.beads:
                continue
            read += 1
            for bead in result.beads:
                collector.add(bead)
    suggestions = collector.suggestions(min_count=max(1, args.min_count), limit=args.limit)
    taken = {t.id for t in linter.rules.terms}
    text = to_yaml(suggestions, units=collector.units, pairs=read, taken=taken)
    if args.output_file:
        Path(args.output_file).write_text(text, encoding="utf-8", errors="backslashreplace")
    else:
        out.write(text)
    return EXIT_USAGE if failed else EXIT_OK


