"""Findings held until the segments around them are seen.

A figure or a date with no counterpart in its own segment often has one
in the segment before or after: a translator moved it to the next
sentence, or the paragraphs were aligned one off.  The number and date
checks push, per checked segment, what each side has left unmatched and
a function that decides the segment's findings from what the other side
leaves unmatched in the segments around it; this window calls that
function once ``size`` segments after it have been seen (or at the end
of the pair), so the checks work in one pass over a stream of segments.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

from ruconsist.diagnostic import Diagnostic

S = TypeVar("S")

#: decide(summaries of the segments in the window, this one's included;
#: this segment's summary)
Decision = Callable[[list[S], S], Iterable[Diagnostic]]


class HeldFindings(Generic[S]):
    """Per checked segment, in reading order: a summary of what it left
    unmatched and the decision that turns it into findings."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.summaries: deque[S] = deque(maxlen=2 * size + 1)
        self.pending: deque[tuple[int, Decision[S]]] = deque()
        self.count = 0

    def push(self, summary: S, decide: Decision[S]) -> Iterator[Diagnostic]:
        """Add a segment; yield the findings of the segments now settled."""
        self.summaries.append(summary)
        self.pending.append((self.count, decide))
        self.count += 1
        while self.pending and self.pending[0][0] <= self.count - 1 - self.size:
            yield from self._settle(*self.pending.popleft())

    def flush(self) -> Iterator[Diagnostic]:
        """The findings of every segment still held (the pair ended)."""
        while self.pending:
            yield from self._settle(*self.pending.popleft())
        self.summaries.clear()

    def _settle(self, index: int, decide: Decision[S]) -> Iterator[Diagnostic]:
        first = self.count - len(self.summaries)
        lo, hi = max(first, index - self.size), min(self.count - 1, index + self.size)
        around = [self.summaries[i - first] for i in range(lo, hi + 1)]
        yield from decide(around, self.summaries[index - first])
