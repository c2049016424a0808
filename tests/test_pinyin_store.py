"""The on-disk pinyin store answers exactly what pypinyin answers.

The Palladius check reads Chinese characters through a store derived
once from pypinyin's data (``ruconsist.lang.pinyin_store``) so that a
warm run never imports pypinyin.  These tests compare it with pypinyin
itself (the code the check ran before, kept here as the reference) on
every Han run of the test data, examples and packs, on phrase-dictionary
words and random strings made of them, and on the segmenter's edge
cases; and they check that a bad or unwritable cache only falls back
to it (that a warm run imports no pypinyin: tests/test_cache.py).
"""

from __future__ import annotations

import functools
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypinyin import Style, lazy_pinyin, pinyin
from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

from ruconsist.lang import palladius, pinyin_store
from ruconsist.lang.palladius import HAN_RUN, normalize_pinyin
from ruconsist.lang.palladius import spelling
from tests.conftest import REPO, fuzz_examples

# Longer runs in CI (tests/conftest.py: fuzz_examples), short ones
# locally.
EXAMPLES = fuzz_examples(50)
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


# --------------------------------------------------------------------------
# The reference: the Palladius module's pinyin functions as they were
# when they called pypinyin.  Each answer is computed once per session:
# both backends (queries and the whole store) are compared with it.


@functools.lru_cache(maxsize=None)
def reference_char_readings(ch: str) -> tuple[str, ...]:
    got = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")
    out: list[str] = []
    for r in got[0] if got else ():
        r = normalize_pinyin(r)
        if r and r not in out:
            out.append(r)
    return tuple(out)


@functools.lru_cache(maxsize=None)
def reference_run_readings(run: str) -> tuple[str, ...]:
    got = [normalize_pinyin(r) for r in lazy_pinyin(run, style=Style.NORMAL, errors="ignore")]
    if len(got) != len(run):
        got = [(reference_char_readings(c) or ("",))[0] for c in run]
    return tuple(got)


@functools.lru_cache(maxsize=None)
def reference_phrase(hanzi: str) -> tuple[frozenset[str], ...] | None:
    entry = PHRASES_DICT.get(hanzi)
    if entry is None or len(entry) != len(hanzi):
        return None
    return tuple(frozenset(normalize_pinyin(r) for r in rs) for rs in entry)


# --------------------------------------------------------------------------
# Fixtures


@pytest.fixture(scope="session")
def store(tmp_path_factory: pytest.TempPathFactory) -> pinyin_store._Store:
    path = tmp_path_factory.mktemp("pinyin") / "pinyin.sqlite3"
    key = pinyin_store.store_key()
    pinyin_store._rows = _rows_once  # type: ignore[assignment]
    try:
        pinyin_store.build(path, key)
    finally:
        pinyin_store._rows = _real_rows  # type: ignore[assignment]
    return pinyin_store._Store(path, key)


def _clear_caches() -> None:
    for fn in (palladius.char_readings, palladius.run_readings, spelling._phrase):
        fn.cache_clear()


