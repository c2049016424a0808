"""``ruconsist init``: write a commented starter configuration."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import IO, Any

from ruconsist.errors import ConfigError

NAME = "init"

STARTER = """\
# ruconsist configuration (docs/configuration.md describes every key).
# ruconsist finds this file by walking up from the checked files.

# Extra rule packs (YAML terms), relative to this file.  The shipped packs
# load too unless default-rules is false.
# rules:
#   - terms/house.yaml
# default-rules: true

# Which checks run: codes or code prefixes (`ruconsist rules` lists them).
# The longer matching prefix wins, as in flake8.
# select: [ALL]
# ignore: []
# extend-select: []
# extend-ignore: [TYP]

# Codes to skip in some files (globs relative to this file; `*` also
# matches `/`; a glob without `/` matches the file name anywhere).
# per-path-ignores:
#   "archive/*": [ALL]
#   "*.po": [TYP002]

# Severity per code or prefix: error, warning or info.  Only errors fail
# the run (and warnings with --strict).
# severity:
#   ALN002: warning

# How files pair, beyond the built-in X.ru.md <-> X.zh.md and
# .../ru/... <-> .../zh/... layouts.  {name} matches one path component,
# {path} several.
# pairs:
#   - ru: "articles/{name}/original.md"
#     zh: "articles/{name}/translation.md"

# House style.
# options:
#   zh-spacing: none      # off | none (2026年) | space (2026 年)
#   ru-quotes: "«»"       # «» | “” | „“ | off
#   zh-quotes: "“”"       # “” | 「」 | off
# per-path-options:
#   "docs/*":
#     zh-spacing: space

# How paragraphs pair: auto (by length and anchors), paragraphs, or lines
# (line N of the RU file translates line N of the ZH file).
# align: auto

# Input files in another encoding than UTF-8 (e.g. cp1251, gb18030).
# encoding: utf-8

# Rule packs test their own PASS/FAIL examples when they load; with
# strict-rules a failing example stops the run instead of warning.
# strict-rules: false

# What kind of translation is checked: human (default) or mt, machine
# translation (a source name, figure or date missing from the target is
# an error, and the MT checks run).  The source is the language
# translated from (zh by default for mt).
# profile: human
# source: zh
"""


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    p = subparsers.add_parser(NAME, help="write a commented starter .ruconsist.yaml")
    p.add_argument("directory", nargs="?", default=".", help="where to write it (default: here)")
    p.add_argument("--force", action="store_true", help="overwrite an existing .ruconsist.yaml")
    return p


def run(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from ruconsist.config import parse_config
    from ruconsist.yamlio import load_yaml

    directory = Path(args.directory)
    if not directory.is_dir():
        raise ConfigError(f"init: {args.directory!r} is not a directory")
    target = directory / ".ruconsist.yaml"
    if target.exists() and not args.force:
        raise ConfigError(f"init: {target} exists (use --force to overwrite it)")
    # The starter must itself be a valid (empty) configuration.
    parse_config(load_yaml(STARTER, str(target)), str(target))
    target.write_text(STARTER, encoding="utf-8")
    out.write(f"wrote {target}: every key is commented out; uncomment what you need\n")
    others = [n for n in (".ruconsist.yml",) if (directory / n).exists()]
    if others:
        err.write(f"ruconsist: note: {directory / others[0]} is also there and is found first only if this one is removed\n")
    return 0
