"""Literal text a regular expression cannot match without.

Pattern rules run every rule's pattern over every segment, and most
segments match none of them.  For many patterns some literal text must
occur in any match (``第`` in ``第(?P<n>\\d+)届``, one of ``美元``,
``美金``, ``$``, ``USD`` in ``美元|美金|\\$|USD``); when none of it is in a
segment, the search cannot succeed and is skipped.

The pattern text is read here, by a small reader of its own that knows
the syntax the packs use (literals and escapes, character classes,
groups, alternation, repeats, inline flags, verbose mode) and nothing
more.  It keeps only what is certainly required: literal runs, small
character classes, groups, alternations whose every branch requires
something, and repeats of at least one.  Look-arounds, back-references
and repeats that may be absent require nothing; case folding, fuzzy
matching, recursion, conditionals, named lists, any flag or escape it
does not know give no gate at all, and the pattern is searched as
before.  A gate is therefore only ever a necessary condition.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple

from ruconsist.speed import enabled

#: A gate of more alternatives than this costs more than it saves.
MAX_ALTERNATIVES = 24
#: A character class is read as its characters up to this many.
MAX_CLASS = 16
#: Flags under which literal text matches itself.
_PLAIN_FLAGS = int(re.MULTILINE | re.DOTALL | re.VERBOSE | re.UNICODE | re.ASCII)
#: Inline flags that do not change what a literal matches (``x`` is read
#: too, but only at the start of the pattern).
_HARMLESS_INLINE = frozenset("msua")

#: Escapes that stand for a character.
_CONTROL = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
#: Escapes of a class of characters or a position: they require nothing.
_NO_LITERAL = frozenset("dDwWsSbBAZzmMG")
#: Hexadecimal escapes and their number of digits.
_HEX = {"x": 2, "u": 4, "U": 8}
_PROPERTY = re.compile(r"\{[A-Za-z0-9_ =:&.-]+\}|[A-Za-z]")
_COUNT = re.compile(r"\{(\d*)(,?)(\d*)\}")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

#: What a piece of a pattern requires: strings of which one occurs in
#: every match, or ``None`` for nothing certain.
Need = tuple[str, ...] | None


class Unsure(Exception):
    """The pattern holds syntax this reader does not vouch for."""


class _Atom(NamedTuple):
    """One item of a sequence: a literal character, or what a group or
    class requires (``char`` empty)."""

    char: str = ""
    need: Need = None


def gate(source: str, flags: int) -> tuple[str, ...] | None:
    """Strings of which at least one occurs in any match of ``source``
    (compiled with ``flags``), or ``None`` when that cannot be said (or
    the speed-ups are off: see :mod:`ruconsist.speed`)."""
    if not enabled():
        return None
    return required_literals(source, int(flags))


@functools.lru_cache(maxsize=4096)
def required_literals(source: str, flags: int = 0) -> tuple[str, ...] | None:
    """What :func:`gate` returns, whatever the switch says."""
    if flags & ~_PLAIN_FLAGS:
        return None
    try:
        return _Reader(source, bool(flags & re.VERBOSE)).pattern()
    except Unsure:
        return None


def admits(gate_strings: tuple[str, ...] | None, text: str) -> bool:
    """Whether a text may hold a match: it holds one of the strings (or
    there is no gate)."""
    if gate_strings is None:
        return True
    if len(gate_strings) == 1:
        return gate_strings[0] in text
    return any(s in text for s in gate_strings)


class _Reader:
    """A recursive-descent reader of one pattern's text."""

    def __init__(self, text: str, verbose: bool) -> None:
        self.text = text
        self.pos = 0
        self.verbose = verbose

    # -- the grammar ------------------------------------------------------

    def pattern(self) -> Need:
        self._leading_flags()
        need = self.alternation()
        if self.pos != len(self.text):  # an unbalanced ')'
            raise Unsure(self.pos)
        return need

    def alternation(self) -> Need:
        """Branches up to a closing ``)`` or the end: each must require
        something for the whole to."""
        branches = [self.sequence()]
        while self._peek() == "|":
            self.pos += 1
            branches.append(self.sequence())
        if any(b is None for b in branches):
            return None
        merged = tuple(dict.fromkeys(s for b in branches for s in b or ()))
        return merged if len(merged) <= MAX_ALTERNATIVES else None

    def sequence(self) -> Need:
        """The most selective requirement among a sequence's items: a run
        of literal characters, or what one group or class requires."""
        candidates: list[tuple[str, ...]] = []
        run = ""
        while self._skip_space() not in ("", "|", ")"):
            atom = self.atom()
            least, repeated = self.repeat()
            if least and atom.char:
                run += atom.char
                if not repeated:
                    continue
            if run:
                candidates.append((run,))
            # A repeated character ends a run and starts the next one
            # (``ab+c`` holds ``ab`` and ``bc``); an absent one ends it.
            run = atom.char if least else ""
            if least and atom.need:
                candidates.append(atom.need)
        if run:
            candidates.append((run,))
        if not candidates:
            return None
        # The most selective: the longest shortest string, then the fewest.
        return max(candidates, key=lambda alts: (min(len(s) for s in alts), -len(alts)))

    def atom(self) -> _Atom:
        ch = self.text[self.pos]
        self.pos += 1
        if ch == "\\":
            return self._escape()
        if ch == "[":
            return self._class()
        if ch == "(":
            return self._group()
        if ch in "*+?{":
            raise Unsure(f"nothing to repeat at {self.pos}")
        if ch in ".^$":
            return _Atom()
        return _Atom(ch)

    def repeat(self) -> tuple[int, bool]:
        """The least number of times the atom just read occurs, and
        whether a repeat follows it (``1, False`` when none does)."""
        ch = self._skip_space()
        if ch in ("*", "?"):
            least = 0
            self.pos += 1
        elif ch == "+":
            least = 1
            self.pos += 1
        elif ch == "{":
            least = self._count()
        else:
            return 1, False
        if self._peek() in ("?", "+"):  # lazy or possessive
            self.pos += 1
        if self._skip_space() in ("*", "+", "?", "{"):
            raise Unsure(f"repeat of a repeat at {self.pos}")
        return least, True

    def _count(self) -> int:
        m = _COUNT.match(self.text, self.pos)
        if m is None or not (m[1] or m[3]):
            # ``regex`` reads other braces as fuzzy matching: ``{e<=1}``.
            raise Unsure(f"brace at {self.pos}")
        self.pos = m.end()
        return int(m[1] or 0)

    # -- escapes and classes ----------------------------------------------

    def _escape(self) -> _Atom:
        char = self._escaped_char()
        return _Atom(char) if char else _Atom()

    def _escaped_char(self) -> str:
        """The character an escape stands for, or "" for an escape that
        requires nothing (``\\d``, ``\\b``, ``\\p{L}``)."""
        if self.pos >= len(self.text):
            raise Unsure("trailing backslash")
        ch = self.text[self.pos]
        self.pos += 1
        if ch in _NO_LITERAL:
            return ""
        if ch in "pP":
            return self._property()
        if ch in _CONTROL:
            return _CONTROL[ch]
        if ch in _HEX:
            return self._hex(_HEX[ch])
        if ch == "N":
            return self._named()
        if ch.isascii() and ch.isalnum():
            # Back-references, octal escapes, \L<list>, \g<name>, ... .
            raise Unsure(f"escape \\{ch}")
        return ch

    def _property(self) -> str:
        m = _PROPERTY.match(self.text, self.pos)
        if m is None:
            raise Unsure(f"property at {self.pos}")
        self.pos = m.end()
        return ""

    def _hex(self, digits: int) -> str:
        code = self.text[self.pos:self.pos + digits]
        if len(code) != digits or not all(c in "0123456789abcdefABCDEF" for c in code):
            raise Unsure(f"hex escape at {self.pos}")
        self.pos += digits
        return chr(int(code, 16))

    def _named(self) -> str:
        end = self.text.find("}", self.pos)
        if self._peek() != "{" or end < 0:
            raise Unsure(f"named character at {self.pos}")
        name = self.text[self.pos + 1:end]
        self.pos = end + 1
        try:
            return unicodedata.lookup(name)
        except KeyError:
            raise Unsure(f"unknown character name {name}") from None

    def _class(self) -> _Atom:
        """``[...]``: its characters when there are few and none is a
        range of many, a category or a negation; a class of one character
        is that character."""
        negated = self._peek() == "^"
        if negated:
            self.pos += 1
        chars: list[str] | None = []
        first = True
        while True:
            if self.pos >= len(self.text):
                raise Unsure("unterminated class")
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "]" and not first:
                break
            if self.verbose and (ch.isspace() or ch == "#"):
                raise Unsure("space in a class in verbose mode")
            first = False
            chars = self._class_item(ch, chars)
        if negated or chars is None or not chars or len(chars) > MAX_CLASS:
            return _Atom()
        unique = tuple(dict.fromkeys(chars))
        return _Atom(unique[0]) if len(unique) == 1 else _Atom(need=unique)

    def _class_item(self, ch: str, chars: list[str] | None) -> list[str] | None:
        """Adds one item (a character, an escape or a range) to a class's
        characters; ``None`` once the class is more than a few characters."""
        if ch == "[":
            # Nested sets, POSIX classes and set operations of ``regex``.
            raise Unsure(f"'[' in a class at {self.pos}")
        low = self._escaped_char() if ch == "\\" else ch
        if not low:  # \d, \p{L}: more than a few characters
            return None
        if self._peek() == "-" and self.pos + 1 < len(self.text) and self.text[self.pos + 1] != "]":
            self.pos += 1
            high = self.text[self.pos]
            self.pos += 1
            high = self._escaped_char() if high == "\\" else high
            if not high or high == "[" or ord(high) < ord(low):
                raise Unsure(f"range at {self.pos}")
            if chars is None or ord(high) - ord(low) >= MAX_CLASS:
                return None
            return chars + [chr(c) for c in range(ord(low), ord(high) + 1)]
        return None if chars is None else chars + [low]

    # -- groups and flags -------------------------------------------------

    def _group(self) -> _Atom:
        if self._peek() != "?":
            return self._body(counts=True)
        self.pos += 1
        kind = self._peek()
        if kind == ":" or kind == ">":  # non-capturing, atomic
            self.pos += 1
            return self._body(counts=True)
        if kind == "P" or (kind == "<" and self.text[self.pos + 1:self.pos + 2] not in ("=", "!")):
            return self._named_group()
        if kind in ("=", "!") or self.text.startswith(("<=", "<!"), self.pos):
            self.pos += 1 if kind in ("=", "!") else 2
            return self._body(counts=False)  # a look-around requires nothing here
        if kind == "#":
            end = self.text.find(")", self.pos)
            if end < 0:
                raise Unsure("unterminated comment")
            self.pos = end + 1
            return _Atom()
        return self._scoped_flags()

    def _named_group(self) -> _Atom:
        if self.text.startswith("P=", self.pos):  # (?P=name): a back-reference
            self.pos += 2
            self._expect_name(")")
            return _Atom()
        self.pos += 2 if self.text.startswith("P<", self.pos) else 1
        if self.text[self.pos - 1] != "<":
            raise Unsure(f"group at {self.pos}")  # (?P>name): recursion
        self._expect_name(">")
        return self._body(counts=True)

    def _expect_name(self, close: str) -> None:
        m = _NAME.match(self.text, self.pos)
        if m is None or self.text[m.end():m.end() + 1] != close:
            raise Unsure(f"group name at {self.pos}")
        self.pos = m.end() + 1

    def _scoped_flags(self) -> _Atom:
        """``(?ms-u:...)``: read like a plain group when its flags leave
        literals alone; anything else (``i``, ``x``, ``V1``, recursion,
        conditionals, a global flag here) is beyond this reader."""
        start = self.pos
        while self._peek().isalpha() or self._peek() == "-":
            self.pos += 1
        flags = self.text[start:self.pos]
        if self._peek() != ":" or not flags or not set(flags) - {"-"} <= _HARMLESS_INLINE:
            raise Unsure(f"group (?{flags} at {start}")
        self.pos += 1
        return self._body(counts=True)

    def _body(self, *, counts: bool) -> _Atom:
        need = self.alternation()
        if self._peek() != ")":
            raise Unsure("unterminated group")
        self.pos += 1
        return _Atom(need=need if counts else None)

    def _leading_flags(self) -> None:
        """Global inline flags at the start: ``(?x)`` turns on verbose
        mode; flags that change what a literal matches give no gate."""
        while self.text.startswith("(?", self.pos):
            end = self.text.find(")", self.pos)
            flags = self.text[self.pos + 2:end] if end > 0 else ""
            if not flags or not flags.isalpha():
                return  # a group, read as one
            if not set(flags) <= _HARMLESS_INLINE | {"x"}:
                raise Unsure(f"inline flags {flags}")
            self.verbose = self.verbose or "x" in flags
            self.pos = end + 1

    # -- characters -------------------------------------------------------

    def _peek(self) -> str:
        return self.text[self.pos:self.pos + 1]

    def _skip_space(self) -> str:
        """The next character, past whitespace and comments in verbose
        mode."""
        if self.verbose:
            while self.pos < len(self.text):
                ch = self.text[self.pos]
                if ch == "#":
                    end = self.text.find("\n", self.pos)
                    self.pos = len(self.text) if end < 0 else end + 1
                elif ch.isspace():
                    self.pos += 1
                else:
                    break
        return self._peek()


__all__ = ["Unsure", "admits", "gate", "required_literals"]