@pytest.fixture(params=["queries", "whole"])
def through_store(
    store: pinyin_store._Store, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[pinyin_store._Store]:
    """The Palladius module reading through the test's store: asking
    SQLite for the keys it needs, or from the whole store read into
    memory (what a long run switches to)."""
    monkeypatch.setattr(store, "_memo", {})
    monkeypatch.setattr(store, "_asked", 0)
    monkeypatch.setattr(store, "_whole", False)
    if request.param == "whole":
        store._read_whole()
    else:
        monkeypatch.setattr(pinyin_store, "_WHOLE", 10**9)
    pinyin_store._backend = store
    _clear_caches()
    yield store
    pinyin_store.reset()
    _clear_caches()


def assert_same(text: str) -> None:
    """The Palladius module's readings of ``text`` (through whatever
    backend is set) against pypinyin's: the run, each character, and
    each substring as a phrase."""
    assert palladius.run_readings(text) == reference_run_readings(text), text
    for c in set(text):
        assert palladius.char_readings(c) == reference_char_readings(c), c
    for i in range(len(text)):
        for j in range(i + 2, min(len(text), i + 12) + 1):
            assert spelling._phrase(text[i:j]) == reference_phrase(text[i:j]), text[i:j]


# --------------------------------------------------------------------------
# Data


def _han_runs_of(paths: list[Path]) -> set[str]:
    runs: set[str] = set()
    for p in paths:
        try:
            text = p.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # binary formats (DOCX)
        runs.update(m.group() for m in HAN_RUN.finditer(text))
    return runs


def repository_runs() -> list[str]:
    paths = [
        p
        for d in ("tests/data", "tests/fixtures", "examples", "rules")
        for p in (REPO / d).rglob("*")
        if p.is_file()
    ]
    paths += sorted((REPO / "tests").glob("*.py"))
    return sorted(_han_runs_of(paths))


PREFIXES = sorted({w[: i + 1] for w in PHRASES_DICT for i in range(len(w))})
PHRASES = sorted(PHRASES_DICT)
HAN_CHARS = sorted(
    chr(o) for lo, hi in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)) for o in range(lo, hi + 1)
)
NO_READING = [c for c in HAN_CHARS if ord(c) not in PINYIN_DICT]
#: Joined once: a draw from the joined list, made afresh for each draw,
#: cost more than everything else the tests that draw from it do.
PHRASES_AND_PREFIXES = PHRASES + PREFIXES


def _no_phrase_inside(p: str) -> bool:
    return not any(p[: i + 1] in PHRASES_DICT for i in range(len(p)))


#: Prefixes of phrases that contain no phrase from their start: text
#: ending inside one is cut into single characters.
BARE_PREFIXES = [p for p in PREFIXES if len(p) >= 2 and _no_phrase_inside(p)]


# --------------------------------------------------------------------------
# Exactness


def test_every_han_run_of_the_repository(through_store: pinyin_store._Store) -> None:
    runs = repository_runs()
    assert len(runs) > 500
    for run in runs:
        assert_same(run)


def test_every_character(store: pinyin_store._Store) -> None:
    chars = sorted(set(HAN_CHARS) | {chr(k) for k in PINYIN_DICT})
    for c in chars:
        assert store.char_readings(c) == reference_char_readings(c), c
    assert NO_READING, "every character has a reading: the edge case is not tested"
    assert all(store.char_readings(c) == () for c in NO_READING)


def test_every_phrase_entry(store: pinyin_store._Store) -> None:
    for w in PHRASES:
        assert store.phrase_readings(w) == reference_phrase(w), w


def test_random_phrases_and_concatenations(through_store: pinyin_store._Store) -> None:
    rng = random.Random(20260204)
    words = rng.sample(PHRASES, 3000)
    for w in words:
        assert palladius.run_readings(w) == reference_run_readings(w), w
    pool = [PHRASES, HAN_CHARS, PREFIXES, BARE_PREFIXES, NO_READING]
    for _ in range(3000):
        parts = [rng.choice(rng.choice(pool)) for _ in range(rng.randint(1, 6))]
        text = "".join(parts)
        assert palladius.run_readings(text) == reference_run_readings(text), text
        assert pinyin_store.lazy_readings(text) == [
            normalize_pinyin(r) for r in lazy_pinyin(text, style=Style.NORMAL, errors="ignore")
        ], text


