"""``ruconsist cache``: where the cache lives, and emptying it."""

from __future__ import annotations

import argparse
from typing import IO, Any

NAME = "cache"


def add_parser(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "cache",
        help="the matcher cache: 'cache dir' prints where it is, 'cache clear' empties it",
        description=(
            "ruconsist keeps what it derives from the rule packs (inflected term matchers, date patterns,"
            " parsed packs) in a cache directory, so that a pre-commit run starts fast.  RUCONSIST_CACHE_DIR"
            " moves it; RUCONSIST_NO_CACHE=1 or --no-cache turns it off for a run.  Entries are trusted only"
            " when tagged with the user's key (~/.local/state/ruconsist/cache-key, or RUCONSIST_CACHE_KEY"
            " in CI); anything else is rebuilt."
        ),
    )
    sub = p.add_subparsers(dest="cache_command", parser_class=type(p))
    sub.add_parser("dir", help="print the cache directory")
    sub.add_parser("clear", help="delete every cache entry")


def run(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from ruconsist import cache
    from ruconsist.errors import ConfigError

    command = getattr(args, "cache_command", None)
    directory = cache.cache_dir()
    if command == "dir":
        out.write(f"{directory if directory is not None else '(caching is off: RUCONSIST_NO_CACHE is set)'}\n")
        return 0
    if command == "clear":
        files, size = cache.clear(directory)
        out.write(f"removed {files} cache entr{'y' if files == 1 else 'ies'} ({size / 1048576:.1f} MB) from {directory}\n")
        return 0
    raise ConfigError("usage: ruconsist cache {dir,clear} (see 'ruconsist cache --help')")
