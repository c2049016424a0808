"""Write a file in one step: a reader sees the old content or the new,
never half of it, and an interrupted write leaves no stray file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: str | os.PathLike[str], data: bytes, *, sync: bool = False) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it
    into place, keeping an existing file's permissions.  A path that is
    not a regular file (``/dev/null``, a pipe) is written directly: it
    must never be renamed over."""
    p = Path(path)
    if p.exists() and not p.is_file():
        with open(p, "wb") as fh:
            fh.write(data)
        return
    mode = new_file_mode(p)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".ruconsist-tmp", dir=p.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if sync:
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        _keep_owner(p, tmp)
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _keep_owner(path: Path, tmp: str) -> None:
    """Give ``tmp`` the owner and group of the file it replaces (a run as
    root fixing a user's file must not take it over)."""
    try:
        old = path.stat()
    except OSError:
        return
    if (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
        try:
            os.chown(tmp, old.st_uid, old.st_gid)
        except OSError:
            pass


def new_file_mode(path: Path) -> int:
    """The permissions a file written at ``path`` should get: those of
    the file it replaces, else what open() gives a new file under the
    umask (never mkstemp's private 0600)."""
    return path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