def test_a_full_memo_is_emptied_without_losing_rows(
    through_store: pinyin_store._Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    if through_store._whole:
        pytest.skip("the whole store is not a memo")
    monkeypatch.setattr(pinyin_store, "_MEMO", 64)
    rng = random.Random(4)
    for _ in range(300):
        text = "".join(rng.choice(PHRASES_AND_PREFIXES) for _ in range(rng.randint(1, 5)))
        assert pinyin_store.lazy_readings(text) == [
            normalize_pinyin(r) for r in lazy_pinyin(text, style=Style.NORMAL, errors="ignore")
        ], text
        assert len(through_store._memo) <= max(64, 10 * len(text))


PIECES = st.one_of(
    st.sampled_from(PHRASES),
    st.sampled_from(HAN_CHARS),
    st.sampled_from(BARE_PREFIXES),
    st.sampled_from(PREFIXES),
    st.sampled_from(NO_READING or ["\u9fff"]),
)


@SETTINGS
@given(st.lists(PIECES, min_size=1, max_size=8).map("".join))
def test_random_strings_read_as_pypinyin_reads_them(through_store: pinyin_store._Store, text: str) -> None:
    assert_same(text)


def test_a_long_run_reads_the_whole_store_once(store: pinyin_store._Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "_memo", {})
    monkeypatch.setattr(store, "_asked", 0)
    monkeypatch.setattr(store, "_whole", False)
    monkeypatch.setattr(pinyin_store, "_WHOLE", 200)
    queries: list[list[str]] = []
    real_query = store._query
    monkeypatch.setattr(store, "_query", lambda keys: queries.append(keys) or real_query(keys))
    rng = random.Random(7)
    texts = ["".join(rng.choice(PHRASES_AND_PREFIXES) for _ in range(rng.randint(2, 6))) for _ in range(200)]
    got = [store.lazy_readings(t) for t in texts]
    assert store._whole
    assert sum(map(len, queries)) <= 200
    assert got == [[normalize_pinyin(r) for r in lazy_pinyin(t, style=Style.NORMAL, errors="ignore")] for t in texts]


def test_segmenter_edge_cases(through_store: pinyin_store._Store) -> None:
    cases = ["", "中", "重庆", "朝阳", "那些"]
    # A run that is all prefix and no phrase: every character alone.
    cases += BARE_PREFIXES[:200]
    # ... of which the tail is a phrase: pypinyin does not start again
    # from the second character, so the tail does not read as a phrase.
    tails = [p for p in BARE_PREFIXES if p[1:] in PHRASES_DICT]
    assert tails
    cases += tails[:200]
    # A phrase followed by the start of a longer word that the text ends
    # inside; a phrase that is a prefix of a longer phrase.
    cases += [w + p for w, p in zip(PHRASES[::997], BARE_PREFIXES[::97])]
    cases += [w for w in PHRASES if len(w) >= 3 and w[:2] in PHRASES_DICT][:200]
    # Characters without a reading: alone, inside a phrase-like run
    # (the reading falls back to each character's first).
    cases += NO_READING[:50]
    cases += [w[:1] + c + w[1:] for w, c in zip(PHRASES[::4999], NO_READING)]
    cases += [c + w for w, c in zip(PHRASES[::4999], NO_READING)]
    for text in cases:
        assert_same(text)
    # And the bare segmentation itself, not only what the fallback makes
    # of it.
    for text in cases:
        assert pinyin_store.lazy_readings(text) == [
            normalize_pinyin(r) for r in lazy_pinyin(text, style=Style.NORMAL, errors="ignore")
        ], text


def test_text_outside_the_han_runs_goes_to_pypinyin(through_store: pinyin_store._Store) -> None:
    for text in ("Пекин 北京", "abc", "〇", "\U00020000", "北京。"):
        assert palladius.run_readings(text) == reference_run_readings(text)
    assert palladius.char_readings("a") == reference_char_readings("a") == ()


# --------------------------------------------------------------------------
# The warm path and the cache


# A warm run of the command line reads the store alone, importing no
# pypinyin: tests/test_cache.py (test_a_warm_run_does_not_import_pypinyin),
# with the other runs on a fresh cache.


_ROWS: list[object] = []


def _rows_once() -> object:
    """The store's rows, computed once per session (every build of the
    tests below writes the same rows; what they test is where and when a
    store is built)."""
    if not _ROWS:
        _ROWS.append(_real_rows())
    return _ROWS[0]


_real_rows = pinyin_store._rows


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    d = tmp_path / "cache"
    monkeypatch.setenv("RUCONSIST_CACHE_DIR", str(d))
    monkeypatch.delenv("RUCONSIST_NO_CACHE", raising=False)
    monkeypatch.delenv("RUCONSIST_NO_SPEEDUPS", raising=False)
    monkeypatch.setattr(pinyin_store, "_rows", _rows_once)
    pinyin_store.reset()
    yield d
    pinyin_store.reset()


def _path(d: Path) -> Path:
    return d / f"pinyin-{pinyin_store.store_key()}.sqlite3"


def test_disabled_cache_reads_through_pypinyin(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RUCONSIST_NO_CACHE", "1")
    assert isinstance(pinyin_store.backend(), pinyin_store._Direct)
    assert not cache_dir.exists()


def test_the_speedups_switch_reads_through_pypinyin(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The store is a speed-up: with them off, pypinyin answers, and no
    # store is built or marked as wanted.
    monkeypatch.setenv("RUCONSIST_NO_SPEEDUPS", "1")
    for _ in range(2):
        pinyin_store.reset()
        assert isinstance(pinyin_store.backend(), pinyin_store._Direct)
        assert pinyin_store.lazy_readings("重庆") == ["chong", "qing"]
    assert not list(cache_dir.glob("pinyin-*"))


def test_unwritable_cache_reads_through_pypinyin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    monkeypatch.setenv("RUCONSIST_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.delenv("RUCONSIST_NO_CACHE", raising=False)
    pinyin_store.reset()
    try:
        assert isinstance(pinyin_store.backend(), pinyin_store._Direct)
        assert pinyin_store.lazy_readings("重庆") == ["chong", "qing"]
    finally:
        pinyin_store.reset()


def test_the_first_run_asks_pypinyin_and_the_next_builds_the_store(cache_dir: Path) -> None:
    assert isinstance(pinyin_store.backend(), pinyin_store._Direct)
    assert pinyin_store.lazy_readings("重庆") == ["chong", "qing"]
    pinyin_store.reset()
    store = pinyin_store.backend()
    assert isinstance(store, pinyin_store._Store)
    assert store.lazy_readings("重庆") == ["chong", "qing"]
    assert [p.name for p in cache_dir.iterdir()] == [_path(cache_dir).name]


def test_corrupt_or_foreign_store_is_rebuilt(cache_dir: Path) -> None:
    cache_dir.mkdir()
    path = _path(cache_dir)
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    store = pinyin_store.backend()
    assert isinstance(store, pinyin_store._Store)
    assert store.lazy_readings("重庆") == ["chong", "qing"]
    # A database of another layout or key under the same name.
    pinyin_store.reset()
    path.unlink()
    con = sqlite3.connect(path)
    con.executescript("CREATE TABLE meta (name TEXT, value TEXT); INSERT INTO meta VALUES ('format', '0');")
    con.commit()
    con.close()
    assert isinstance(pinyin_store.backend(), pinyin_store._Store)
    assert pinyin_store.char_readings("重") == reference_char_readings("重")
    # The build left no temporary file behind.
    assert [p.name for p in cache_dir.iterdir()] == [path.name]


def test_a_store_failing_under_a_run_hands_over_to_pypinyin(
    through_store: pinyin_store._Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(keys: list[str]) -> dict[str, object]:
        raise sqlite3.DatabaseError("database disk image is malformed")

    if through_store._whole:
        pytest.skip("the whole store in memory asks SQLite nothing more")
    monkeypatch.setattr(through_store, "_query", broken)
    monkeypatch.setattr(through_store, "_memo", {})
    assert pinyin_store.lazy_readings("重庆市") == ["chong", "qing", "shi"]
    assert isinstance(pinyin_store.backend(), pinyin_store._Direct)
