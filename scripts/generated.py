"""What the pack generators in this folder share: write a generated pack,
or with ``--check`` say whether the committed one is up to date."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def write_or_check(description: str, output: Path, text: str, what: str) -> int:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="exit 1 if the pack is out of date")
    args = parser.parse_args()
    root = output.parent.parent
    if args.check:
        if not output.exists() or output.read_text(encoding="utf-8") != text:
            print(f"{output.relative_to(root)} is out of date: run {Path(sys.argv[0]).name}", file=sys.stderr)
            return 1
        return 0
    output.write_text(text, encoding="utf-8")
    print(f"wrote {output.relative_to(root)}: {what}")
    return 0
