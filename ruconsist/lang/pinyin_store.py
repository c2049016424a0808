"""Pinyin readings for the Palladius check without importing pypinyin.

Importing pypinyin parses its phrase dictionary and trains its
segmenter's prefix set on every run (about 0.2 s and 55 MB), more than
linting a short pair costs.  The readings the Palladius check needs are
therefore derived once from pypinyin's data and kept in a SQLite file in
ruconsist's cache directory (``pinyin-<key>.sqlite3``, keyed by the
library versions and the code of this module and of
:mod:`ruconsist.lang.palladius`).  Later runs open it read-only and ask
it only for the substrings of the Han runs they meet.

The store answers exactly what pypinyin answers:

* :func:`char_readings`: every reading of one character, toneless, as
  ``pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")``
  normalised (the table is built by running that code path over every
  character of pypinyin's dictionaries);
* :func:`phrase_readings`: the readings of a word of the phrase
  dictionary, character by character;
* :func:`lazy_readings`: ``lazy_pinyin(text, style=Style.NORMAL,
  errors="ignore")`` normalised, with pypinyin's forward maximum matching
  (``pypinyin.seg.mmseg.Seg(no_non_phrases=True)``) re-implemented over
  the stored prefix set.

The store is built by the second run that needs readings (the first
asks pypinyin in memory and leaves a mark, ``pinyin-<key>.wanted``), so
a one-off run or the first run on a fresh machine does not pay for it.
The file is written to a temporary name beside its final one and renamed
into place, so concurrent runs never see half of it; a corrupt or
foreign file is rebuilt.  When the cache is disabled
(``RUCONSIST_NO_CACHE``), cannot be written, or the installed pypinyin
segments differently from the re-implementation here, and when the
speed-ups are off (``RUCONSIST_NO_SPEEDUPS``, :mod:`ruconsist.speed`),
pypinyin is used directly in memory.

Why a store at all (``bench/pinyin_store.py``, ``docs/performance.md``):
against pypinyin imported on the first name read, a warm run on one
short article takes 0.36 s less CPU and 50 MB less memory, and the
Palladius check over 3,000 corpus lines 41 % less time; building the
store costs 1.9 s of CPU once, paid back by the fifth warm run.
"""

from __future__ import annotations

import hashlib
import os
import threading
import types
from collections.abc import Sequence
from pathlib import Path
from typing import Any

#: Bump when the layout of the store changes.
FORMAT = "1"

_PREFIX = 1
_PHRASE = 2

#: Digests of the pypinyin code :func:`lazy_readings` re-implements
#: (``Seg.cut`` and the converter's phrase and single-character paths);
#: another version of it means reading through pypinyin itself.
_KNOWN_SEGMENTERS = frozenset({
    "e1b7cf4111cbb277a8befc31ce5692b890272f3848eba2f6cf0f9d950c9138f0",
})

#: Keys of one SQL statement (SQLite's oldest default limit is 999).
_CHUNK = 900
#: Rows kept in memory (the memo starts again when it grows past this).
_MEMO = 65_536
#: Keys asked of SQLite after which the whole store is read into memory
#: (about 0.15 s and 35 MB) and no further query is made: a pre-commit
#: run on a few pairs asks for a few hundred keys, a corpus for millions,
#: and one query per Han run then costs more than reading everything.
_WHOLE = 20_000


def _is_han(text: str) -> bool:
    """Made of the characters :data:`ruconsist.lang.palladius.HAN_RUN`
    matches: the store reads such text alone, and leaves pypinyin's own
    split into Han and other text to pypinyin (nothing in ruconsist asks
    for it)."""
    for c in text:
        o = ord(c)
        if not (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF):
            return False
    return True


# --------------------------------------------------------------------------
# pypinyin in memory (the reference, and the fallback)


