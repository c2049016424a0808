"""Shared by the typography checks: what text is never touched (code, URLs,
markup, placeholders), per-option access, and the base class that scans
each side of a bead."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ruconsist.checks.base import Check, PairContext
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import SegmentPair, Side
from ruconsist.lang.han import HAN_CHAR


_CJK_PUNCT = re.compile(r"[\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]")
CYRILLIC = re.compile(r"[А-ЯЁа-яё]")

#: Spans no typography rule may touch.  Every repeated part stops at a
#: character that can start the next try (an e-mail address starts after
#: a word, a link text stops at a bracket of either kind, a link target
#: at a parenthesis), so that a text of thousands of ``](`` or ``[`` or
#: one long word is scanned in linear time.
PROTECTED = re.compile(
    r"""
    (?:https?|ftp)://[^\s<>"'，。、；：！？）》」]+
  | www\.[^\s<>"'，。、；：！？）》」]+
  | (?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+
  | `[^`\n]*`
  | <[A-Za-z/!?][^<>\n]*>
  | &(?:[A-Za-z]+|\#\d+|\#x[0-9A-Fa-f]+);
  | !?\[[^\[\]\n]*\]\([^()\s]*\)
  | \]\([^()\s]*\)
  | \{\{?[A-Za-z_][\w.]*\}\}?
  | %\([A-Za-z_]\w*\)[sdifr]
  | \$\{?[A-Za-z_]\w*\}?
  | (?<![\w])[A-Za-z]:\\[^\s]*
    """,
    re.X,
)

#: The inside of parentheses that belong to a formula: operands and at
#: least one operator, nothing Chinese.
FORMULA = re.compile(r"^[\w\s.,]*[+\-*/=^<>×÷±][\w\s.,+\-*/=^<>×÷±]*$", re.ASCII)

HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"}
HALF_CHARS = "".join(HALF_TO_FULL)


def is_cjk(ch: str) -> bool:
    return bool(ch) and bool(HAN_CHAR.match(ch) or _CJK_PUNCT.match(ch))


_URL_START = ("http", "ftp", "www.")


#: Every protected kind has one of these characters (``://``, ``www.``,
#: ``@``, backquotes, markup, entities, links, placeholders, ``C:\``);
#: most sentences have none and need no full scan.
_PROTECTED_GATE = re.compile(r"[:@`<&\[\]{%$]|www\.")


def protected_spans(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if not _PROTECTED_GATE.search(text):
        return out
    for m in PROTECTED.finditer(text):
        a, b = m.span()
        if m.group().startswith(_URL_START):
            # A URL ends before the punctuation that follows it, and before
            # a closing parenthesis it did not open: (https://x.org/a).
            while b > a and text[b - 1] in ".,;:!?)":
                if text[b - 1] == ")" and text[a:b].count("(") >= text[a:b].count(")"):
                    break
                b -= 1
        out.append((a, b))
    return out


class Mask:
    """Fast "is this offset protected?" for one text, computed the first
    time it is asked (most texts have no mark to ask about)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._flags: bytearray | None = None

    @property
    def flags(self) -> bytearray:
        if self._flags is None:
            flags = bytearray(len(self._text))
            for a, b in protected_spans(self._text):
                flags[a:b] = b"\x01" * (b - a)
            self._flags = flags
        return self._flags

    def __call__(self, i: int) -> bool:
        flags = self.flags
        return 0 <= i < len(flags) and bool(flags[i])


_FINDERS: dict[str, re.Pattern[str]] = {}


def positions(text: str, chars: str) -> list[int]:
    """Offsets of the characters of ``chars`` in ``text``: the loops below
    visit only the marks they act on, not every character."""
    rx = _FINDERS.get(chars)
    if rx is None:
        rx = _FINDERS[chars] = re.compile("[" + re.escape(chars) + "]")
    return [m.start() for m in rx.finditer(text)]


def segment_spans(side: Side) -> list[tuple[int, int]]:
    """Offsets of each segment (paragraph) inside ``side.text``."""
    out = []
    pos = 0
    for seg in side.segments:
        out.append((pos, pos + len(seg.text)))
        pos += len(seg.text) + 1
    return out


def option(ctx: PairContext, key: str) -> Any:
    options = getattr(ctx.config, "options", None) or {}
    return options.get(key)


class TypographyCheck(Check):
    """Runs ``scan`` over each side present in a bead, including beads
    with one side only (their typography is still checkable)."""

    category = "style"
    severity = Severity.WARNING
    langs: tuple[str, ...] = ("ru", "zh")
    # finish_pair checks the one-sided beads as check does the others.
    bead_local = True

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        for lang in self.langs:
            side = bead.side(lang)
            if side:
                yield from self.scan(bead, lang, side.text, ctx)

    def finish_pair(self, ctx: PairContext) -> Iterator[Diagnostic]:
        checked = {id(b) for b in ctx.beads}
        for bead in ctx.state.get("all_beads", ()):
            if id(bead) in checked or bead.memo.get("skip") or (bead.ru and bead.zh):
                continue
            yield from self.check(bead, ctx)

    def scan(
        self, bead: SegmentPair, lang: str, text: str, ctx: PairContext
    ) -> Iterator[Diagnostic]:
        return iter(())
