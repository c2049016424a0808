"""A resource guard for the whole run: ``--timeout`` and ``--max-memory``
stop a run with one line naming the file being checked and exit code 2,
never with the operating system's kill."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator

#: The file being read or checked, for the message.
current = ""


class LimitReached(BaseException):
    """Raised by the timer: a BaseException, so that no pair's fault
    isolation takes it for that pair's error."""


def where() -> str:
    return f"while checking {current}" if current else "before any file was checked"


@contextlib.contextmanager
def limits(timeout: float | None, max_memory_mb: int | None) -> Iterator[None]:
    """Apply the limits for the ``with`` block."""
    restore_memory = None
    if max_memory_mb:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        want = max_memory_mb * 1024 * 1024
        if hard != resource.RLIM_INFINITY:
            want = min(want, hard)
        resource.setrlimit(resource.RLIMIT_AS, (want, hard))
        restore_memory = (soft, hard)
    previous = None
    if timeout:
        def expired(signum, frame):  # type: ignore[no-untyped-def]
            raise LimitReached(f"time limit of {timeout:g} s reached {where()}")

        previous = signal.signal(signal.SIGALRM, expired)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        yield
    finally:
        if timeout:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        if restore_memory is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, restore_memory)
