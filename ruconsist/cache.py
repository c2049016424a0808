"""An on-disk cache for structures derived from rule packs.

Expanding every Russian pack word into its inflected forms needs the
morphology dictionary and takes longer than linting a short pair, so the
expanded matchers are stored once per pack content and library version
and loaded on later runs (the pre-commit case).

Entries are pickles written atomically (temporary file in the same
directory, then ``os.replace``), so concurrent runs never see half a
file and an interrupted run leaves none behind.  The cache holds only
what ruconsist itself derived from the packs; a corrupt or foreign file
is ignored and rebuilt.  ``RUCONSIST_CACHE_DIR`` moves it;
``RUCONSIST_NO_CACHE=1`` disables it.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

#: Bump when the layout of any cached structure changes.
FORMAT = "1"
MAGIC = b"ruconsist-cache\n"


def cache_dir() -> Path | None:
    if os.environ.get("RUCONSIST_NO_CACHE"):
        return None
    explicit = os.environ.get("RUCONSIST_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ruconsist"


@functools.lru_cache(maxsize=1)
def _versions() -> str:
    parts = [FORMAT]
    for dist in ("ruconsist", "pymorphy3", "pymorphy3-dicts-ru", "regex", "babel", "pypinyin"):
        try:
            parts.append(f"{dist}={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist}=?")
    return ";".join(parts)


def code_digest(*files: str) -> str:
    """Digest of the source files that define a cached structure, so an
    upgrade or a local edit never loads a stale layout."""
    h = hashlib.sha256()
    for f in files:
        try:
            h.update(Path(f).read_bytes())
        except OSError:
            h.update(f.encode())
    return h.hexdigest()


def key_for(*parts: str) -> str:
    h = hashlib.sha256()
    h.update(_versions().encode())
    for p in parts:
        h.update(b"\0")
        h.update(p.encode())
    return h.hexdigest()[:32]


_MISSING = object()


def load_entry(path: Path, default: object = None) -> object:
    """The value stored at ``path``, or ``default`` for a missing,
    truncated or foreign file."""
    try:
        with path.open("rb") as fh:
            if fh.read(len(MAGIC)) == MAGIC:
                return pickle.load(fh)  # noqa: S301 - our own file, see module doc
    except FileNotFoundError:
        pass
    except Exception:  # a truncated or foreign file: rebuild it
        pass
    return default


def store_entry(path: Path, value: object) -> None:
    """Write ``value`` at ``path`` atomically; a read-only home or a full
    disk must not stop a lint run, so write errors are ignored."""
    try:
        from ruconsist.atomic import write_atomic

        write_atomic(path, MAGIC + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """``build()`` once per ``key``; later runs load the stored result."""
    directory = cache_dir()
    if directory is None:
        return build()
    path = directory / f"{name}-{key}.pickle"
    value = load_entry(path, _MISSING)
    if value is not _MISSING:
        return value  # type: ignore[return-value]
    value = build()
    store_entry(path, value)
    return value
