"""The runner: serial or forked, results in input order, failures
reported in the parent."""

from __future__ import annotations

import os

import pytest

from ruconsist.runner import Runner, WorkerDied, can_fork

forking = pytest.mark.skipif(not can_fork(), reason="needs fork")


def test_serial_runner_calls_in_order_in_this_process() -> None:
    seen = []

    def record(x: int) -> int:
        seen.append(x)
        return x * x

    assert list(Runner(1).map(record, [3, 1, 2])) == [9, 1, 4]
    assert seen == [3, 1, 2]


@forking
@pytest.mark.parametrize("chunksize", [1, 2, 5])
def test_forked_runner_returns_results_in_input_order(chunksize: int) -> None:
    parent = os.getpid()
    results = list(Runner(2).map(lambda x: (x, os.getpid()), list(range(11)), chunksize))
    assert [x for x, _ in results] == list(range(11))
    assert all(pid != parent for _, pid in results)


@forking
def test_the_callable_reaches_workers_without_pickling_or_globals() -> None:
    # A closure over an object that cannot be pickled: workers inherit
    # it by fork; two runners with different callables do not interfere.
    unpicklable = (lambda: None, {"k": 10})

    def first(x: int) -> int:
        return x + unpicklable[1]["k"]

    def second(x: int) -> int:
        return -x

    assert list(Runner(2).map(first, [1, 2, 3])) == [11, 12, 13]
    assert list(Runner(2).map(second, [1, 2, 3])) == [-1, -2, -3]


@forking
def test_an_exception_in_a_worker_is_raised_in_the_parent() -> None:
    def fail_on_three(x: int) -> int:
        if x == 3:
            raise ValueError("three")
        return x

    with pytest.raises(ValueError, match="three"):
        list(Runner(2).map(fail_on_three, [1, 2, 3, 4]))


@forking
def test_a_worker_that_dies_is_reported_not_waited_for() -> None:
    def die(x: int) -> int:
        os._exit(7)

    with pytest.raises(WorkerDied, match="exit code 7"):
        list(Runner(2).map(die, [1, 2]))
