"""How a path is shown in findings and messages."""

from __future__ import annotations

from pathlib import Path


def display(path: Path | str) -> str:
    """Paths are shown relative to the working directory when inside it."""
    p = Path(path)
    if not p.is_absolute():
        return p.as_posix()
    try:
        return p.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return p.as_posix()
