"""Inline suppression directives.

In Markdown and HTML::

    <!-- ruconsist: disable-next-line NUM001 -->
    <!-- ruconsist: disable-line -->
    <!-- ruconsist: disable TRM -->  …  <!-- ruconsist: enable TRM -->
    <!-- ruconsist: disable-file -->

In plain text, PO and YAML the same words follow ``#`` at the start of a
line (``# ruconsist: disable-next-line DAT004``).  Codes match by
prefix; no code means every code.  A directive in either file of a pair
suppresses a finding whose primary location or counterpart it covers,
so a translator can silence a finding from the file they own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from ruconsist.diagnostic import Diagnostic, Location

DIRECTIVE = regex.compile(
    r"(?:<!--\s*|^[ \t]*#\s*)ruconsist:\s*"
    r"(?P<verb>disable-next-line|disable-line|disable-file|disable|enable)"
    r"(?P<codes>(?:[ \t,]+[A-Z]{1,3}[0-9]{0,3})*)[ \t]*(?:-->)?",
    regex.MULTILINE,
)


@dataclass(frozen=True)
class Directives:
    """Per line, the code prefixes disabled there (an empty tuple means
    every code)."""

    lines: dict[int, list[tuple[str, ...]]]
    whole_file: list[tuple[str, ...]]
    unknown: list[tuple[int, str]]

    def covers(self, code: str, line: int) -> bool:
        for codes in self.whole_file + self.lines.get(line, []):
            if not codes or any(code.startswith(c) for c in codes):
                return True
        return False


def parse(text: str, known: Iterable[str] = ()) -> Directives:
    known_codes = tuple(known)
    lines: dict[int, list[tuple[str, ...]]] = {}
    whole: list[tuple[str, ...]] = []
    unknown: list[tuple[int, str]] = []
    open_blocks: dict[tuple[str, ...], int] = {}
    line_starts = [0] + [m.end() for m in regex.finditer(r"\r\n|\n|\r", text)]
    total = len(line_starts)

    def line_of(offset: int) -> int:
        import bisect

        return bisect.bisect_right(line_starts, offset)

    for m in DIRECTIVE.finditer(text):
        codes = tuple(c for c in regex.split(r"[ \t,]+", m.group("codes").strip()) if c)
        line = line_of(m.start())
        for c in codes:
            if known_codes and not any(k.startswith(c) for k in known_codes):
                unknown.append((line, c))
        verb = m.group("verb")
        if verb == "disable-file":
            whole.append(codes)
        elif verb == "disable-line":
            lines.setdefault(line, []).append(codes)
        elif verb == "disable-next-line":
            nxt = line + 1
            # Skip blank lines so a directive above a paragraph covers it.
            while nxt <= total and not _line(text, line_starts, nxt).strip():
                nxt += 1
            lines.setdefault(nxt, []).append(codes)
        elif verb == "disable":
            open_blocks[codes] = line
        elif verb == "enable":
            keys = [codes] if codes in open_blocks else (list(open_blocks) if not codes else [])
            for key in keys:
                start = open_blocks.pop(key)
                for n in range(start, line + 1):
                    lines.setdefault(n, []).append(key)
    for codes, start in open_blocks.items():
        for n in range(start, total + 1):
            lines.setdefault(n, []).append(codes)
    return Directives(lines, whole, unknown)


def _line(text: str, starts: list[int], n: int) -> str:
    a = starts[n - 1]
    b = starts[n] if n < len(starts) else len(text)
    return text[a:b]


def _covered(d: Diagnostic, loc: Location | None, directives: dict[str, Directives]) -> bool:
    if loc is None or loc.path not in directives:
        return False
    dirs = directives[loc.path]
    return any(dirs.covers(d.code, n) for n in range(loc.line, loc.end_line + 1))


def apply(diags: list[Diagnostic], ctx) -> list[Diagnostic]:  # type: ignore[no-untyped-def]
    docs = {ctx.ru_doc.path: ctx.ru_doc, ctx.zh_doc.path: ctx.zh_doc}
    directives = {}
    for path, doc in docs.items():
        if "ruconsist:" in doc.text:
            directives[path] = parse(doc.text)
    if not directives:
        return diags
    return [
        d
        for d in diags
        if not (_covered(d, d.location, directives) or _covered(d, d.counterpart, directives))
    ]
