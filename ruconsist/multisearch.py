"""Many literal strings found in one pass over a text (Aho–Corasick).

The term matcher looks for thousands of Chinese forms in every segment,
and the pattern rules' prefilter for a hundred literals; one search per
string, or a Python loop over the characters, costs more than the checks
that follow.  :class:`Literals` finds every occurrence of every string at
once.

With the optional ``ahocorasick_rs`` wheel installed (``pip install
'.[fast]'`` in a clone) the search runs in its native automaton; without it
(no wheel for the platform, or ``RUCONSIST_PURE_PYTHON=1`` in the
environment) a pure-Python scan gives the same answers: at each position
the strings that start with its character are looked up by length.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

#: The environment variable that turns the native automaton off.
PURE_PYTHON_ENV = "RUCONSIST_PURE_PYTHON"


def native_module() -> Any | None:
    """``ahocorasick_rs`` if it is installed and not turned off."""
    if os.environ.get(PURE_PYTHON_ENV):
        return None
    try:
        import ahocorasick_rs
    except ImportError:
        return None
    return ahocorasick_rs


class Literals:
    """A fixed set of non-empty strings, searched for together.

    The automaton is built on first use and never pickled: a matcher kept
    in the cache carries only its strings."""

    def __init__(self, strings: Iterable[str]) -> None:
        self.strings: tuple[str, ...] = tuple(dict.fromkeys(s for s in strings if s))
        self._automaton: Any | None = None
        self._lengths: dict[str, tuple[int, ...]] | None = None

    def __getstate__(self) -> dict[str, object]:
        return {"strings": self.strings}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.strings = state["strings"]  # type: ignore[assignment]
        self._automaton = None
        self._lengths = None

    def _native(self) -> Any | None:
        if self._automaton is None:
            module = native_module()
            if module is None or not self.strings:
                self._automaton = False
            else:
                self._automaton = module.AhoCorasick(self.strings, matchkind=module.MatchKind.Standard)
        return self._automaton or None

    @property
    def native(self) -> bool:
        """Whether the native automaton does the search."""
        return self._native() is not None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every occurrence of every string, overlaps
        included, in no particular order."""
        automaton = self._native()
        if automaton is not None:
            try:
                return [(a, b) for _, a, b in automaton.find_matches_as_indexes(text, overlapping=True)]
            except UnicodeEncodeError:
                pass  # a lone surrogate, which the native search cannot take
        return self._spans_python(text)

    def _spans_python(self, text: str) -> list[tuple[int, int]]:
        lengths = self._lengths
        if lengths is None:
            by_first: dict[str, set[int]] = defaultdict(set)
            for s in self.strings:
                by_first[s[0]].add(len(s))
            lengths = self._lengths = {c: tuple(sorted(ls)) for c, ls in by_first.items()}
        strings = self._set()
        out: list[tuple[int, int]] = []
        n = len(text)
        for i, c in enumerate(text):
            for length in lengths.get(c, ()):
                j = i + length
                if j > n:
                    break
                if text[i:j] in strings:
                    out.append((i, j))
        return out

    def _set(self) -> frozenset[str]:
        found = self.__dict__.get("_frozen")
        if found is None:
            found = self.__dict__["_frozen"] = frozenset(self.strings)
        return found  # type: ignore[no-any-return]

    def present(self, text: str) -> set[str]:
        """The strings that occur in ``text``."""
        automaton = self._native()
        if automaton is not None:
            strings = self.strings
            try:
                return {strings[k] for k, _, _ in automaton.find_matches_as_indexes(text, overlapping=True)}
            except UnicodeEncodeError:
                pass
        return {s for s in self.strings if s in text}


__all__ = ["PURE_PYTHON_ENV", "Literals", "native_module"]
