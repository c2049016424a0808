"""Pairing of quotation marks, shared by TYP002 and TYP003."""

from __future__ import annotations

from ruconsist.checks.typography.common import Mask, positions


#: What stands before an opening ASCII quote and after a closing one;
#: Chinese punctuation too (他说："…"，), so that a quotation spanning two
#: lines of a line-aligned file pairs across them.
_OPENING_CONTEXT = set(" \t\n\u00a0([{«„“—–-:/：，（【《「") | {""}
_CLOSING_CONTEXT = set(" \t\n\u00a0)]}»“”.,;:!?…—–-，。；：！？）】》」、") | {""}


def ascii_quote_pairs(
    text: str, mask: Mask | None = None
) -> tuple[list[tuple[int, int]], list[tuple[int, bool]]]:
    """Pairs of ASCII double quotes in one paragraph, and the unpaired
    ones with whether each looks like an opening quote.  A quote after a
    space opens, one before a space or punctuation closes; in between,
    quotes alternate."""
    mask = mask or Mask(text)
    pairs: list[tuple[int, int]] = []
    lone: list[tuple[int, bool]] = []
    open_at: int | None = None
    for i in positions(text, '\n"'):
        c = text[i]
        if c == "\n":
            if open_at is not None:
                lone.append((open_at, True))
            open_at = None
            continue
        if mask(i):
            continue
        p = text[i - 1] if i > 0 else ""
        n = text[i + 1] if i + 1 < len(text) else ""
        opening = p in _OPENING_CONTEXT and n not in (" ", "\t", "\n", "")
        closing = n in _CLOSING_CONTEXT and p not in (" ", "\t", "")
        if open_at is None:
            if closing and not opening:
                lone.append((i, False))
            else:
                open_at = i
        else:
            pairs.append((open_at, i))
            open_at = None
    if open_at is not None:
        lone.append((open_at, True))
    return pairs, lone


def typographic_pairs(
    text: str, opener: str, closer: str, mask: Mask
) -> tuple[list[tuple[int, int]], list[int]]:
    """Nested pairs of ``opener``/``closer`` within each line; unmatched
    offsets returned separately."""
    pairs: list[tuple[int, int]] = []
    lone: list[int] = []
    if opener not in text and closer not in text:
        return pairs, lone
    stack: list[int] = []
    for i in positions(text, "\n" + opener + closer):
        c = text[i]
        if c == "\n":
            lone.extend(stack)
            stack.clear()
        elif mask(i):
            continue
        elif c == opener:
            stack.append(i)
        elif c == closer:
            if stack:
                pairs.append((stack.pop(), i))
            else:
                lone.append(i)
    lone.extend(stack)
    return pairs, sorted(lone)


def inside(pos: int, pairs: list[tuple[int, int]]) -> bool:
    return any(a < pos < b for a, b in pairs)
