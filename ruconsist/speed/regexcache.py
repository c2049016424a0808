"""Compiled regular expressions kept between runs.

The date and number checks build large alternations of inflected month,
weekday and number words; compiling them with :func:`re.compile` parses
the pattern and generates its matcher code in Python, which costs more
than linting a short pair (about 0.1 s for the patterns a news article
needs).  The generated code is a list of integers: it is stored once per
pattern and Python version in the on-disk cache (see
:mod:`ruconsist.cache`) and handed straight to the regular expression
engine on later runs.

A pattern read from the store is checked against what ``re.compile``
gives (same source, flags, groups and group names) the first time it is
used in a process; anything unexpected, or a Python whose engine takes
other arguments, falls back to :func:`re.compile`.  New patterns are
added to the store once, when the process exits.
"""

from __future__ import annotations

import atexit
import re
import sys
import threading
from typing import Any

from ruconsist.speed import enabled

#: Entries above this are dropped, not added: the store must not grow
#: without bound with the patterns of changing user packs.
MAX_ENTRIES = 4000

_LOCK = threading.Lock()
_STORE: dict[tuple[str, int], tuple[Any, ...]] | None = None
_NEW: dict[tuple[str, int], tuple[Any, ...]] = {}
_COMPILED: dict[tuple[str, int], re.Pattern[str]] = {}
#: Off without CPython, or with the speed-ups switched off (see :mod:`ruconsist.speed`).
_ENABLED = enabled()


def _key() -> str:
    from ruconsist import cache

    return cache.key_for("regex", sys.version, cache.code_digest(__file__))


def _load() -> dict[tuple[str, int], tuple[Any, ...]]:
    global _STORE
    if _STORE is None:
        from ruconsist import cache

        _STORE = {}
        directory = cache.cache_dir()
        if directory is not None:
            stored = cache.load_entry(directory / f"regex-{_key()}.pickle", expect=dict)
            if isinstance(stored, dict):
                _STORE = stored
    return _STORE


def _generate(pattern: str, flags: int) -> tuple[Any, ...] | None:
    """The arguments ``re`` passes to its engine for ``pattern``: what
    :func:`re._compiler.compile` computes before calling ``_sre.compile``."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    # Opcodes are int subclasses that do not pickle: store plain ints.
    return (
        int(flags | parsed.state.flags),
        tuple(int(c) for c in code),
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _from_args(pattern: str, args: tuple[Any, ...]) -> re.Pattern[str]:
    import _sre

    final_flags, code, groups, groupindex, indexgroup = args
    return _sre.compile(pattern, final_flags, list(code), groups, groupindex, indexgroup)  # type: ignore[no-any-return]


def _agrees(rx: re.Pattern[str], pattern: str, flags: int, args: tuple[Any, ...]) -> bool:
    return (
        rx.pattern == pattern
        and rx.groups == args[2]
        and dict(rx.groupindex) == args[3]
        and rx.flags & flags == flags
    )


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - mirrors re.compile
    """:func:`re.compile`, served from the store when it can be."""
    key = (pattern, int(flags))
    rx = _COMPILED.get(key)
    if rx is not None:
        return rx
    if not _ENABLED or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    with _LOCK:
        args = _load().get(key)
        if args is not None:
            try:
                rx = _from_args(pattern, args)
                if not _agrees(rx, pattern, flags, args):
                    rx = None
            except Exception:  # another engine version: compile normally
                rx = None
        if rx is None:
            rx = re.compile(pattern, flags)
            try:
                args = _generate(pattern, flags)
            except Exception:
                args = None
            if args is not None and _agrees(rx, pattern, flags, args) and len(_load()) + len(_NEW) < MAX_ENTRIES:
                if not _NEW:
                    atexit.register(_save)
                _NEW[key] = args
        _COMPILED[key] = rx
    return rx


def _save() -> None:
    """Add this run's new patterns to the store (a concurrent run may
    add others; the last writer's set is kept, and a pattern lost that
    way is stored again by a later run)."""
    from ruconsist import cache

    if not _NEW:
        return
    directory = cache.cache_dir()
    if directory is None:
        return
    merged = dict(_load())
    merged.update(_NEW)
    _NEW.clear()
    try:
        cache.store_entry(directory / f"regex-{_key()}.pickle", merged)
    except Exception:  # the run's result is out; a store is only a speed-up
        pass


__all__ = ["compile"]