class _Direct:
    """The readings as pypinyin gives them, importing it."""

    def char_readings(self, ch: str) -> tuple[str, ...]:
        from pypinyin import Style, pinyin

        from ruconsist.lang.pinyin import normalize_pinyin

        got = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")
        out: list[str] = []
        for r in got[0] if got else ():
            r = normalize_pinyin(r)
            if r and r not in out:
                out.append(r)
        return tuple(out)

    def lazy_readings(self, text: str) -> list[str]:
        from pypinyin import Style, lazy_pinyin

        from ruconsist.lang.pinyin import normalize_pinyin

        return [normalize_pinyin(r) for r in lazy_pinyin(text, style=Style.NORMAL, errors="ignore")]

    def phrase_readings(self, word: str) -> tuple[frozenset[str], ...] | None:
        from pypinyin.constants import PHRASES_DICT

        from ruconsist.lang.pinyin import normalize_pinyin

        entry = PHRASES_DICT.get(word)
        if entry is None or len(entry) != len(word):
            return None
        return tuple(frozenset(normalize_pinyin(r) for r in rs) for rs in entry)


# --------------------------------------------------------------------------
# The store

# One row per key: a prefix of a phrase-dictionary word (flag _PREFIX),
# a phrase-dictionary word (flag _PHRASE), or a character with readings.
#   lazy:   what lazy_pinyin gives for the key as one segment, the
#           syllables joined by spaces (NULL: nothing, the character has
#           no reading);
#   phrase: the phrase entry, characters joined by spaces, the readings
#           of one character by "|" (NULL: not a phrase of its length);
#   chars:  for one character, char_readings joined by spaces.
_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE entries (
    key TEXT PRIMARY KEY,
    flags INTEGER NOT NULL,
    lazy TEXT,
    phrase TEXT,
    chars TEXT
) WITHOUT ROWID;
"""

#: key, flags, lazy, phrase, chars
_Row = tuple[str, int, "str | None", "str | None", "str | None"]


class _Foreign(Exception):
    """Not a store of this format and key."""


class _Store:
    def __init__(self, path: Path, key: str) -> None:
        self.path = path
        self._uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
        self._lock = threading.Lock()
        self._con: Any = None
        self._pid = 0
        # Rows (None: no such key) already asked for: a run's substrings
        # are fetched together, and the phrase lookups that follow find
        # them here.
        self._memo: dict[str, _Row | None] = {}
        #: Keys asked so far; past :data:`_WHOLE` the memo is the store.
        self._asked = 0
        self._whole = False
        meta = dict(self._connection().execute("SELECT name, value FROM meta").fetchall())
        if meta.get("format") != FORMAT or meta.get("key") != key:
            raise _Foreign(path)
        self.max_len = int(meta["max_len"])

    def _connection(self) -> Any:
        # A connection must not cross a fork (the engine's workers).
        if self._con is None or self._pid != os.getpid():
            import sqlite3

            self._con = sqlite3.connect(self._uri, uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._con

    def _fetch(self, keys: list[str]) -> dict[str, _Row | None]:
        """The memo, holding the row (or ``None``) of every key of
        ``keys``: those not in it yet are asked in one statement (per
        :data:`_CHUNK` keys).  Once the whole store is in it, a key
        missing from it has no row (read it with ``.get``)."""
        memo = self._memo
        if self._whole:
            return memo
        missing = [k for k in keys if k not in memo]
        if missing and self._asked + len(missing) > _WHOLE:
            return self._read_whole()
        if missing:
            self._asked += len(missing)
            if len(memo) + len(missing) > _MEMO:
                # A new memo, so all of ``keys`` are asked again (and a
                # caller still reading the old one keeps its rows).
                self._memo = memo = {}
                missing = keys
            found = self._query(missing)
            memo.update(dict.fromkeys(missing))
            memo.update(found)
        return memo

    def _read_whole(self) -> dict[str, _Row | None]:
        with self._lock:
            con = self._connection()
            self._memo = {r[0]: r for r in con.execute("SELECT key, flags, lazy, phrase, chars FROM entries")}
            self._whole = True
        return self._memo

    def _row(self, key: str) -> _Row | None:
        memo = self._memo
        if key in memo or self._whole:
            return memo.get(key)
        return self._fetch([key]).get(key)

    def _query(self, keys: list[str]) -> dict[str, _Row]:
        found: dict[str, _Row] = {}
        with self._lock:
            con = self._connection()
            for i in range(0, len(keys), _CHUNK):
                part = keys[i : i + _CHUNK]
                # Padded to a multiple of 16 so that a few statement texts
                # serve every run (the empty key is never stored).
                part += [""] * (-len(part) % 16)
                sql = "SELECT key, flags, lazy, phrase, chars FROM entries WHERE key IN (%s)" % ",".join(
                    "?" * len(part)
                )
                found.update({r[0]: r for r in con.execute(sql, part)})
        return found

    def char_readings(self, ch: str) -> tuple[str, ...]:
        row = self._row(ch)
        if row is None or row[4] is None:
            return ()
        return tuple(row[4].split(" "))

    def phrase_readings(self, word: str) -> tuple[frozenset[str], ...] | None:
        if len(word) > self.max_len:
            return None
        row = self._row(word)
        if row is None or row[3] is None:
            return None
        return tuple(frozenset(alt.split("|")) for alt in row[3].split(" "))

    def lazy_readings(self, text: str) -> list[str]:
        """``lazy_pinyin(text, style=Style.NORMAL, errors="ignore")`` for
        Han text, normalised.  Forward maximum matching as
        ``pypinyin.seg.mmseg.Seg(no_non_phrases=True).cut``: from each
        position, extend while the text is a prefix of some phrase and
        remember the longest phrase seen; when a prefix fails, take that
        phrase, or else one character and start again from the next.
        When the text ends inside a prefix with no phrase seen, every
        remaining character is a word of its own (pypinyin does not
        start again from the next one there)."""
        n = len(text)
        top = self.max_len
        if self._whole:
            rows = self._memo
        else:
            rows = self._fetch([text[i:j] for i in range(n) for j in range(i + 1, min(n, i + top) + 1)])
        out: list[str] = []

        def emit(word: str) -> None:
            row = rows.get(word)
            if row is not None and row[2] is not None:
                out.extend(row[2].split(" "))

        i = 0
        while i < n:
            last = 0
            j = i
            while j < n:
                row = rows.get(text[i : j + 1])
                if row is None or not row[1] & _PREFIX:
                    break
                if row[1] & _PHRASE:
                    last = j + 1
                j += 1
            if last:
                emit(text[i:last])
                i = last
            elif j < n:
                emit(text[i])
                i += 1
            else:
                for c in text[i:]:
                    emit(c)
                i = n
        return out


def _segmenter_digest() -> str:
    import hashlib
    import inspect

    from pypinyin.converter import DefaultConverter
    from pypinyin.seg.mmseg import Seg

    h = hashlib.sha256()
    for fn in (Seg.cut, DefaultConverter.convert, DefaultConverter._phrase_pinyin,
               DefaultConverter._single_pinyin, DefaultConverter.convert_styles):
        h.update(inspect.getsource(fn).encode())
    return h.hexdigest()


class _Unsupported(Exception):
    """The installed pypinyin is not what the store re-implements."""


def build(path: Path, key: str) -> None:
    """Write the store for ``key`` to ``path`` (atomically)."""
    import sqlite3
    import tempfile

    from ruconsist.atomic import write_atomic

    try:
        digest = _segmenter_digest()
    except (OSError, TypeError):
        raise _Unsupported("pypinyin's source is not available") from None
    if digest not in _KNOWN_SEGMENTERS:
        raise _Unsupported(f"pypinyin's segmenter {digest}")
    path.parent.mkdir(parents=True, exist_ok=True)
    if not os.access(path.parent, os.W_OK | os.X_OK):
        # Before the second the tables take.
        raise PermissionError(f"cannot write to {path.parent}")
    rows, max_len = _rows()
    # SQLite writes a file; it is built beside the store and copied into
    # place in one step.
    with tempfile.TemporaryDirectory(prefix=f".{path.name}.", dir=path.parent) as d:
        tmp = os.path.join(d, path.name)
        con = sqlite3.connect(tmp)
        try:
            con.execute("PRAGMA journal_mode=OFF")
            con.execute("PRAGMA synchronous=OFF")
            con.executescript(_SCHEMA)
            con.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?)", rows)
            con.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [("format", FORMAT), ("key", key), ("max_len", str(max_len))],
            )
            con.commit()
        finally:
            con.close()
        with open(tmp, "rb") as fh:
            data = fh.read()
    write_atomic(path, data)


def _rows() -> tuple[list[_Row], int]:
    """The store's rows from pypinyin's data, and the longest prefix."""
    from pypinyin import Style
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT
    from pypinyin.converter import UltimateConverter
    from pypinyin.seg import mmseg

    from ruconsist.lang.pinyin import normalize_pinyin

    # lazy_pinyin's own converter; each tone-marked syllable is converted
    # once (Style.NORMAL does not depend on the character).
    converter = UltimateConverter()
    normal: dict[str, str] = {}

    def first(syllable: str) -> str:
        if syllable not in normal:
            normal[syllable] = normalize_pinyin(converter.convert_style("", syllable, Style.NORMAL, True))
        return normal[syllable]

    # The prefix set lazy_pinyin's segmenter was trained on.
    prefix_set = getattr(getattr(mmseg.seg, "_prefix_set", None), "_set", None)
    if not isinstance(prefix_set, set):
        prefix_set = {w[: i + 1] for w in PHRASES_DICT for i in range(len(w))}
    direct = _Direct()
    # A character's readings in a phrase recur (a few thousand lists for
    # 140,000 phrases): each list is normalised once.
    alternatives: dict[tuple[str, ...], str] = {}

    def one_of(readings: list[str]) -> str:
        key = tuple(readings)
        if key not in alternatives:
            alternatives[key] = _join("|", sorted({normalize_pinyin(r) for r in key}), allow_empty=True)
        return alternatives[key]

    # A character outside the phrase dictionary reads as its entry of the
    # character dictionary does, whatever the character: 42,000 characters
    # share 8,600 entries, and pypinyin is asked once per entry (the
    # test suite compares every character with pypinyin itself).
    by_entry: dict[str, str | None] = {}

    def chars_of(k: str) -> str | None:
        entry = PINYIN_DICT.get(ord(k))
        if entry is None or k in PHRASES_DICT:
            return _join(" ", direct.char_readings(k), allow_empty=False) or None
        if entry not in by_entry:
            by_entry[entry] = _join(" ", direct.char_readings(k), allow_empty=False) or None
        return by_entry[entry]

    keys = set(prefix_set) | set(PHRASES_DICT) | {chr(k) for k in PINYIN_DICT}
    rows: list[_Row] = []
    for k in sorted(keys):
        flags = (_PREFIX if k in prefix_set else 0) | (_PHRASE if k in PHRASES_DICT else 0)
        lazy = phrase = chars = None
        entry = PHRASES_DICT.get(k)
        if entry is not None:
            if not entry or not all(entry):
                raise _Unsupported(f"phrase {k!r} has a character without readings")
            lazy = _join(" ", [first(rs[0]) for rs in entry], allow_empty=True)
            if len(entry) == len(k):
                phrase = " ".join(one_of(rs) for rs in entry)
        elif len(k) == 1 and ord(k) in PINYIN_DICT:
            lazy = _join(" ", [first(PINYIN_DICT[ord(k)].split(",")[0])], allow_empty=True)
        if len(k) == 1:
            chars = chars_of(k)
        rows.append((k, flags, lazy, phrase, chars))
    return rows, max((len(k) for k in prefix_set), default=1)


def _join(sep: str, parts: Sequence[str], *, allow_empty: bool) -> str:
    for p in parts:
        if " " in p or "|" in p or not (p or allow_empty):
            raise _Unsupported(f"reading {p!r} cannot be stored")
    return sep.join(parts)


def store_key() -> str:
    from ruconsist import cache
    from ruconsist.lang.han import HAN_RUN
    from ruconsist.lang.pinyin import normalize_pinyin

    # The store depends on this module and, of the Palladius module, on
    # how pinyin is normalised and what a Han run is: an edit elsewhere
    # in that module must not cost a rebuild.  PYPINYIN_NO_PHRASES
    # empties pypinyin's phrase dictionary.
    return cache.key_for(
        "pinyin-store",
        FORMAT,
        cache.code_digest(__file__),
        _function_digest(normalize_pinyin.__code__) + HAN_RUN.pattern,
        os.environ.get("PYPINYIN_NO_PHRASES", ""),
    )


def _function_digest(code: types.CodeType) -> str:
    """A digest of what a function does (its bytecode, constants and
    names, nested functions included), not of where it stands."""
    h = hashlib.sha256(code.co_code)
    h.update(repr(code.co_names).encode())
    for const in code.co_consts:
        h.update(_function_digest(const).encode() if isinstance(const, types.CodeType) else repr(const).encode())
    return h.hexdigest()


def _open() -> _Store | _Direct:
    from ruconsist import cache, speed

    directory = cache.cache_dir()
    if directory is None or not speed.enabled():
        return _Direct()
    import sqlite3

    key = store_key()
    path = directory / f"pinyin-{key}.sqlite3"
    try:
        store = _Store(path, key)
        try:
            os.utime(path)  # used: the cache prunes it last
        except OSError:
            pass
        return store
    except (sqlite3.Error, _Foreign, KeyError, ValueError, OSError):
        pass  # missing, truncated or foreign: (re)build it
    wanted = directory / f"pinyin-{key}.wanted"
    if not path.exists() and not wanted.exists():
        # The first run that needs readings asks pypinyin in memory
        # (0.2 s) rather than building the whole store (1.6 s) for a few
        # names: a one-off run, or the first on a fresh machine or CI
        # runner, stays cheap.  It leaves a mark, and the next run that
        # needs readings builds the store for every run after it.
        try:
            cache._private_dir(directory)
            wanted.touch()
        except OSError:
            pass
        return _Direct()
    try:
        build(path, key)
        try:
            wanted.unlink()
        except OSError:
            pass
        return _Store(path, key)
    except (OSError, sqlite3.Error, _Unsupported, _Foreign, KeyError, ValueError):
        # A read-only or full cache directory must not stop a run.
        return _Direct()


_backend: _Store | _Direct | None = None
_backend_lock = threading.Lock()


def backend() -> _Store | _Direct:
    global _backend
    if _backend is None:
        with _backend_lock:
            if _backend is None:
                _backend = _open()
    return _backend


def reset() -> None:
    """Forget the opened store (tests that move the cache directory)."""
    global _backend
    _backend = None


def _guarded(method: str, arg: str) -> Any:
    """Call the backend; a store that fails under a run (a file replaced
    by something that is not a database) hands over to pypinyin."""
    global _backend
    b = backend()
    try:
        return getattr(b, method)(arg)
    except Exception as exc:
        import sqlite3

        if not isinstance(exc, sqlite3.Error) or isinstance(b, _Direct):
            raise
        _backend = _Direct()
        return getattr(_backend, method)(arg)


def char_readings(ch: str) -> tuple[str, ...]:
    """Every reading pypinyin knows for one character, toneless, commonest
    first."""
    if len(ch) != 1:
        return _Direct().char_readings(ch)
    return _guarded("char_readings", ch)  # type: ignore[no-any-return]


def phrase_readings(word: str) -> tuple[frozenset[str], ...] | None:
    """The readings of each character of a word of pypinyin's phrase
    dictionary, or ``None`` for a string that is not one."""
    return _guarded("phrase_readings", word)  # type: ignore[no-any-return]


def lazy_readings(text: str) -> list[str]:
    """``lazy_pinyin(text, style=Style.NORMAL, errors="ignore")``, each
    syllable normalised; characters without a reading give nothing."""
    if not _is_han(text):
        return _Direct().lazy_readings(text)
    return _guarded("lazy_readings", text)  # type: ignore[no-any-return]


__all__ = ["backend", "build", "char_readings", "lazy_readings", "phrase_readings", "reset", "store_key"]
