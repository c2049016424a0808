"""The speed-ups' one switch: off, they are not used, and the findings
are the same."""

from __future__ import annotations

import pytest


def test_the_switch_turns_every_speedup_off_and_changes_no_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    """RUCONSIST_NO_SPEEDUPS=1: no pattern gate, no allocator tuning, and
    the seed article's findings are the same."""
    import subprocess
    import sys

    from ruconsist import speed
    from ruconsist.speed import memory, regexgate
    from tests.conftest import DATA, REPO

    assert regexgate.gate("第(?P<n>\\d+)届", 0) == ("第",)
    monkeypatch.setenv(speed.SWITCH, "1")
    assert not speed.enabled()
    assert regexgate.gate("第(?P<n>\\d+)届", 0) is None
    monkeypatch.setitem(sys.modules, "ctypes", None)  # importing it would fail
    memory.return_large_buffers()

    def check(env: dict[str, str]) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "ruconsist", "check", str(DATA / "seed-bilingual.txt"), "--format", "json"],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=300,
        )
        assert done.returncode == 1, done.stderr
        return done.stdout

    import os

    plain = {k: v for k, v in os.environ.items() if k != speed.SWITCH}
    assert check({**plain, speed.SWITCH: "1"}) == check(plain)

