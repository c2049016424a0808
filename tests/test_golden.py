"""Every finding on the seed, examples/, the format fixtures and real
parallel text, pinned (see tests/golden/__init__.py).  A failure lists
each finding that changed; when the change is intended, regenerate with
``python -m tests.golden --update`` and say why in the commit message."""

from __future__ import annotations

import pytest

from tests.golden import CASES, difference, expected_path, read_expected, run_case


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_output(name: str) -> None:
    expected = read_expected(name)
    assert expected is not None, f"{expected_path(name)} is missing: python -m tests.golden --update {name}"
    actual = run_case(name)
    if actual != expected:
        pytest.fail(
            f"findings of case {name!r} changed ({len(expected)} expected, {len(actual)} now);"
            f" if intended: python -m tests.golden --update {name}\n{difference(name, expected, actual)}",
            pytrace=False,
        )
