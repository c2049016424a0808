"""Compiled patterns read back from the store match what re.compile
gives: same attributes, same matches."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ruconsist.speed import regexcache

PATTERNS = [
    (r"(?<![\d.,:/№-])(?P<d>[0-3]?\d)(?:-?(?:го|е|ое|м))?\s+(?P<m>января|февраля|марта)", 0),
    (r"(?:(?<![\d〇零一二三四五六七八九十])(?P<y>\d{4})\s*年\s*)?(?P<m>1[0-2]|[1-9])\s*月", 0),
    (r"^(?P<date>\d{1,2}\s+[а-я]+)\s*[—-]", re.MULTILINE),
    (r"путин[а-я]*|ПУТИН", re.IGNORECASE),
    (r"[ \u00a0\u202f\u2009]*(?:млн|млрд|тыс)\.?(?![а-я])", 0),
    (r"(?!x)x", 0),
]
TEXTS = [
    "Москва, 4 февраля 2026 года. 22-го января — встреча; 31 марта.",
    "2026年2月4日，会谈；二〇二五年9月；12月",
    "4 февраля — открытие\n5 марта - закрытие",
    "Путин, ПУТИНЫМ, путиным",
    "1,5 млн и 3 млрд. и 200 тыс",
]


@pytest.fixture
def fresh_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RUCONSIST_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("RUCONSIST_NO_CACHE", raising=False)
    _forget(monkeypatch)
    return tmp_path / "cache"


def _forget(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if a new process started."""
    monkeypatch.setattr(regexcache, "_STORE", None)
    monkeypatch.setattr(regexcache, "_NEW", {})
    monkeypatch.setattr(regexcache, "_COMPILED", {})


def _behaviour(rx: re.Pattern[str]) -> list[object]:
    out: list[object] = [rx.pattern, rx.flags, rx.groups, dict(rx.groupindex)]
    for text in TEXTS:
        out.append([(m.span(), m.groupdict() or m.group()) for m in rx.finditer(text)])
    return out


def test_patterns_read_back_from_the_store_match_like_re_compile(fresh_store: Path, monkeypatch) -> None:
    first = [regexcache.compile(p, f) for p, f in PATTERNS]
    regexcache._save()
    assert len(list(fresh_store.glob("regex-*.pickle"))) == 1
    _forget(monkeypatch)
    calls = []
    monkeypatch.setattr(re, "compile", lambda *a: calls.append(a) or re._compile(*a))
    second = [regexcache.compile(p, f) for p, f in PATTERNS]
    assert calls == []  # every one came from the store
    for (p, f), a, b in zip(PATTERNS, first, second):
        assert _behaviour(b) == _behaviour(a) == _behaviour(re._compile(p, f))


def test_a_damaged_entry_falls_back_to_re_compile(fresh_store: Path, monkeypatch) -> None:
    pattern = PATTERNS[0][0]
    regexcache.compile(pattern)
    regexcache._save()
    _forget(monkeypatch)
    store = regexcache._load()
    flags, code, groups, groupindex, indexgroup = store[(pattern, 0)]
    store[(pattern, 0)] = (flags, code[:5], groups, groupindex, indexgroup)
    rx = regexcache.compile(pattern)
    assert _behaviour(rx) == _behaviour(re._compile(pattern, 0))


def test_without_a_cache_it_is_re_compile(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RUCONSIST_NO_CACHE", "1")
    _forget(monkeypatch)
    pattern, flags = PATTERNS[3]
    assert _behaviour(regexcache.compile(pattern, flags)) == _behaviour(re._compile(pattern, flags))
    regexcache._save()


def test_the_switch_turns_every_speedup_off_and_changes_no_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    """RUCONSIST_NO_SPEEDUPS=1: no stored matcher code, no pattern gate, no
    allocator tuning, and the seed article's findings are the same."""
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

