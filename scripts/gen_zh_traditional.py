#!/usr/bin/env python3
"""Generate ``rules/zh_traditional.yaml``: the traditional characters of
the simplified characters the shipped packs write Chinese names with.

Texts in traditional characters (Taiwan, Hong Kong, much of Tatoeba)
write 中國, 德國, 羅馬 where the packs have 中国, 德国, 罗马.  The term
matcher reads Chinese text through this table, character for character
(so positions do not move), before it looks for pack forms.  Only the
characters of pack forms are mapped, and never a traditional character
that is itself a simplified one in use (乾, 著, 後 stay as they are), so
simplified text reads exactly as before.

The table comes from hanziconv (a development-only dependency)::

    pip install hanziconv==0.3.2
    python scripts/gen_zh_traditional.py          # rewrite the pack
    python scripts/gen_zh_traditional.py --check  # exit 1 if out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "rules" / "zh_traditional.yaml"
SOURCES = ("countries", "places", "people", "organizations", "events", "treaties", "house")


def pack_chars() -> set[str]:
    chars: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, str):
            chars.update(c for c in node if "\u4e00" <= c <= "\u9fff")
        elif isinstance(node, dict):
            for key, value in node.items():
                if key in ("zh", "accept", "forbidden", "except") or isinstance(value, (dict, list)):
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for name in SOURCES:
        path = ROOT / "rules" / f"{name}.yaml"
        if path.exists():
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            for term in data.get("terms") or ():
                for key in ("zh", "accept", "forbidden", "except"):
                    walk(term.get(key))
    return chars


def table() -> list[tuple[str, str]]:
    from hanziconv import charmap

    simplified, traditional = charmap.simplified_charmap, charmap.traditional_charmap
    in_use = set(simplified)
    wanted = pack_chars()
    pairs = {}
    for s, t in zip(simplified, traditional):
        if s in wanted and t != s and t not in in_use and t not in wanted:
            pairs[t] = s
    return sorted(pairs.items(), key=lambda p: (p[1], p[0]))


def render(pairs: list[tuple[str, str]]) -> str:
    lines = [
        "# GENERATED FILE: do not edit by hand.",
        "# Made by scripts/gen_zh_traditional.py from hanziconv's character table,",
        "# for the characters of the shipped packs' Chinese forms.",
        "version: 1",
        "pack: zh_traditional",
        "description: >-",
        "  Traditional characters of the simplified characters the packs write",
        "  names with, read as their simplified form when the term checks look",
        "  for names (中國 finds 中国).",
        "source: hanziconv 0.3.2 character map (CUHK tables)",
        "license: Apache-2.0 (hanziconv)",
        "vocab:",
        "  entities:",
        "    # traditional then simplified, one pair a word",
        "    traditional: >-",
    ]
    words = [t + s for t, s in pairs]
    lines += ["      " + " ".join(words[i : i + 16]) for i in range(0, len(words), 16)]
    return "\n".join(lines) + "\n"


def main() -> int:
    from generated import write_or_check

    pairs = table()
    return write_or_check(__doc__.split("\n\n")[0], OUTPUT, render(pairs), f"{len(pairs)} characters")


if __name__ == "__main__":
    sys.exit(main())
