"""An on-disk cache for structures derived from rule packs.

Expanding every Russian pack word into its inflected forms needs the
morphology dictionary and takes longer than linting a short pair, so the
expanded matchers are stored once per pack content and library version
and loaded on later runs (the pre-commit case).

Entries are written atomically (temporary file in the same directory,
then ``os.replace``), so concurrent runs never see half a file and an
interrupted run leaves none behind.  The directory is created private to
the user (0700) and pruned to :data:`MAX_BYTES`, least recently used
entries first; entries unused for :data:`MAX_AGE_DAYS` days go first.

A cache directory can be written by others (a shared runner, a CI cache
restored from another job), so nothing loaded from it may run code or
reach the regular expression engine unless this user's own runs wrote
it.  Every entry is authenticated: it carries an HMAC-SHA256 of its file
name and content under a per-user key kept *outside* the cache
(:func:`key_path`, or ``RUCONSIST_CACHE_KEY`` in CI).  An entry whose
tag does not verify is never unpickled; one that verifies is still read
by a loader that rebuilds only the plain containers and the few classes
of :data:`ALLOWED_GLOBALS` (never calls a function it names, other than
``re.compile`` and ``regex.compile`` on a pattern's source), and its value must be of the type the caller expects.
Anything else (truncated, corrupt, another version's layout, a forged or
foreign entry, or no usable key) is ignored and rebuilt, never an error.
``RUCONSIST_CACHE_DIR`` moves the cache; ``RUCONSIST_NO_CACHE=1`` or
``--no-cache`` disables it; ``ruconsist cache clear`` empties it.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import io
import os
import pickle
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

#: Bump when the layout of any cached structure changes.
FORMAT = "4"
MAGIC = b"ruconsist-cache 4\n"
#: Bytes of the authentication tag (hex HMAC-SHA256) and its newline.
TAG_BYTES = 65


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


def package_files(module_file: str) -> list[str]:
    """The source files of the package holding ``module_file``: a cached
    structure built by a split package depends on all of its modules."""
    return sorted(str(p) for p in Path(module_file).parent.glob("*.py"))


def key_for(*parts: str) -> str:
    h = hashlib.sha256()
    h.update(_versions().encode())
    for p in parts:
        h.update(b"\0")
        h.update(p.encode())
    return h.hexdigest()[:32]


_MISSING = object()

#: The only globals an entry may name: the classes ruconsist stores and
#: the public functions that compile a regular expression from its source.  Anything
#: else (``os.system``, ``builtins.open``, a class whose constructor
#: writes a file) makes the entry foreign: it is ignored and rebuilt, and
#: nothing named in it is called.
ALLOWED_GLOBALS = frozenset(
    {
        "ruconsist.packtypes.Pack",
        "ruconsist.packtypes.Term",
        "ruconsist.packtypes.Example",
        "ruconsist.patterns.rule.PatternRule",
        "ruconsist.terms._Entry",
        "ruconsist.yamlio.MarkedDict",
        "ruconsist.yamlio.MarkedList",
        "ruconsist.diagnostic.Severity",
        "ruconsist.terms.TermMatcher",
        "ruconsist.terms.RuIndex",
        "ruconsist.terms.ZhIndex",
        "ruconsist.terms._Search",
        "ruconsist.checks.offices.Office",
        "ruconsist.checks.offices.OfficeIndex",
        "ruconsist.lang.dates.forms._Patterns",
        "ruconsist.lang.dates.forms._Lazy",
        "ruconsist.selftest.SelfTestReport",
        "ruconsist.selftest.ExampleResult",
        "ruconsist.selftest.Untested",
        "re.compile",
        "ruconsist.cache.regex_compile",
        "re.RegexFlag",
    }
)
#: The cache is pruned to this size, oldest-used entries first.
MAX_BYTES = 64 * 1024 * 1024
#: Entries not used for this many days are deleted whatever the size
#: (the matchers of a pack edited long ago).
MAX_AGE_DAYS = 30


class _Foreign(Exception):
    pass


class _Loader(pickle.Unpickler):
    """Loads plain data and the allowed classes only (see
    :data:`ALLOWED_GLOBALS`)."""

    def find_class(self, module: str, name: str) -> object:
        if f"{module}.{name}" not in ALLOWED_GLOBALS:
            raise _Foreign(f"{module}.{name}")
        return super().find_class(module, name)


class _Pickler(pickle.Pickler):
    """Stores a compiled pattern (``re`` or ``regex``) as its source and
    flags, compiled again with the module's public ``compile`` on load.
    (A ``regex`` pattern would otherwise pickle as its engine code, for
    the ``regex`` package's private ``_regex.compile``; compiling the
    cached patterns from source costs about 0.03 s of a warm run, see
    ``docs/performance.md``.)"""

    def reducer_override(self, obj: object) -> object:
        module = type(obj).__module__
        if module in ("re", "_regex") and type(obj).__name__ == "Pattern":
            import re

            compile_ = re.compile if module == "re" else regex_compile
            return compile_, (obj.pattern, obj.flags)  # type: ignore[attr-defined]
        return NotImplemented


def regex_compile(pattern: object, flags: object) -> object:
    """``regex.compile``, under a name of this module: the package defines
    it in a private module of its own, which an entry should not name."""
    if not isinstance(pattern, str) or not isinstance(flags, int):
        raise _Foreign("regex")
    import regex

    return regex.compile(pattern, flags)


def _dumps(value: object) -> bytes:
    out = io.BytesIO()
    _Pickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return out.getvalue()


def key_path() -> Path:
    """Where the per-user key that authenticates cache entries is kept:
    ``$XDG_STATE_HOME/ruconsist/cache-key`` (``~/.local/state/...``),
    deliberately not inside the cache directory, which CI jobs restore
    and share."""
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base) / "ruconsist" / "cache-key"


@functools.lru_cache(maxsize=None)
def _key_from(explicit: str | None, path: Path) -> bytes | None:
    if explicit:
        return hashlib.sha256(explicit.encode("utf-8", "surrogatepass")).digest()
    try:
        return _read_key(path)
    except OSError:
        pass
    try:
        _private_dir(path.parent)
        # Created under a temporary name and linked into place, so two
        # first runs at once agree on one key.
        fd, tmp = tempfile.mkstemp(prefix=".key-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(os.urandom(32).hex().encode())
            try:
                os.link(tmp, path)
            except FileExistsError:
                pass
        finally:
            os.unlink(tmp)
        return _read_key(path)
    except OSError:
        return None


def _read_key(path: Path) -> bytes | None:
    """The key stored at ``path``; ``None`` when someone else could have
    written or read it (then nothing is trusted and nothing is stored)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())
        data = f.read(256).strip()
    if hasattr(os, "getuid") and (st.st_uid != os.getuid() or st.st_mode & 0o077):
        return None
    if len(data) < 32:
        return None
    return hashlib.sha256(data).digest()


