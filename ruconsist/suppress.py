"""Inline suppression directives.

In Markdown, HTML, XLIFF and TMX, inside a comment::

    <!-- ruconsist: disable-next-line NUM001 -->
    <!-- ruconsist: disable-line -->
    <!-- ruconsist: disable TRM -->  …  <!-- ruconsist: enable TRM -->
    <!-- ruconsist: disable-file DAT004 -->

In plain text, PO (translator ``#`` or extracted ``#.`` comments) and
YAML, the same words after ``#`` at the start of a line::

    # ruconsist: disable-next-line DAT004 -- the source misdates the call

Codes match by prefix (``NUM`` covers NUM001…); no code means every
code; anything after `` -- `` is a reason for the reader.

What a directive covers:

* ``disable-line``: its own line.
* ``disable-next-line``: the next segment (paragraph, PO entry) after
  the directive, whole; blank lines in between are skipped.
* ``disable`` … ``enable``: every line from one to the other (to the end
  of the file if no ``enable`` follows).  ``enable`` with no codes closes
  every open block.
* ``disable-file``: the whole file.

A finding is suppressed when a directive covers it in either file of
the pair: in the file the finding is in, the lines of the finding
itself; in the other file, the aligned segment (the one the finding's
counterpart points into).  So a translator can silence a finding from
the file they own.

A directive naming a code that no check registers, or a misspelt verb,
is itself reported (SUP001, SUP002; see ``checks/directives.py``).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import regex

from ruconsist.diagnostic import Diagnostic, Location

VERBS = ("disable-next-line", "disable-line", "disable-file", "disable", "enable")

#: ``<!-- ruconsist: disable-next-line NUM001 -->``, ``<!--ruconsist:disable-->``
HTML_DIRECTIVE = regex.compile(r"<!--[ \t]*ruconsist[ \t]*:(?P<body>.*?)-->", regex.DOTALL)
#: ``# ruconsist: disable-line``, ``#. ruconsist: disable NUM``, ``  #ruconsist: enable``
HASH_DIRECTIVE = regex.compile(r"^[ \t]*#\.?[ \t]*ruconsist[ \t]*:(?P<body>[^\r\n]*)", regex.MULTILINE)
#: ``NUM001``, ``num``, ``TRM``: a code or code prefix.
CODE = regex.compile(r"^[A-Za-z]{1,3}[0-9]{0,3}$")

#: Comment syntax per reader name; formats not listed accept both.
HTML_FORMATS = frozenset({"markdown", "html", "xliff", "tmx"})
HASH_FORMATS = frozenset({"text", "lines", "bilingual", "po", "yaml-locale"})


#: Problems reported for one directive before the rest are counted.
MAX_PROBLEMS = 10


@dataclass(frozen=True)
class Problem:
    """Something wrong with a directive: ``kind`` is ``unknown-code`` or
    ``malformed``; ``start``/``end`` are offsets of the directive."""

    kind: str
    line: int
    start: int
    end: int
    message: str


@dataclass
class Directives:
    """Per line, the code prefixes disabled there (an empty tuple means
    every code)."""

    lines: dict[int, list[tuple[str, ...]]] = field(default_factory=dict)
    whole_file: list[tuple[str, ...]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def unknown(self) -> list[tuple[int, str]]:
        return [(p.line, p.message) for p in self.problems if p.kind == "unknown-code"]

    def covers(self, code: str, line: int) -> bool:
        for codes in self.whole_file + self.lines.get(line, []):
            if not codes or any(code.startswith(c) for c in codes):
                return True
        return False

    def covers_any(self, code: str, first: int, last: int) -> bool:
        if self.whole_file and any(not c or any(code.startswith(x) for x in c) for c in self.whole_file):
            return True
        return any(self.covers(code, n) for n in range(first, last + 1) if n in self.lines)


def _matches(text: str, fmt: str | None) -> Iterator[regex.Match[str]]:
    found: list[regex.Match[str]] = []
    if fmt not in HASH_FORMATS:
        found.extend(HTML_DIRECTIVE.finditer(text))
    if fmt not in HTML_FORMATS:
        found.extend(HASH_DIRECTIVE.finditer(text))
    return iter(sorted(found, key=lambda m: m.start()))


def parse(
    text: str,
    known: Iterable[str] = (),
    fmt: str | None = None,
    segments: Iterable[tuple[int, int]] = (),
) -> Directives:
    """Directives of one file.

    :param known: every registered code; a directive code that prefixes
        none of them is a problem.  Empty: codes are not checked.
    :param fmt: the reader's name (``markdown``, ``po``, …), which
        decides the comment syntax.
    :param segments: (first line, last line) of each segment, so that
        ``disable-next-line`` covers the whole next paragraph.
    """
    reader = _DirectiveReader(text, tuple(known), segments)
    for m in _matches(text, fmt):
        reader.read(m)
    return reader.finish()


class _DirectiveReader:
    """The directives of one file, read one comment at a time."""

    def __init__(self, text: str, known: tuple[str, ...], segments: Iterable[tuple[int, int]]) -> None:
        self.text = text
        self.known = known
        self.out = Directives()
        self.line_starts = [0] + [m.end() for m in regex.finditer(r"\r\n|\n|\r", text)]
        self.total = len(self.line_starts)
        self.seg_starts = sorted(segments)
        self.first_lines = [a for a, _ in self.seg_starts]
        #: ``disable`` blocks not yet closed: their codes and first line.
        self.open_blocks: dict[tuple[str, ...], int] = {}
        self.verbs = {
            "disable-file": self._disable_file,
            "disable-line": self._disable_line,
            "disable-next-line": self._disable_next_line,
            "disable": self._disable,
            "enable": self._enable,
        }

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)

    def problem(self, kind: str, m: regex.Match[str], message: str) -> None:
        self.out.problems.append(Problem(kind, self.line_of(m.start()), m.start(), m.end(), message))

    def read(self, m: regex.Match[str]) -> None:
        """One directive: its verb, then its codes, then the lines it covers."""
        from ruconsist.schema import suggest

        body = m.group("body").split(" -- ", 1)[0].strip()
        words = [w for w in regex.split(r"[ \t,]+", body) if w]
        if not words or words[0] not in VERBS:
            verb = words[0] if words else ""
            self.problem(
                "malformed",
                m,
                f"unknown directive {verb!r}{suggest(verb, VERBS)}; expected one of {', '.join(VERBS)}",
            )
            return
        verb, raw_codes = words[0], words[1:]
        codes = self._codes(verb, raw_codes, m)
        if raw_codes and not codes:
            return  # every code was malformed: do not widen it to "all"
        line = self.line_of(m.start())
        end_line = self.line_of(max(m.start(), m.end() - 1))
        self.verbs[verb](codes, line, end_line, m)

    def _codes(self, verb: str, raw_codes: list[str], m: regex.Match[str]) -> tuple[str, ...]:
        """The directive's well-formed codes, upper-cased.  Each problem
        points at the whole directive; a directive listing thousands of
        bad codes gets a few and a count, not thousands of copies of
        itself."""
        codes_list = []
        told = untold = 0
        for raw in raw_codes:
            bad = self._bad_code(verb, raw)
            if CODE.match(raw):
                codes_list.append(raw.upper())
            if bad is None:
                continue
            if told < MAX_PROBLEMS:
                self.problem(bad[0], m, bad[1])
                told += 1
            else:
                untold += 1
        if untold:
            self.problem("malformed", m, f"{verb} directive: {untold} more codes that are not codes or that no check reports")
        return tuple(codes_list)

    def _bad_code(self, verb: str, raw: str) -> tuple[str, str] | None:
        """What is wrong with one code of a directive, if anything."""
        from ruconsist.schema import suggest

        if not CODE.match(raw):
            shown = f"{raw[:40]!r}{'…' if len(raw) > 40 else ''}"
            return ("malformed", f"{shown} in a {verb} directive is not a code (e.g. NUM001 or NUM)")
        code = raw.upper()
        if self.known and not any(k.startswith(code) for k in self.known):
            return ("unknown-code", f"{verb} names {code}, which no check reports{suggest(code, self.known)}")
        return None

    def _cover(self, first: int, last: int, codes: tuple[str, ...]) -> None:
        for n in range(first, last + 1):
            self.out.lines.setdefault(n, []).append(codes)

    def _disable_file(self, codes: tuple[str, ...], line: int, end_line: int, m: regex.Match[str]) -> None:
        self.out.whole_file.append(codes)

    def _disable_line(self, codes: tuple[str, ...], line: int, end_line: int, m: regex.Match[str]) -> None:
        self._cover(line, end_line, codes)

    def _disable_next_line(self, codes: tuple[str, ...], line: int, end_line: int, m: regex.Match[str]) -> None:
        """The next non-blank line and, when a segment starts there, the
        whole segment (so a directive above a paragraph covers it)."""
        nxt = end_line + 1
        while nxt <= self.total and not _line(self.text, self.line_starts, nxt).strip():
            nxt += 1
        last = nxt
        i = bisect.bisect_left(self.first_lines, nxt)
        if i < len(self.seg_starts) and self.seg_starts[i][0] == nxt:
            last = max(nxt, self.seg_starts[i][1])
        self._cover(nxt, last, codes)

    def _disable(self, codes: tuple[str, ...], line: int, end_line: int, m: regex.Match[str]) -> None:
        self.open_blocks.setdefault(codes, line)

    def _enable(self, codes: tuple[str, ...], line: int, end_line: int, m: regex.Match[str]) -> None:
        """Closes the block of the same codes, or every open block when it
        names none."""
        keys = [codes] if codes in self.open_blocks else (list(self.open_blocks) if not codes else [])
        if not keys:
            self.problem("malformed", m, f"enable {' '.join(codes)} closes no open disable block".replace("  ", " "))
        for key in keys:
            self._cover(self.open_blocks.pop(key), line, key)

    def finish(self) -> Directives:
        """Blocks left open run to the end of the file."""
        for codes, start in self.open_blocks.items():
            self._cover(start, self.total, codes)
        return self.out


def _line(text: str, starts: list[int], n: int) -> str:
    a = starts[n - 1]
    b = starts[n] if n < len(starts) else len(text)
    return text[a:b]


def segment_lines(beads: Iterable[Any]) -> dict[str, list[tuple[int, int]]]:
    """(first, last) line of every segment, per document path; ``beads``
    are beads or (RU segments, ZH segments) pairs."""
    out: dict[str, list[tuple[int, int]]] = {}
    for bead in beads:
        sides = (bead.ru.segments, bead.zh.segments) if hasattr(bead, "ru") else bead
        for segments in sides:
            for seg in segments:
                loc = seg.location(0, max(1, len(seg.text)))
                out.setdefault(loc.path, []).append((loc.line, loc.end_line))
    return out


class _Beads:
    """The pair's beads by id; a bead that was not kept is rebuilt from
    its segments (its sides are all a directive needs)."""

    def __init__(self, kept: Iterable[Any], raw: Any) -> None:
        self.kept = {b.id: b for b in kept}
        self.raw = raw

    def get(self, bead_id: str) -> Any:
        bead = self.kept.get(bead_id)
        if bead is None and self.raw is not None and bead_id[1:].isdigit():
            i = int(bead_id[1:])
            if i < len(self.raw):
                from ruconsist.document import SegmentPair, Side

                ru, zh = self.raw[i]
                bead = self.kept[bead_id] = SegmentPair(i, Side("ru", tuple(ru)), Side("zh", tuple(zh)))
        return bead


def directives_for(ctx: Any, known: Iterable[str] = ()) -> dict[str, Directives]:
    """Parsed directives of both documents of a pair (once for a
    bilingual file), keyed by document path; files without any
    ``ruconsist:`` text are left out."""
    raw = ctx.state.get("raw_beads")
    spans = segment_lines(raw if raw is not None else ctx.state.get("all_beads", ctx.beads))
    out: dict[str, Directives] = {}
    for doc in (ctx.ru_doc, ctx.zh_doc):
        if doc.path in out or "ruconsist" not in doc.text:
            continue
        out[doc.path] = parse(doc.text, known, getattr(doc, "format", None), spans.get(doc.path, ()))
    return out


def _side_span(bead: Any, lang: str) -> Location | None:
    side = bead.side(lang)
    return side.span() if side else None


def is_suppressed(d: Diagnostic, directives: dict[str, Directives], beads: Any) -> bool:
    loc = d.location
    own = directives.get(loc.path)
    if own is not None and own.covers_any(d.code, loc.line, loc.end_line):
        return True
    other_lang = "zh" if loc.lang == "ru" else "ru"
    spans: list[Location] = []
    bead = beads.get(d.segment) if d.segment else None
    if bead is not None:
        span = _side_span(bead, other_lang)
        if span is not None:
            spans.append(span)
    if d.counterpart is not None:
        spans.append(d.counterpart)
    for span in spans:
        dirs = directives.get(span.path)
        if dirs is not None and dirs.covers_any(d.code, span.line, span.end_line):
            return True
    return False


def apply(diags: list[Diagnostic], ctx: Any, directives: dict[str, Directives] | None = None) -> list[Diagnostic]:
    """The findings of one pair that no directive suppresses
    (``directives``: those of the pair, if already parsed)."""
    if directives is None:
        directives = directives_for(ctx)
    if not directives:
        return diags
    beads = _Beads(ctx.state.get("all_beads", ctx.beads), ctx.state.get("raw_beads"))
    return [d for d in diags if not is_suppressed(d, directives, beads)]
