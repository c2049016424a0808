"""What the command line's subcommands share: exit codes, the input,
selection and table arguments, and building a :class:`~ruconsist.engine.Linter` from parsed
arguments.  Below both ``ruconsist.cli`` and ``ruconsist.commands.*``,
so neither imports the other for it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import IO, Any

from ruconsist.errors import ConfigError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def code_list(text: str) -> tuple[str, ...]:
    """``TRM,TTL`` or ``TRM TTL``: code prefixes, upper case."""
    return tuple(c.strip().upper() for c in text.replace(" ", ",").split(",") if c.strip())


def input_arguments(p: argparse.ArgumentParser, rules_help: str = "extra rule pack (repeatable)") -> None:
    """What a linting subcommand reads: PATHS or an explicit ``--ru``/``--zh``
    pair, how to align them, and which rule packs."""
    p.add_argument("paths", nargs="*", help="files or directories")
    p.add_argument("--ru", help="the Russian file of an explicit pair")
    p.add_argument("--zh", help="the Chinese file of an explicit pair")
    p.add_argument("--align", choices=("auto", "lines", "paragraphs"), help="lines: one segment per line, paired by line number")
    p.add_argument("--rules", action="append", default=[], metavar="FILE", help=rules_help)
    p.add_argument("--no-default-rules", action="store_true", help="do not load the shipped rule packs")


def selection_arguments(p: argparse.ArgumentParser) -> None:
    """Which codes a linting subcommand reports, over the configuration's."""
    p.add_argument("--select", type=code_list, help="only these code prefixes (comma list)")
    p.add_argument("--ignore", type=code_list, help="skip these code prefixes")
    p.add_argument("--extend-select", type=code_list, help="add these code prefixes to the configuration's select")
    p.add_argument("--extend-ignore", type=code_list, help="add these code prefixes to the configuration's ignore")


def table_arguments(p: argparse.ArgumentParser) -> None:
    """The translation kind and the columns of bilingual tables."""
    p.add_argument(
        "--profile", choices=("human", "mt"),
        help="mt: machine translation (an entity, figure or date of the source missing from the target is an"
        " error, one the target adds a warning, and the MT checks run); default human",
    )
    p.add_argument("--source", choices=("zh", "ru"), help="the language translated from (mt profile default: zh)")
    p.add_argument("--zh-column", metavar="NAME", help="the Chinese column of a .csv/.tsv/.xlsx table (header name or 1-based position)")
    p.add_argument(
        "--ru-column", action="append", metavar="NAME",
        help="a Russian column of a table (repeatable: each is checked against the ZH column as its own pair)",
    )
    p.add_argument("--sheet", metavar="NAME", help="the sheet of a workbook (default: the first)")


def linter_from_args(args: argparse.Namespace, err: IO[str] | None = None, **overrides: Any):  # type: ignore[no-untyped-def]
    from ruconsist.config import discover_config
    from ruconsist.engine import Linter
    from ruconsist.plugins import get_plugin_manager

    paths = list(getattr(args, "paths", None) or [])
    paths += [p for p in (getattr(args, "ru", None), getattr(args, "zh", None)) if p]
    config = discover_config(getattr(args, "config", None), paths=paths)
    config = config.with_cli(
        select=getattr(args, "select", None),
        ignore=getattr(args, "ignore", None),
        extend_select=getattr(args, "extend_select", None),
        extend_ignore=getattr(args, "extend_ignore", None),
        align=getattr(args, "align", None),
        encoding=getattr(args, "encoding", None),
        default_rules=False if getattr(args, "no_default_rules", False) else None,
        **overrides,
    ).with_cli_options(
        profile=getattr(args, "profile", None),
        source=getattr(args, "source", None),
        zh_column=getattr(args, "zh_column", None),
        ru_column=getattr(args, "ru_column", None),
        sheet=getattr(args, "sheet", None),
    )
    pm = get_plugin_manager(load_entrypoints=not getattr(args, "no_plugins", False))
    jobs = getattr(args, "jobs", 1)
    if jobs == 0:
        from ruconsist.runner import default_jobs

        jobs = default_jobs()
    if getattr(args, "diff", None):
        jobs = 1  # --changed-since needs each pair's segments, which workers do not send back
    linter = Linter(config, pm=pm, extra_rules=getattr(args, "rules", []), jobs=jobs)
    from ruconsist.plugins import allowlist_from_env

    # With plugins turned off, a well-formed code may be a plugin's.
    every_plugin = not getattr(args, "no_plugins", False) and allowlist_from_env() is None
    check_code_options(args, linter.codes, every_plugin)
    if getattr(args, "command", None) in ("check", "show-alignment"):
        from ruconsist.selftest import verify_on_load

        # A user's pack whose own examples fail is reported at once
        # (cached per pack digest); strict-rules makes it fatal.
        verify_on_load(linter, err or sys.stderr)
    return linter


def check_code_options(args: argparse.Namespace, codes: Iterable[str], complete: bool) -> None:
    """Refuse a code or prefix on the command line that is not one
    (``--select NUMM``), as the configuration file does, or, when
    ``codes`` are all the codes there are (``complete``), one that names
    no check: a typo must not silently check nothing."""
    from ruconsist.config import CODE_PREFIX
    from ruconsist.schema import suggest

    known = sorted(codes)
    prefixes = {c[:n] for c in known for n in range(1, len(c) + 1)}
    choices = [*sorted({c.rstrip("0123456789") for c in known}), *known]
    for option in ("select", "ignore", "extend_select", "extend_ignore"):
        for code in getattr(args, option, None) or ():
            flag = "--" + option.replace("_", "-")
            if not CODE_PREFIX.match(code):
                raise ConfigError(f"usage: {flag}: {code!r} is not a code or code prefix (e.g. NUM or NUM001){suggest(code, choices)}")
            if complete and code != "ALL" and code not in prefixes:
                raise ConfigError(f"usage: {flag}: no check has code {code!r}{suggest(code, choices)}")
