"""Linting a pair again after an edit, re-checking only what changed.

An editor lints the same pair after every pause in typing, and an edit
changes one paragraph or two of hundreds.  :class:`PairReuse` keeps what
one lint of a pair computed for each bead, keyed by the bead's content,
for the next lint of that pair:

- what the checks extracted from the bead's text (numbers, dates, term
  mentions: ``SegmentPair.memo``) and its sentence alignment, given to
  an equal bead of the next lint, so that every check reads them without
  computing them again;
- the findings of each *bead-local* check (one whose findings in a bead
  depend on that bead alone, given the pair's rules, configuration and
  dateline), given to an equal bead of the next lint moved to where the
  bead now is, instead of running the check on it again.

Checks that carry state across beads (a window of held findings, a
bracket tracker, a list's numbering, a pair-wide style, what a run
learns) run over every bead as before, reading the kept extractions; the
alignment of paragraphs is computed again in full (it is global: one
paragraph's length moves the document's length ratio).  So a lint with
a :class:`PairReuse` reports exactly what a lint without one reports.

Two beads are equal when both sides hold the same segments (text, kind,
key, reader facts, offsets relative to the side's first character) and
the file's characters from the side's first to its last character are
the same, starting at the same column: every position inside the side
then moves by the same number of lines and characters.  What the pair
shares (rules, configuration, the dateline read from its first beads,
the header) is the pair's *fingerprint*; when it changes, nothing is
reused.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from ruconsist.diagnostic import Diagnostic, Fix, Location

if TYPE_CHECKING:
    from ruconsist.checks.base import Check
    from ruconsist.context import PairContext
    from ruconsist.document import Side, SegmentPair
    from ruconsist.readers.base import Parsed

#: Hooks whose override makes a check carry state beyond one bead.
_PAIR_HOOKS = ("begin_pair", "finish_pair", "run_facts", "finish_run")


def bead_local(check: Check) -> bool:
    """Whether ``check``'s findings in a bead depend on that bead alone
    (and on what the pair shares): each pair or run hook it has is
    :class:`Check`'s own, or was written by a class that says so
    (``bead_local = True``), and it reads no beads around.  Checks of
    plugins are not trusted to be."""
    return _bead_local(type(check))


@functools.lru_cache(maxsize=None)
def _bead_local(cls: type[Check]) -> bool:
    from ruconsist.checks.base import Check as Base

    if not cls.__module__.startswith("ruconsist.") or cls.neighbour_beads or cls.bead_local is False:
        return False
    for hook in _PAIR_HOOKS:
        owner = next(k for k in cls.__mro__ if hook in vars(k))
        if owner is not Base and vars(owner).get("bead_local") is not True:
            return False
    return True


def _offsets_key(offsets: Sequence[int] | None, base: int) -> Any:
    if offsets is None:
        return None
    from ruconsist.document import Offsets

    if isinstance(offsets, Offsets):
        return tuple((i, o - base, n) for i, o, n in offsets.runs())
    return tuple(o - base for o in offsets)


def _side_key(side: Side) -> tuple[Any, ...] | None:
    """What makes a side equal to another, wherever it is in its file;
    None when its positions cannot simply move (a table's cells)."""
    if not side.segments:
        return ()
    first = side.segments[0]
    doc = first.doc
    if doc.cells is not None:
        return None
    base = min(s.start for s in side.segments)
    end = max(s.end for s in side.segments)
    column = doc.line_col(base)[1]
    segs = tuple(
        (s.text, s.kind, s.key, s.start - base, _offsets_key(s.offsets, base),
         repr(sorted(s.meta.items())) if s.meta else None, s.lang)
        for s in side.segments
    )
    return (doc.path, column, doc.text[base : end + 1], segs)


def bead_key(bead: SegmentPair) -> tuple[Any, ...] | None:
    ru, zh = _side_key(bead.ru), _side_key(bead.zh)
    if ru is None or zh is None:
        return None
    return (ru, zh, bool(bead.memo.get("skip")))


@dataclass
class _Where:
    """Where a side starts in its file: character offset and line."""

    offset: int
    line: int


def _where(side: Side) -> _Where | None:
    if not side.segments:
        return None
    base = min(s.start for s in side.segments)
    return _Where(base, side.segments[0].doc.line_col(base)[0])


def _at(bead: SegmentPair) -> dict[str, _Where | None]:
    return {"ru": _where(bead.ru), "zh": _where(bead.zh)}


@dataclass
class _Kept:
    """What one lint computed for one bead."""

    memo: dict[object, object]
    sentences: list[tuple[tuple[int, int], tuple[int, int]]]
    at: dict[str, _Where | None]
    #: Findings of each bead-local check (by its index in the linter's
    #: checks) in this bead.
    findings: dict[int, list[Diagnostic]] = field(default_factory=dict)


class _Move:
    """Moves findings of a bead from where it was to where it is."""

    def __init__(self, old: dict[str, _Where | None], new: dict[str, _Where | None], index: int) -> None:
        self.shift: dict[str, tuple[int, int]] = {}
        for lang in ("ru", "zh"):
            a, b = old[lang], new[lang]
            if a is not None and b is not None:
                self.shift[lang] = (b.offset - a.offset, b.line - a.line)
        self.old_at = old
        self.segment = f"s{index}"

    def location(self, loc: Location | None) -> Location | None:
        if loc is None:
            return None
        if loc.cell is not None or loc.lang not in self.shift:
            raise _CannotMove
        lines = self.shift[loc.lang][1]
        return replace(loc, line=loc.line + lines, end_line=loc.end_line + lines)

    def fix(self, fix: Fix | None, lang: str) -> Fix | None:
        if fix is None:
            return None
        if lang not in self.shift:
            raise _CannotMove
        chars = self.shift[lang][0]
        return replace(fix, start=fix.start + chars, end=fix.end + chars)

    def finding(self, d: Diagnostic) -> Diagnostic:
        # A check's fix is in the side its finding points at.
        return replace(
            d,
            location=self.location(d.location),
            counterpart=self.location(d.counterpart),
            fix=self.fix(d.fix, d.location.lang),
            segment=self.segment if d.segment is not None else None,
        )


class _CannotMove(Exception):
    """A finding whose place cannot be moved with its bead."""


class Cancelled(Exception):
    """A lint given up because the text it reads was edited meanwhile
    (see :meth:`PairReuse.checkpoint`)."""


class PairReuse:
    """What the lints of one pair keep for the next (see the module).

    Give the same object to each lint of the pair
    (``Linter.lint_pair(pair, texts, reuse=...)``); it holds the beads
    of the last lint only.  ``reused`` and ``checked`` count the beads of
    the last lint whose findings were reused and checked.

    ``cancelled``, when set, tells whether the lint under way is no longer
    wanted (the editor's text changed again): the lint then stops at its
    next :meth:`checkpoint` by raising :class:`Cancelled`, and the next
    lint reuses what the last finished one kept."""

    def __init__(self) -> None:
        self.cancelled: Callable[[], bool] | None = None
        self._fingerprint: tuple[Any, ...] | None = None
        self._old: dict[tuple[Any, ...], _Kept] = {}
        self._new: dict[tuple[Any, ...], _Kept] = {}
        self._keys: dict[int, tuple[Any, ...] | None] = {}
        self._seen: dict[tuple[Any, ...], int] = {}
        self._moves: dict[int, _Move] = {}
        #: By bead index in this lint: the record of its equal bead in
        #: the last lint, and its own record.
        self._old_at: dict[int, _Kept] = {}
        self._new_at: dict[int, _Kept] = {}
        self._local: dict[int, bool] = {}
        self.reused = 0
        self.checked = 0
        #: Each file's reading by the last lint, by path, with its key.
        self._parsed: dict[Any, tuple[tuple[Any, ...], Parsed]] = {}

    def parsed(self, key: tuple[Any, ...], read: Callable[[], Parsed]) -> Parsed:
        """The file read by ``read()``, or as the last lint read it when
        ``key`` (its path first, then the editor's text) is the same and
        checking left that reading as it was: a Traditional Chinese
        file's segments are converted to Simplified, so it is read again."""
        kept = self._parsed.get(key[0])
        if kept is None or kept[0] != key or getattr(kept[1].doc, "script", None) == "traditional":
            kept = self._parsed[key[0]] = (key, read())
        return kept[1]

    def checkpoint(self) -> None:
        """Stop the lint under way if it is no longer wanted."""
        if self.cancelled is not None and self.cancelled():
            raise Cancelled

    # A lint ---------------------------------------------------------

    def start(self) -> None:
        """A lint of the pair begins."""
        self._new, self._keys, self._seen, self._moves = {}, {}, {}, {}
        self._old_at, self._new_at = {}, {}
        self.reused = self.checked = 0

    def begin(self, ctx: PairContext, checks: Sequence[Check]) -> None:
        """Called once the first beads of a lint are made, before the
        checks see them: forget the last lint's beads if the pair's
        fingerprint changed."""
        from ruconsist.lang.dates import pair_dateline

        fingerprint = (
            id(ctx.rules),
            ctx.config,
            ctx.ru_doc.path,
            ctx.zh_doc.path,
            getattr(ctx.zh_doc, "region", None),
            tuple(doc.text[a:b] for doc, a, b in ctx.header),
            pair_dateline(ctx),
            tuple(id(c) for c in checks),
        )
        if fingerprint != self._fingerprint:
            self._old = {}
        self._fingerprint = fingerprint
        self._local = {i: bead_local(c) for i, c in enumerate(checks)}

    def sentences(self, bead: SegmentPair) -> list[tuple[tuple[int, int], tuple[int, int]]] | None:
        """The sentence alignment of an equal bead of the last lint."""
        kept = self._old.get(self._key(bead))  # type: ignore[arg-type]
        return None if kept is None else kept.sentences

    def _key(self, bead: SegmentPair) -> tuple[Any, ...] | None:
        """The bead's content with its occurrence among equal beads of
        this lint (a repeated paragraph is two beads), computed once."""
        key = self._keys.get(bead.index, False)
        if key is False:
            content = bead_key(bead)
            if content is not None:
                n = self._seen[content] = self._seen.get(content, 0) + 1
                key = (content, n)
            else:
                key = None
            self._keys[bead.index] = key
        return key  # type: ignore[return-value]

    def seed(self, beads: Iterable[SegmentPair]) -> None:
        """Give each bead what an equal bead of the last lint extracted."""
        for bead in beads:
            key = self._key(bead)
            if key is None:
                continue
            kept = self._old.get(key)
            # The new lint's record shares the bead's memo: whatever the
            # checks extract now is kept too.
            self._new[key] = self._new_at[bead.index] = _Kept(bead.memo, list(bead.sentences), _at(bead))
            if kept is not None:
                for k, v in kept.memo.items():
                    bead.memo.setdefault(k, v)
                self._old_at[bead.index] = kept
                self.reused += 1
            else:
                self.checked += 1

    def check(
        self, index: int, beads: Iterable[SegmentPair], run: Callable[[SegmentPair], list[Diagnostic]]
    ) -> list[Diagnostic]:
        """The findings of check ``index`` in ``beads``, in their order:
        for a bead-local check, those of an equal bead of the last lint,
        moved to where the bead now is; else (and when they cannot be
        moved) ``run(bead)``'s, recorded for the next lint."""
        out: list[Diagnostic] = []
        if not self._local[index]:
            for bead in beads:
                out.extend(run(bead))
            return out
        old_at, new_at = self._old_at, self._new_at
        for bead in beads:
            kept = old_at.get(bead.index)
            found = None if kept is None else kept.findings.get(index)
            if found:
                found = self._moved(bead, kept, found)  # type: ignore[arg-type]
            if found is None:
                found = run(bead)
            new = new_at.get(bead.index)
            if new is not None:
                new.findings[index] = found
            out.extend(found)
        return out

    def _moved(self, bead: SegmentPair, kept: _Kept, found: list[Diagnostic]) -> list[Diagnostic] | None:
        """Findings of an equal bead of the last lint moved to ``bead``;
        None when one cannot be moved."""
        move = self._moves.get(bead.index)
        if move is None:
            move = self._moves[bead.index] = _Move(kept.at, self._new_at[bead.index].at, bead.index)
        try:
            return [move.finding(d) for d in found]
        except _CannotMove:
            return None

    def end(self) -> None:
        """The lint is done: its beads are what the next lint reuses."""
        for kept in self._new.values():
            # The engine drops a bead's extractions once checked; keep a
            # copy of what they were at their fullest.
            kept.memo = dict(kept.memo)
        self._old, self._new, self._keys, self._seen, self._moves = self._new, {}, {}, {}, {}
        self._old_at, self._new_at = {}, {}

    def snapshot_memos(self, beads: Iterable[SegmentPair]) -> None:
        """Copy the beads' extractions before the engine drops them."""
        for bead in beads:
            new = self._new_at.get(bead.index)
            if new is not None and new.memo is bead.memo:
                new.memo = dict(bead.memo)
