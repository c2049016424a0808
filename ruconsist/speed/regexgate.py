"""Literal text a regular expression cannot match without.

Pattern rules run every rule's pattern over every segment, and most
segments match none of them.  For many patterns some literal text must
occur in any match (``第`` in ``第(?P<n>\\d+)届``, one of ``美元``,
``美金``, ``$``, ``USD`` in ``美元|美金|\\$|USD``); when none of it is in a
segment, the search cannot succeed and is skipped.

The pattern is read with the standard library's parser (the ``regex``
module's own syntax that it does not know, such as ``\\p{L}``, is read as
a character category first).  Only what is certainly required is used:
literals, small character sets, groups, alternations whose every branch
requires something, and repeats of at least one.  Look-arounds, case
folding and anything the parser does not understand give no gate, and
the pattern is searched as before.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ruconsist.speed import enabled

#: A gate of more alternatives than this costs more than it saves.
MAX_ALTERNATIVES = 24
#: Flags under which literal text matches itself.
_PLAIN_FLAGS = int(re.MULTILINE | re.DOTALL | re.VERBOSE | re.UNICODE | re.ASCII)

#: ``regex`` syntax the standard parser lacks, read as a category that
#: requires nothing.
_PROPERTY = re.compile(r"\\[pP]\{[^}]*\}|\\[pP][A-Za-z]")
#: ``{`` that is not a counted repeat (``{2}``, ``{1,3}``, ``{,4}``): in
#: ``regex`` it may be a fuzzy-matching constraint (``{e<=1}``), which the
#: standard parser would read as literal text.
_OTHER_BRACE = re.compile(r"\{(?!\d*,?\d*\})")


def gate(source: str, flags: int) -> tuple[str, ...] | None:
    """Strings of which at least one occurs in any match of ``source``
    (compiled with ``flags``), or ``None`` when that cannot be said (or
    the speed-ups are off: see :mod:`ruconsist.speed`)."""
    if not enabled():
        return None
    return _gate(source, int(flags))


@functools.lru_cache(maxsize=4096)
def _gate(source: str, flags: int) -> tuple[str, ...] | None:
    if flags & ~_PLAIN_FLAGS:
        return None
    text = _PROPERTY.sub(r"\\w", source)
    if _OTHER_BRACE.search(text):
        return None
    from re import _parser  # type: ignore[attr-defined]

    try:
        parsed = _parser.parse(text, flags & (re.MULTILINE | re.DOTALL | re.VERBOSE))
    except Exception:  # regex-only syntax: no gate
        return None
    return _sequence(list(parsed))


def _sequence(items: list[tuple[Any, Any]]) -> tuple[str, ...] | None:
    from re import _constants as c  # type: ignore[attr-defined]

    candidates: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            candidates.append(("".join(run),))
            run = []
        got = _node(op, av)
        if got:
            candidates.append(got)
    if run:
        candidates.append(("".join(run),))
    if not candidates:
        return None
    # The most selective: the longest shortest string, then the fewest.
    return max(candidates, key=lambda alts: (min(len(s) for s in alts), -len(alts)))


def _node(op: Any, av: Any) -> tuple[str, ...] | None:
    from re import _constants as c  # type: ignore[attr-defined]

    if op is c.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is c.ATOMIC_GROUP:
        return _sequence(list(av))
    if op is c.BRANCH:
        alternatives = [_sequence(list(b)) for b in av[1]]
        if any(a is None for a in alternatives):
            return None
        merged = tuple(dict.fromkeys(s for a in alternatives for s in a if a is not None))
        return merged if len(merged) <= MAX_ALTERNATIVES else None
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _high, item = av
        return _sequence(list(item)) if low >= 1 else None
    if op is c.IN:
        chars: list[str] = []
        for o, a in av:
            if o is c.LITERAL:
                chars.append(chr(a))
            elif o is c.RANGE and a[1] - a[0] < 16:
                chars.extend(chr(x) for x in range(a[0], a[1] + 1))
            else:  # a negation, a category, a large range
                return None
        return tuple(chars) if len(chars) <= 16 else None
    return None


def admits(gate_strings: tuple[str, ...] | None, text: str) -> bool:
    """Whether a text may hold a match: it holds one of the strings (or
    there is no gate)."""
    if gate_strings is None:
        return True
    if len(gate_strings) == 1:
        return gate_strings[0] in text
    return any(s in text for s in gate_strings)


__all__ = ["admits", "gate"]
