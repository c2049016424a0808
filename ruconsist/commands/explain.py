"""``ruconsist explain CODE``: a check's documentation page, or the codes
of a family.
"""

from __future__ import annotations

import argparse
from typing import IO

from ruconsist.commands.common import (
    EXIT_OK,
)
from ruconsist.commands.common import (
    linter_from_args as _linter,
)
from ruconsist.errors import ConfigError


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
