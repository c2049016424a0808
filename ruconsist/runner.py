"""Running a callable over many items: in this process, or in forked
worker processes.

:class:`Runner` knows nothing of linting: the engine hands it a callable
(lint one pair, or check one chunk of a large pair) and the items.  With
``fork`` the workers inherit the callable and everything it refers to
(the rule packs, the built matchers) as the parent holds them, so only
the items and the results are pickled; nothing is kept in module
globals, and two runners never share state.
"""

from __future__ import annotations

import os
import queue
import signal
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Seconds between checks that the workers are still alive while the
#: parent waits for a result.
POLL = 0.5


def can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def in_worker() -> bool:
    """Inside a worker process: a worker does not start workers of its
    own."""
    import multiprocessing

    return bool(multiprocessing.current_process().daemon)


#: With ``jobs=None``, pairs are spread over workers only when the files
#: hold at least this much: a quarter of a megabyte is about a second of
#: checking, against the few tens of milliseconds a pool costs to start
#: (a pre-commit run on one or two pairs stays in one process).
AUTO_POOL_BYTES = 256 * 1024


def default_jobs() -> int:
    """Worker processes worth starting on this machine: one per CPU
    this process may use, at most 8 (checks are CPU-bound; beyond that
    the result pickling and the per-worker start cost win)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(8, cpus))


def input_bytes(paths: Iterable[Path]) -> int:
    """The size of the files, counted up to :data:`AUTO_POOL_BYTES`."""
    total = 0
    for path in paths:
        try:
            total += path.stat().st_size
        except OSError:
            pass
        if total >= AUTO_POOL_BYTES:
            return total
    return total


def worth_a_pool(jobs: int, count: int, auto: bool, paths: Callable[[], Iterable[Path]]) -> bool:
    """Whether ``count`` items (pairs) go to ``jobs`` worker processes:
    more than one of each, fork available, and, when the job count was
    chosen automatically (``auto``), input files (``paths()``) of at
    least :data:`AUTO_POOL_BYTES`."""
    return not (jobs <= 1 or count < 2 or (auto and input_bytes(paths()) < AUTO_POOL_BYTES) or not can_fork())


class WorkerDied(RuntimeError):
    """A worker process ended without sending all its results."""


class Runner:
    """``map(fn, items)`` yields ``fn(item)`` for each item, in order:
    serially when ``jobs`` is 1 (or fork is unavailable, or there is one
    item), else in ``jobs`` forked processes, ``chunksize`` items per
    task."""

    def __init__(self, jobs: int) -> None:
        self.jobs = max(1, jobs)

    def parallel(self, count: int) -> bool:
        return self.jobs > 1 and count > 1 and can_fork() and not in_worker()

    def map(self, fn: Callable[[T], R], items: Sequence[T], chunksize: int = 1) -> Iterator[R]:
        if not self.parallel(len(items)):
            for item in items:
                yield fn(item)
            return
        yield from _forked(fn, items, self.jobs, max(1, chunksize))


def _worker_signals() -> None:
    """Workers leave interruptions to the main process: Ctrl-C reaches the
    whole process group and the main process ends its workers with
    SIGTERM.  A forked worker would otherwise inherit the command line's
    SIGTERM handler (unwind like Ctrl-C) and could stop half-way through
    a task."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _work(fn: Callable[[Any], Any], tasks: Any, results: Any) -> None:
    _worker_signals()
    while True:
        task = tasks.get()
        if task is None:
            return
        start, chunk = task
        try:
            results.put((start, [fn(item) for item in chunk], None))
        except BaseException as exc:  # noqa: BLE001 - re-raised in the parent
            results.put((start, None, _portable(exc)))


def _portable(exc: BaseException) -> BaseException:
    """``exc`` if it survives pickling, else a RuntimeError saying what it was."""
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:  # noqa: BLE001 - any failure to pickle
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


def _forked(fn: Callable[[T], R], items: Sequence[T], jobs: int, chunksize: int) -> Iterator[R]:
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    tasks = ctx.Queue()
    results = ctx.Queue()
    starts = list(range(0, len(items), chunksize))
    workers = [
        ctx.Process(target=_work, args=(fn, tasks, results), daemon=True)
        for _ in range(min(jobs, len(starts)))
    ]
    try:
        # Started before any task is queued: the queue's feeder thread
        # must not exist yet when the workers are forked.
        for w in workers:
            w.start()
        for start in starts:
            tasks.put((start, list(items[start : start + chunksize])))
        for _ in workers:
            tasks.put(None)
        done: dict[int, list[R]] = {}
        for start in starts:
            while start not in done:
                got_start, got, exc = _next_result(results, workers)
                if exc is not None:
                    raise exc
                done[got_start] = got
            yield from done.pop(start)
    finally:
        # Interrupted (Ctrl-C, SIGTERM, a failure): the workers go, and
        # tasks still queued are dropped rather than flushed at exit.
        for w in workers:
            if w.is_alive():
                w.terminate()
        for w in workers:
            if w.pid is not None:
                w.join()
        for q in (tasks, results):
            q.cancel_join_thread()
            q.close()


def _next_result(results: Any, workers: Sequence[Any]) -> Any:
    while True:
        try:
            return results.get(timeout=POLL)
        except queue.Empty:
            dead = [w for w in workers if w.exitcode not in (None, 0)]
            if dead:
                raise WorkerDied(
                    f"a worker process ended with exit code {dead[0].exitcode} (pid {dead[0].pid}, {os.getpid()} waiting)"
                ) from None
