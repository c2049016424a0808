"""``ruconsist rules``: the registered checks and loaded rule packs
(``rules test`` runs the packs' examples).
"""

from __future__ import annotations

import argparse
from typing import IO, Any

from ruconsist.commands.common import (
    EXIT_OK,
)
from ruconsist.commands.common import (
    linter_from_args as _linter,
)


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
