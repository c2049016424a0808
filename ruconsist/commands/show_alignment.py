"""``ruconsist show-alignment``: each aligned segment of a pair, its
sentence pairs and the codes found there.
"""

from __future__ import annotations

import argparse
import os
from typing import IO

from ruconsist.commands.common import (
    EXIT_OK,
)
from ruconsist.commands.common import (
    linter_from_args as _linter,
)
from ruconsist.errors import InputError


def cmd_show_alignment(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Each aligned segment with its bead shape (1:1, 2:1, 1:0 …), where
    it stands in both files, the sentence pairs inside it (which is what
    a finding's counterpart points at), and the codes found there."""
    import textwrap
    from collections import defaultdict
    from pathlib import Path

    from ruconsist.pairing import FilePair

    linter = _linter(args, err)
    if args.zh is not None:
        pair = FilePair(Path(args.ru), Path(args.zh))
    else:
        # One file: its pair as check finds it (a tagged file's
        # counterpart on disk), else a bilingual file.
        if not os.path.lexists(args.ru):
            raise InputError("no such file or directory", args.ru)
        pair = next(iter(linter.pairs([args.ru])), None) or FilePair(None, None, bilingual=Path(args.ru))
        if pair.missing is not None:
            raise InputError(f"no counterpart found (expected {pair.missing})", args.ru)
    result = linter.lint_pair(pair)
    if result.error is not None:
        raise result.error
    codes: dict[str | None, list[str]] = defaultdict(list)
    for d in result.diagnostics:
        codes[d.segment].append(d.code)
    width = 100
    for bead in result.beads:
        shape = f"{len(bead.ru.segments)}:{len(bead.zh.segments)}"
        found = codes.get(bead.id)
        note = f"  findings: {', '.join(sorted(set(found)))}" if found else ""
        out.write(f"--- segment {bead.index + 1} ({shape}){note}\n")
        for lang in ("ru", "zh"):
            side = bead.side(lang)
            if not side:
                out.write(f"  {lang.upper()}  (none: no counterpart)\n")
                continue
            loc = side.span()
            out.write(f"  {lang.upper()}  {loc.path}:{loc.line}" + (f"-{loc.end_line}" if loc.end_line != loc.line else "") + "\n")
            text = " ".join(side.text.split())
            for line in textwrap.wrap(text, width=width if lang == "ru" else width // 2) or [""]:
                out.write(f"      {line}\n")
        if len(bead.sentences) > 1:
            out.write("  sentences:\n")
            for k, (ru_span, zh_span) in enumerate(bead.sentences, start=1):
                ru_text = " ".join(bead.ru.text[ru_span[0] : ru_span[1]].split())
                zh_text = " ".join(bead.zh.text[zh_span[0] : zh_span[1]].split())
                out.write(f"    {k}. {ru_text[:70]}{'…' if len(ru_text) > 70 else ''}\n")
                out.write(f"       {zh_text[:35]}{'…' if len(zh_text) > 35 else ''}\n")
    return EXIT_OK