def entry_key() -> bytes | None:
    """The key that authenticates entries: ``RUCONSIST_CACHE_KEY`` (a
    secret a CI job passes so that the jobs sharing its cache trust each
    other's entries), or the user's key file, created on first use."""
    explicit = os.environ.get("RUCONSIST_CACHE_KEY") or None
    path = key_path()
    directory = cache_dir()
    if explicit is None and directory is not None and _inside(path, directory):
        # A key kept in the cache it guards (XDG_STATE_HOME pointed into
        # it) travels with a restored or shared cache: trust nothing.
        return None
    return _key_from(explicit, path)


def _inside(path: Path, directory: Path) -> bool:
    try:
        path.resolve().relative_to(directory.resolve())
        return True
    except (ValueError, OSError):
        return False


def _tag(key: bytes, name: str, payload: bytes) -> bytes:
    mac = hmac.new(key, MAGIC + name.encode("utf-8", "surrogateescape") + b"\0" + payload, hashlib.sha256)
    return mac.hexdigest().encode() + b"\n"


def load_entry(path: Path, default: object = None, expect: type | tuple[type, ...] | None = None) -> object:
    """The value stored at ``path``, or ``default`` for a missing,
    truncated, corrupt or foreign file, or one whose value is not of the
    ``expect`` type.  A stored entry names no code to run: only the
    classes of :data:`ALLOWED_GLOBALS` are rebuilt from it, and only
    after its tag verifies under this user's key."""
    key = entry_key()
    if key is None:
        return default
    try:
        data = path.read_bytes()
    except OSError:
        return default
    head = len(MAGIC)
    payload = data[head + TAG_BYTES :]
    if data[:head] != MAGIC or not hmac.compare_digest(data[head : head + TAG_BYTES], _tag(key, path.name, payload)):
        return default
    try:
        value = _Loader(io.BytesIO(payload)).load()
    except Exception:  # foreign, of another layout, or not ours at all
        return default
    if expect is not None and not isinstance(value, expect):
        return default
    try:
        os.utime(path)  # used: pruned last
    except OSError:
        pass
    return value


