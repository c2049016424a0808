"""Long steps of a lint that an editor may stop midway.

The language server stops a lint whose text was edited meanwhile (see
:meth:`ruconsist.incremental.PairReuse.checkpoint`).  A step that takes
long and knows nothing of editors (the paragraph alignment) calls
:func:`checkpoint` now and then: that calls the function the lint under
way in this thread gave :func:`watching`, which raises to stop the lint.
In a run of the command line nothing is watching, and it does nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar

_watch: ContextVar[Callable[[], None] | None] = ContextVar("ruconsist_checkpoint", default=None)


def checkpoint() -> None:
    """Let the lint under way be stopped here, if it is no longer wanted."""
    check = _watch.get()
    if check is not None:
        check()


@contextlib.contextmanager
def watching(check: Callable[[], None]) -> Iterator[None]:
    """Call ``check`` at each :func:`checkpoint` within the block."""
    token = _watch.set(check)
    try:
        yield
    finally:
        _watch.reset(token)