def store_entry(path: Path, value: object) -> None:
    """Write ``value`` at ``path`` atomically, in a directory only the
    user can read; a read-only home or a full disk must not stop a lint
    run, so write errors are ignored."""
    key = entry_key()
    if key is None:
        return
    try:
        from ruconsist.atomic import write_atomic

        _private_dir(path.parent)
        payload = _dumps(value)
        write_atomic(path, MAGIC + _tag(key, path.name, payload) + payload)
        prune(path.parent, MAX_BYTES)
    except (OSError, pickle.PicklingError):
        pass


def _private_dir(directory: Path) -> None:
    """Create the cache directory with mode 0700 (and its parents as
    usual)."""
    if not directory.is_dir():
        directory.parent.mkdir(parents=True, exist_ok=True)
        directory.mkdir(mode=0o700, exist_ok=True)


def prune(directory: Path, limit: int = MAX_BYTES, max_age_days: float = MAX_AGE_DAYS) -> None:
    """Delete the entries unused for ``max_age_days``, then the least
    recently used ones until the cache holds at most ``limit`` bytes."""
    import time

    oldest = time.time() - max_age_days * 86400
    entries = []
    total = 0
    for p in directory.iterdir():
        if p.name.startswith(".") or not p.is_file():
            continue
        st = p.stat()
        if st.st_mtime < oldest:
            try:
                p.unlink()
                continue
            except OSError:
                pass
        entries.append((st.st_mtime, st.st_size, p))
        total += st.st_size
    if total <= limit:
        return
    entries.sort()
    for _, size, p in entries:
        if total <= limit * 3 // 4:
            break
        try:
            p.unlink()
            total -= size
        except OSError:
            pass


def clear(directory: Path | None = None) -> tuple[int, int]:
    """Delete every entry of the cache; (files, bytes) removed."""
    directory = directory or cache_dir()
    files = size = 0
    if directory is None or not directory.is_dir():
        return 0, 0
    for p in directory.iterdir():
        if p.is_file() and not p.is_symlink():
            try:
                n = p.stat().st_size
                p.unlink()
                files += 1
                size += n
            except OSError:
                pass
    return files, size


def cached(name: str, key: str, build: Callable[[], T], expect: type | tuple[type, ...] | None = None) -> T:
    """``build()`` once per ``key``; later runs load the stored result
    (when it is of the ``expect`` type)."""
    directory = cache_dir()
    if directory is None:
        return build()
    path = directory / f"{name}-{key}.pickle"
    value = load_entry(path, _MISSING, expect)
    if value is not _MISSING:
        return value  # type: ignore[return-value]
    value = build()
    store_entry(path, value)
    return value
